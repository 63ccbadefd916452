/**
 * The websocket side of the server: a small facade over the document registry and the
 * connections. It accepts upgrades on `/sync/<docName>`, authenticates (session cookie or sync
 * token), asks the permission function for the connection's access, loads the document and
 * hands the socket to a `Connection`. Refusals happen after the upgrade, as close codes, so
 * clients can tell why (an HTTP refusal reaches a browser only as code 1006).
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import type { Server as WsServer } from "ws";
import type { DocKind, DocName } from "../../shared/docName";
import { parseDocName } from "../../shared/docName";
import type { Access } from "../../shared/permissions";
import { Limits, RefusedReason, type RefusedReasonValue } from "../../shared/protocol";
import type { ClusterBus } from "../cluster/ClusterBus";
import { ClusterEvents } from "../cluster/ClusterEvents";
import type { Store, User } from "../store";
import { StoreError } from "../store";
import type { OriginPolicy } from "../auth/OriginPolicy";
import type { Authenticated, Sessions } from "../auth/sessions";
import type { SyncTokens } from "../auth/syncTokens";
import type { BodyValidator } from "./bodyValidator";
import { Connection } from "./Connection";
import type { SocketLike } from "./Connection";
import type { Outbound } from "./outbound";
import { LargeSendQueue } from "./outbound";
import { DocRegistry } from "./DocRegistry";
import type { SyncDoc } from "./SyncDoc";

export const SYNC_PATH = "/sync/";

/** Large messages (whole documents for joiners) written at the same time, server-wide. */
const LARGE_SEND_CONCURRENCY = 2;

/** How long an ended session is remembered for connections that were authenticating meanwhile. */
const RECENTLY_ENDED_MS = 60_000;

export interface SyncServerOptions {
  store: Store;
  sessions: Sessions;
  tokens: SyncTokens;
  /** Which page origins may open a connection with the session cookie. */
  origins: OriginPolicy;
  /** The permission decision for one person and one (existing) document. */
  accessFor: (user: User, doc: DocName) => Promise<Access>;
  /** Why a person's updates to a document they may not write are refused (default read_only). */
  refusalFor?: (user: User, doc: DocName) => Promise<RefusedReasonValue>;
  validatorFor: (kind: DocKind) => BodyValidator | null;
  idleUnloadMs?: number;
  compactAfterUpdates?: number;
  pingIntervalMs?: number;
  /** How often open connections re-check their session in the store. */
  sessionCheckIntervalMs?: number;
  log: (message: string, context?: Record<string, unknown>) => void;
  /** Redis between the instances of a cluster; null or absent for one instance. */
  bus?: ClusterBus | null;
}

/**
 * A server-side socket that knows its connection, so one set of listener functions serves every
 * socket (a set of closures per socket cost about a third of an idle connection's memory).
 *
 * It is also what the connection writes to: messages go as ready-made frames (framed once per
 * broadcast) straight to the upgraded stream. `ws` writes its own frames (ping, close)
 * synchronously to the same stream (compression is off), so the order on the wire is the order
 * of the calls.
 */
class SyncSocket extends WebSocket implements SocketLike {
  connection: Connection | null = null;
  /** Answered the last ping (or just opened); cleared when the next ping goes out. */
  alive = true;
  /** The upgraded TCP stream under this websocket. */
  stream: Duplex | null = null;
  /** The session the connection was opened with, and when it expires (ms since the epoch). */
  sessionId: string | null = null;
  sessionExpiresAt = Number.POSITIVE_INFINITY;

  write(message: Outbound, written?: () => void): void {
    if (written) this.stream!.write(message.frame, () => written());
    else this.stream!.write(message.frame);
  }
}

// The listeners `ws` calls with the socket as `this` (typed as a plain WebSocket by @types/ws).
const socketOf = (ws: WebSocket) => ws as SyncSocket;

function onSocketMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
  const connection = socketOf(this).connection;
  if (!isBinary) {
    connection?.close("badMessage", "text frame");
    return;
  }
  connection?.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

