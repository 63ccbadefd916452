import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { DEMO_ITEM_ID } from "../../server/seed/seedDemo";
import { MessageType, SyncMessageType } from "../../shared/protocol";
import { openRaw } from "./helpers/rawSocket";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import { appendParagraph, connectClient, fieldText, typeInto, waitSynced } from "./helpers/yClient";

const DOC = `item:${DEMO_ITEM_ID}`;

describe("document lifecycle", () => {
  let server: TestServer;
  afterEach(async () => {
    await server.dispose();
  });

  it("sends something to every connection well within the client's 30-second silence limit", async () => {
    server = await startTestServer({ pingIntervalMs: 100 });
    const session = await login(server.url, "sekretariat@demo.dk");
    const raw = openRaw(
      `${server.url.replace("http", "ws")}/sync/${DOC}?token=${await session.syncToken(DOC)}`,
    );
    await raw.opened;
    await waitFor(() => raw.messages.length >= 1, { message: "sync step 1" });
    const greeting = raw.messages.length;
    // Nothing else happens on the document: only keep-alives can arrive now.
    await waitFor(() => raw.messages.length >= greeting + 2, { message: "keep-alive messages" });
    expect(raw.messages.at(-1)![0]).toBe(MessageType.awareness);
    raw.ws.close();
  });

  it("terminates a connection that stops answering pings, and keeps one that answers", async () => {
    server = await startTestServer({ pingIntervalMs: 100 });
    const session = await login(server.url, "sekretariat@demo.dk");
    const url = `${server.url.replace("http", "ws")}/sync/${DOC}?token=${await session.syncToken(DOC)}`;
    const answering = openRaw(url);
    const silent = openRaw(url, { autoPong: false });
    let pingsAnswered = 0;
    answering.ws.on("ping", () => (pingsAnswered += 1));
    await Promise.all([answering.opened, silent.opened]);

    await waitFor(() => silent.ws.readyState === WebSocket.CLOSED, { message: "silent one gone" });
    // Terminated without a close frame: the client sees 1006.
    expect((await silent.closed).code).toBe(1006);
    // Several more ping rounds: the one that answers stays.
    await waitFor(() => pingsAnswered >= 5, { message: "five pings answered" });
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    expect(server.sync.connectionCount).toBe(1);
    answering.ws.close();
  });

  it("does not let clients that stop reading a large document stall the next joiner", async () => {
    // No heartbeat during the test: it would end the stalled connections (they cannot answer
    // pings) and so hide a joiner waiting for them.
    server = await startTestServer({ pingIntervalMs: 600_000 });
    const session = await login(server.url, "sekretariat@demo.dk");
    const token = await session.syncToken(DOC);
    // Larger than what the kernel buffers for one loopback socket, so a paused reader's write
    // cannot complete.
    const writer = connectClient(server.url, DOC, token);
    await waitSynced(writer);
    appendParagraph(writer.doc, "sagsfremstilling", "Lang tekst. ".repeat(1_100_000));
    await writer.save();
    writer.destroy();

    const url = `${server.url.replace("http", "ws")}/sync/${DOC}?token=${token}`;
    const freshStepOne = new Uint8Array([MessageType.sync, SyncMessageType.step1, 1, 0]);
    const isStepTwo = (message: Uint8Array) =>
      message[0] === MessageType.sync && message[1] === SyncMessageType.step2;
    // As many stalled readers as the server writes large messages at once.
    const stalled = [openRaw(url), openRaw(url)];
    for (const reader of stalled) {
      await reader.opened;
      reader.ws.pause();
      reader.send(freshStepOne);
    }
    const joiner = openRaw(url);
    await joiner.opened;
    joiner.send(freshStepOne);
    await waitFor(() => joiner.messages.some(isStepTwo), {
      timeoutMs: 30_000,
      message: "the joiner's sync step 2",
    });
    expect(joiner.messages.find(isStepTwo)!.byteLength).toBeGreaterThan(13_000_000);
    for (const socket of [...stalled, joiner]) socket.ws.terminate();
  });

  it("loads a document once for many concurrent joins, and queues what arrives during the load", async () => {
    server = await startTestServer();
    let loads = 0;
    const load = server.store.docs.loadDoc.bind(server.store.docs);
    server.store.docs.loadDoc = async (name) => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return load(name);
    };
    const session = await login(server.url, "sekretariat@demo.dk");
    const token = await session.syncToken(DOC);

    // A raw client sends an update the moment its socket opens, before the load finishes.
    const stored = await server.store.docs.loadDoc(DOC);
    loads = 0;
    const local = new Y.Doc();
    Y.applyUpdate(local, stored!.snapshot!);
    const sv = Y.encodeStateVector(local);
    typeInto(local, "indstilling", " Tidligt ord.");
    const early = openRaw(`${server.url.replace("http", "ws")}/sync/${DOC}?token=${token}`);
    await early.opened;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.update);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(local, sv));
    early.send(encoding.toUint8Array(encoder));

    const clients = Array.from({ length: 8 }, () => connectClient(server.url, DOC, token));
    await Promise.all(clients.map((c) => waitSynced(c)));
    expect(loads).toBe(1);
    await waitFor(
      () => clients.every((c) => fieldText(c.doc, "indstilling").includes("Tidligt ord.")),
      {
        message: "early update applied and relayed",
      },
    );
    for (const c of clients) c.destroy();
    early.ws.close();
  });
});
