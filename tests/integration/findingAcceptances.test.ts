/**
 * Personal-data acceptances (issue #12): stored on the server when they are made, audited at
 * once, shown to the next session and after a restart; fixing the text clears only that finding;
 * a finding in a bilag can be dealt with there (replace the bilag, or mark it not public); an
 * unreadable bilag must be acknowledged before publishing.
 */
import PdfKit from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { stepMeeting, unapprovedIds } from "./helpers/meetingSteps";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { connectClient, replaceText, typeInto, waitSynced } from "./helpers/yClient";

const M = DEMO_MEETING_ID;
const ITEM = "demo-2-1";
const BILAG_ITEM = "demo-2-2";
const EMAIL = "jens.hansen@odense.dk";
const CPR = "010190-1234";
const OTHER_CPR = "020290-1234";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

interface Acceptance {
  by: string;
  byName: string | null;
  at: number;
  context: string;
}
interface Finding {
  key: string;
  kind: string;
  match: string;
  itemId: string;
  field: string;
  attachmentId?: string;
  acceptance: Acceptance | null;
}
interface Check {
  findings: Finding[];
  unchecked: { key: string; attachmentId: string; filename: string; acceptance: unknown }[];
  withheld: { attachmentId: string; filename: string }[];
}

/** A PDF with a drawing and no text: what a scanned page looks like to the check. */
function imageOnlyPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PdfKit();
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.rect(50, 50, 200, 100).fill("#333333");
    doc.end();
  });
}