function onSocketPong(this: WebSocket): void {
  socketOf(this).alive = true;
}

function onSocketClose(this: WebSocket): void {
  socketOf(this).connection?.handleSocketClosed();
}

function onSocketError(this: WebSocket, error: Error): void {
  // `ws` closes the socket itself (1009 for oversized messages, 1002 for bad framing).
  socketOf(this).connection?.logSocketError(error);
}

export class SyncServer {
  readonly registry: DocRegistry;
  /** Events acted on by every instance of a cluster (access changes, …). */
  readonly events: ClusterEvents;
  private readonly wss: WsServer<typeof SyncSocket>;
  /** Every open connection and its socket (for the heartbeat and permission changes). */
  private readonly connections = new Map<Connection, SyncSocket>();
  /** Shared by every connection instead of a closure each. */
  private readonly forgetConnection = (connection: Connection) => this.forget(connection);
  private readonly pingTimer: NodeJS.Timeout;
  private readonly sessionCheckTimer: NodeJS.Timeout;
  /** Fires at the earliest session expiry among open connections. */
  private expiryTimer: NodeJS.Timeout | null = null;
  private expiryAt = Number.POSITIVE_INFINITY;
  /**
   * Sessions ended in the last minute, with when: a connection still authenticating when its
   * session ended (it read the session just before) is closed as soon as it knows its session.
   */
  private readonly recentlyEnded = new Map<string, number>();
  private readonly largeSends = new LargeSendQueue(LARGE_SEND_CONCURRENCY);
  private nextId = 1;
  private closing = false;
  /**
   * Counts access refreshes. A connection being opened decides its access again if a refresh
   * began while it was deciding, so a permission change (an approval) can never be missed by a
   * connection that was half-way through opening.
   */
  private accessEpoch = 0;

