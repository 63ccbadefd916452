/**
 * One websocket connected to one document.
 *
 * Messages are taken off the socket as they arrive and processed strictly in order, one at a
 * time, from a bounded queue — also while the document is still loading, so nothing that
 * arrives early is lost or reordered. Outbound messages go straight to the socket; a client
 * that lets more than `Limits.maxBufferedBytes` pile up is closed rather than buffered without
 * limit.
 */
import type { Access } from "../../shared/permissions";
import { canWriteDoc, maySuggestOnly } from "../../shared/permissions";
import type { SuggestionAuthor } from "../../shared/suggestions";
import type { CloseCodeName, RefusedReasonValue } from "../../shared/protocol";
import { CloseCode, CloseReason, Limits, RefusedReason } from "../../shared/protocol";
import type { DocPeer, SyncDoc } from "./SyncDoc";
import { UpdateRejected } from "./SyncDoc";
import {
  KEEPALIVE_MESSAGE,
  ProtocolError,
  decodeClientMessage,
  encodeAccess,
  encodePermissionDenied,
  encodeRefused,
  encodeSaved,
  encodeSyncStep1,
} from "./messages";
import type { LargeSendQueue } from "./outbound";
import { Outbound } from "./outbound";
import * as Y from "yjs";

/** What a connection needs of its websocket; the server adapts `ws`, tests pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  readonly bufferedAmount: number;
  /** Writes one message; `written` is called once it has been handed to the network or failed. */
  write(message: Outbound, written?: () => void): void;
  close(code: number, reason: string): void;
  terminate(): void;
}

/** Messages at least this large wait for a turn in the server's `LargeSendQueue`. */
export const LARGE_MESSAGE_BYTES = 256 * 1024;

const OPEN = 1;
/** How long updates may wait for the client's sync step 2 (see `Connection.applyUpdate`). */
const STEP2_WAIT_MS = 10_000;
const KEEPALIVE = new Outbound(KEEPALIVE_MESSAGE);

export interface ConnectionOptions {
  id: number;
  socket: SocketLike;
  docName: string;
  userId: string;
  access: Access;
  /** Why this connection's updates are refused while its access is not `write`. */
  refusal?: RefusedReasonValue;
  log: (message: string, context?: Record<string, unknown>) => void;
  onClose: (connection: Connection) => void;
  /** Paces large messages across connections; without it they are written at once. */
  largeSends?: LargeSendQueue;
}

export class Connection implements DocPeer {
  readonly id: number;
  readonly docName: string;
  private user: string;
  /** Allocated on the first awareness state: most connections of a thousand never send one. */
  private awarenessIds: Set<number> | null = null;
  private readonly socket: SocketLike;
  private readonly log: ConnectionOptions["log"];
  private readonly onClose: ConnectionOptions["onClose"];
  private readonly largeSends: LargeSendQueue | null;
  private access: Access;
  private userName = "";
  private refusal: RefusedReasonValue;
  /**
   * Set once an update of this connection was refused: later save requests are answered
   * `refused`, never `saved` (what they would confirm includes lost edits, and the client's
   * later updates depend on them).
   */
  private refusedWith: RefusedReasonValue | null = null;
  private syncDoc: SyncDoc | null = null;
  /**
   * Messages waiting to be handled; null while there are none, because an emptied array keeps
   * its backing store (about 150 bytes) for as long as an idle connection lives.
   */
  private queue: Uint8Array[] | null = null;
  private queuedBytes = 0;
  private processing = false;
  private closed = false;
  /** The client opted in to extension messages. */
  private extended = false;
  private warnedReadOnly = false;
  private sentSinceKeepalive = false;
  /** Messages held back, in order, while a large message waits for its turn. */
  private held: Outbound[] | null = null;
  private heldBytes = 0;
  /** The client's sync step 1 arrived, and its step 2 was applied (see `applyUpdate`). */
  private sentStep1 = false;
  private clientSynced = false;
  /** Updates that arrived before the client's sync step 2 and build on state it has not sent. */
  private waitingForStep2: Uint8Array[] | null = null;
  /** Frees this connection's slot in the large-send queue; set while it holds one. */
  private releaseLargeSend: (() => void) | null = null;

  constructor(options: ConnectionOptions) {
    this.id = options.id;
    this.socket = options.socket;
    this.docName = options.docName;
    this.user = options.userId;
    this.access = options.access;
    this.refusal = options.refusal ?? RefusedReason.readOnly;
    // Not `options` itself: callers build it per connection, and only these are needed.
    this.log = options.log;
    this.onClose = options.onClose;
    this.largeSends = options.largeSends ?? null;
  }

  get awarenessClients(): Set<number> {
    return (this.awarenessIds ??= new Set());
  }

  get userId(): string {
    return this.user;
  }

  get document(): SyncDoc | null {
    return this.syncDoc;
  }

