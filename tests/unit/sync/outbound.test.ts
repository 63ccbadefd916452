import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { LargeSendQueue, Outbound, frameBinary } from "../../../server/sync/outbound";

describe("frameBinary", () => {
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true });
  let upgraded: Promise<Duplex>;
  let client: WebSocket;
  const received: Buffer[] = [];

  beforeAll(async () => {
    upgraded = new Promise((resolve) =>
      http.on("upgrade", (req, socket, head) =>
        wss.handleUpgrade(req, socket, head, () => resolve(socket)),
      ),
    );
    http.listen(0, "127.0.0.1");
    await once(http, "listening");
    const { port } = http.address() as AddressInfo;
    client = new WebSocket(`ws://127.0.0.1:${port}`);
    client.on("message", (data: Buffer) => received.push(data));
    await once(client, "open");
  });

  afterAll(async () => {
    client.close();
    wss.close();
    http.close();
  });

  it("writes frames a standard websocket client reads back byte for byte, at every length class", async () => {
    const socket = await upgraded;
    // 7-bit, 16-bit and 64-bit payload lengths, and the edges between them.
    const lengths = [0, 1, 125, 126, 65_535, 65_536, 300_000];
    const payloads = lengths.map((length) =>
      Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256),
    );
    for (const payload of payloads) socket.write(frameBinary(payload));
    await expect.poll(() => received.length).toBe(lengths.length);
    expect(received.map((data) => data.byteLength)).toEqual(lengths);
    received.forEach((data, i) => expect(Buffer.compare(data, Buffer.from(payloads[i]!))).toBe(0));
  });

  it("is built once per message however many sockets it goes to", () => {
    const message = new Outbound(new Uint8Array([0, 2, 1, 9]));
    expect(message.frame).toBe(message.frame);
    expect([...message.frame]).toEqual([0x82, 4, 0, 2, 1, 9]);
  });
});

describe("LargeSendQueue", () => {
  it("runs at most `concurrency` sends at once, the rest in arrival order", () => {
    const queue = new LargeSendQueue(2);
    const started: number[] = [];
    const finish: Array<() => void> = [];
    for (let i = 0; i < 5; i++)
      queue.enqueue((done) => {
        started.push(i);
        finish[i] = done;
      });
    expect(started).toEqual([0, 1]);
    finish[1]!();
    expect(started).toEqual([0, 1, 2]);
    // Calling done twice frees one slot, not two.
    finish[1]!();
    expect(started).toEqual([0, 1, 2]);
    finish[0]!();
    finish[2]!();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(queue.pending).toBe(0);
  });

  it("gives the slot to the next send when one holds it too long (a client that stops reading)", () => {
    vi.useFakeTimers();
    try {
      const queue = new LargeSendQueue(1, 2_000);
      const started: number[] = [];
      let finishFirst = () => {};
      queue.enqueue((done) => {
        started.push(0);
        finishFirst = done;
      });
      queue.enqueue(() => started.push(1));
      vi.advanceTimersByTime(1_999);
      expect(started).toEqual([0]);
      vi.advanceTimersByTime(1);
      expect(started).toEqual([0, 1]);
      // The stalled write finishing late frees nothing twice.
      finishFirst();
      queue.enqueue(() => started.push(2));
      expect(started).toEqual([0, 1]);
    } finally {
      vi.useRealTimers();
    }
  });
});
