/**
 * One document in memory: the Yjs doc, its awareness, its connections, and the write path.
 *
 * Write path: a client update is decoded in full (so malformed bytes never reach the doc),
 * checked for the roots it may touch and the size it would add, applied, checked against the
 * document's schema, then queued. An update refused after it was applied — it broke the schema,
 * failed half-way, or had parts depending on unknown state — is reverted, and only the update
 * together with its revert is queued. Queued updates — from every
 * connection — are committed together once per event-loop turn (group commit), and only after
 * the commit are they broadcast and acknowledged: what any client has seen is durable.
 *
 * A joining client's sync step 2 is computed only once nothing is waiting to be committed, so
 * it never contains state the store does not have either.
 */
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from "y-protocols/awareness";
import * as Y from "yjs";
import type { DocKind } from "../../shared/docName";
import { Limits } from "../../shared/protocol";
import type { DocStore } from "../store";
import type { BodyValidator } from "./bodyValidator";
import { checkAwarenessUpdate } from "./checkAwarenessUpdate";
import { isTextOnlyChange } from "./textOnlyChange";
import { encodeAwareness, encodeSyncStep2, encodeUpdate } from "./messages";
import { Outbound } from "./outbound";

/** Below this, encoding the whole state per joiner is cheaper than keeping a shared copy. */
const SHARED_STATE_MIN_BYTES = 64 * 1024;

/** `[0]`: a state vector of no clients — a client that has nothing yet. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

type DecodedUpdate = { structs: Array<Y.Item | Y.GC | Y.Skip> };

/** Why a client update was refused; the connection closes with the matching code. */
export class UpdateRejected extends Error {
  override name = "UpdateRejected";
  constructor(
    readonly code: "invalidUpdate" | "documentTooLarge",
    message: string,
  ) {
    super(message);
  }
}

/** Decodes a client update in full, so that malformed bytes never reach the document. */
function decodeClientUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new UpdateRejected("invalidUpdate", `undecodable update: ${(error as Error).message}`);
  }
}

/** Refuses an update that names a root the document's schema does not allow. */
function checkRoots(validator: BodyValidator, decoded: DecodedUpdate): void {
  for (const struct of decoded.structs) {
    if (
      struct instanceof Y.Item &&
      typeof struct.parent === "string" &&
      !validator.rootAllowed(struct.parent)
    ) {
      throw new UpdateRejected("invalidUpdate", `update writes to unknown root "${struct.parent}"`);
    }
  }
}

/** What a SyncDoc needs to know of a connection. */
export interface DocPeer {
  readonly id: number;
  readonly userId: string;
  /** Awareness client ids this connection has announced; removed when it closes. */
  readonly awarenessClients: Set<number>;
  send(message: Outbound): void;
  /** Called when the document can no longer be served (store failure). */
  fail(reason: "internalError"): void;
}

/** Transaction origin of a client's update; the undo manager tracks this class. */
class ClientOrigin {
  constructor(readonly peer: DocPeer) {}
}

interface Queued {
  update: Uint8Array;
  /** The connection it came from (not sent back to it), or null for server changes and reverts. */
  origin: DocPeer | null;
}

export interface SyncDocOptions {
  name: string;
  kind: DocKind;
  store: DocStore;
  validator: BodyValidator | null;
  /** Compact the update log once it has this many rows. */
  compactAfterUpdates: number;
  log: (message: string, context?: Record<string, unknown>) => void;
  /** Told once per new Yjs client id that wrote accepted content, with the writer (attribution). */
  onWriters?: (doc: string, clientIds: number[], userId: string) => void;
}

export class SyncDoc {
  readonly name: string;
  readonly kind: DocKind;
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  readonly peers = new Set<DocPeer>();
  private readonly store: DocStore;
  private readonly validator: BodyValidator | null;
  /** Reverts a refused client update: tracks client transactions only, one at a time. */
  private readonly undoManager: Y.UndoManager;
  private readonly options: SyncDocOptions;

  private lastSeq = 0;
  private storedBytes = 0;
  private updatesSinceSnapshot = 0;
  private queue: Queued[] = [];
  private flushScheduled = false;
  private flushChain: Promise<void> = Promise.resolve();
  /** The sync step 2 of the whole state, shared by joiners while the document is unchanged. */
  private fullState: Outbound | null = null;
  /** False while a loaded snapshot waits to be decoded into `doc` (see `load`). */
  private decoded = true;
  /** The stored snapshot not yet decoded into `doc`. */
  private undecoded: Uint8Array | null = null;
  private decodedSignal: Promise<void> = Promise.resolve();
  private signalDecoded: (() => void) | null = null;
  /** Set while a client update is applied: the doc's update events are collected here. */
  private capture: Uint8Array[] | null = null;
  private failed = false;
  private destroyed = false;
  /** Yjs client ids whose writer has been recorded. */
  private readonly knownWriters = new Set<number>();

