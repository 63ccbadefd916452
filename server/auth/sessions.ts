/**
 * Server-side sessions. The browser holds only a random id in an httpOnly, SameSite=Lax cookie;
 * a second, readable cookie carries the session's CSRF token, which every state-changing request
 * must echo in the `X-CSRF-Token` header (double submit, checked against the stored value).
 *
 * A session ends at logout, at its expiry, when the person's password changes (every other
 * session) and when the person is deactivated (all). Ending one deletes it from the store and
 * tells the listeners (the sync server, which closes the session's sockets); sync tokens name
 * their session and die with it.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { parseCookie } from "cookie";
import type { Session, Store, User } from "../store";

export const SESSION_COOKIE = "dagsorden_session";
export const CSRF_COOKIE = "dagsorden_csrf";
export const CSRF_HEADER = "x-csrf-token";
/** How long a session lives after login unless it ends sooner. */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface Authenticated {
  session: Session;
  user: User;
}

/** Called with the ids of sessions that just ended (the sync server closes their sockets). */
export type SessionsEndedListener = (sessionIds: readonly string[]) => void;

export class Sessions {
  private readonly endedListeners = new Set<SessionsEndedListener>();

  constructor(
    private readonly store: Store,
    readonly ttlMs: number = DEFAULT_SESSION_TTL_MS,
  ) {}

  async create(userId: string): Promise<Session> {
    const now = Date.now();
    const session: Session = {
      id: randomBytes(32).toString("base64url"),
      userId,
      csrfToken: randomBytes(24).toString("base64url"),
      createdAt: now,
      expiresAt: now + this.ttlMs,
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
    return this.live(id);
  }

  /** The session and its person while the session lives and the person is active; else null. */
  async live(id: string): Promise<Authenticated | null> {
    const session = await this.store.sessions.getSession(id);
    if (!session || session.expiresAt <= Date.now()) return null;
    const user = await this.store.users.getUser(session.userId);
    if (!user || !user.active) return null;
    return { session, user };
  }

  /** Logout: ends one session. */
  async destroy(id: string): Promise<void> {
    await this.store.sessions.deleteSession(id);
    this.ended([id]);
  }

  /**
   * Ends every session of a person but `exceptId` (password change keeps the session that
   * changed it; deactivation passes null).
   */
  async destroyAllOf(userId: string, exceptId: string | null): Promise<void> {
    const ids = await this.store.sessions.deleteUserSessions(userId, exceptId);
    if (ids.length > 0) this.ended(ids);
  }

  onEnded(listener: SessionsEndedListener): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private ended(ids: readonly string[]): void {
    for (const listener of this.endedListeners) listener(ids);
  }
}
