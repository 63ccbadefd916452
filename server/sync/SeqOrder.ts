/**
 * Puts a document's committed updates in their store order. Every committed batch has a range
 * of sequence numbers (`first`…`last`) in the store's update log; an instance of a cluster hears
 * of other instances' batches through Redis, possibly out of order or not at all, and of its own
 * as it commits them. `applied` is the highest sequence number up to which everything is in the
 * document; what arrives beyond a hole waits here until the hole is filled (from Redis or from
 * the store), so the document only ever takes updates in causal order.
 *
 * Ranges may overlap (a batch from Redis and the same updates read one by one from the store):
 * a range is due once it starts at or before `applied + 1`, and applying an update the document
 * has already is a no-op in Yjs.
 */
interface Pending {
  first: number;
  last: number;
  /** Null for the instance's own commits: they are in the document already. */
  update: Uint8Array | null;
}

/** An update now due; `overlaps` when part of it was applied already (see the header). */
export interface Due {
  update: Uint8Array;
  overlaps: boolean;
}

export class SeqOrder {
  private pending: Pending[] = [];

  constructor(private appliedSeq: number) {}

  /** Everything up to this sequence number is in the document. */
  get applied(): number {
    return this.appliedSeq;
  }

  /** The highest sequence number heard of, applied or waiting. */
  get highest(): number {
    return this.pending.reduce((max, p) => Math.max(max, p.last), this.appliedSeq);
  }

  /** Something waits behind a hole. */
  get hasGap(): boolean {
    return this.pending.length > 0;
  }

  /** An update committed elsewhere; returns the updates now due, in order. */
  offer(first: number, last: number, update: Uint8Array): Due[] {
    return this.add({ first, last, update });
  }

  /** This instance committed `first`…`last`; returns other updates this made due, in order. */
  committed(first: number, last: number): Due[] {
    return this.add({ first, last, update: null });
  }

  /** Forget waiting updates and start from `seq` (the document was reloaded). */
  reset(seq: number): void {
    this.pending = [];
    this.appliedSeq = seq;
  }

  private add(entry: Pending): Due[] {
    if (entry.last <= this.appliedSeq) return [];
    this.pending.push(entry);
    if (this.pending.length > 1) this.pending.sort((a, b) => a.first - b.first || b.last - a.last);
    const due: Due[] = [];
    while (this.pending.length > 0 && this.pending[0]!.first <= this.appliedSeq + 1) {
      const next = this.pending.shift()!;
      if (next.last <= this.appliedSeq) continue;
      const overlaps = next.first <= this.appliedSeq;
      this.appliedSeq = next.last;
      if (next.update) due.push({ update: next.update, overlaps });
    }
    return due;
  }
}