  constructor(private readonly options: SyncServerOptions) {
    this.registry = new DocRegistry({
      store: options.store.docs,
      validatorFor: options.validatorFor,
      idleUnloadMs: options.idleUnloadMs ?? Limits.idleUnloadMs,
      compactAfterUpdates: options.compactAfterUpdates ?? 500,
      log: options.log,
      locks: options.store.locks,
      bus: options.bus,
      onWriters: (doc, clientIds, userId) => {
        options.store.review.recordDocClients(doc, clientIds, userId).catch((error: unknown) => {
          options.log("could not record writers", { doc, error: (error as Error).message });
        });
      },
    });
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: Limits.maxMessageBytes,
      perMessageDeflate: false,
      WebSocket: SyncSocket,
      // We track connections ourselves; ws's own tracking would add a set entry and a close
      // listener per socket.
      clientTracking: false,
    });
    this.pingTimer = setInterval(
      () => this.heartbeat(),
      options.pingIntervalMs ?? Limits.pingIntervalMs,
    );
    this.pingTimer.unref();
    this.sessionCheckTimer = setInterval(() => {
      this.recheckSessions().catch((error: unknown) => {
        options.log("could not re-check sessions", { error: (error as Error).message });
      });
    }, options.sessionCheckIntervalMs ?? Limits.sessionCheckIntervalMs);
    this.sessionCheckTimer.unref();
    this.events = new ClusterEvents(options.bus ?? null, options.log);
    this.events.on("docAccessChanged", ({ doc }) => this.redecide((c) => c.docName === doc));
    this.events.on("userAccessChanged", ({ userId }) => this.redecide((c) => c.userId === userId));
    this.events.on("sessionsEnded", ({ sessionIds }) => this.closeSessions(sessionIds));
    // Access changes told while Redis was away are lost: re-decide every connection. (Ended
    // sessions told meanwhile are found by the periodic session re-check.)
    this.events.onMissed(() => void this.redecide(() => true));
  }

  /** For the HTTP server's `upgrade` event; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(SYNC_PATH)) return false;
    if (this.closing) {
      socket.destroy();
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, socket, req, url));
    return true;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * Re-decides access for every open connection to a document (after a permission change), on
   * every instance; resolves when this instance's connections are done.
   */
  refreshAccess(docName: string): Promise<void> {
    return this.events.publish({ type: "docAccessChanged", doc: docName });
  }

  /** Re-decides access for every open connection of one person (role change, deactivation). */
  refreshAccessForUser(userId: string): Promise<void> {
    return this.events.publish({ type: "userAccessChanged", userId });
  }

  /** Whether SIGTERM started draining this instance (readiness answers 503). */
  get isClosing(): boolean {
    return this.closing;
  }

  private async redecide(which: (connection: Connection) => boolean): Promise<void> {
    // A connection half-way through opening decides again (see `open`).
    this.accessEpoch += 1;
    for (const connection of [...this.connections.keys()]) {
      // Not yet authorized: it decides its own access, after this began (see `open`).
      if (connection.isClosed || !connection.userId || !which(connection)) continue;
      const doc = parseDocName(connection.docName);
      if (!doc) continue;
      const user = await this.options.store.users.getUser(connection.userId);
      const access = user && user.active ? await this.options.accessFor(user, doc) : "none";
      connection.setAccess(access, await this.refusalFor(user, doc, access));
    }
  }

  /**
   * Closes the connections of sessions that ended (logout, password change, deactivation), on
   * every instance; resolves when this instance's are closed.
   */
  endSessions(sessionIds: readonly string[]): Promise<void> {
    return this.events.publish({ type: "sessionsEnded", sessionIds: [...sessionIds] });
  }

  /** This instance's connections of the ended sessions, closed with `sessionEnded`. */
  private closeSessions(sessionIds: readonly string[]): void {
    const now = Date.now();
    for (const [id, at] of this.recentlyEnded)
      if (at < now - RECENTLY_ENDED_MS) this.recentlyEnded.delete(id);
    for (const id of sessionIds) this.recentlyEnded.set(id, now);
    const ended = new Set(sessionIds);
    for (const [connection, ws] of [...this.connections]) {
      if (ws.sessionId !== null && ended.has(ws.sessionId))
        connection.close("sessionEnded", "session ended");
    }
  }

  /** Flushes every document, closes every socket with `serverShutdown`, stops the timers. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pingTimer);
    clearInterval(this.sessionCheckTimer);
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    await this.registry.closeAll();
    for (const connection of [...this.connections.keys()]) connection.close("serverShutdown");
    this.wss.close();
  }

  private accept(ws: SyncSocket, stream: Duplex, req: IncomingMessage, url: URL): void {
    const docName = decodeURIComponent(url.pathname.slice(SYNC_PATH.length));
    ws.stream = stream;
    const connection = new Connection({
      id: this.nextId++,
      socket: ws,
      largeSends: this.largeSends,
      docName,
      userId: "",
      access: "none",
      log: this.options.log,
      onClose: this.forgetConnection,
    });
    ws.connection = connection;
    this.connections.set(connection, ws);
    ws.on("message", onSocketMessage);
    ws.on("pong", onSocketPong);
    ws.on("close", onSocketClose);
    ws.on("error", onSocketError);
    void this.open(connection, ws, docName, req, url.searchParams.get("token")).catch(
      (error: unknown) => {
        if (error instanceof StoreError && error.code === "store_unavailable") {
          connection.close("storeUnavailable", error.message);
          return;
        }
        this.options.log("could not open document", {
          doc: docName,
          error: (error as Error).stack,
        });
        connection.close("internalError", (error as Error).message);
      },
    );
  }

  private async open(
    connection: Connection,
    ws: SyncSocket,
    docName: string,
    req: IncomingMessage,
    token: string | null,
  ): Promise<void> {
    if (!token && !this.options.origins.allows(req)) {
      connection.close("originRefused", `cookie upgrade from origin ${req.headers.origin}`);
      return;
    }
    const doc = parseDocName(docName);
    if (!doc) {
      connection.close("unknownDocument", `bad document name ${JSON.stringify(docName)}`);
      return;
    }
    const auth = await this.authenticate(req, token, docName);
    if (!auth) {
      connection.close("unauthenticated");
      return;
    }
    const { user, session } = auth;
    if (this.recentlyEnded.has(session.id)) {
      connection.close("sessionEnded", "session ended while connecting");
      return;
    }
    ws.sessionId = session.id;
    ws.sessionExpiresAt = session.expiresAt;
    this.scheduleExpiry(session.expiresAt);
    if (!(await this.options.store.docs.docExists(docName))) {
      connection.close("unknownDocument", `no document ${docName}`);
      return;
    }
    let access: Access;
    let epoch: number;
    do {
      epoch = this.accessEpoch;
      access = await this.options.accessFor(user, doc);
    } while (epoch !== this.accessEpoch && !connection.isClosed);
    if (access === "none") {
      connection.close("forbidden", `${user.email} may not open ${docName}`);
      return;
    }
    connection.authorize(user.id, access, await this.refusalFor(user, doc, access), user.name);
    const syncDoc = await this.registry.join(docName);
    if (!syncDoc) {
      connection.close("unknownDocument", `no document ${docName}`);
      return;
    }
    if (connection.isClosed) {
      this.registry.release(syncDoc);
      return;
    }
    connection.start(syncDoc);
  }

  private async refusalFor(
    user: User | null,
    doc: DocName,
    access: Access,
  ): Promise<RefusedReasonValue> {
    if (user === null || access === "write" || access === "none" || !this.options.refusalFor) {
      return RefusedReason.readOnly;
    }
    return this.options.refusalFor(user, doc);
  }

  /** The live session and its active person, from the sync token or else the cookie. */
  private async authenticate(
    req: IncomingMessage,
    token: string | null,
    docName: string,
  ): Promise<Authenticated | null> {
    if (token) {
      const claims = this.options.tokens.verify(token, docName);
      if (!claims) return null;
      const auth = await this.options.sessions.live(claims.sid);
      return auth && auth.user.id === claims.userId ? auth : null;
    }
    return this.options.sessions.fromRequest(req);
  }

  /** Closes the connections whose session expired or is gone from the store. */
  private async recheckSessions(): Promise<void> {
    const ids = new Set<string>();
    for (const ws of this.connections.values()) if (ws.sessionId !== null) ids.add(ws.sessionId);
    const ended: string[] = [];
    for (const id of ids) if (!(await this.options.sessions.live(id))) ended.push(id);
    // Every instance re-checks its own connections: no need to tell the others.
    if (ended.length > 0) this.closeSessions(ended);
  }

  private scheduleExpiry(at: number): void {
    if (at >= this.expiryAt || this.closing) return;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryAt = at;
    // setTimeout takes at most 2^31-1 ms; a later expiry is re-scheduled when this one fires.
    const delay = Math.min(Math.max(0, at - Date.now()), 2 ** 31 - 1);
    this.expiryTimer = setTimeout(() => this.closeExpired(), delay);
    this.expiryTimer.unref();
  }

  private closeExpired(): void {
    this.expiryTimer = null;
    this.expiryAt = Number.POSITIVE_INFINITY;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const [connection, ws] of [...this.connections]) {
      if (ws.sessionExpiresAt <= now) connection.close("sessionEnded", "session expired");
      else next = Math.min(next, ws.sessionExpiresAt);
    }
    if (next !== Number.POSITIVE_INFINITY) this.scheduleExpiry(next);
  }

  private forget(connection: Connection): void {
    this.connections.delete(connection);
    const doc: SyncDoc | null = connection.document;
    if (doc) this.registry.release(doc);
  }

  private heartbeat(): void {
    for (const [connection, ws] of this.connections) {
      if (!ws.alive) {
        ws.terminate();
        continue;
      }
      ws.alive = false;
      ws.ping();
      connection.keepAlive();
    }
  }
}
