import { describe, expect, it } from "vitest";
import { Connection, LARGE_MESSAGE_BYTES } from "../../../server/sync/Connection";
import type { SocketLike } from "../../../server/sync/Connection";
import { LargeSendQueue, Outbound } from "../../../server/sync/outbound";
import { CloseCode, Limits } from "../../../shared/protocol";

class FakeSocket implements SocketLike {
  readyState = 1;
  bufferedAmount = 0;
  sent: Uint8Array[] = [];
  /** Write callbacks not yet called, as a kernel that has not taken the bytes yet. */
  pendingWrites: Array<() => void> = [];
  closed: { code: number; reason: string } | null = null;
  write(message: Outbound, written?: () => void): void {
    this.sent.push(message.bytes);
    if (written) this.pendingWrites.push(written);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.readyState = 3;
  }
  terminate(): void {
    this.readyState = 3;
  }
}

const out = (...bytes: number[]) => new Outbound(new Uint8Array(bytes));

function connection(socket: FakeSocket, largeSends?: LargeSendQueue) {
  let closedWith: Connection | null = null;
  const conn = new Connection({
    id: 1,
    socket,
    largeSends,
    docName: "item:x",
    userId: "u",
    access: "write",
    log: () => undefined,
    onClose: (c) => (closedWith = c),
  });
  return { conn, closed: () => closedWith };
}

describe("a connection's bounds", () => {
  it("closes a client that sends more messages than it may queue, as overloaded (transient)", () => {
    const socket = new FakeSocket();
    const { conn, closed } = connection(socket);
    // Not started: the document is still loading, so everything queues.
    for (let i = 0; i < Limits.maxQueuedMessages; i++) conn.receive(new Uint8Array([3]));
    expect(socket.closed).toBeNull();
    conn.receive(new Uint8Array([3]));
    expect(socket.closed).toEqual({ code: CloseCode.overloaded, reason: "overloaded" });
    expect(closed()).toBe(conn);
  });

  it("closes a client that queues more bytes than allowed", () => {
    const socket = new FakeSocket();
    const { conn } = connection(socket);
    conn.receive(new Uint8Array(Limits.maxQueuedBytes - 10));
    expect(socket.closed).toBeNull();
    conn.receive(new Uint8Array(20));
    expect(socket.closed?.code).toBe(CloseCode.overloaded);
  });

  it("disconnects a slow reader instead of buffering without limit", () => {
    const socket = new FakeSocket();
    const { conn } = connection(socket);
    conn.send(out(1, 0));
    expect(socket.sent).toHaveLength(1);
    socket.bufferedAmount = Limits.maxBufferedBytes + 1;
    conn.send(out(1, 0));
    expect(socket.sent).toHaveLength(1);
    expect(socket.closed?.code).toBe(CloseCode.overloaded);
  });

  it("sends a keep-alive only when nothing else was sent in the interval", () => {
    const socket = new FakeSocket();
    const { conn } = connection(socket);
    conn.send(out(0, 0, 0));
    conn.keepAlive();
    expect(socket.sent).toHaveLength(1);
    conn.keepAlive();
    expect(socket.sent).toHaveLength(2);
    expect([...socket.sent[1]!]).toEqual([1, 1, 0]);
  });
});

describe("a connection's large messages", () => {
  const large = () => new Outbound(new Uint8Array(LARGE_MESSAGE_BYTES).fill(7));

  it("waits for a turn, and holds back what is sent meanwhile so the order stays", () => {
    const queue = new LargeSendQueue(1);
    const first = new FakeSocket();
    const second = new FakeSocket();
    connection(first, queue).conn.send(large());
    const { conn } = connection(second, queue);
    conn.send(large());
    conn.send(out(0, 2, 0));
    // The first socket holds the only slot: nothing reaches the second yet.
    expect(first.sent).toHaveLength(1);
    expect(second.sent).toHaveLength(0);
    expect(queue.pending).toBe(1);

    first.pendingWrites.shift()!();
    expect(second.sent.map((bytes) => bytes.byteLength)).toEqual([LARGE_MESSAGE_BYTES, 3]);
  });

  it("gives its turn back when it closes before the write completes", () => {
    const queue = new LargeSendQueue(1);
    const first = new FakeSocket();
    const second = new FakeSocket();
    const { conn } = connection(first, queue);
    conn.send(large());
    connection(second, queue).conn.send(large());
    expect(second.sent).toHaveLength(0);
    conn.close("overloaded");
    expect(second.sent).toHaveLength(1);
    // A late write callback from the closed socket does not free a second slot.
    first.pendingWrites.shift()!();
    expect(queue.pending).toBe(0);
  });

  it("counts held-back bytes towards the slow-reader limit", () => {
    const queue = new LargeSendQueue(1);
    connection(new FakeSocket(), queue).conn.send(large());
    const socket = new FakeSocket();
    const { conn } = connection(socket, queue);
    conn.send(large());
    socket.bufferedAmount = Limits.maxBufferedBytes - 10;
    conn.send(new Outbound(new Uint8Array(20)));
    expect(socket.closed).toBeNull();
    conn.send(out(0, 2, 0));
    expect(socket.closed?.code).toBe(CloseCode.overloaded);
  });
});
