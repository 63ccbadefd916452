/**
 * The documents in memory. A document is loaded once, however many connections ask for it at
 * the same time, and unloaded after `idleUnloadMs` without connections — never while a write is
 * still waiting to be committed.
 *
 * In a cluster (`bus`), a loaded document follows its Redis stream from where it was when the
 * load began, and tells the other instances what it commits. Once a second
 * (`reconcileMs`) the registry compares each loaded document with the store's log: one still
 * behind a sequence number that was committed a tick ago — a message lost, or an instance that
 * died between commit and message — catches up from the store; with Redis down, every tick.
 */
import type { DocKind } from "../../shared/docName";
import { parseDocName } from "../../shared/docName";
import type { ClusterBus } from "../cluster/ClusterBus";
import type { DocStore, LockStore } from "../store";
import type { BodyValidator } from "./bodyValidator";
import { SyncDoc } from "./SyncDoc";

export interface DocRegistryOptions {
  store: DocStore;
  validatorFor: (kind: DocKind) => BodyValidator | null;
  idleUnloadMs: number;
  compactAfterUpdates: number;
  log: (message: string, context?: Record<string, unknown>) => void;
  onWriters?: (doc: string, clientIds: number[], userId: string) => void;
  locks?: LockStore;
  /** The cluster's bus, when instances share documents through Redis. */
  bus?: ClusterBus | null;
  reconcileMs?: number;
}

export class DocRegistry {
  private readonly loading = new Map<string, Promise<SyncDoc | null>>();
  private readonly loaded = new Map<string, SyncDoc>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Per document, the store's last sequence number at the previous reconciliation. */
  private readonly storeSeqs = new Map<string, number>();
  private readonly reconcileTimer: NodeJS.Timeout | null = null;
  private reconciling = false;

  constructor(private readonly options: DocRegistryOptions) {
    const bus = options.bus;
    if (!bus) return;
    bus.onMissed(() => {
      for (const doc of this.loaded.values()) this.catchUp(doc);
    });
    this.reconcileTimer = setInterval(() => void this.reconcile(), options.reconcileMs ?? 1000);
    this.reconcileTimer.unref();
  }

  /**
   * The loaded document, loading it if needed and ready for use (its stored state decoded);
   * null when no such document is stored.
   */
  async get(name: string): Promise<SyncDoc | null> {
    const doc = await this.join(name);
    await doc?.ready();
    // Server-side readers and writers see everything any instance committed.
    if (doc && this.options.bus) await doc.catchUp();
    return doc;
  }

  /**
   * The loaded document for a joining connection, which can be served before a large stored
   * state is decoded (see `SyncDoc.load`); null when no such document is stored.
   */
  join(name: string): Promise<SyncDoc | null> {
    this.cancelUnload(name);
    const ready = this.loaded.get(name);
    if (ready) return Promise.resolve(ready);
    let pending = this.loading.get(name);
    if (!pending) {
      pending = this.load(name).finally(() => this.loading.delete(name));
      this.loading.set(name, pending);
    }
    return pending;
  }

  /** The document if it is in memory now. */
  peek(name: string): SyncDoc | undefined {
    return this.loaded.get(name);
  }

  get size(): number {
    return this.loaded.size;
  }

  loadedNames(): string[] {
    return [...this.loaded.keys()];
  }

  /** A connection left: unload the document later if nobody else is using it. */
  release(doc: SyncDoc): void {
    if (doc.hasFailed) {
      this.drop(doc);
      return;
    }
    if (doc.peers.size > 0) return;
    this.cancelUnload(doc.name);
    const timer = setTimeout(() => void this.unloadIfIdle(doc), this.options.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(doc.name, timer);
  }

  /** Writes everything pending, compacts, and unloads every document. */
  async closeAll(): Promise<void> {
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    await Promise.allSettled([...this.loading.values()]);
    for (const doc of [...this.loaded.values()]) {
      await doc.whenSettled();
      if (doc.storedUpdateCount > 0) await doc.compact().catch(() => undefined);
      this.drop(doc);
    }
  }

  private async load(name: string): Promise<SyncDoc | null> {
    const parsed = parseDocName(name);
    if (!parsed) return null;
    const bus = this.options.bus;
    // Where the stream is before the store is read: nothing committed after the read is missed.
    const from = bus ? await bus.docPosition(name) : "";
    const doc = new SyncDoc({
      name,
      kind: parsed.kind,
      store: this.options.store,
      validator: this.options.validatorFor(parsed.kind),
      compactAfterUpdates: this.options.compactAfterUpdates,
      log: this.options.log,
      onWriters: this.options.onWriters,
      locks: this.options.locks,
      replication: bus
        ? {
            committed: (first, last, update) => bus.publishUpdate(name, first, last, update),
            awareness: (update) => bus.publishAwareness(name, update),
          }
        : undefined,
    });
    const found = await doc.load().catch((error: unknown) => {
      doc.destroy();
      throw error;
    });
    if (!found) {
      doc.destroy();
      return null;
    }
    this.loaded.set(name, doc);
    bus?.follow(name, from, {
      update: (first, last, update) => doc.applyRemote(first, last, update),
      awareness: (update) => doc.applyRemoteAwareness(update),
    });
    return doc;
  }

  private async unloadIfIdle(doc: SyncDoc): Promise<void> {
    this.unloadTimers.delete(doc.name);
    if (!doc.isIdle) return;
    await doc.whenSettled();
    if (doc.storedUpdateCount > 0) await doc.compact().catch(() => undefined);
    // A connection may have arrived while we waited.
    if (doc.isIdle && this.loaded.get(doc.name) === doc) this.drop(doc);
  }

  private drop(doc: SyncDoc): void {
    this.cancelUnload(doc.name);
    if (this.loaded.get(doc.name) === doc) {
      this.loaded.delete(doc.name);
      this.storeSeqs.delete(doc.name);
      this.options.bus?.unfollow(doc.name);
    }
    doc.destroy();
  }

  private catchUp(doc: SyncDoc): void {
    doc.catchUp().catch((error: unknown) =>
      this.options.log("could not catch up from the store", {
        doc: doc.name,
        error: (error as Error).message,
      }),
    );
  }

  private async reconcile(): Promise<void> {
    if (this.reconciling || this.loaded.size === 0) return;
    this.reconciling = true;
    try {
      const seqs = await this.options.store.lastSeqs([...this.loaded.keys()]);
      const redisDown = !this.options.bus?.healthy;
      for (const [name, storeSeq] of seqs) {
        const doc = this.loaded.get(name);
        if (!doc || !doc.isReady) continue;
        const before = this.storeSeqs.get(name);
        this.storeSeqs.set(name, storeSeq);
        if (doc.appliedSeq >= storeSeq) continue;
        if (redisDown || (before !== undefined && doc.appliedSeq < before)) this.catchUp(doc);
      }
    } catch (error) {
      this.options.log("could not compare documents with the store", {
        error: (error as Error).message,
      });
    } finally {
      this.reconciling = false;
    }
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
  }
}
