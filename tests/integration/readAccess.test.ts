import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MessageType } from "../../shared/protocol";
import { DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { fieldText, typeInto } from "./helpers/yClient";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import { connectClient, waitSynced } from "./helpers/yClient";

// Meeting documents are written by the server only: every client connection to one is `read`.
const DOC = `meeting:${DEMO_MEETING_ID}`;

describe("a read connection", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });

  const title = (doc: Y.Doc) =>
    (doc.getMap("meeting").get("state") as { title: string } | undefined)?.title;
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
    expect(title(reader.doc)).toBe("Møde i KKR Syddanmark");
    reader.doc.getMap("meeting").set("state", { title: "Hacked" });
    await expect(reader.save()).rejects.toThrow("refused: read_only");

    // Awareness arrives, so the watcher has certainly seen anything the server relayed before it.
    await waitFor(
      () =>
        [...watcher.provider.awareness.getStates().values()].some((s) => s.user?.name === "Læser"),
      {
        message: "awareness from the reader",
      },
    );
    expect(title(watcher.doc)).toBe("Møde i KKR Syddanmark");
    expect(title(server.sync.registry.peek(DOC)!.doc)).toBe("Møde i KKR Syddanmark");
    expect(await server.store.docs.countUpdates(DOC)).toBe(rowsBefore);
    const stored = await server.store.docs.loadDoc(DOC);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.mergeUpdates([stored!.snapshot!, ...stored!.updates]));
    expect(title(reloaded)).toBe("Møde i KKR Syddanmark");
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
    const director = await login(server.url, "direktoer@demo.dk");
    const item = `item:${DEMO_ITEM_ID}`;
    const reviewer = connectClient(server.url, item, await director.syncToken(item));
    const reviewerAccess: string[] = [];
    reviewer.provider.messageHandlers[MessageType.access] = (_e, decoder) => {
      reviewerAccess.push(decoding.readVarString(decoder));
    };
    await waitSynced(reviewer);
    await reviewer.save();
    await waitFor(() => reviewerAccess.length > 0, { message: "access message" });
    expect(reviewerAccess).toEqual(["comment"]);
    reviewer.destroy();
    client.destroy();
  });

  it("for a director on an item body (comment access): body updates are refused, the text stays", async () => {
    const item = `item:${DEMO_ITEM_ID}`;
    const director = await login(server.url, "direktoer@demo.dk");
    const secretariat = await login(server.url, "sekretariat@demo.dk");
    const reviewer = connectClient(server.url, item, await director.syncToken(item));
    const writer = connectClient(server.url, item, await secretariat.syncToken(item));
    await waitSynced(reviewer);
    await waitSynced(writer);
    const rowsBefore = await server.store.docs.countUpdates(item);
    typeInto(reviewer.doc, "sagsfremstilling", " DIREKTØRENS ÆNDRING");
    await expect(reviewer.save()).rejects.toThrow("refused: read_only");
    typeInto(writer.doc, "sagsfremstilling", " sekretariatets tilføjelse");
    await writer.save();
    await waitFor(
      () => fieldText(reviewer.doc, "sagsfremstilling").includes("sekretariatets tilføjelse"),
      {
        message: "the writer's text reaches the reviewer",
      },
    );
    expect(fieldText(writer.doc, "sagsfremstilling")).not.toContain("DIREKTØRENS ÆNDRING");
    expect(await server.store.docs.countUpdates(item)).toBe(rowsBefore + 1);
    reviewer.destroy();
    writer.destroy();
  });
});
