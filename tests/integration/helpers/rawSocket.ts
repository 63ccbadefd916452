import { WebSocket } from "ws";
import type { ClientOptions } from "ws";

/** A bare websocket for sending exactly the bytes a test wants, and seeing how the server closes. */
export interface RawSocket {
  ws: WebSocket;
  messages: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array | string): void;
}

export function openRaw(url: string, options?: ClientOptions): RawSocket {
  const ws = new WebSocket(url, options);
  const messages: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on("error", () => undefined);
  const opened = new Promise<void>((resolve) => ws.once("open", () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return {
    ws,
    messages,
    opened,
    closed,
    send(data) {
      ws.send(data);
    },
  };
}