  /** Authentication finished: who this is, what they may do, and why not more. */
  authorize(userId: string, access: Access, refusal: RefusedReasonValue, userName = ""): void {
    this.user = userId;
    this.userName = userName;
    this.access = access;
    this.refusal = refusal;
  }

  /** Who this connection's updates must be suggestions by, while its access is `suggest`. */
  get suggestAs(): SuggestionAuthor | null {
    return maySuggestOnly(this.access) ? { id: this.user, name: this.userName } : null;
  }

  get currentAccess(): Access {
    return this.access;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Called for every message from the socket, also before the document is loaded. */
  receive(data: Uint8Array): void {
    if (this.closed) return;
    const queue = (this.queue ??= []);
    if (
      queue.length >= Limits.maxQueuedMessages ||
      this.queuedBytes + data.byteLength > Limits.maxQueuedBytes
    ) {
      this.close("overloaded", "too many messages waiting");
      return;
    }
    queue.push(data);
    this.queuedBytes += data.byteLength;
    if (this.syncDoc) void this.drain();
  }

  /** The document is loaded: greet the client, then process what arrived meanwhile. */
  start(syncDoc: SyncDoc): void {
    if (this.closed) return;
    this.syncDoc = syncDoc;
    syncDoc.peers.add(this);
    // A large document may still be decoding: its state vector is known once it is done.
    if (syncDoc.isReady) this.sendSyncStep1(syncDoc);
    else void syncDoc.whenDecoded().then(() => this.sendSyncStep1(syncDoc));
    const awareness = syncDoc.awarenessSnapshot();
    if (awareness) this.send(awareness);
    void this.drain();
  }

  private sendSyncStep1(syncDoc: SyncDoc): void {
    if (!this.closed) this.send(new Outbound(encodeSyncStep1(Y.encodeStateVector(syncDoc.doc))));
  }

  /** A permission changed while connected: demote, promote or close. */
  setAccess(access: Access, refusal: RefusedReasonValue = RefusedReason.readOnly): void {
    this.refusal = refusal;
    if (this.closed || access === this.access) return;
    if (access === "none") {
      this.close("forbidden", "access withdrawn");
      return;
    }
    this.access = access;
    this.warnedReadOnly = false;
    if (this.extended) this.send(new Outbound(encodeAccess(access)));
  }

  /**
   * Sends a message, in order with everything sent before. A large one waits for its turn in
   * the server's large-send queue, and what is sent meanwhile waits behind it.
   */
  send(message: Outbound): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    if (this.socket.bufferedAmount + this.heldBytes > Limits.maxBufferedBytes) {
      this.close("overloaded", "client reads too slowly");
      return;
    }
    this.sentSinceKeepalive = true;
    if (this.held) {
      this.held.push(message);
      this.heldBytes += message.byteLength;
    } else if (message.byteLength >= LARGE_MESSAGE_BYTES && this.largeSends) {
      this.held = [];
      this.largeSends.enqueue((done) => this.writeLarge(message, done));
    } else {
      this.socket.write(message);
    }
  }

  private writeLarge(message: Outbound, done: () => void): void {
    const held = this.held ?? [];
    this.held = null;
    this.heldBytes = 0;
    if (this.closed || this.socket.readyState !== OPEN) {
      done();
      return;
    }
    this.releaseLargeSend = done;
    this.socket.write(message, () => {
      this.releaseLargeSend = null;
      done();
    });
    for (const next of held) this.send(next);
  }

  /** Called by the server's timer: y-websocket clients drop a connection silent for 30 s. */
  keepAlive(): void {
    if (!this.sentSinceKeepalive) this.send(KEEPALIVE);
    this.sentSinceKeepalive = false;
  }

  /** `ws` reported a socket error; it closes the socket itself. */
  logSocketError(error: Error): void {
    this.log("websocket error", { connection: this.id, error: error.message });
  }

  fail(reason: "internalError" | "storeUnavailable"): void {
    this.close(reason, "document unavailable");
  }