describe("personal-data acceptances", () => {
  let server: TestServer;
  let secretariat: TestSession;

  async function check(who = secretariat, kind = "dagsorden"): Promise<Check> {
    const res = await who.request("GET", `/api/meetings/${M}/personal-data?kind=${kind}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Check;
  }

  function accept(key: string, who = secretariat) {
    return who.request("POST", `/api/meetings/${M}/personal-data/acceptances`, {
      kind: "dagsorden",
      key,
    });
  }

  async function upload(itemId: string, filename: string, body: Uint8Array | string) {
    const res = await fetch(
      `${server.url}/api/items/${itemId}/attachments?filename=${encodeURIComponent(filename)}`,
      {
        method: "POST",
        headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
        body: typeof body === "string" ? body : new Uint8Array(body),
      },
    );
    expect(res.status, filename).toBe(201);
    return ((await res.json()) as { attachment: { id: string } }).attachment.id;
  }

  async function editSagsfremstilling(from: string, to: string) {
    const doc = `item:${ITEM}`;
    const client = connectClient(server.url, doc, await secretariat.syncToken(doc));
    await waitSynced(client);
    replaceText(client.doc, "sagsfremstilling", from, to);
    await client.save();
    client.destroy();
  }

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    expect((await stepMeeting(secretariat, M, "sendAgenda")).status).toBe(200);
    const doc = `item:${ITEM}`;
    const client = connectClient(server.url, doc, await secretariat.syncToken(doc));
    await waitSynced(client);
    typeInto(client.doc, "sagsfremstilling", ` Kontakt ${EMAIL}, borgerens CPR er ${CPR}.`);
    await client.save();
    client.destroy();
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("stores an acceptance when it is made, audits it at once, and shows it to a new session and after a restart", async () => {
    const first = await check();
    const email = first.findings.find((f) => f.itemId === ITEM && f.kind === "email")!;
    expect(email).toMatchObject({ match: EMAIL, field: "sagsfremstilling", acceptance: null });

    const res = await accept(email.key);
    expect(res.status).toBe(201);
    const { acceptance } = (await res.json()) as { acceptance: Acceptance };
    expect(acceptance).toMatchObject({
      by: "u-sekretariat",
      context: expect.stringContaining(EMAIL),
    });

    const audit = await server.store.audit.listAudit({ meetingId: M });
    expect(audit.find((e) => e.action === "publication.accept_finding")).toMatchObject({
      userId: "u-sekretariat",
      itemId: ITEM,
      details: {
        kind: "email",
        match: EMAIL,
        field: "sagsfremstilling",
        itemNumber: "2.1",
        itemTitle: expect.stringContaining("sundhedsreformen"),
        context: expect.stringContaining(EMAIL),
      },
    });

    const seen = async (who: TestSession) =>
      (await check(who)).findings.find((f) => f.key === email.key)!.acceptance;
    const another = await login(server.url, "sekretariat@demo.dk");
    expect(await seen(another)).toMatchObject({ by: "u-sekretariat", byName: expect.any(String) });

    // A restart: the same data directory, a new server process state, a new session.
    const dataDir = server.dataDir;
    await server.close();
    server = await startTestServer({ dataDir });
    secretariat = await login(server.url, "sekretariat@demo.dk");
    expect(await seen(secretariat)).toMatchObject({
      by: "u-sekretariat",
      at: acceptance.at,
      context: acceptance.context,
    });
    // The CPR number was not accepted and still stands between the text and publishing.
    const cpr = (await check()).findings.find((f) => f.itemId === ITEM && f.kind === "cpr")!;
    expect(cpr.acceptance).toBeNull();
  });

  it("fixing the text clears only that finding: a changed number is a new finding, the other acceptance stays", async () => {
    const before = await check();
    const cpr = before.findings.find((f) => f.itemId === ITEM && f.kind === "cpr")!;
    expect((await accept(cpr.key)).status).toBe(201);

    await editSagsfremstilling(CPR, OTHER_CPR);
    const changed = await check();
    const mine = changed.findings.filter((f) => f.itemId === ITEM);
    expect(mine.find((f) => f.kind === "email")!.acceptance).not.toBeNull();
    const newCpr = mine.find((f) => f.kind === "cpr")!;
    expect(newCpr.match).toBe(OTHER_CPR);
    expect(newCpr.key).not.toBe(cpr.key);
    expect(newCpr.acceptance).toBeNull();

    await editSagsfremstilling(`, borgerens CPR er ${OTHER_CPR}`, "");
    const fixed = (await check()).findings.filter((f) => f.itemId === ITEM);
    expect(fixed.map((f) => [f.kind, f.acceptance !== null])).toEqual([["email", true]]);
  });

  it("a finding in a bilag is dealt with there: replace the bilag, or leave it out of the public version", async () => {
    const replaced = await upload(BILAG_ITEM, "borger.txt", `Borgerens CPR: ${OTHER_CPR}`);
    const withheld = await upload(BILAG_ITEM, "klage.txt", `Klager: ${EMAIL}`);
    const inBilag = (await check()).findings.filter((f) => f.field === "bilag");
    expect(inBilag.map((f) => f.attachmentId).sort()).toEqual([replaced, withheld].sort());

    // A corrected file under the same bilag: its finding is gone.
    const replace = await fetch(
      `${server.url}/api/attachments/${replaced}/replace?filename=borger.txt`,
      {
        method: "POST",
        headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
        body: "Borgerens CPR er fjernet.",
      },
    );
    expect(replace.status).toBe(200);
    expect(((await replace.json()) as { attachment: { id: string } }).attachment.id).toBe(replaced);

    // Not public: nothing in it is published, so nothing needs accepting; it is listed as withheld.
    const hide = await secretariat.request("PUT", `/api/attachments/${withheld}/public`, {
      public: false,
    });
    expect(hide.status).toBe(200);
    const after = await check();
    expect(after.findings.filter((f) => f.field === "bilag")).toEqual([]);
    expect(after.withheld).toEqual([
      expect.objectContaining({ attachmentId: withheld, filename: "klage.txt" }),
    ]);
    const audit = await server.store.audit.listAudit({ meetingId: M });
    expect(audit.find((e) => e.action === "attachment.replace")).toMatchObject({
      details: { attachmentId: replaced, filename: "borger.txt" },
    });
    expect(audit.some((e) => e.action === "agenda.setAttachmentPublic")).toBe(true);
  });

  it("holds publishing back until each unreadable bilag is acknowledged; the public version leaves out a bilag that is not public", async () => {
    const image = await upload(BILAG_ITEM, "scanning.png", PNG);
    const scanned = await upload(BILAG_ITEM, "scannet brev.pdf", await imageOnlyPdf());
    const open = await check();
    expect(open.unchecked.map((u) => u.attachmentId).sort()).toEqual([image, scanned].sort());
    // Accept every text finding, so only the unreadable bilag stand in the way.
    for (const finding of open.findings.filter((f) => f.acceptance === null)) {
      expect((await accept(finding.key)).status).toBe(201);
    }
    const confirmUnapprovedItems = await unapprovedIds(secretariat, M);
    const publish = () =>
      secretariat.request("POST", `/api/meetings/${M}/publish`, {
        kind: "dagsorden",
        confirmUnapprovedItems,
      });
    const blocked = await publish();
    expect(blocked.status).toBe(409);
    const answer = (await blocked.json()) as { error: string; details: Check };
    expect(answer.error).toBe("personal_data_found");
    expect(answer.details.findings).toEqual([]);
    expect(answer.details.unchecked.map((u) => u.filename).sort()).toEqual([
      "scannet brev.pdf",
      "scanning.png",
    ]);

    for (const bilag of open.unchecked) expect((await accept(bilag.key)).status).toBe(201);
    const audit = await server.store.audit.listAudit({ meetingId: M });
    expect(
      audit
        .filter((e) => e.action === "publication.acknowledge_unreadable")
        .map((e) => e.details["attachmentName"])
        .sort(),
    ).toEqual(["scannet brev.pdf", "scanning.png"]);

    const published = await publish();
    expect(published.status).toBe(200);
    const { publication } = (await published.json()) as { publication: { id: string } };
    const html = await (await fetch(`${server.url}/offentlig/dokumenter/${publication.id}`)).text();
    expect(html).toContain("scanning.png");
    expect(html).not.toContain("klage.txt");
    const internal = await (
      await secretariat.request("GET", `/api/meetings/${M}/export.html?variant=internal`)
    ).text();
    expect(internal).toContain("klage.txt");
    const entry = (await server.store.audit.listAudit({ meetingId: M })).find(
      (e) => e.action === "meeting.publish",
    )!;
    expect(entry.details).toMatchObject({ withheldAttachments: ["klage.txt"] });
  });

  it("can be withdrawn (audited); unknown keys and other roles are refused", async () => {
    const accepted = (await check()).findings.find((f) => f.acceptance !== null)!;
    const path = `/api/meetings/${M}/personal-data/acceptances/${accepted.key}`;
    expect((await secretariat.request("DELETE", path)).status).toBe(200);
    expect((await secretariat.request("DELETE", path)).status).toBe(404);
    expect((await check()).findings.find((f) => f.key === accepted.key)!.acceptance).toBeNull();
    const audit = await server.store.audit.listAudit({ meetingId: M });
    expect(audit.find((e) => e.action === "publication.revoke_finding")).toMatchObject({
      details: { key: accepted.key, match: accepted.match },
    });

    const unknown = await accept("0".repeat(32));
    expect(unknown.status).toBe(409);
    expect(await unknown.json()).toMatchObject({ error: "finding_not_found" });
    const chair = await login(server.url, "formand@demo.dk");
    expect((await accept(accepted.key, chair)).status).toBe(403);
  });
});