  constructor(options: SyncDocOptions) {
    this.options = options;
    this.name = options.name;
    this.kind = options.kind;
    this.store = options.store;
    this.validator = options.validator;
    this.awareness = new Awareness(this.doc);
    // The server has no awareness state of its own.
    this.awareness.setLocalState(null);
    // Scoped to the whole document, not to a list of roots: whatever part of an update Yjs
    // applied, wherever it landed, the revert undoes it.
    this.undoManager = new Y.UndoManager(this.doc, {
      trackedOrigins: new Set([ClientOrigin]),
      captureTimeout: 0,
    });
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on(
      "update",
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed];
        if (changed.length === 0) return;
        if (this.peers.has(origin as DocPeer)) {
          const owner = origin as DocPeer;
          for (const client of added) owner.awarenessClients.add(client);
          for (const client of removed) owner.awarenessClients.delete(client);
        }
        const message = new Outbound(
          encodeAwareness(encodeAwarenessUpdate(this.awareness, changed)),
        );
        // Everyone, the sender included, as the reference server does.
        for (const peer of this.peers) peer.send(message);
      },
    );
  }

  /** Every change to the doc: collected while a client update is checked, else queued. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullState = null;
    if (this.capture) this.capture.push(update);
    else this.enqueue(update, origin instanceof ClientOrigin ? origin.peer : null);
  };

  /**
   * Loads the stored state, and compacts the log if it is long.
   *
   * A large document stored as one snapshot is served before it is decoded: a fresh joiner
   * gets the snapshot bytes as they are (they are exactly the document), and the decoding into
   * the Y.Doc — most of a cold load, as Yjs's decoder is slow until V8 has optimised it — starts
   * once that answer is written, or as soon as anything needs the decoded document (`ready()`).
   */
  async load(): Promise<boolean> {
    const stored = await this.store.loadDoc(this.name);
    if (!stored) return false;
    this.lastSeq = stored.lastSeq;
    this.storedBytes = stored.bytes;
    this.updatesSinceSnapshot = stored.updates.length;
    const snapshot = stored.snapshot;
    if (snapshot && stored.updates.length === 0) {
      // The document is exactly these bytes: joiners get them as they are.
      this.shareFullState(snapshot);
      if (this.fullState) {
        this.decoded = false;
        this.undecoded = snapshot;
        this.decodedSignal = new Promise((resolve) => (this.signalDecoded = resolve));
        return true;
      }
    }
    this.decodeStored(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
    if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates) await this.compact();
    return true;
  }

  /** Whether the stored state is decoded into `doc`; see `ready()`. */
  get isReady(): boolean {
    return this.decoded;
  }

  /** Decodes the stored state into `doc` now if that is still to do; resolves when it is there. */
  ready(): Promise<void> {
    this.decodePending();
    return this.decodedSignal;
  }

  /** Resolves once the stored state is decoded into `doc`, without starting the decoding. */
  whenDecoded(): Promise<void> {
    return this.decodedSignal;
  }

  private decodePending(): void {
    const snapshot = this.undecoded;
    if (!snapshot) return;
    this.undecoded = null;
    this.decodeStored([snapshot]);
    this.signalDecoded?.();
    this.signalDecoded = null;
  }

  private decodeStored(parts: Uint8Array[]): void {
    if (this.destroyed) return;
    // Without an update listener Yjs does not encode the loaded state as one more update (a
    // third of a long document's load), which would only be thrown away: it is stored already.
    this.doc.off("update", this.onDocUpdate);
    try {
      // One transaction, update by update: Y.mergeUpdates grows quadratically with a long log.
      this.doc.transact(() => {
        for (const part of parts) Y.applyUpdate(this.doc, part);
      }, this);
    } catch (error) {
      if (this.decoded) throw error;
      // Decoding after serving: the document cannot be used; its connections are closed.
      this.failWith("could not decode the stored document", error);
      return;
    } finally {
      this.doc.on("update", this.onDocUpdate);
      this.decoded = true;
    }
    this.undoManager.clear();
    this.checkStoredBody();
  }

  /**
   * Logs if the stored document does not match its schema. Every stored update passed the
   * check as it was written, so this only reports damage (or a schema change) and never
   * refuses anything: it runs after the first client has been served, not before.
   */
  private checkStoredBody(): void {
    const validator = this.validator;
    if (!validator) return;
    setImmediate(() => {
      if (this.destroyed) return;
      const problem = validator.check(this.doc);
      if (problem)
        this.options.log("stored document does not match its schema", { doc: this.name, problem });
    });
  }

  get isIdle(): boolean {
    return this.peers.size === 0 && this.queue.length === 0 && !this.flushScheduled;
  }

  get storedUpdateCount(): number {
    return this.updatesSinceSnapshot;
  }

  /**
   * Applies a client's update. Throws `UpdateRejected` when it is refused; the document is then
   * as it was before: whatever Yjs applied of a refused update is reverted, and the revert is
   * stored and broadcast with it like any change, so every replica agrees.
   */
  applyClientUpdate(peer: DocPeer, update: Uint8Array): void {
    if (!this.decoded) throw new Error(`${this.name} is used before ready()`);
    if (this.failed) throw new UpdateRejected("invalidUpdate", "document unavailable");
    const decoded = decodeClientUpdate(update);
    if (this.validator) checkRoots(this.validator, decoded);
    if (this.storedBytes + update.byteLength > Limits.maxDocumentBytes) {
      throw new UpdateRejected("documentTooLarge", "document would exceed its size limit");
    }

    const captured: Uint8Array[] = [];
    let rejection: UpdateRejected | null = null;
    this.capture = captured;
    try {
      rejection = this.applyAndCheck(peer, update, captured);
      // Refused for any reason, an update may still have changed the document in part.
      if (rejection && captured.length > 0) this.revert();
    } finally {
      this.capture = null;
      this.undoManager.clear();
    }
    if (!rejection) this.recordWriters(peer, decoded);
    if (captured.length > 0) {
      const combined = captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
      // A reverted update goes to everyone, its sender included, so all replicas drop it.
      this.enqueue(combined, rejection ? null : peer);
    }
    if (rejection) throw rejection;
  }

  /**
   * Applies a client's update as one tracked transaction and returns why it is refused, or null.
   * Either way the document may have changed: Yjs applies what it can of an update that fails
   * half-way or has parts it must hold back.
   */
  private applyAndCheck(
    peer: DocPeer,
    update: Uint8Array,
    captured: readonly Uint8Array[],
  ): UpdateRejected | null {
    const hadPending = this.hasPending();
    let rejection: UpdateRejected | null = null;
    let textOnly = true;
    const inspect = (transaction: Y.Transaction) => {
      if (textOnly && !isTextOnlyChange(transaction)) textOnly = false;
    };
    this.doc.on("afterTransaction", inspect);
    try {
      Y.applyUpdate(this.doc, update, new ClientOrigin(peer));
    } catch (error) {
      rejection = new UpdateRejected(
        "invalidUpdate",
        `update failed to apply: ${(error as Error).message}`,
      );
    } finally {
      this.doc.off("afterTransaction", inspect);
    }
    if (!hadPending && this.hasPending()) {
      // Parts that depend on state the server never had are held back by Yjs, not applied:
      // dropping them is enough for those parts; the rest of the update is reverted.
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
      rejection ??= new UpdateRejected("invalidUpdate", "update depends on unknown state");
    }
    if (rejection) return rejection;
    // Typing inside existing text cannot break the structure; everything else is checked.
    if (!this.validator || captured.length === 0 || textOnly) return null;
    const problem = this.validator.check(this.doc);
    return problem
      ? new UpdateRejected("invalidUpdate", `update breaks the document structure: ${problem}`)
      : null;
  }

  private hasPending(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  /** Undoes the client update just applied; its update events are still being captured. */
  private revert(): void {
    this.undoManager.undo();
    const problem = this.validator?.check(this.doc);
    if (problem) {
      this.options.log("revert did not restore a valid body", { doc: this.name, problem });
    }
  }

  /** Tells `onWriters` about Yjs client ids that wrote accepted content for the first time. */
  private recordWriters(peer: DocPeer, decoded: DecodedUpdate): void {
    if (!this.options.onWriters) return;
    const fresh = [...new Set(decoded.structs.map((s) => s.id.client))].filter(
      (c) => !this.knownWriters.has(c),
    );
    if (fresh.length === 0) return;
    for (const client of fresh) this.knownWriters.add(client);
    this.options.onWriters(this.name, fresh, peer.userId);
  }

  /** Applies a change made by the server itself (e.g. an agenda command); stored, then broadcast. */
  async change(apply: (doc: Y.Doc) => void): Promise<void> {
    await this.ready();
    if (this.failed) throw new Error(`document ${this.name} is unavailable`);
    this.doc.transact(() => apply(this.doc), this);
    await this.whenPersisted();
  }

  /** Applies a client's awareness update; throws `ProtocolError` (changing nothing) if malformed. */
  applyAwareness(peer: DocPeer, update: Uint8Array): void {
    checkAwarenessUpdate(update);
    applyAwarenessUpdate(this.awareness, update, peer);
  }

  removeAwareness(clients: Iterable<number>): void {
    const list = [...clients];
    if (list.length > 0) removeAwarenessStates(this.awareness, list, null);
  }

  /** Resolves once every update applied so far is committed. */
  whenPersisted(): Promise<void> {
    return this.flushChain;
  }

  /** Resolves once nothing is waiting to be committed; then the in-memory state is all stored. */
  async whenSettled(): Promise<void> {
    while (this.queue.length > 0 || this.flushScheduled) await this.flushChain;
    await this.flushChain;
  }

  /**
   * The sync step 2 answering a client's state vector: the part of the state it lacks, from
   * committed state only. The whole state, which every fresh client asks for, is encoded once
   * and shared until the document changes — a crowd joining a large document costs one encoding
   * and one copy in memory, not one each.
   */
  async syncStep2For(stateVector: Uint8Array): Promise<Outbound> {
    const fresh = isEmptyStateVector(stateVector);
    if (!(fresh && this.fullState)) await this.ready();
    // Checked again after every wait: another connection may have written in between.
    do await this.whenSettled();
    while (this.queue.length > 0 || this.flushScheduled);
    if (!fresh) {
      return new Outbound(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)));
    }
    if (this.fullState && !this.decoded) {
      // Decoded right after the caller has written this answer.
      setImmediate(() => this.decodePending());
    }
    return this.fullState ?? this.shareFullState(Y.encodeStateAsUpdate(this.doc));
  }

  /** The sync step 2 of the whole state, kept for the next joiners if it is large. */
  private shareFullState(state: Uint8Array): Outbound {
    const message = new Outbound(encodeSyncStep2(state));
    this.fullState = message.byteLength >= SHARED_STATE_MIN_BYTES ? message : null;
    return message;
  }

  awarenessSnapshot(): Outbound | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0
      ? new Outbound(encodeAwareness(encodeAwarenessUpdate(this.awareness, clients)))
      : null;
  }

  private enqueue(update: Uint8Array, origin: DocPeer | null): void {
    this.queue.push({ update, origin });
    this.storedBytes += update.byteLength;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.flushChain = this.flushChain.then(
      () => new Promise<void>((resolve) => setImmediate(() => this.flush().then(resolve))),
    );
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0 || this.failed) return;
    try {
      this.lastSeq = await this.store.appendUpdates(
        this.name,
        batch.map((entry) => entry.update),
      );
    } catch (error) {
      // Memory is now ahead of the store: nothing of this batch was acknowledged or broadcast,
      // and the document is dropped so the next load starts from what is stored.
      this.failWith("could not store updates; closing the document", error);
      return;
    }
    this.updatesSinceSnapshot += batch.length;
    this.broadcast(batch);
    if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates) await this.compact();
  }

  /** The document can no longer be served: every connection is closed with internal_error. */
  private failWith(message: string, error: unknown): void {
    this.failed = true;
    this.options.log(message, { doc: this.name, error: (error as Error).message });
    for (const peer of [...this.peers]) peer.fail("internalError");
  }

  /**
   * Sends a committed batch to the document's connections as one update message, framed once.
   * A peer whose own updates are all there is in the batch does not get them back; when several
   * connections wrote in the same turn, everyone gets the merged update, their own part included
   * (Yjs ignores what a client already has, and the reference server echoes every update).
   */
  private broadcast(batch: Queued[]): void {
    const first = batch[0]!;
    const soleOrigin = batch.every((entry) => entry.origin === first.origin) ? first.origin : null;
    const update =
      batch.length === 1 ? first.update : Y.mergeUpdates(batch.map((entry) => entry.update));
    const message = new Outbound(encodeUpdate(update));
    for (const peer of this.peers) if (peer !== soleOrigin) peer.send(message);
  }

  /** Replaces the update log by one snapshot of the current (committed) state. */
  async compact(): Promise<void> {
    await this.ready();
    if (this.failed || this.destroyed) return;
    const throughSeq = this.lastSeq;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.name, snapshot, throughSeq);
    this.updatesSinceSnapshot = 0;
    this.storedBytes = snapshot.byteLength;
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  destroy(): void {
    this.destroyed = true;
    // Nobody waits for a decoding that will never happen.
    this.undecoded = null;
    this.signalDecoded?.();
    this.undoManager.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
