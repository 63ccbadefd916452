/**
 * Attacks that must fail (issue: roles and the approval workflow). Each checks that the stored
 * document or meeting is exactly as before.
 */
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SyncTokens } from "../../server/auth/syncTokens";
import { DEMO_COMMITTEE_ID, DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { CloseCode } from "../../shared/protocol";
import { hashPassword } from "../../server/auth/passwords";
import { openRaw } from "./helpers/rawSocket";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import { connectClient, fieldText, typeInto, waitSynced } from "./helpers/yClient";

const ITEM = `item:${DEMO_ITEM_ID}`;
// Item 2.8 of the demo meeting has officers lar/chch/anjh, not the demo case officer "mlal".
const OTHER_ITEM = "demo-2-8";

describe("attacks that must fail", () => {
  let server: TestServer;
  let secretariat: TestSession;

  beforeAll(async () => {
    server = await startTestServer({
      loginLimits: { perAccount: 5, perAddress: 1000, windowMs: 60_000 },
    });
    secretariat = await login(server.url, "sekretariat@demo.dk");
  });
  afterAll(async () => {
    await server.dispose();
  });

  async function storedXml(doc: string): Promise<string> {
    const stored = await server.store.docs.loadDoc(doc);
    const ydoc = new Y.Doc();
    ydoc.transact(() => {
      for (const part of [...(stored!.snapshot ? [stored!.snapshot] : []), ...stored!.updates])
        Y.applyUpdate(ydoc, part);
    });
    return ydoc.getXmlFragment("default").toString();
  }

  async function meetingJson(): Promise<string> {
    return (await server.store.meetings.getMeeting(DEMO_MEETING_ID))!.data;
  }

  /** Connects as `email`, types into Sagsfremstilling, asks for a save; returns the close codes seen. */
  async function tryToWrite(email: string, doc: string, text: string) {
    const session = await login(server.url, email);
    const client = connectClient(server.url, doc, await session.syncToken(doc));
    await waitFor(() => client.provider.synced || client.closes.length > 0, {
      message: "synced or closed",
    });
    if (client.provider.synced) {
      typeInto(client.doc, "sagsfremstilling", text);
      // Answered "saved", or "refused" when the update was not applied.
      await client.settle();
    }
    const closes = client.closes.map((c) => c.code);
    client.destroy();
    return closes;
  }

  it("a reader cannot open an agenda still in preparation, not even with a raw websocket", async () => {
    const before = await storedXml(ITEM);
    const reader = await login(server.url, "laeser@demo.dk");
    const raw = openRaw(
      `${server.url.replace("http", "ws")}/sync/${ITEM}?token=${await reader.syncToken(ITEM)}`,
    );
    expect((await raw.closed).code).toBe(CloseCode.forbidden);
    expect(await storedXml(ITEM)).toBe(before);
    // A member is told why (docs/API.md), and nothing of the item.
    const header = await reader.request("GET", `/api/items/${DEMO_ITEM_ID}`);
    expect(header.status).toBe(403);
    expect(((await header.json()) as { error: string }).error).toBe("item_not_sent_out");
  });

  it("a case officer cannot edit an item they are not officer of", async () => {
    const doc = `item:${OTHER_ITEM}`;
    const before = await storedXml(doc);
    await tryToWrite("sagsbehandler@demo.dk", doc, " ikke min sag");
    expect(await storedXml(doc)).toBe(before);
  });

  it("a director cannot change body text", async () => {
    const before = await storedXml(ITEM);
    await tryToWrite("direktoer@demo.dk", ITEM, " direktøren skriver");
    expect(await storedXml(ITEM)).toBe(before);
  });

  it("a case officer cannot approve over HTTP, nor skip the review", async () => {
    const before = await meetingJson();
    const officer = await login(server.url, "sagsbehandler@demo.dk");
    const res = await officer.request("POST", `/api/items/${DEMO_ITEM_ID}/transitions`, {
      transition: "approve",
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "transition_not_allowed" });
    const agenda = await officer.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "deleteItem",
      itemId: DEMO_ITEM_ID,
    });
    expect(agenda.status).toBe(403);
    expect(await meetingJson()).toBe(before);
  });

  it("nobody edits an approved item: open editors are demoted at once, new ones get read", async () => {
    const officer = await login(server.url, "sagsbehandler@demo.dk");
    const director = await login(server.url, "direktoer@demo.dk");
    const chair = await login(server.url, "formand@demo.dk");
    const open = connectClient(server.url, ITEM, await secretariat.syncToken(ITEM));
    await waitSynced(open);
    const step = async (who: TestSession, transition: string, reason?: string) => {
      const res = await who.request("POST", `/api/items/${DEMO_ITEM_ID}/transitions`, {
        transition,
        reason,
      });
      expect(res.status, `${transition}: ${await res.clone().text()}`).toBe(200);
      return res.json() as Promise<{ status: string; version: { contentHash: string } }>;
    };
    await step(officer, "sendToReview");
    await step(director, "signOff");
    const approved = await step(chair, "approve");
    expect(approved.status).toBe("godkendt");
    expect(approved.version.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const before = await storedXml(ITEM);
    typeInto(open.doc, "sagsfremstilling", " efter godkendelse");
    expect(await open.settle()).toBe("refused: approved");
    expect(await storedXml(ITEM)).toBe(before);
    await tryToWrite("sekretariat@demo.dk", ITEM, " ny forbindelse efter godkendelse");
    expect(await storedXml(ITEM)).toBe(before);
    open.destroy();

    const missingReason = await chair.request("POST", `/api/items/${DEMO_ITEM_ID}/transitions`, {
      transition: "reopen",
    });
    expect(missingReason.status).toBe(400);
    await step(chair, "reopen", "Formanden ønsker en præcisering");
    const audit = await server.store.audit.listAudit({ meetingId: DEMO_MEETING_ID });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["item.approve", "item.reopen"]),
    );
    expect(audit.find((e) => e.action === "item.reopen")!.details).toMatchObject({
      reason: "Formanden ønsker en præcisering",
    });
    // Reopened: the secretariat writes again.
    await tryToWrite("sekretariat@demo.dk", ITEM, " efter genåbning");
    expect(fieldText(await loadedDoc(ITEM), "sagsfremstilling")).toContain("efter genåbning");
  });

  async function loadedDoc(doc: string): Promise<Y.Doc> {
    const stored = await server.store.docs.loadDoc(doc);
    const ydoc = new Y.Doc();
    for (const part of [...(stored!.snapshot ? [stored!.snapshot] : []), ...stored!.updates])
      Y.applyUpdate(ydoc, part);
    return ydoc;
  }

  it("a member of another committee cannot open this committee's documents", async () => {
    await server.meetings.createCommittee("KKR Nordjylland", "kkr-nordjylland");
    await server.store.users.createUser({
      id: "u-nord",
      email: "nord@demo.dk",
      name: "Nora Nord",
      initials: "non",
      color: "#000000",
      passwordHash: await hashPassword("demo"),
      active: true,
    });
    await server.store.users.setMembership("u-nord", "kkr-nordjylland", "sekretariat");
    const before = await storedXml(ITEM);
    const closes = await tryToWrite("nord@demo.dk", ITEM, " fra Nordjylland");
    expect(closes).toContain(CloseCode.forbidden);
    expect(await storedXml(ITEM)).toBe(before);
    const nord = await login(server.url, "nord@demo.dk");
    expect((await nord.request("GET", `/api/meetings/${DEMO_MEETING_ID}`)).status).toBe(404);
    expect(
      (await nord.request("GET", `/api/committees/${DEMO_COMMITTEE_ID}/meetings`)).status,
    ).toBe(404);
  });

  it("a request without the CSRF token changes nothing", async () => {
    const before = await meetingJson();
    const res = await fetch(`${server.url}/api/meetings/${DEMO_MEETING_ID}/commands`, {
      method: "POST",
      headers: { cookie: secretariat.cookie, "content-type": "application/json" },
      body: JSON.stringify({ type: "deleteItem", itemId: DEMO_ITEM_ID }),
    });
    expect(res.status).toBe(403);
    expect(await meetingJson()).toBe(before);
  });

  it("a stolen, expired sync token is refused", async () => {
    const secret = (await server.store.settings.getSetting("sync_token_secret"))!;
    const stolen = new SyncTokens(secret, 60_000, () => Date.now() - 10 * 60_000).issue(
      secretariat.userId,
      secretariat.sessionId,
      ITEM,
    );
    const before = await storedXml(ITEM);
    const raw = openRaw(`${server.url.replace("http", "ws")}/sync/${ITEM}?token=${stolen}`);
    expect((await raw.closed).code).toBe(CloseCode.unauthenticated);
    expect(await storedXml(ITEM)).toBe(before);
  });

  it("login brute force is throttled per account, even for the right password", async () => {
    const attempt = (password: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "formand@demo.dk", password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`gæt-${i}`)).status).toBe(401);
    const blocked = await attempt("demo");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ error: "too_many_attempts" });
    // Other accounts are not locked out by it.
    expect((await login(server.url, "direktoer@demo.dk")).userId).toBe("u-direktoer");
    const audit = await server.store.audit.listAudit({});
    expect(audit.filter((e) => e.action === "auth.login_failed").length).toBeGreaterThanOrEqual(5);
    expect(audit.some((e) => e.action === "auth.login_throttled")).toBe(true);
  });

  it("removing a role closes that person's open connections at once", async () => {
    const director = await login(server.url, "direktoer@demo.dk");
    const client = connectClient(server.url, ITEM, await director.syncToken(ITEM));
    await waitSynced(client);
    const res = await secretariat.request(
      "PUT",
      `/api/committees/${DEMO_COMMITTEE_ID}/members/u-direktoer`,
      { role: null },
    );
    expect(res.status).toBe(200);
    await waitFor(() => client.closes.some((c) => c.code === CloseCode.forbidden), {
      message: "closed with 4403",
    });
    client.destroy();
    await secretariat.request("PUT", `/api/committees/${DEMO_COMMITTEE_ID}/members/u-direktoer`, {
      role: "direktoer",
    });
  });

  it("taking a case officer off an item demotes their open editor at once", async () => {
    const doc = "item:demo-2-4";
    const officer = await login(server.url, "sagsbehandler@demo.dk");
    const client = connectClient(server.url, doc, await officer.syncToken(doc));
    await waitSynced(client);
    typeInto(client.doc, "sagsfremstilling", " mens jeg er sagsbehandler");
    await client.save();
    expect(fieldText(await loadedDoc(doc), "sagsfremstilling")).toContain(
      "mens jeg er sagsbehandler",
    );
    const res = await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "updateItem",
      itemId: "demo-2-4",
      officers: ["sih"],
    });
    expect(res.status).toBe(200);
    const before = await storedXml(doc);
    typeInto(client.doc, "sagsfremstilling", " efter jeg blev fjernet");
    expect(await client.settle()).toBe("refused: read_only");
    expect(await storedXml(doc)).toBe(before);
    client.destroy();
  });
});
