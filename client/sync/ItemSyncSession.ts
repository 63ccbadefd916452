/**
 * One open item body: its Y.Doc, the websocket provider that syncs it with the server, the
 * IndexedDB copy that keeps offline edits, and the bookkeeping that lets the status indicator
 * tell the truth about durability.
 *
 * How durability is confirmed: after every connect the session sends `[hello]` to opt in to the
 * server's extension messages. Local edits (any Y.Doc update not applied by the provider or
 * loaded from IndexedDB) are followed, once per microtask batch, by `[saveRequest, id]`; the
 * server answers `[saved, id]` when everything it received before the request is committed.
 * After a reconnect, offline edits go out in the client's sync step 2 (its answer to the server's
 * step 1); a request follows once the server's step 2 has arrived, so it covers them too.
 * The state machine itself is pure: see saveState.ts.
 *
 * Refusals: when the server answers `[refused, reason]` (the person may not write, the item
 * was approved meanwhile), nothing unconfirmed is saved. The session keeps the person's text
 * (for them to copy), stops sending, and deletes this browser's local copy, so a reload never
 * brings the refused text back; the page then starts a new session from the server's text.
 *
 * Liveness: see watchConnection.ts; the probe is a `queryAwareness`, which the server always
 * answers here (the provider's own awareness state is on the server from the first message).
 */
import * as decoding from "lib0/decoding";
import { destroyProvider } from "./destroyProvider";
import * as encoding from "lib0/encoding";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { BODY_FRAGMENT } from "../../shared/docName";
import type { Access } from "../../shared/permissions";
import {
  MessageType,
  RefusedReason,
  SyncMessageType,
  type RefusedReasonValue,
} from "../../shared/protocol";
import { closeProblemFor, type CloseProblem } from "./closeProblem";
import { documentText } from "./documentText";
import {
  initialSaveState,
  reduceSaveState,
  shouldRequestSave,
  type SaveEvent,
  type SaveState,
} from "./saveState";
import { watchConnection } from "./watchConnection";

export interface ItemSyncSnapshot {
  saveState: SaveState;
  /**
   * What the server last said this person may do with the document; null until it has said
   * (the editor stays read-only meanwhile, without claiming a permission it does not know).
   * Kept across reconnects, so offline editing goes on with the last known access.
   */
  access: Access | null;
  /** The body holds its fields (from IndexedDB or the server), so an editor may be mounted. */
  ready: boolean;
  /** A close that needs the person's attention; null while all is well or merely offline. */
  problem: CloseProblem | null;
  /** The server refused this session's edits: why, and the person's text at that moment. */
  refusal: Refusal | null;
}

export interface Refusal {
  reason: RefusedReasonValue;
  /** The whole text as the person had it, for them to copy. */
  text: string;
}

export interface ItemSyncSessionOptions {
  docName: string;
  /** e.g. "ws://localhost:3000"; the session connects to `${wsOrigin}/sync/${docName}`. */
  wsOrigin: string;
  /**
   * When editors may be mounted. "content" (the default): once the body fragment holds content;
   * an item body must never reach an editor empty, which would fill it with fields of its own.
   * "synced": once the server's state has arrived or the local copy holds anything; for
   * documents whose roots stay legitimately empty until written (the minutes' Beslutninger).
   */
  readyWhen?: "content" | "synced";
}

const ACCESS_VALUES: readonly Access[] = ["none", "read", "comment", "suggest", "write"];
const REFUSED_REASONS: readonly string[] = Object.values(RefusedReason);

export class ItemSyncSession {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly fragment: Y.XmlFragment;
  private readonly local: IndexeddbPersistence;
  private snapshot: ItemSyncSnapshot;
  private readonly listeners = new Set<() => void>();
  private nextRequestId = 1;
  private flushScheduled = false;
  private destroyed = false;
  private readonly readyWhen: "content" | "synced";
  private readonly stopWatching: () => void;
  private discarded: Promise<void> | null = null;

  constructor({ docName, wsOrigin, readyWhen = "content" }: ItemSyncSessionOptions) {
    this.readyWhen = readyWhen;
    this.doc = new Y.Doc();
    this.fragment = this.doc.getXmlFragment(BODY_FRAGMENT);
    this.snapshot = {
      saveState: initialSaveState,
      access: null,
      ready: false,
      problem: null,
      refusal: null,
    };
    this.local = new IndexeddbPersistence(`dagsorden:${docName}`, this.doc);
    // disableBc: tabs must sync through the server, never around it.
    this.provider = new WebsocketProvider(`${wsOrigin}/sync`, docName, this.doc, {
      disableBc: true,
      connect: false,
    });
    this.installMessageHandlers();
    this.provider.on("status", ({ status }) => {
      this.dispatch({ type: "status", status });
      if (status === "connected") this.send([MessageType.hello]);
    });
    this.provider.on("sync", (synced) => {
      this.dispatch({ type: "synced", synced });
      this.checkReady();
    });
    this.provider.on("connection-close", (event) => {
      if (event === null) return;
      const problem = closeProblemFor(event.code);
      if (problem !== null) this.update({ problem });
      else if (event.code !== 1000) {
        console.info(`sync: ${docName} closed (${event.code} ${event.reason}), reconnecting`);
      }
    });
    this.doc.on("update", this.onDocUpdate);
    void this.local.whenSynced.then(() => this.checkReady());
    this.stopWatching = watchConnection(this.provider, {
      probe: () => this.send([MessageType.queryAwareness]),
      // The stock provider only reports a socket that was open; this says it for one that was
      // still connecting too.
      onOffline: () => this.dispatch({ type: "status", status: "disconnected" }),
    });
  }

