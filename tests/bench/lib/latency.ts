/**
 * End-to-end latency without touching the text: every character a writer types gets a Yjs id
 * (its client id and clock). The writer notes the send time of each clock; a listener reads the
 * clock ranges an update carries (`Y.parseUpdateMeta`, no document needed) and looks them up.
 * Servers may re-encode or merge updates; the ids survive both. Writers and listeners live in
 * the harness process, so both times come from the same `performance.now()`.
 */
import * as Y from "yjs";

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles, in the unit of the samples. */
export function summarize(samples: ArrayLike<number>): LatencySummary | null {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    n: sorted.length,
    p50: rank(0.5),
    p95: rank(0.95),
    p99: rank(0.99),
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}

/** A growable list of numbers that does not box them. */
export class Samples {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** Send times of one writer's clocks. */
class SendTimes {
  private times = new Float64Array(4096).fill(Number.NaN);

  set(from: number, to: number, at: number): void {
    while (to > this.times.length) {
      const bigger = new Float64Array(this.times.length * 2).fill(Number.NaN);
      bigger.set(this.times);
      this.times = bigger;
    }
    this.times.fill(at, from, to);
  }

  get(clock: number): number {
    return clock < this.times.length ? this.times[clock]! : Number.NaN;
  }
}

export class LatencyRecorder {
  private readonly writers = new Map<number, SendTimes>();
  readonly samples = new Samples();
  /** Characters received (each id counted once per listener that received it). */
  received = 0;
  /** While false, `receive` counts but records no samples (warm-up). */
  recording = true;

  /** Types into `text` and notes when, under the writer doc's client id. */
  type(doc: Y.Doc, apply: () => void): void {
    LatencyRecorder.typeInto([this], doc, apply);
  }

  /** Types once and notes the send time in several recorders (e.g. split by destination). */
  static typeInto(recorders: LatencyRecorder[], doc: Y.Doc, apply: () => void): void {
    const from = Y.getState(doc.store, doc.clientID);
    const at = performance.now();
    apply();
    const to = Y.getState(doc.store, doc.clientID);
    for (const recorder of recorders) {
      let times = recorder.writers.get(doc.clientID);
      if (!times) {
        times = new SendTimes();
        recorder.writers.set(doc.clientID, times);
      }
      times.set(from, to, at);
    }
  }

  /**
   * Records one sample per known character id in `update`; returns how many it found. The
   * reference server and Hocuspocus echo an update to its sender too: a receiver passes its own
   * client id as `self` so that echo is not counted as a delivery.
   */
  receive(update: Uint8Array, receivedAt: number, self = -1): number {
    return this.receiveFrom(update, receivedAt, (client) => client !== self);
  }

  /** As `receive`, counting only characters of the writers `accept` picks. */
  receiveFrom(update: Uint8Array, receivedAt: number, accept: (client: number) => boolean): number {
    const meta = this.meta(update);
    let found = 0;
    for (const [client, to] of meta.to) {
      if (!accept(client)) continue;
      const times = this.writers.get(client);
      if (!times) continue;
      const from = meta.from.get(client) ?? to;
      for (let clock = from; clock < to; clock++) {
        const sentAt = times.get(clock);
        if (Number.isNaN(sentAt)) continue;
        found++;
        if (this.recording) this.samples.push(receivedAt - sentAt);
      }
    }
    this.received += found;
    return found;
  }

  private lastUpdate: Uint8Array = new Uint8Array(0);
  private lastMeta: ReturnType<typeof Y.parseUpdateMeta> = { from: new Map(), to: new Map() };

  /**
   * Every listener of a fan-out receives the same bytes one after another: parse them once, so
   * a thousand listeners cost the harness a thousand comparisons, not a thousand decodings.
   */
  private meta(update: Uint8Array): ReturnType<typeof Y.parseUpdateMeta> {
    const last = this.lastUpdate;
    if (update.length === last.length && update.every((byte, i) => byte === last[i])) {
      return this.lastMeta;
    }
    this.lastUpdate = update.slice();
    this.lastMeta = Y.parseUpdateMeta(update);
    return this.lastMeta;
  }

  summary(): LatencySummary | null {
    return summarize(this.samples.values());
  }
}
