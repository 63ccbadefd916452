/**
 * Reopening approved minutes (issue #12): it needs a reason, which is audited and shown on the
 * published minutes; while reopened, the public page keeps the approved text with the notice;
 * after a new approval, republishing makes a new document and the earlier one stays at its own
 * address, marked as replaced.
 */
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { publishAccepting, stepMeeting } from "./helpers/meetingSteps";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import type { YClient } from "./helpers/yClient";
import { connectClient, waitSynced } from "./helpers/yClient";

const M = DEMO_MEETING_ID;
const ITEM = "demo-2-1";
const MINUTES = `minutes:${M}`;
const FIRST = "KKR Syddanmark drøftede sundhedsreformen første gang.";
const SECOND = "KKR Syddanmark drøftede sundhedsreformen og bad om en ny sag.";
const REASON = "Beslutningen under punkt 2.1 var forkert gengivet.";

interface Kontrol {
  recordHash: string | null;
  currentRecordHash: string;
  unchanged: boolean | null;
  replacedBy: string | null;
}

describe("reopening approved minutes", () => {
  let server: TestServer;
  let secretariat: TestSession;
  let chair: TestSession;
  let writer: YClient;

  function setBeslutning(text: string): Promise<void> {
    writer.doc.transact(() => {
      const fragment = writer.doc.getXmlFragment(ITEM);
      fragment.delete(0, fragment.length);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.insert(0, [paragraph]);
    });
    return writer.save();
  }

  async function publicPage(id: string, ext = ""): Promise<string> {
    const res = await fetch(`${server.url}/offentlig/dokumenter/${id}${ext}`);
    expect(res.status).toBe(200);
    return res.text();
  }

  async function kontrol(id: string): Promise<Kontrol> {
    return (await (
      await fetch(`${server.url}/offentlig/dokumenter/${id}/kontrol`)
    ).json()) as Kontrol;
  }

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    chair = await login(server.url, "formand@demo.dk");
    expect((await stepMeeting(secretariat, M, "sendAgenda")).status).toBe(200);
    expect((await stepMeeting(secretariat, M, "holdMeeting")).status).toBe(200);
    writer = connectClient(server.url, MINUTES, await secretariat.syncToken(MINUTES));
    await waitSynced(writer);
    await setBeslutning(FIRST);
    expect((await stepMeeting(chair, M, "approveMinutes")).status).toBe(200);
  });
  afterAll(async () => {
    writer.destroy();
    await server.dispose();
  });

  it("needs a reason: without one (or only blanks) it is refused and nothing changes", async () => {
    for (const extra of [{}, { reason: "   " }, { reason: null }]) {
      const res = await stepMeeting(chair, M, "reopenMinutes", extra);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "reason_required" });
    }
    const { meeting } = (await (await chair.request("GET", `/api/meetings/${M}`)).json()) as {
      meeting: { phase: string };
    };
    expect(meeting.phase).toBe("referat_godkendt");
  });

  it("keeps the approved text public with a notice while reopened; republishing replaces it, the earlier version still reachable", async () => {
    const first = await publishAccepting(secretariat, M, "referat");
    expect(first.status).toBe(200);
    const p1 = ((await first.json()) as { publication: { id: string; recordHash: string } })
      .publication;
    const storedHtml = await publicPage(p1.id, ".html");
    expect(storedHtml).toContain(FIRST);
    expect(await kontrol(p1.id)).toMatchObject({ recordHash: p1.recordHash, unchanged: true });

    const reopened = await stepMeeting(chair, M, "reopenMinutes", { reason: ` ${REASON} ` });
    expect(reopened.status).toBe(200);
    const audit = await server.store.audit.listAudit({ meetingId: M });
    expect(audit.find((e) => e.action === "meeting.reopenMinutes")).toMatchObject({
      userId: "u-formand",
      details: { reason: REASON, approvedRecordHash: p1.recordHash },
    });

    // The secretariat corrects the Beslutning; the public page still shows what was approved.
    await setBeslutning(SECOND);
    const whileReopened = await publicPage(p1.id);
    const today = new Intl.DateTimeFormat("da-DK", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/Copenhagen",
    }).format(new Date());
    expect(whileReopened).toContain(`Referatet er genåbnet ${today}: ${REASON}`);
    expect(whileReopened).toContain(FIRST);
    expect(whileReopened).not.toContain(SECOND);
    // The stored file itself is untouched; the notice is the page's, not the document's.
    expect(await publicPage(p1.id, ".html")).toBe(storedHtml);
    expect(await kontrol(p1.id)).toMatchObject({ unchanged: false });
    const list = await (await fetch(`${server.url}/offentlig/${DEMO_COMMITTEE_ID}`)).text();
    expect(list).toContain("Genåbnet");

    // Reopened minutes cannot be published.
    const early = await secretariat.request("POST", `/api/meetings/${M}/publish`, {
      kind: "referat",
    });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: "not_ready_to_publish" });

    // A new approval, a new publication.
    const again = await stepMeeting(chair, M, "approveMinutes");
    const approval = ((await again.json()) as { meeting: { approval: { recordHash: string } } })
      .meeting.approval;
    expect(approval.recordHash).not.toBe(p1.recordHash);
    const second = await publishAccepting(secretariat, M, "referat");
    expect(second.status).toBe(200);
    const p2 = ((await second.json()) as { publication: { id: string; recordHash: string } })
      .publication;
    expect(p2.id).not.toBe(p1.id);
    expect(p2.recordHash).toBe(approval.recordHash);

    const replacedPage = await publicPage(p1.id);
    expect(replacedPage).toContain("Erstattet af");
    expect(replacedPage).toContain(`href="/offentlig/dokumenter/${p2.id}"`);
    expect(replacedPage).toContain(FIRST);
    const newPage = await publicPage(p2.id);
    expect(newPage).toContain(SECOND);
    expect(newPage).not.toContain(`<aside class="publication-status"`);
    expect(await kontrol(p1.id)).toMatchObject({ unchanged: false, replacedBy: p2.id });
    expect(await kontrol(p2.id)).toMatchObject({ unchanged: true, replacedBy: null });

    // The committee's page lists the current minutes and links the earlier version.
    const committee = await (await fetch(`${server.url}/offentlig/${DEMO_COMMITTEE_ID}`)).text();
    expect(committee).toContain(`href="/offentlig/dokumenter/${p2.id}"`);
    expect(committee).toContain("Tidligere udgaver");
    expect(committee).toContain(`href="/offentlig/dokumenter/${p1.id}"`);
    const { publications } = (await (
      await secretariat.request("GET", `/api/meetings/${M}/publications`)
    ).json()) as { publications: { id: string; replacedBy: string | null }[] };
    expect(publications.map((p) => [p.id, p.replacedBy])).toEqual([
      [p2.id, null],
      [p1.id, p2.id],
    ]);
  });
});