  getSnapshot = (): ItemSyncSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Deletes this browser's IndexedDB copy of the document. For when the server refuses what
   * the local copy holds (e.g. a copy of a document the server no longer has in that form);
   * unsent edits in it are lost, so the person must ask for it.
   */
  discardLocalCopy(): Promise<void> {
    this.discarded ??= (async () => {
      this.stopWatching();
      this.doc.off("update", this.onDocUpdate);
      destroyProvider(this.provider);
      await this.local.clearData();
    })();
    return this.discarded;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopWatching();
    this.listeners.clear();
    this.doc.off("update", this.onDocUpdate);
    destroyProvider(this.provider);
    void this.local.destroy();
    this.doc.destroy();
  }

  private onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin !== this.provider && origin !== this.local) {
      this.dispatch({ type: "localEdit" });
    }
    this.checkReady();
  };

  private installMessageHandlers(): void {
    const handlers = this.provider.messageHandlers;
    const syncHandler = handlers[MessageType.sync];
    if (syncHandler === undefined) throw new Error("y-websocket has no sync message handler");
    handlers[MessageType.sync] = (encoder, decoder, provider, emitSynced, messageType) => {
      // Peek at the sync sub-type without consuming it: a server step 1 is answered by our
      // step 2 (sent right after this handler returns), which may carry edits the server lacks.
      const peek = decoding.clone(decoder);
      const subType = decoding.readVarUint(peek);
      const carriesEdits =
        subType === SyncMessageType.step1 && this.hasStateBeyond(decoding.readVarUint8Array(peek));
      syncHandler(encoder, decoder, provider, emitSynced, messageType);
      if (subType === SyncMessageType.step1) this.dispatch({ type: "stateSent", carriesEdits });
    };
    handlers[MessageType.saved] = (_encoder, decoder) => {
      this.dispatch({ type: "saved", id: decoding.readVarUint(decoder) });
    };
    handlers[MessageType.refused] = (_encoder, decoder) => {
      const value = decoding.readVarString(decoder);
      // A reason this client does not know still means: not saved.
      this.refuse(
        REFUSED_REASONS.includes(value) ? (value as RefusedReasonValue) : RefusedReason.readOnly,
      );
    };
    handlers[MessageType.access] = (_encoder, decoder) => {
      const value = decoding.readVarString(decoder);
      // An access level this client does not know grants nothing it would need to show.
      const access = (ACCESS_VALUES as readonly string[]).includes(value)
        ? (value as Access)
        : "read";
      this.update({ access });
    };
  }

  /**
   * The server refused edits of this session. What the person wrote is kept in the snapshot
   * for them to copy; nothing more is sent; the local copy is deleted, so a reload starts from
   * the server's text. The page replaces the session.
   */
  private refuse(reason: RefusedReasonValue): void {
    if (this.snapshot.refusal !== null || this.destroyed) return;
    const refusal: Refusal = { reason, text: documentText(this.doc) };
    this.dispatch({ type: "refused", reason });
    // The page waits for this (discardLocalCopy) before it opens the document again.
    void this.discardLocalCopy().catch((error: unknown) => {
      console.warn("deleting the local copy after a refusal failed", error);
    });
    this.update({ refusal });
  }

  /** The local doc has insertions the given (server) state vector lacks. */
  private hasStateBeyond(encodedStateVector: Uint8Array): boolean {
    const remote = Y.decodeStateVector(encodedStateVector);
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      if (clock > (remote.get(client) ?? 0)) return true;
    }
    return false;
  }

  private dispatch(event: SaveEvent): void {
    const saveState = reduceSaveState(this.snapshot.saveState, event);
    if (saveState !== this.snapshot.saveState) this.update({ saveState });
    if (shouldRequestSave(saveState)) this.scheduleFlush();
  }

  /** One save request per microtask batch: a burst of keystrokes needs only one. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      if (this.destroyed || !shouldRequestSave(this.snapshot.saveState)) return;
      const id = this.nextRequestId++;
      if (this.send([MessageType.saveRequest, id])) this.dispatch({ type: "requestSent", id });
    });
  }

  /** Sends varUints over the open socket; false when there is none. */
  private send(values: number[]): boolean {
    const ws = this.provider.ws;
    if (ws === null || ws.readyState !== WebSocket.OPEN || !this.provider.wsconnected) return false;
    const encoder = encoding.createEncoder();
    for (const value of values) encoding.writeVarUint(encoder, value);
    ws.send(encoding.toUint8Array(encoder));
    return true;
  }

  private checkReady(): void {
    if (this.snapshot.ready) return;
    const ready =
      this.readyWhen === "synced"
        ? this.provider.synced || this.doc.store.clients.size > 0
        : this.fragment.length > 0;
    if (ready) this.update({ ready: true });
  }

  private update(patch: Partial<ItemSyncSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
