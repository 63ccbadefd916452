/**
 * Deciding suggestions and what leaves the server: the officer accepts and rejects a director's
 * suggestions over HTTP (recorded as a version and audited); approval is refused while any is
 * open; exports, the preview document, content hashes and the personal-data check see accepted
 * text only.
 */
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { BODY_FRAGMENT } from "../../shared/docName";
import { ITEM_FIELDS } from "../../shared/editor";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { connectClient, fieldText, waitSynced } from "./helpers/yClient";

const ITEM = `item:${DEMO_ITEM_ID}`;
const INSERTED = " suggestion-only-text forslag@eksempel.dk";

function lastText(doc: Y.Doc): Y.XmlText {
  const index = ITEM_FIELDS.findIndex((f) => f.name === "sagsfremstilling");
  const field = doc.getXmlFragment(BODY_FRAGMENT).get(index) as Y.XmlElement;
  const paragraph = field.get(field.length - 1) as Y.XmlElement;
  return paragraph.get(paragraph.length - 1) as Y.XmlText;
}

describe("deciding suggestions", () => {
  let server: TestServer;
  let officer: TestSession;
  let director: TestSession;
  let chair: TestSession;
  let secretariat: TestSession;
  let watcher: YClient;
  let deletedWord: string;
  let hashBefore: string;

  async function transition(who: TestSession, name: string) {
    return who.request("POST", `/api/items/${DEMO_ITEM_ID}/transitions`, { transition: name });
  }

  async function namedVersionHash(): Promise<string> {
    const res = await officer.request("POST", `/api/items/${DEMO_ITEM_ID}/versions`, {
      name: "Kontrol",
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { version: { contentHash: string } }).version.contentHash;
  }

  async function exportHtml(): Promise<string> {
    const res = await secretariat.request(
      "GET",
      `/api/meetings/${DEMO_MEETING_ID}/export.html?kind=dagsorden&variant=internal`,
    );
    expect(res.status).toBe(200);
    return res.text();
  }

  async function decide(who: TestSession, ids: string[], decision: string) {
    return who.request("POST", `/api/items/${DEMO_ITEM_ID}/suggestions/decide`, {
      ids,
      decision,
    });
  }

  beforeAll(async () => {
    server = await startTestServer();
    officer = await login(server.url, "sagsbehandler@demo.dk");
    director = await login(server.url, "direktoer@demo.dk");
    chair = await login(server.url, "formand@demo.dk");
    secretariat = await login(server.url, "sekretariat@demo.dk");
    hashBefore = await namedVersionHash();
    expect((await transition(officer, "sendToReview")).status).toBe(200);

    // The director suggests: the paragraph's last word struck through, and text at the end.
    const client = connectClient(server.url, ITEM, await director.syncToken(ITEM));
    await waitSynced(client);
    const text = lastText(client.doc);
    const plain = text.toString();
    const start = plain.trimEnd().lastIndexOf(" ") + 1;
    deletedWord = plain.slice(start).trimEnd();
    const attrs = (id: string) => ({
      id,
      authorId: director.userId,
      authorName: "Dorthe Krogh",
      time: new Date().toISOString(),
    });
    client.doc.transact(() => {
      text.format(start, deletedWord.length, { deletion: attrs("del-1") });
      text.insert(text.length, INSERTED, { insertion: attrs("ins-1") });
    });
    expect(await client.settle()).toBe("saved");
    client.destroy();
    watcher = connectClient(server.url, ITEM, await officer.syncToken(ITEM));
    await waitSynced(watcher);
  });
  afterAll(async () => {
    watcher.destroy();
    await server.dispose();
  });

  it("lists the open suggestions in text order with author and field", async () => {
    const res = await officer.request("GET", `/api/items/${DEMO_ITEM_ID}/suggestions`);
    expect(res.status).toBe(200);
    const { suggestions } = (await res.json()) as { suggestions: Record<string, unknown>[] };
    expect(suggestions).toMatchObject([
      { id: "del-1", kind: "deletion", authorName: "Dorthe Krogh", field: "sagsfremstilling" },
      { id: "ins-1", kind: "insertion", inserted: INSERTED, field: "sagsfremstilling" },
    ]);
  });

  it("exports, the document, the content hash and the personal-data check see accepted text only", async () => {
    const html = await exportHtml();
    expect(html).not.toContain("suggestion-only-text");
    expect(html).toContain(deletedWord);
    const document = await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}/document`);
    expect(await document.text()).not.toContain("suggestion-only-text");
    expect(await namedVersionHash()).toBe(hashBefore);
    const check = await secretariat.request(
      "GET",
      `/api/meetings/${DEMO_MEETING_ID}/personal-data?kind=dagsorden`,
    );
    expect(check.status).toBe(200);
    expect(JSON.stringify(await check.json())).not.toContain("forslag@eksempel.dk");
  });

  it("refuses approval while suggestions are open, listing them", async () => {
    expect((await transition(director, "signOff")).status).toBe(200);
    const res = await transition(chair, "approve");
    expect(res.status).toBe(409);
    const body = (await res.json()) as {
      error: string;
      message: string;
      details: { suggestions: { id: string }[] };
    };
    expect(body.error).toBe("open_suggestions");
    expect(body.message).toMatch(/2 åbne forslag/);
    expect(body.details.suggestions.map((s) => s.id)).toEqual(["del-1", "ins-1"]);
  });

  it("refuses deciding without write access, for unknown ids and for bad requests; nothing changes", async () => {
    const before = fieldText(watcher.doc, "sagsfremstilling");
    const rows = await server.store.docs.countUpdates(ITEM);
    const forbidden = await decide(director, ["ins-1"], "accept");
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: "forbidden" });
    const unknown = await decide(officer, ["ins-1", "nope"], "accept");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: "suggestion_not_found",
      details: { ids: ["nope"] },
    });
    for (const bad of [
      { ids: [], decision: "accept" },
      { ids: ["ins-1"], decision: "maybe" },
      {},
    ]) {
      const res = await officer.request(
        "POST",
        `/api/items/${DEMO_ITEM_ID}/suggestions/decide`,
        bad,
      );
      expect(res.status).toBe(400);
    }
    expect(await server.store.docs.countUpdates(ITEM)).toBe(rows);
    expect(fieldText(watcher.doc, "sagsfremstilling")).toBe(before);
  });

  it("the officer accepts the insertion and rejects the deletion; recorded with who and whose", async () => {
    const accepted = await decide(officer, ["ins-1"], "accept");
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect(await accepted.json()).toMatchObject({
      decided: ["ins-1"],
      version: { name: "Forslag fra Dorthe Krogh accepteret af Mads Lauridsen" },
    });
    const rejected = await decide(officer, ["del-1"], "reject");
    expect(rejected.status).toBe(200);
    // Live for the open editor: the text stays, unmarked.
    await waitFor(
      () =>
        !JSON.stringify(lastText(watcher.doc).toDelta()).includes("insertion") &&
        !JSON.stringify(lastText(watcher.doc).toDelta()).includes("deletion"),
      { message: "the marks are gone in the open editor" },
    );
    const text = fieldText(watcher.doc, "sagsfremstilling");
    expect(text.endsWith(INSERTED)).toBe(true);
    expect(text).toContain(`${deletedWord}${INSERTED}`);
    const open = await officer.request("GET", `/api/items/${DEMO_ITEM_ID}/suggestions`);
    expect(((await open.json()) as { suggestions: unknown[] }).suggestions).toEqual([]);

    const versions = await officer.request("GET", `/api/items/${DEMO_ITEM_ID}/versions`);
    const names = ((await versions.json()) as { versions: { name: string }[] }).versions.map(
      (v) => v.name,
    );
    expect(names).toContain("Forslag fra Dorthe Krogh accepteret af Mads Lauridsen");
    expect(names).toContain("Forslag fra Dorthe Krogh afvist af Mads Lauridsen");
    const audit = await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}/audit`);
    const entries = ((await audit.json()) as { entries: { action: string; userId: string }[] })
      .entries;
    expect(entries).toContainEqual(
      expect.objectContaining({ action: "item.suggestions_accept", userId: officer.userId }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ action: "item.suggestions_reject", userId: officer.userId }),
    );
    // Deciding again: they are no longer open.
    expect((await decide(officer, ["ins-1"], "accept")).status).toBe(404);
  });

  it("accepted text is exported and approval goes through once nothing is open", async () => {
    expect(await exportHtml()).toContain("suggestion-only-text");
    const res = await transition(chair, "approve");
    expect(res.status, await res.clone().text()).toBe(200);
  });
});
