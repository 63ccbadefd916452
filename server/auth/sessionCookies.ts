import type { Response } from "express";
import type { Session } from "../store";
import { CSRF_COOKIE, SESSION_COOKIE, Sessions } from "./sessions";

/** Sets the httpOnly session cookie and the readable CSRF cookie for a new session. */
export function setSessionCookies(res: Response, session: Session, secure: boolean): void {
  const base = { sameSite: "lax" as const, secure, path: "/", maxAge: Sessions.ttlMs };
  res.cookie(SESSION_COOKIE, session.id, { ...base, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: "/" });
  res.clearCookie(CSRF_COOKIE, { path: "/" });
}
