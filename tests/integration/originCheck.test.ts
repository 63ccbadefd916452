/**
 * Cross-site websocket hijacking and cross-origin requests (issue #13): a page of another origin —
 * another port of the host, a sibling subdomain — must not use the person's session cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ITEM_ID } from "../../server/seed/seedDemo";
import { CloseCode, MessageType } from "../../shared/protocol";
import { appRoutes, samplePath } from "./helpers/appRoutes";
import { rawUpgrade } from "./helpers/rawUpgrade";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

const ITEM = `item:${DEMO_ITEM_ID}`;
const PUBLIC_URL = "https://dagsorden.kommune.example";
const PROXY_ORIGIN = "https://intra.kommune.example";
const TEXT_FRAME = 1;
const BINARY_FRAME = 2;
const CLOSE_FRAME = 8;

describe("origin check", () => {
  let server: TestServer;
  let secretariat: TestSession;
  /** Another port of the same host: the same site for the SameSite=Lax cookie. */
  let siblingOrigin: string;

  beforeAll(async () => {
    server = await startTestServer({ publicUrl: PUBLIC_URL, allowedOrigins: [PROXY_ORIGIN] });
    secretariat = await login(server.url, "sekretariat@demo.dk");
    siblingOrigin = `http://127.0.0.1:${server.port === 65535 ? 65534 : server.port + 1}`;
  });
  afterAll(async () => {
    await server.dispose();
  });

  const upgrade = (headers: Record<string, string>, query = "") =>
    rawUpgrade(server.url, `/sync/${ITEM}${query}`, headers);

  it("refuses a cookie upgrade from a sibling origin with 4406, sending no byte of the document", async () => {
    for (const origin of [siblingOrigin, "https://evil.example", "null"]) {
      const outcome = await upgrade({ Cookie: secretariat.cookie, Origin: origin });
      expect(outcome.closeCode, origin).toBe(CloseCode.originRefused);
      // The only frame is the close frame: no sync step, no awareness, nothing of the body.
      expect(outcome.frames.map((frame) => frame.opcode)).toEqual([CLOSE_FRAME]);
      expect(outcome.frames[0]!.payload.subarray(2).toString()).toBe("origin_refused");
    }
  });

  it("refuses a cookie upgrade whose Referer names a foreign page when Origin is missing", async () => {
    const outcome = await upgrade({
      Cookie: secretariat.cookie,
      Referer: `${siblingOrigin}/angreb.html`,
    });
    expect(outcome.closeCode).toBe(CloseCode.originRefused);
    expect(outcome.frames).toHaveLength(1);
  });

  it("accepts a cookie upgrade from its own origin, the public URL and the allow-list", async () => {
    for (const origin of [server.url, PUBLIC_URL, PROXY_ORIGIN]) {
      const outcome = await upgradeUntilFirstMessage({
        Cookie: secretariat.cookie,
        Origin: origin,
      });
      expect(outcome, origin).toBe(MessageType.sync);
    }
  });

  it("accepts a sync token from any origin", async () => {
    const token = await secretariat.syncToken(ITEM);
    const outcome = await upgradeUntilFirstMessage(
      { Origin: "https://evil.example" },
      `?token=${encodeURIComponent(token)}`,
    );
    expect(outcome).toBe(MessageType.sync);
  });

  /** The first message's type, read over a bare socket; the socket is then dropped. */
  async function upgradeUntilFirstMessage(headers: Record<string, string>, query = "") {
    const { connect } = await import("node:net");
    const { randomBytes } = await import("node:crypto");
    const url = new URL(server.url);
    return new Promise<number>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      let buffer = Buffer.alloc(0);
      socket.on("error", reject);
      socket.setTimeout(15_000, () => reject(new Error("no message within 15 s")));
      socket.on("data", (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0 || buffer.length < end + 6) return;
        const frame = buffer.subarray(end + 4);
        const opcode = frame[0]! & 0x0f;
        socket.destroy();
        if (opcode === CLOSE_FRAME) reject(new Error(`closed with ${frame.readUInt16BE(2)}`));
        else if (opcode !== BINARY_FRAME && opcode !== TEXT_FRAME)
          reject(new Error(`opcode ${opcode}`));
        // A small message's payload starts at byte 2; its first byte is the message type.
        else resolve(frame[2]!);
      });
      socket.once("connect", () => {
        socket.write(
          [
            `GET /sync/${ITEM}${query} HTTP/1.1`,
            `Host: ${url.host}`,
            "Upgrade: websocket",
            "Connection: Upgrade",
            `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}`,
            "Sec-WebSocket-Version: 13",
            ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
            "",
            "",
          ].join("\r\n"),
        );
      });
    });
  }

  it("answers 403 origin_refused on every state-changing route for a foreign Origin, even with cookie and CSRF token", async () => {
    const routes = appRoutes(server.app).filter(
      (route) => !["GET", "HEAD", "OPTIONS"].includes(route.method.toUpperCase()),
    );
    // The enumeration really reads the app: known routes are there, and there are many.
    expect(routes.length).toBeGreaterThan(20);
    expect(routes).toContainEqual({ method: "POST", path: "/api/auth/logout" });
    expect(routes).toContainEqual({ method: "POST", path: "/api/meetings/:meetingId/commands" });
    for (const route of routes) {
      const response = await fetch(`${server.url}${samplePath(route.path)}`, {
        method: route.method.toUpperCase(),
        headers: {
          cookie: secretariat.cookie,
          "x-csrf-token": secretariat.csrfToken,
          "content-type": "application/json",
          origin: siblingOrigin,
        },
        body: "{}",
      });
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
      expect(await response.json(), `${route.method} ${route.path}`).toMatchObject({
        error: "origin_refused",
      });
    }
    // The session is untouched: the logout above was refused too.
    expect((await secretariat.request("GET", "/api/me")).status).toBe(200);
  });

  it("refuses a cross-origin login (login CSRF) and accepts a same-origin one", async () => {
    const attempt = (origin: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ email: "laeser@demo.dk", password: "demo" }),
      });
    expect((await attempt("https://evil.example")).status).toBe(403);
    expect((await attempt(server.url)).status).toBe(200);
  });

  it("still serves same-origin state changes", async () => {
    const response = await fetch(`${server.url}/api/sync-token`, {
      method: "POST",
      headers: {
        cookie: secretariat.cookie,
        "x-csrf-token": secretariat.csrfToken,
        "content-type": "application/json",
        origin: server.url,
      },
      body: JSON.stringify({ doc: ITEM }),
    });
    expect(response.status).toBe(200);
  });
});
