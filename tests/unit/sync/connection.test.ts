import { describe, expect, it } from "vitest";
import { Connection } from "../../../server/sync/Connection";
import type { SocketLike } from "../../../server/sync/Connection";
import { CloseCode, Limits } from "../../../shared/protocol";

class FakeSocket implements SocketLike {
  readyState = 1;
  bufferedAmount = 0;
  sent: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.readyState = 3;
  }
  terminate(): void {
    this.readyState = 3;
  }
}

function connection(socket: FakeSocket) {
  let closedWith: Connection | null = null;
  const conn = new Connection({
    id: 1,
    socket,
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
    conn.send(new Uint8Array([1, 0]));
    expect(socket.sent).toHaveLength(1);
    socket.bufferedAmount = Limits.maxBufferedBytes + 1;
    conn.send(new Uint8Array([1, 0]));
    expect(socket.sent).toHaveLength(1);
    expect(socket.closed?.code).toBe(CloseCode.overloaded);
  });

  it("sends a keep-alive only when nothing else was sent in the interval", () => {
    const socket = new FakeSocket();
    const { conn } = connection(socket);
    conn.send(new Uint8Array([0, 0, 0]));
    conn.keepAlive();
    expect(socket.sent).toHaveLength(1);
    conn.keepAlive();
    expect(socket.sent).toHaveLength(2);
    expect([...socket.sent[1]!]).toEqual([1, 1, 0]);
  });
});
