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
 *
 * In a cluster, every committed batch has a range of sequence numbers in the store's update
 * log. This instance tells the others of its batches (`DocReplication`), and takes theirs
 * (`applyRemote`) in sequence order (`SeqOrder`): what waits behind a hole for longer than
 * `GAP_GRACE_MS` — a message lost with Redis, or an instance that died between its commit and
 * its message — is read from the store (`catchUp`), which stays the truth.
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
import type { SuggestionAuthor } from "../../shared/suggestions";
import type { DocStore, LockStore } from "../store";
import { StoreError } from "../store";
import type { BodyValidator } from "./bodyValidator";
import { checkAwarenessUpdate } from "./checkAwarenessUpdate";
import { dependsOnUnknownState } from "./dependsOnUnknownState";
import type { DecodedUpdate } from "./clientUpdate";
import { UpdateRejected, checkRoots, decodeClientUpdate } from "./clientUpdate";
import { isTextOnlyChange } from "./textOnlyChange";
import { readItemBody, refuseUnlessSuggestion } from "./suggestionGuard";
import { encodeAwareness, encodeSyncStep2, encodeUpdate } from "./messages";
import { Outbound } from "./outbound";
import type { Due } from "./SeqOrder";
import { SeqOrder } from "./SeqOrder";

/** How long updates may wait behind a hole in the sequence before the store is asked. */
const GAP_GRACE_MS = 50;

/** Transaction origin of updates and awareness that other instances committed or sent. */
const REMOTE = Symbol("remote");

/** Below this, encoding the whole state per joiner is cheaper than keeping a shared copy. */
const SHARED_STATE_MIN_BYTES = 64 * 1024;

/** `[0]`: a state vector of no clients — a client that has nothing yet. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

/**
 * The deletions `ranges` (sorted by clock, as Yjs builds them) cover every clock in
 * [clock, clock + len). Binary search: a large document has many ranges, and a client's sync
 * step 2 repeats all of them.
 */
function covered(ranges: { clock: number; len: number }[], clock: number, len: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle]!;
    if (range.clock + range.len <= clock) low = middle + 1;
    else if (range.clock > clock) high = middle - 1;
    else {
      // Ranges may be adjacent without being merged: follow them to the end.
      let end = range.clock + range.len;
      for (let next = middle + 1; end < clock + len && next < ranges.length; next++) {
        const following = ranges[next]!;
        if (following.clock > end) break;
        end = Math.max(end, following.clock + following.len);
      }
      return end >= clock + len;
    }
  }
  return false;
}

/** What a SyncDoc needs to know of a connection. */
export interface DocPeer {
  readonly id: number;
  readonly userId: string;
  /** Set while the connection may only suggest: its updates must be suggestions by this person. */
  readonly suggestAs?: SuggestionAuthor | null;
  /** Awareness client ids this connection has announced; removed when it closes. */
  readonly awarenessClients: Set<number>;
  send(message: Outbound): void;
  /** Called when the document can no longer be served (store failure). */
  fail(reason: "internalError" | "storeUnavailable"): void;
}

/** How a document's changes reach the other instances of a cluster. */
export interface DocReplication {
  /** This instance committed a batch as sequence numbers `first`…`last`. */
  committed(first: number, last: number, update: Uint8Array): void;
  /** A client of this instance changed its awareness state (or left). */
  awareness(update: Uint8Array): void;
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
  /** Compaction runs under a lock of this store, so one instance of a cluster compacts at a time. */
  locks?: LockStore;
  /** Set when the document is shared with other instances. */
  replication?: DocReplication;
}

