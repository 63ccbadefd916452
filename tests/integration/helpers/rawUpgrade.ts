import { randomBytes } from "node:crypto";
import { connect } from "node:net";

export interface Frame {
  opcode: number;
  payload: Buffer;
}

export interface UpgradeOutcome {
  /** The HTTP status line and headers of the server's answer. */
  head: string;
  /** Every websocket frame the server sent until (and including) its close frame. */
  frames: Frame[];
  /** The close code, when the server sent a close frame. */
  closeCode: number | null;
}

/**
 * A websocket handshake over a bare TCP socket, so a test sees every byte the server sends: the
 * HTTP answer and each frame, not what a client library chooses to report.
 */
export function rawUpgrade(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
): Promise<UpgradeOutcome> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let buffer = Buffer.alloc(0);
    let head: string | null = null;
    const frames: Frame[] = [];
    const finish = () => {
      socket.destroy();
      const close = frames.find((frame) => frame.opcode === 8);
      resolve({
        head: head ?? buffer.toString("latin1"),
        frames,
        closeCode: close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : null,
      });
    };
    socket.setTimeout(15_000, () => reject(new Error("no close from the server within 15 s")));
    socket.on("error", reject);
    socket.on("end", finish);
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (head === null) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        head = buffer.subarray(0, end).toString("latin1");
        buffer = buffer.subarray(end + 4);
        if (!head.startsWith("HTTP/1.1 101")) {
          finish();
          return;
        }
      }
      for (;;) {
        const frame = readFrame(buffer);
        if (!frame) return;
        frames.push(frame.frame);
        buffer = buffer.subarray(frame.length);
        if (frame.frame.opcode === 8) {
          finish();
          return;
        }
      }
    });
    socket.once("connect", () => {
      const lines = [
        `GET ${path} HTTP/1.1`,
        `Host: ${url.host}`,
        "Upgrade: websocket",
        "Connection: Upgrade",
        `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}`,
        "Sec-WebSocket-Version: 13",
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    });
  });
}

function readFrame(buffer: Buffer): { frame: Frame; length: number } | null {
  if (buffer.length < 2) return null;
  const opcode = buffer[0]! & 0x0f;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (buffer.length < offset + length) return null;
  return {
    frame: { opcode, payload: buffer.subarray(offset, offset + length) },
    length: offset + length,
  };
}
