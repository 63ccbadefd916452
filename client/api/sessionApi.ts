import { apiFetch, ApiError, CSRF_COOKIE, readCookie } from "./apiFetch";
import type { SessionUser } from "./types";

/**
 * The signed-in person, or null when nobody is. Login sets the readable CSRF cookie together
 * with the session cookie (same lifetime) and logout clears both, so without it nobody is
 * signed in: the server is not asked, and the browser logs no 401 before every login.
 */
export async function fetchCurrentUser(): Promise<SessionUser | null> {
  if (readCookie(CSRF_COOKIE) === null) return null;
  try {
    return (await apiFetch<{ user: SessionUser }>("/api/me")).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function login(email: string, password: string): Promise<SessionUser> {
  return (
    await apiFetch<{ user: SessionUser }>("/api/auth/login", {
      method: "POST",
      body: { email, password },
    })
  ).user;
}

export async function logout(): Promise<void> {
  await apiFetch<unknown>("/api/auth/logout", { method: "POST" });
}
