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
import { Limits } from "../../shared/protocol";
import type { Store, User } from "../store";
import type { Sessions } from "../auth/sessions";
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

export interface SyncServerOptions {
  store: Store;
  sessions: Sessions;
  tokens: SyncTokens;
  /** The permission decision for one person and one (existing) document. */
  accessFor: (user: User, doc: DocName) => Promise<Access>;
  validatorFor: (kind: DocKind) => BodyValidator | null;
  idleUnloadMs?: number;
  compactAfterUpdates?: number;
  pingIntervalMs?: number;
  log: (message: string, context?: Record<string, unknown>) => void;
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
  private readonly wss: WsServer<typeof SyncSocket>;
  /** Every open connection and its socket (for the heartbeat and permission changes). */
  private readonly connections = new Map<Connection, SyncSocket>();
  /** Shared by every connection instead of a closure each. */
  private readonly forgetConnection = (connection: Connection) => this.forget(connection);
  private readonly pingTimer: NodeJS.Timeout;
  private readonly largeSends = new LargeSendQueue(LARGE_SEND_CONCURRENCY);
  private nextId = 1;
  private closing = false;

  constructor(private readonly options: SyncServerOptions) {
    this.registry = new DocRegistry({
      store: options.store.docs,
      validatorFor: options.validatorFor,
      idleUnloadMs: options.idleUnloadMs ?? Limits.idleUnloadMs,
      compactAfterUpdates: options.compactAfterUpdates ?? 500,
      log: options.log,
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

  /** Re-decides access for every open connection to a document (after a permission change). */
  async refreshAccess(docName: string): Promise<void> {
    const doc = parseDocName(docName);
    if (!doc) return;
    for (const connection of [...this.connections.keys()]) {
      if (connection.docName !== docName) continue;
      const user = await this.options.store.users.getUser(connection.userId);
      connection.setAccess(user && user.active ? await this.options.accessFor(user, doc) : "none");
    }
  }

  /** Re-decides access for every open connection of one person (role change, deactivation). */
  async refreshAccessForUser(userId: string): Promise<void> {
    const names = new Set<string>();
    for (const connection of this.connections.keys())
      if (connection.userId === userId) names.add(connection.docName);
    for (const name of names) await this.refreshAccess(name);
  }

  /** Flushes every document, closes every socket with `serverShutdown`, stops the timers. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pingTimer);
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
    void this.open(connection, docName, req, url.searchParams.get("token")).catch(
      (error: unknown) => {
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
    docName: string,
    req: IncomingMessage,
    token: string | null,
  ): Promise<void> {
    const doc = parseDocName(docName);
    if (!doc) {
      connection.close("unknownDocument", `bad document name ${JSON.stringify(docName)}`);
      return;
    }
    const user = await this.authenticate(req, token, docName);
    if (!user) {
      connection.close("unauthenticated");
      return;
    }
    if (!(await this.options.store.docs.docExists(docName))) {
      connection.close("unknownDocument", `no document ${docName}`);
      return;
    }
    const access = await this.options.accessFor(user, doc);
    if (access === "none") {
      connection.close("forbidden", `${user.email} may not open ${docName}`);
      return;
    }
    connection.authorize(user.id, access);
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

  private async authenticate(
    req: IncomingMessage,
    token: string | null,
    docName: string,
  ): Promise<User | null> {
    if (token) {
      const claims = this.options.tokens.verify(token, docName);
      if (!claims) return null;
      const user = await this.options.store.users.getUser(claims.userId);
      return user && user.active ? user : null;
    }
    return (await this.options.sessions.fromRequest(req))?.user ?? null;
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
