import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ITEM_ID } from "../../server/seed/seedDemo";
import { CloseCode, Limits, MessageType, SyncMessageType } from "../../shared/protocol";
import { openRaw } from "./helpers/rawSocket";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { bodyXml, connectClient, waitSynced } from "./helpers/yClient";

const DOC = `item:${DEMO_ITEM_ID}`;

function syncMessage(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe("bad input on the websocket", () => {
  let server: TestServer;
  let session: TestSession;
  let storedBefore: Uint8Array;

  beforeAll(async () => {
    server = await startTestServer();
    session = await login(server.url, "sekretariat@demo.dk");
    storedBefore = await storedState();
  });
  afterAll(async () => {
    await server.dispose();
  });

  async function storedState(): Promise<Uint8Array> {
    const stored = await server.store.docs.loadDoc(DOC);
    return Y.mergeUpdates([...(stored!.snapshot ? [stored!.snapshot] : []), ...stored!.updates]);
  }

  async function rawTo(doc: string, token?: string) {
    const t = token ?? (await session.syncToken(doc));
    const raw = openRaw(
      `${server.url.replace("http", "ws")}/sync/${encodeURIComponent(doc)}?token=${t}`,
    );
    await raw.opened;
    return raw;
  }

  it("refuses a connection without credentials with 4401", async () => {
    const raw = openRaw(`${server.url.replace("http", "ws")}/sync/${DOC}`);
    expect((await raw.closed).code).toBe(CloseCode.unauthenticated);
  });

  it("refuses a forged or foreign token with 4401", async () => {
    const token = await session.syncToken("item:other");
    const raw = openRaw(`${server.url.replace("http", "ws")}/sync/${DOC}?token=${token}`);
    expect((await raw.closed).code).toBe(CloseCode.unauthenticated);
    const forged = openRaw(
      `${server.url.replace("http", "ws")}/sync/${DOC}?token=${token.slice(0, -2)}xx`,
    );
    expect((await forged.closed).code).toBe(CloseCode.unauthenticated);
  });

  it("refuses bad and unknown document names with 4404", async () => {
    const bad = openRaw(`${server.url.replace("http", "ws")}/sync/nonsense`);
    expect(await bad.closed).toEqual({
      code: CloseCode.unknownDocument,
      reason: "unknown_document",
    });
    const unknown = await rawTo("item:does-not-exist");
    expect((await unknown.closed).code).toBe(CloseCode.unknownDocument);
  });

  it.each([
    ["an unknown message type", new Uint8Array([77, 1, 2])],
    ["an unknown sync sub-type", new Uint8Array([0, 9, 0])],
    ["truncated framing", new Uint8Array([0, 2, 200])],
    ["trailing bytes", new Uint8Array([3, 0])],
    ["an empty message", new Uint8Array([])],
    ["malformed awareness", new Uint8Array([1, 5, 1, 1, 1, 3, 123, 123, 123])],
  ])("closes on %s with 4400 and changes nothing", async (_name, bytes) => {
    const raw = await rawTo(DOC);
    raw.send(bytes);
    expect((await raw.closed).code).toBe(CloseCode.badMessage);
    expect(await storedState()).toEqual(storedBefore);
  });

  it("closes on a text frame with 4400", async () => {
    const raw = await rawTo(DOC);
    raw.send("hello");
    expect((await raw.closed).code).toBe(CloseCode.badMessage);
  });

  it("closes on an undecodable update with 4422 and stores nothing", async () => {
    const raw = await rawTo(DOC);
    raw.send(syncMessage(SyncMessageType.update, new Uint8Array([1, 2, 3, 4, 5, 250, 250])));
    expect((await raw.closed).code).toBe(CloseCode.invalidUpdate);
    expect(await storedState()).toEqual(storedBefore);
  });

  it("closes on an update to a root the schema does not have with 4422", async () => {
    const evil = new Y.Doc();
    evil.getMap("evil").set("x", 1);
    const raw = await rawTo(DOC);
    raw.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(evil)));
    expect((await raw.closed).code).toBe(CloseCode.invalidUpdate);
    expect(await storedState()).toEqual(storedBefore);
  });

  it("closes on an update that depends on unknown state with 4422", async () => {
    const other = new Y.Doc();
    other.getXmlFragment("default").insert(0, [new Y.XmlElement("paragraph")]);
    other.getXmlFragment("default").insert(1, [new Y.XmlElement("paragraph")]);
    const sv = Y.encodeStateVector(other);
    other.getXmlFragment("default").insert(2, [new Y.XmlElement("paragraph")]);
    const onlyLast = Y.encodeStateAsUpdate(other, sv);
    const raw = await rawTo(DOC);
    raw.send(syncMessage(SyncMessageType.update, onlyLast));
    expect((await raw.closed).code).toBe(CloseCode.invalidUpdate);
    expect(await storedState()).toEqual(storedBefore);
  });

  it("closes on an oversized message with 1009 and stays up", async () => {
    const raw = await rawTo(DOC);
    raw.send(new Uint8Array(Limits.maxMessageBytes + 10));
    expect((await raw.closed).code).toBe(CloseCode.messageTooLarge);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it("reverts an update that deletes a field heading, closes with 4422, and other clients stay valid", async () => {
    const watcher = connectClient(server.url, DOC, await session.syncToken(DOC));
    const attacker = connectClient(server.url, DOC, await session.syncToken(DOC));
    await waitSynced(watcher);
    await waitSynced(attacker);
    const before = bodyXml(watcher.doc);
    // Delete the whole Indstilling field: valid Yjs, invalid document.
    attacker.doc.getXmlFragment("default").delete(1, 1);
    await expect.poll(() => attacker.closes.map((c) => c.code)).toContain(CloseCode.invalidUpdate);
    await expect.poll(() => bodyXml(watcher.doc)).toBe(before);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await storedState());
    expect(bodyXml(stored)).toBe(before);
    watcher.destroy();
    attacker.destroy();
  });
});

describe("bad input over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("answers a wrong password with 401 invalid_credentials", async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "sekretariat@demo.dk", password: "wrong" }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "invalid_credentials" });
  });

  it("answers malformed JSON with 400 invalid_json and an invalid body with 400 invalid_request", async () => {
    const malformed = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: "invalid_json" });
    const invalid = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: 42 }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: "invalid_request" });
  });

  it("refuses a state-changing request without the CSRF token with 403", async () => {
    const session = await login(server.url, "sekretariat@demo.dk");
    const res = await fetch(`${server.url}/api/sync-token`, {
      method: "POST",
      headers: { cookie: session.cookie, "content-type": "application/json" },
      body: JSON.stringify({ doc: DOC }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "csrf_failed" });
  });

  it("refuses a sync token for a malformed document name with 400", async () => {
    const session = await login(server.url, "sekretariat@demo.dk");
    const res = await session.request("POST", "/api/sync-token", { doc: "../../etc" });
    expect(res.status).toBe(400);
  });

  it("answers unknown API routes and items with 404", async () => {
    const session = await login(server.url, "sekretariat@demo.dk");
    expect((await session.request("GET", "/api/nothing")).status).toBe(404);
    expect((await session.request("GET", "/api/items/nope")).status).toBe(404);
    expect((await fetch(`${server.url}/api/items`)).status).toBe(401);
  });

  it("refuses an oversized JSON body with 413", async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "x", password: "y".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
  });
});
