import { apiFetch, ApiError } from "./apiFetch";
import type { SessionUser } from "./types";

/** The signed-in person, or null when nobody is. */
export async function fetchCurrentUser(): Promise<SessionUser | null> {
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
