/**
 * A lightweight protocol client for the many-client scenarios: one `ws` socket, the y-protocols
 * sync messages encoded by hand, no awareness, and — unless it is given a Y.Doc — no document
 * at all: it answers the server's sync step 1 with an empty step 2 and hands every received
 * update to a callback as bytes. That keeps a thousand listeners from making the harness the
 * bottleneck.
 *
 * It speaks two framings:
 * - `y-websocket` (ours and the reference server): one document per socket, named in the URL
 *   path; a message is `[varUint type, ...payload]`. Ours adds `[100 saveRequest, id]` →
 *   `[101 saved, id]` (shared/protocol.ts).
 * - `hocuspocus`: every message starts with `varString documentName` (sockets can multiplex
 *   documents), the first message for a document must be an auth message `[name, 2, 0, token]`
 *   and nothing is processed before it; sync replies come as type 4 (SyncReply) and every update
 *   is answered with a type 8 SyncStatus (applied in memory — not stored).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { MessageType, SyncMessageType } from "../../../shared/protocol";

export type WireProtocol = "y-websocket" | "hocuspocus";

/** Everything a client needs to open one document on one server. */
export interface ConnectTarget {
  protocol: WireProtocol;
  /** The websocket URL to open (for y-websocket it already names the document). */
  url: string;
  docName: string;
  /** For stock providers: base URL and query parameters (y-websocket appends `/<doc>?<params>`). */
  serverUrl: string;
  params: Record<string, string>;
}

const HOCUSPOCUS_SYNC_REPLY = 4;
const HOCUSPOCUS_SYNC_STATUS = 8;
const HOCUSPOCUS_AUTH_TOKEN = 0;
const HOCUSPOCUS_AUTH_DENIED = 1;

/** The update of an empty document: what a listener without a doc answers to sync step 1. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

export interface RawClientOptions {
  /** Receives sync step 2 and updates into this doc, and sends its local updates. */
  doc?: Y.Doc;
  /** Called with every received document update (not step 2), with `performance.now()`. */
  onUpdate?: (update: Uint8Array, receivedAt: number) => void;
  /**
   * Called after each sync step 2 or update has been applied to `doc`, with the time the
   * message arrived (taken before applying it, so the client's own decoding is not included).
   */
  afterApply?: (receivedAt: number) => void;
  /** Called for every hocuspocus SyncStatus message (its per-update "applied" answer). */
  onSyncStatus?: (receivedAt: number) => void;
}

export interface CloseInfo {
  code: number;
  reason: string;
}

export class RawClient {
  readonly socket: WebSocket;
  /** `performance.now()` when the connection was requested. */
  readonly startedAt: number;
  /** Resolves with `performance.now()` when the first sync step 2 has been received. */
  readonly synced: Promise<number>;
  readonly closed: Promise<CloseInfo>;
  /** Bytes of the first sync step 2 (the document as the server sent it). */
  syncBytes = 0;
  private resolveSynced!: (at: number) => void;
  private rejectSynced!: (error: Error) => void;
  private isSynced = false;
  private stepTwoWaiters: Array<() => void> = [];
  private saveWaiters = new Map<number, (at: number) => void>();
  private nextSaveId = 1;
  /** While false, received updates are reported but not applied to the doc. */
  applyIncoming = true;

