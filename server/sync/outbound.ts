/**
 * Messages on their way to sockets, and the pacing of large ones.
 *
 * A broadcast goes to every connection of a document with the same bytes, so its websocket
 * frame is built once and written as is to each socket, rather than framed again per listener
 * by `ws`. Server frames are unmasked (RFC 6455 §5.1), so one frame is valid on every socket.
 */

/** A message for one or many sockets; its websocket frame is built on first use, then shared. */
export class Outbound {
  private framed: Buffer | null = null;

  constructor(readonly bytes: Uint8Array) {}

  get byteLength(): number {
    return this.bytes.byteLength;
  }

  get frame(): Buffer {
    return (this.framed ??= frameBinary(this.bytes));
  }
}

/** One final, unmasked binary frame carrying `payload` (RFC 6455 §5.2). */
export function frameBinary(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82; // FIN, opcode 2 (binary)
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

/**
 * Lets a few large messages (a whole document for a joining client) be written at a time,
 * across all connections. Written all at once, 150 copies of a 4 MB document interleave in the
 * kernel and every joiner finishes near the end; one after another, the first is done after
 * 1/150 of the time and the average joiner waits half as long, with the same last one. It also
 * bounds how much of such data sits in socket buffers at once. A turn ends when the message
 * has been handed to the kernel, or after `maxTurnMs` at the latest.
 */
export class LargeSendQueue {
  private active = 0;
  private readonly waiting: Array<(done: () => void) => void> = [];

  /**
   * @param concurrency large sends under way at once
   * @param maxTurnMs how long one send may hold its slot: a client that stops reading would
   *   otherwise hold it for good and stall every joiner after it; its write goes on regardless
   */
  constructor(
    private readonly concurrency: number,
    private readonly maxTurnMs = 2_000,
  ) {}

  /** Runs `start` now or once a slot is free; `start` must call `done` once it is written. */
  enqueue(start: (done: () => void) => void): void {
    if (this.active < this.concurrency) this.run(start);
    else this.waiting.push(start);
  }

  get pending(): number {
    return this.waiting.length;
  }

  private run(start: (done: () => void) => void): void {
    this.active++;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      this.active--;
      const next = this.waiting.shift();
      if (next) this.run(next);
    };
    const timer = setTimeout(done, this.maxTurnMs);
    timer.unref();
    start(done);
  }
}
