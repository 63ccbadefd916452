import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MessageType } from "../../shared/protocol";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import { connectClient, waitSynced } from "./helpers/yClient";

// Meeting documents are written by the server only: every client connection to one is `read`.
const DOC = "meeting:readonly-test";

describe("a read connection", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const initial = new Y.Doc();
    initial.getMap("meeting").set("title", "KKR Syddanmark");
    await server.store.docs.createDoc(DOC, Y.encodeStateAsUpdate(initial));
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("has its updates neither applied, stored nor seen by anyone, while awareness still flows", async () => {
    const session = await login(server.url, "sekretariat@demo.dk");
    const reader = connectClient(server.url, DOC, await session.syncToken(DOC));
    const watcher = connectClient(server.url, DOC, await session.syncToken(DOC));
    await waitSynced(reader);
    await waitSynced(watcher);
    const rowsBefore = await server.store.docs.countUpdates(DOC);

    reader.provider.awareness.setLocalStateField("user", { name: "Læser" });
    reader.doc.getMap("meeting").set("title", "Hacked");
    await reader.save();

    // Awareness arrives, so the watcher has certainly seen anything the server relayed before it.
    await waitFor(
      () =>
        [...watcher.provider.awareness.getStates().values()].some((s) => s.user?.name === "Læser"),
      {
        message: "awareness from the reader",
      },
    );
    expect(watcher.doc.getMap("meeting").get("title")).toBe("KKR Syddanmark");
    expect(server.sync.registry.peek(DOC)!.doc.getMap("meeting").get("title")).toBe(
      "KKR Syddanmark",
    );
    expect(await server.store.docs.countUpdates(DOC)).toBe(rowsBefore);
    const stored = await server.store.docs.loadDoc(DOC);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.mergeUpdates([stored!.snapshot!, ...stored!.updates]));
    expect(reloaded.getMap("meeting").get("title")).toBe("KKR Syddanmark");
    // The connection stays open (reading is allowed).
    expect(reader.provider.wsconnected).toBe(true);
    reader.destroy();
    watcher.destroy();
  });

  it("is told its access level when it opts in to extension messages", async () => {
    const session = await login(server.url, "sekretariat@demo.dk");
    const client = connectClient(server.url, DOC, await session.syncToken(DOC));
    const accessSeen: string[] = [];
    const decoding = await import("lib0/decoding");
    client.provider.messageHandlers[MessageType.access] = (_e, decoder) => {
      accessSeen.push(decoding.readVarString(decoder));
    };
    await waitSynced(client);
    await client.save();
    await waitFor(() => accessSeen.length > 0, { message: "access message" });
    expect(accessSeen).toEqual(["read"]);
    client.destroy();
  });
});
