import * as decoding from "lib0/decoding";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { MessageType, RefusedReason } from "../../shared/protocol";
import { stepMeeting } from "./helpers/meetingSteps";
import { login, type TestSession } from "./helpers/session";
import { startTestServer, type TestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import { connectClient, fieldText, typeInto, waitSynced, type YClient } from "./helpers/yClient";

const ITEM = `item:${DEMO_ITEM_ID}`;

/** Records the type of every message a client's socket receives (from the moment it opens). */
function recordMessageTypes(client: YClient): number[] {
  const types: number[] = [];
  client.provider.on("status", ({ status }) => {
    if (status !== "connected") return;
    client.provider.ws?.addEventListener("message", (event: MessageEvent) => {
      const data = new Uint8Array(event.data as ArrayBuffer);
      types.push(decoding.readVarUint(decoding.createDecoder(data)));
    });
  });
  return types;
}

async function step(session: TestSession, transition: string): Promise<void> {
  const response = await session.request("POST", `/api/items/${DEMO_ITEM_ID}/transitions`, {
    transition,
  });
  expect(response.status).toBe(200);
}

describe("updates the server does not apply", () => {
  let server: TestServer;
  const clients: YClient[] = [];

  beforeEach(async () => {
    server = await startTestServer();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.dispose();
  });

  async function open(email: string): Promise<YClient> {
    const session = await login(server.url, email);
    const client = connectClient(server.url, ITEM, await session.syncToken(ITEM));
    clients.push(client);
    await waitSynced(client);
    return client;
  }

  it("are refused with a reason to a client that opted in, and its save requests are never answered 'saved'", async () => {
    const director = await open("direktoer@demo.dk");
    const denied: string[] = [];
    director.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      denied.push(decoding.readVarString(decoder));
    };
    // Opted in (a save request), nothing refused yet: confirmed as usual.
    await director.save();
    const rowsBefore = await server.store.docs.countUpdates(ITEM);

    typeInto(director.doc, "indstilling", " Direktørens ord.");
    await expect(director.save()).rejects.toThrow(`refused: ${RefusedReason.readOnly}`);
    // Told at once, and again in answer to the request.
    await waitFor(() => director.refusals.length === 2, { message: "the request's answer" });
    expect(director.refusals).toEqual([RefusedReason.readOnly, RefusedReason.readOnly]);
    // Later requests are answered "refused" too, even without new updates in between.
    await expect(director.save()).rejects.toThrow("refused");
    expect(denied).toEqual([]);
    expect(await server.store.docs.countUpdates(ITEM)).toBe(rowsBefore);
    expect(fieldText(server.sync.registry.peek(ITEM)!.doc, "indstilling")).not.toContain(
      "Direktørens ord.",
    );
  });

  it("after approval are refused as 'approved', and nothing after the refusal is confirmed", async () => {
    const writer = await open("sekretariat@demo.dk");
    const access: string[] = [];
    writer.provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
      access.push(decoding.readVarString(decoder));
    };
    typeInto(writer.doc, "indstilling", " Før godkendelsen.");
    await writer.save();

    await step(await login(server.url, "sagsbehandler@demo.dk"), "sendToReview");
    await step(await login(server.url, "direktoer@demo.dk"), "signOff");
    await step(await login(server.url, "formand@demo.dk"), "approve");
    await waitFor(() => access.at(-1) === "read", { message: "the writer is demoted" });

    typeInto(writer.doc, "indstilling", " Efter godkendelsen.");
    await expect(writer.save()).rejects.toThrow(`refused: ${RefusedReason.approved}`);
    const served = fieldText(server.sync.registry.peek(ITEM)!.doc, "indstilling");
    expect(served).toContain("Før godkendelsen.");
    expect(served).not.toContain("Efter godkendelsen.");
  });

  it("after the minutes are approved are refused as 'record_frozen', on the minutes and on every item", async () => {
    const secretariat = await login(server.url, "sekretariat@demo.dk");
    const minutesDoc = `minutes:${DEMO_MEETING_ID}`;
    expect((await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda")).status).toBe(200);
    expect((await stepMeeting(secretariat, DEMO_MEETING_ID, "holdMeeting")).status).toBe(200);
    const item = await open("sekretariat@demo.dk");
    const minutes = connectClient(server.url, minutesDoc, await secretariat.syncToken(minutesDoc));
    clients.push(minutes);
    await waitSynced(minutes);
    const access = { item: [] as string[], minutes: [] as string[] };
    for (const [client, seen] of [
      [item, access.item],
      [minutes, access.minutes],
    ] as const) {
      client.provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
        seen.push(decoding.readVarString(decoder));
      };
      await client.save();
    }
    const approved = await stepMeeting(
      await login(server.url, "formand@demo.dk"),
      DEMO_MEETING_ID,
      "approveMinutes",
    );
    expect(approved.status).toBe(200);
    await waitFor(() => access.item.at(-1) === "read" && access.minutes.at(-1) === "read", {
      message: "both writers are demoted",
    });

    typeInto(item.doc, "indstilling", " Efter referatets godkendelse.");
    await expect(item.save()).rejects.toThrow(`refused: ${RefusedReason.recordFrozen}`);
    minutes.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Efter godkendelsen.")]);
      minutes.doc.getXmlFragment(DEMO_ITEM_ID).insert(0, [paragraph]);
    });
    await expect(minutes.save()).rejects.toThrow(`refused: ${RefusedReason.recordFrozen}`);
    expect(fieldText(server.sync.registry.peek(ITEM)!.doc, "indstilling")).not.toContain(
      "Efter referatets godkendelse.",
    );
  });

  it("are told to a stock client in the standard way, which never receives an extension message", async () => {
    const session = await login(server.url, "direktoer@demo.dk");
    const stock = connectClient(server.url, ITEM, await session.syncToken(ITEM));
    clients.push(stock);
    const types = recordMessageTypes(stock);
    const denied: string[] = [];
    stock.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      denied.push(decoding.readVarString(decoder));
    };
    await waitSynced(stock);
    typeInto(stock.doc, "indstilling", " Stock.");
    typeInto(stock.doc, "indstilling", " Igen.");
    await waitFor(() => denied.length > 0, { message: "permission denied" });
    // Awareness arrives after: the server has handled both updates by then.
    stock.provider.awareness.setLocalStateField("user", { name: "Stock" });
    await waitFor(() => types.filter((t) => t === MessageType.awareness).length > 0, {
      message: "awareness echo",
    });
    expect(denied).toEqual(["read-only"]);
    expect(types.filter((t) => t >= 100)).toEqual([]);
  });
});
