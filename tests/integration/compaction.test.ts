import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import { BODY_FRAGMENT } from "../../shared/docName";
import { DEMO_ITEM_ID } from "../../server/seed/seedDemo";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import { connectClient, fieldText, typeInto, waitSynced } from "./helpers/yClient";

const DOC = `item:${DEMO_ITEM_ID}`;

describe("compaction", () => {
  let server: TestServer;
  afterEach(async () => {
    await server.dispose();
  });

  it("loads a document with 100,000 stored updates from one snapshot afterwards", async () => {
    server = await startTestServer({ idleUnloadMs: 50 });
    // Build a long history the way a busy document gets one: many tiny appended updates.
    const writer = new Y.Doc();
    const stored = await server.store.docs.loadDoc(DOC);
    Y.applyUpdate(writer, stored!.snapshot!);
    const paragraph = writer.getXmlFragment(BODY_FRAGMENT).get(2) as Y.XmlElement;
    const text = (paragraph.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const updates: Uint8Array[] = [];
    writer.on("update", (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 100_000; i++) text.insert(text.length, "x");
    for (let i = 0; i < updates.length; i += 10_000) {
      await server.store.docs.appendUpdates(DOC, updates.slice(i, i + 10_000));
    }
    expect(await server.store.docs.countUpdates(DOC)).toBe(100_000);

    const session = await login(server.url, "sekretariat@demo.dk");
    const client = connectClient(server.url, DOC, await session.syncToken(DOC));
    await waitSynced(client, 30_000);
    expect(fieldText(client.doc, "sagsfremstilling")).toContain("x".repeat(100_000));
    // Loading compacted the log into the snapshot.
    expect(await server.store.docs.countUpdates(DOC)).toBe(0);
    const after = await server.store.docs.loadDoc(DOC);
    expect(after!.updates).toHaveLength(0);
    expect(after!.snapshot!.byteLength).toBeLessThan(200_000);
    client.destroy();
  });

  it("keeps the live update log short while people type, and unloads idle documents", async () => {
    server = await startTestServer({ compactAfterUpdates: 100, idleUnloadMs: 50 });
    const session = await login(server.url, "sekretariat@demo.dk");
    const client = connectClient(server.url, DOC, await session.syncToken(DOC));
    await waitSynced(client);
    for (let i = 0; i < 450; i++) {
      typeInto(client.doc, "baggrund", "y");
      if (i % 50 === 0) await client.save();
    }
    await client.save();
    expect(await server.store.docs.countUpdates(DOC)).toBeLessThan(100);
    client.destroy();
    await waitFor(() => server.sync.registry.size === 0, { message: "document unloaded" });
    // What was typed is all there after the unload.
    const again = connectClient(server.url, DOC, await session.syncToken(DOC));
    await waitSynced(again);
    expect(fieldText(again.doc, "baggrund")).toContain("y".repeat(450));
    again.destroy();
  });
});