export { UpdateRejected };

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

  /** Committed sequence numbers in the document, and updates of other instances waiting. */
  private order = new SeqOrder(0);
  private gapTimer: NodeJS.Timeout | null = null;
  private catchingUp: Promise<void> | null = null;
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
        const local = this.peers.has(origin as DocPeer);
        if (local) {
          const owner = origin as DocPeer;
          for (const client of added) owner.awarenessClients.add(client);
          for (const client of removed) owner.awarenessClients.delete(client);
        }
        const update = encodeAwarenessUpdate(this.awareness, changed);
        // A local client's state, or its removal when it left (origin null); not states that
        // came from other instances, nor the timeouts every instance runs by itself.
        if (local || origin === null) this.options.replication?.awareness(update);
        const message = new Outbound(encodeAwareness(update));
        // Everyone, the sender included, as the reference server does.
        for (const peer of this.peers) peer.send(message);
      },
    );
  }

  /** Every change to the doc: collected while a client update is checked, else queued. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullState = null;
    if (origin === REMOTE) {
      // A large committed update (a snapshot read in catching up): only what it changed.
      this.storedBytes += update.byteLength;
      const message = new Outbound(encodeUpdate(update));
      for (const peer of this.peers) peer.send(message);
    } else if (this.capture) this.capture.push(update);
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
    this.order = new SeqOrder(stored.lastSeq);
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

  /** Everything up to this sequence number of the store's update log is in the document. */
  get appliedSeq(): number {
    return this.order.applied;
  }

  /**
   * Takes a batch another instance committed as `first`…`last`: applied and passed on to this
   * instance's clients in sequence order, after whatever comes before it.
   */
  applyRemote(first: number, last: number, update: Uint8Array): void {
    if (this.failed || this.destroyed) return;
    this.decodePending();
    for (const due of this.order.offer(first, last, update)) this.applyCommitted(due);
    if (this.order.hasGap) this.scheduleGapFill();
  }

  /** Awareness of another instance's client. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.destroyed) return;
    try {
      checkAwarenessUpdate(update);
      applyAwarenessUpdate(this.awareness, update, REMOTE);
    } catch (error) {
      this.options.log("bad awareness from another instance", {
        doc: this.name,
        error: (error as Error).message,
      });
    }
  }

  /**
   * Reads from the store what was committed after `appliedSeq` and applies it: how the document
   * catches up when messages from other instances were lost, and how a server-side reader makes
   * sure it sees every committed change.
   */
  catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        await this.ready();
        if (this.failed || this.destroyed) return;
        const tail = await this.store.loadTail(this.name, this.order.applied);
        if (!tail || this.failed || this.destroyed) return;
        const take = (first: number, last: number, update: Uint8Array) => {
          for (const due of this.order.offer(first, last, update)) this.applyCommitted(due);
        };
        if (tail.snapshot) take(this.order.applied + 1, tail.firstSeq - 1, tail.snapshot);
        tail.updates.forEach((update, i) => take(tail.firstSeq + i, tail.firstSeq + i, update));
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /**
   * Applies an update another instance committed and passes its bytes on as they are: without
   * an update listener Yjs does not encode the change once more (a committed update arrives in
   * sequence order, so it applies whole). One that overlaps what the document has, or a large
   * one, goes the usual way, so that clients get only what it changed.
   */
  private applyCommitted({ update, overlaps }: Due): void {
    this.updatesSinceSnapshot += 1;
    if (overlaps || update.byteLength >= SHARED_STATE_MIN_BYTES) {
      // Partly known already (the same updates from Redis and from the store, or a snapshot
      // read in catching up): clients get only what it changed.
      try {
        Y.applyUpdate(this.doc, update, REMOTE);
      } catch (error) {
        this.options.log("could not apply a committed update", {
          doc: this.name,
          error: (error as Error).message,
        });
      }
      return;
    }
    // Whether it changed anything: this instance's own commit read back from the store while
    // its append was still under way is in the document already.
    let changed = false;
    const see = (transaction: Y.Transaction) => {
      changed =
        transaction.deleteSet.clients.size > 0 ||
        [...transaction.afterState].some(
          ([client, clock]) => transaction.beforeState.get(client) !== clock,
        );
    };
    this.doc.off("update", this.onDocUpdate);
    this.doc.on("afterTransaction", see);
    try {
      Y.applyUpdate(this.doc, update, REMOTE);
    } catch (error) {
      this.options.log("could not apply a committed update", {
        doc: this.name,
        error: (error as Error).message,
      });
      return;
    } finally {
      this.doc.off("afterTransaction", see);
      this.doc.on("update", this.onDocUpdate);
    }
    if (!changed) return;
    this.fullState = null;
    this.storedBytes += update.byteLength;
    const message = new Outbound(encodeUpdate(update));
    for (const peer of this.peers) peer.send(message);
  }

  private scheduleGapFill(): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (!this.order.hasGap) return;
      this.catchUp().catch((error: unknown) =>
        this.options.log("could not catch up from the store", {
          doc: this.name,
          error: (error as Error).message,
        }),
      );
    }, GAP_GRACE_MS);
    this.gapTimer.unref();
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
    const suggester = this.kind === "item" ? (peer.suggestAs ?? null) : null;
    const before = suggester ? readItemBody(this.doc) : null;
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
    if (captured.length === 0) return null;
    // Typing inside existing text cannot break the structure; everything else is checked.
    const problem = this.validator && !textOnly ? this.validator.check(this.doc) : null;
    if (problem) {
      return new UpdateRejected(
        "invalidUpdate",
        `update breaks the document structure: ${problem}`,
      );
    }
    return suggester ? refuseUnlessSuggestion(before, this.doc, suggester) : null;
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

  /**
   * Whether a client update refers to state this document does not have (see
   * `dependsOnUnknownState`). In a cluster the document first catches up from the store: the
   * update may build on changes committed by another instance and not yet received here.
   */
  async lacksStateFor(update: Uint8Array): Promise<boolean> {
    if (this.failed || !this.decoded) return false;
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      return false; // refused by applyClientUpdate
    }
    if (!dependsOnUnknownState(this.doc, decoded)) return false;
    if (!this.options.replication) return true;
    await this.catchUp();
    return dependsOnUnknownState(this.doc, decoded);
  }

  /**
   * Whether applying a client's update would change nothing: only content and deletions the
   * document already has. A fully synced client's sync step 2 is such an update
   * whenever the document holds deleted text (Yjs sends its whole delete set every time), so
   * this is what a connection that may not write normally sends. In a cluster the document
   * first catches up from the store: the client may have been sent state by another instance.
   */
  async changesNothing(update: Uint8Array): Promise<boolean> {
    if (this.hasNothingNew(update)) return true;
    if (!this.options.replication || this.failed || !this.decoded) return false;
    await this.catchUp();
    return this.hasNothingNew(update);
  }

  private hasNothingNew(update: Uint8Array): boolean {
    let decoded: {
      structs: (Y.Item | Y.GC | Y.Skip)[];
      ds: { clients: Map<number, { clock: number; len: number }[]> };
    };
    try {
      decoded = Y.decodeUpdate(update) as unknown as typeof decoded;
    } catch {
      return false;
    }
    // Content the document already has (a local copy re-sent after the sync) changes nothing.
    const known = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Skip) continue;
      if (struct.id.clock + struct.length > (known.get(struct.id.client) ?? 0)) return false;
    }
    if (decoded.ds.clients.size === 0) return true;
    const have = (Y.createDeleteSetFromStructStore(this.doc.store) as unknown as typeof decoded.ds)
      .clients;
    for (const [client, ranges] of decoded.ds.clients) {
      const deleted = have.get(client) ?? [];
      for (const range of ranges) if (!covered(deleted, range.clock, range.len)) return false;
    }
    return true;
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
    let lastSeq: number;
    try {
      lastSeq = await this.store.appendUpdates(
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
    const first = lastSeq - batch.length + 1;
    const update =
      batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((entry) => entry.update));
    this.options.replication?.committed(first, lastSeq, update);
    this.broadcast(batch, update);
    // Other instances' batches that waited for this one.
    for (const due of this.order.committed(first, lastSeq)) this.applyCommitted(due);
    if (this.order.hasGap) this.scheduleGapFill();
    if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates) await this.compact();
  }

  /**
   * The document can no longer be served: every connection is closed, with store_unavailable
   * when the database cannot be reached (the clients keep their changes and come back), else
   * with internal_error.
   */
  private failWith(message: string, error: unknown): void {
    this.failed = true;
    this.options.log(message, { doc: this.name, error: (error as Error).message });
    const unavailable = error instanceof StoreError && error.code === "store_unavailable";
    for (const peer of [...this.peers])
      peer.fail(unavailable ? "storeUnavailable" : "internalError");
  }

  /**
   * Sends a committed batch to the document's connections as one update message, framed once.
   * A peer whose own updates are all there is in the batch does not get them back; when several
   * connections wrote in the same turn, everyone gets the merged update, their own part included
   * (Yjs ignores what a client already has, and the reference server echoes every update).
   */
  private broadcast(batch: Queued[], update: Uint8Array): void {
    const first = batch[0]!;
    const soleOrigin = batch.every((entry) => entry.origin === first.origin) ? first.origin : null;
    const message = new Outbound(encodeUpdate(update));
    for (const peer of this.peers) if (peer !== soleOrigin) peer.send(message);
  }

  /**
   * Replaces the update log up to `appliedSeq` by one snapshot of the document. In a cluster
   * one instance compacts a document at a time; the others skip it. A compaction that fails
   * changes nothing (the log stays) and is logged, not passed on.
   */
  async compact(): Promise<void> {
    await this.ready();
    if (this.failed || this.destroyed) return;
    this.updatesSinceSnapshot = 0;
    const run = async () => {
      const throughSeq = this.order.applied;
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      await this.store.compact(this.name, snapshot, throughSeq);
      this.storedBytes = snapshot.byteLength;
    };
    try {
      if (this.options.locks) await this.options.locks.tryWithLock(`compact:${this.name}`, run);
      else await run();
    } catch (error) {
      this.options.log("could not compact", { doc: this.name, error: (error as Error).message });
    }
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    // Nobody waits for a decoding that will never happen.
    this.undecoded = null;
    this.signalDecoded?.();
    this.undoManager.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
