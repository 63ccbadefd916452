/**
 * Server-side sessions. The browser holds only a random id in an httpOnly, SameSite=Lax cookie;
 * a second, readable cookie carries the session's CSRF token, which every state-changing request
 * must echo in the `X-CSRF-Token` header (double submit, checked against the stored value).
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { parseCookie } from "cookie";
import type { Session, Store, User } from "../store";

export const SESSION_COOKIE = "dagsorden_session";
export const CSRF_COOKIE = "dagsorden_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface Authenticated {
  session: Session;
  user: User;
}

export class Sessions {
  constructor(private readonly store: Store) {}

  async create(userId: string): Promise<Session> {
    const now = Date.now();
    const session: Session = {
      id: randomBytes(32).toString("base64url"),
      userId,
      csrfToken: randomBytes(24).toString("base64url"),
      createdAt: now,
      expiresAt: now + SESSION_TTL_MS,
    };
    await this.store.sessions.createSession(session);
    return session;
  }

  /** The signed-in person of a request (HTTP or websocket upgrade), or null. */
  async fromRequest(req: IncomingMessage): Promise<Authenticated | null> {
    const header = req.headers.cookie;
    if (!header) return null;
    const id = parseCookie(header)[SESSION_COOKIE];
    if (!id) return null;
    const session = await this.store.sessions.getSession(id);
    if (!session || session.expiresAt <= Date.now()) return null;
    const user = await this.store.users.getUser(session.userId);
    if (!user || !user.active) return null;
    return { session, user };
  }

  async destroy(id: string): Promise<void> {
    await this.store.sessions.deleteSession(id);
  }

  static get ttlMs(): number {
    return SESSION_TTL_MS;
  }
}
