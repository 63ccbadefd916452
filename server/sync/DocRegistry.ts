/**
 * The documents in memory. A document is loaded once, however many connections ask for it at
 * the same time, and unloaded after `idleUnloadMs` without connections — never while a write is
 * still waiting to be committed.
 */
import type { DocKind } from "../../shared/docName";
import { parseDocName } from "../../shared/docName";
import type { DocStore } from "../store";
import type { BodyValidator } from "./bodyValidator";
import { SyncDoc } from "./SyncDoc";

export interface DocRegistryOptions {
  store: DocStore;
  validatorFor: (kind: DocKind) => BodyValidator | null;
  idleUnloadMs: number;
  compactAfterUpdates: number;
  log: (message: string, context?: Record<string, unknown>) => void;
  onWriters?: (doc: string, clientIds: number[], userId: string) => void;
}

export class DocRegistry {
  private readonly loading = new Map<string, Promise<SyncDoc | null>>();
  private readonly loaded = new Map<string, SyncDoc>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: DocRegistryOptions) {}

  /**
   * The loaded document, loading it if needed and ready for use (its stored state decoded);
   * null when no such document is stored.
   */
  async get(name: string): Promise<SyncDoc | null> {
    const doc = await this.join(name);
    await doc?.ready();
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
    const doc = new SyncDoc({
      name,
      kind: parsed.kind,
      store: this.options.store,
      validator: this.options.validatorFor(parsed.kind),
      compactAfterUpdates: this.options.compactAfterUpdates,
      log: this.options.log,
      onWriters: this.options.onWriters,
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
    if (this.loaded.get(doc.name) === doc) this.loaded.delete(doc.name);
    doc.destroy();
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
  }
}