  constructor(
    readonly target: ConnectTarget,
    private readonly options: RawClientOptions = {},
  ) {
    this.synced = new Promise((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    this.synced.catch(() => {});
    this.startedAt = performance.now();
    this.socket = new WebSocket(target.url, { perMessageDeflate: false, maxPayload: 0 });
    this.socket.binaryType = "nodebuffer";
    this.closed = new Promise((resolve) => {
      this.socket.on("close", (code, reason) => {
        const info = { code, reason: reason.toString() };
        if (!this.isSynced) {
          this.rejectSynced(new Error(`closed before sync: ${code} ${info.reason}`));
        }
        resolve(info);
      });
    });
    this.socket.on("error", (error) => {
      if (!this.isSynced) this.rejectSynced(error);
    });
    this.socket.on("open", () => this.onOpen());
    this.socket.on("message", (data: Buffer) => this.onMessage(data));
    const doc = options.doc;
    if (doc) {
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== this) this.sendUpdate(update);
      });
    }
  }

  /** Opens a client and waits until it is synced. */
  static async connect(target: ConnectTarget, options: RawClientOptions = {}): Promise<RawClient> {
    const client = new RawClient(target, options);
    await client.synced;
    return client;
  }

  private header(type: number): encoding.Encoder {
    const encoder = encoding.createEncoder();
    if (this.target.protocol === "hocuspocus")
      encoding.writeVarString(encoder, this.target.docName);
    encoding.writeVarUint(encoder, type);
    return encoder;
  }

  private onOpen(): void {
    if (this.target.protocol === "hocuspocus") {
      const auth = this.header(MessageType.auth);
      encoding.writeVarUint(auth, HOCUSPOCUS_AUTH_TOKEN);
      encoding.writeVarString(auth, this.target.params.token ?? "");
      this.socket.send(encoding.toUint8Array(auth));
    }
    this.sendStepOne();
  }

  private sendStepOne(): void {
    const encoder = this.header(MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.step1);
    const doc = this.options.doc;
    encoding.writeVarUint8Array(encoder, doc ? Y.encodeStateVector(doc) : EMPTY_STATE_VECTOR);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  /**
   * Asks for the server's state again and resolves when its step 2 arrives. Servers handle a
   * connection's messages in order, so everything sent before has been applied by then.
   */
  barrier(): Promise<void> {
    return new Promise((resolve) => {
      this.stepTwoWaiters.push(resolve);
      this.sendStepOne();
    });
  }

  sendUpdate(update: Uint8Array): void {
    const encoder = this.header(MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.update);
    encoding.writeVarUint8Array(encoder, update);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  /** Ours only: resolves with `performance.now()` when the server says all sent so far is stored. */
  requestSave(): Promise<number> {
    const id = this.nextSaveId++;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.saveRequest);
    encoding.writeVarUint(encoder, id);
    return new Promise((resolve) => {
      this.saveWaiters.set(id, resolve);
      this.socket.send(encoding.toUint8Array(encoder));
    });
  }

  close(): Promise<CloseInfo> {
    if (this.socket.readyState === WebSocket.CONNECTING) this.socket.terminate();
    else this.socket.close();
    return this.closed;
  }

  private onMessage(data: Buffer): void {
    const receivedAt = performance.now();
    const decoder = decoding.createDecoder(data);
    if (this.target.protocol === "hocuspocus") decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
      case HOCUSPOCUS_SYNC_REPLY:
        this.onSync(decoder, receivedAt, data.byteLength);
        return;
      case MessageType.saved: {
        const id = decoding.readVarUint(decoder);
        const waiter = this.saveWaiters.get(id);
        this.saveWaiters.delete(id);
        waiter?.(receivedAt);
        return;
      }
      case MessageType.auth:
        if (
          this.target.protocol === "hocuspocus" &&
          decoding.readVarUint(decoder) === HOCUSPOCUS_AUTH_DENIED
        ) {
          this.rejectSynced(new Error(`permission denied: ${decoding.readVarString(decoder)}`));
        }
        return;
      case HOCUSPOCUS_SYNC_STATUS:
        if (this.target.protocol === "hocuspocus") this.options.onSyncStatus?.(receivedAt);
        return;
      default:
        // awareness, access and other messages carry nothing the benchmarks measure
        return;
    }
  }

  private onSync(decoder: decoding.Decoder, receivedAt: number, bytes: number): void {
    const doc = this.options.doc;
    const subtype = decoding.readVarUint(decoder);
    if (subtype === SyncMessageType.step1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const reply = this.header(MessageType.sync);
      encoding.writeVarUint(reply, SyncMessageType.step2);
      encoding.writeVarUint8Array(
        reply,
        doc ? Y.encodeStateAsUpdate(doc, stateVector) : EMPTY_UPDATE,
      );
      this.socket.send(encoding.toUint8Array(reply));
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    if (subtype === SyncMessageType.step2) {
      if (doc) Y.applyUpdate(doc, update, this);
      this.options.afterApply?.(receivedAt);
      if (!this.isSynced) {
        this.isSynced = true;
        this.syncBytes = bytes;
        this.resolveSynced(receivedAt);
      }
      const waiters = this.stepTwoWaiters;
      this.stepTwoWaiters = [];
      for (const waiter of waiters) waiter();
      return;
    }
    if (subtype === SyncMessageType.update) {
      if (doc && this.applyIncoming) Y.applyUpdate(doc, update, this);
      this.options.afterApply?.(receivedAt);
      this.options.onUpdate?.(update, receivedAt);
    }
  }
}
