import type { Response } from "express";
import type { Session } from "../store";
import { CSRF_COOKIE, SESSION_COOKIE } from "./sessions";

/** Sets the httpOnly session cookie and the readable CSRF cookie for a new session. */
export function setSessionCookies(res: Response, session: Session, secure: boolean): void {
  const maxAge = Math.max(0, session.expiresAt - Date.now());
  const base = { sameSite: "lax" as const, secure, path: "/", maxAge };
  res.cookie(SESSION_COOKIE, session.id, { ...base, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: "/" });
  res.clearCookie(CSRF_COOKIE, { path: "/" });
}