  close(code: CloseCodeName, detail?: string): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = null;
    this.queuedBytes = 0;
    if (detail) this.log("closing connection", { connection: this.id, code, detail });
    try {
      this.socket.close(CloseCode[code], CloseReason[code]);
    } catch {
      this.socket.terminate();
    }
    this.detach();
  }

  /** The socket closed from the other side. */
  handleSocketClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = null;
    this.detach();
  }

  private detach(): void {
    this.held = null;
    this.heldBytes = 0;
    // The socket is going away; its write callback may come late or never.
    this.releaseLargeSend?.();
    this.releaseLargeSend = null;
    if (this.syncDoc) {
      this.syncDoc.peers.delete(this);
      if (this.awarenessIds) this.syncDoc.removeAwareness(this.awarenessIds);
    }
    this.onClose(this);
  }

  private async drain(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (!this.closed && this.queue && this.queue.length > 0) {
        const data = this.queue.shift()!;
        this.queuedBytes -= data.byteLength;
        await this.handle(data);
      }
    } finally {
      this.processing = false;
      if (this.queue?.length === 0) this.queue = null;
    }
  }

  private async handle(data: Uint8Array): Promise<void> {
    const doc = this.syncDoc!;
    try {
      const message = decodeClientMessage(data);
      // Only a fresh client's sync step 1 can be answered before the document is decoded.
      if (message.type !== "syncStep1" && !doc.isReady) await doc.ready();
      switch (message.type) {
        case "syncStep1":
          this.sentStep1 = true;
          this.send(await doc.syncStep2For(message.stateVector));
          return;
        case "syncStep2":
        case "update":
          // A suggest connection's updates are applied, and checked as suggestions (SyncDoc).
          if (!canWriteDoc(this.access) && !maySuggestOnly(this.access)) {
            // Never applied, stored or relayed. An update that would change nothing (a synced
            // client's step 2 carries the document's deletions) is no refusal.
            if (!isEmptyUpdate(message.update) && !(await doc.changesNothing(message.update))) {
              this.refuse();
            }
            return;
          }
          await this.applyUpdate(doc, message.type === "syncStep2", message.update);
          return;
        case "awareness":
          doc.applyAwareness(this, message.update);
          return;
        case "queryAwareness": {
          const awareness = doc.awarenessSnapshot();
          if (awareness) this.send(awareness);
          return;
        }
        case "hello":
          this.optIn();
          return;
        case "saveRequest":
          this.optIn();
          // Everything this connection sent before is in the queue ahead of this point.
          await doc.whenPersisted();
          // A batch that could not be stored fails the document: never a false "saved"; after a
          // refusal, never "saved" either (what it would confirm includes lost edits).
          if (!doc.hasFailed) {
            this.send(
              new Outbound(
                this.refusedWith === null
                  ? encodeSaved(message.requestId)
                  : encodeRefused(this.refusedWith),
              ),
            );
          }
          return;
      }
    } catch (error) {
      if (error instanceof ProtocolError) this.close("badMessage", error.message);
      else if (error instanceof UpdateRejected) this.close(error.code, error.message);
      else {
        this.log("unexpected error handling a message", {
          connection: this.id,
          error: (error as Error).stack ?? String(error),
        });
        this.close("internalError", (error as Error).message);
      }
    }
  }

  /**
   * A client that (re)connects sends its sync step 2 — what it has that the server lacks — only
   * in answer to the server's step 1, and may send updates typed meanwhile before it: those can
   * build on its own changes the server has not seen yet (typed while the connection was down,
   * or while its previous instance was draining). Until the step 2 is applied, such updates wait
   * for it instead of being refused (for `STEP2_WAIT_MS` at most, and only from a client that
   * sent its step 1 as clients do on connecting); after it, the client can only build on what
   * it was sent or sent itself.
   */
  private async applyUpdate(doc: SyncDoc, isStep2: boolean, update: Uint8Array): Promise<void> {
    if (this.clientSynced) {
      doc.applyClientUpdate(this, update);
      return;
    }
    if (isStep2) {
      doc.applyClientUpdate(this, update);
      this.clientSynced = true;
      const waiting = this.waitingForStep2 ?? [];
      this.waitingForStep2 = null;
      for (const early of waiting) doc.applyClientUpdate(this, early);
      return;
    }
    if (!this.sentStep1 || !(await doc.lacksStateFor(update))) {
      doc.applyClientUpdate(this, update);
      return;
    }
    const waiting = (this.waitingForStep2 ??= []);
    if (waiting.length >= Limits.maxQueuedMessages) {
      throw new UpdateRejected("invalidUpdate", "updates depend on state never sent");
    }
    waiting.push(update);
    if (waiting.length === 1) {
      const timer = setTimeout(() => {
        if (this.waitingForStep2) this.close("invalidUpdate", "updates depend on state never sent");
      }, STEP2_WAIT_MS);
      timer.unref();
    }
  }

  /**
   * An update was not applied. An opted-in client is told at once, with the reason, the first
   * time; a stock client gets the standard "permission denied" once (it only logs it). Either
   * way no later save request of this connection is confirmed.
   */
  private refuse(): void {
    const first = this.refusedWith === null;
    this.refusedWith ??= this.refusal;
    if (this.extended) {
      if (first) this.send(new Outbound(encodeRefused(this.refusedWith)));
      return;
    }
    if (this.warnedReadOnly) return;
    this.warnedReadOnly = true;
    this.send(new Outbound(encodePermissionDenied("read-only")));
  }

  private optIn(): void {
    if (this.extended) return;
    this.extended = true;
    this.send(new Outbound(encodeAccess(this.access)));
  }
}

/** `[0, 0]`: no structs, no deletions — what a reader's sync step 2 usually is. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
