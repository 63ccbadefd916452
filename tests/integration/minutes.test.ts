import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { danishToday } from "../../shared/model";
import { CloseCode } from "../../shared/protocol";
import type { TestSession } from "./helpers/session";
import { stepMeeting } from "./helpers/meetingSteps";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { connectClient, waitSynced } from "./helpers/yClient";

const MINUTES = `minutes:${DEMO_MEETING_ID}`;

function writeBeslutning(client: YClient, itemId: string, text: string): void {
  client.doc.transact(() => {
    const fragment = client.doc.getXmlFragment(itemId);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [paragraph]);
  });
}

function beslutningText(doc: Y.Doc, itemId: string): string {
  return doc
    .getXmlFragment(itemId)
    .toString()
    .replace(/<[^>]+>/g, "");
}

describe("minutes", () => {
  let server: TestServer;
  let secretariat: TestSession;
  let chair: TestSession;
  const clients: YClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    chair = await login(server.url, "formand@demo.dk");
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.dispose();
  });

  async function step(who: TestSession, name: string, extra: Record<string, unknown> = {}) {
    return stepMeeting(who, DEMO_MEETING_ID, name, extra);
  }

  it("are written by the secretariat only while the meeting is held, watched live, then approved and locked", async () => {
    // The imported meeting's minutes already hold the published Beslutninger.
    const watcher = connectClient(server.url, MINUTES, await chair.syncToken(MINUTES));
    clients.push(watcher);
    await waitSynced(watcher);
    expect(beslutningText(watcher.doc, "demo-1-1")).toContain("Referatet blev godkendt.");

    // Before the meeting is held nobody writes the minutes.
    const early = connectClient(server.url, MINUTES, await secretariat.syncToken(MINUTES));
    clients.push(early);
    await waitSynced(early).catch((e: unknown) => {
      throw new Error(`early: ${JSON.stringify(early.closes)} ${String(e)}`);
    });
    writeBeslutning(early, "demo-2-2", "For tidligt.");
    expect(await early.settle()).toBe("refused: read_only");
    expect(beslutningText(watcher.doc, "demo-2-2")).not.toContain("For tidligt.");

    expect((await step(chair, "sendAgenda")).status).toBe(403);
    expect((await step(secretariat, "sendAgenda")).status).toBe(200);
    expect((await step(secretariat, "holdMeeting")).status).toBe(200);

    const writer = connectClient(server.url, MINUTES, await secretariat.syncToken(MINUTES));
    clients.push(writer);
    await waitSynced(writer).catch((e: unknown) => {
      throw new Error(`writer: ${JSON.stringify(writer.closes)} ${String(e)}`);
    });
    writeBeslutning(writer, "demo-2-2", "KKR Syddanmark tog orienteringen til efterretning.");
    await writer.save();
    await waitFor(() => beslutningText(watcher.doc, "demo-2-2").includes("tog orienteringen"), {
      message: "the chair sees the Beslutning live",
    });

    // A structure the schema does not allow is refused (text straight in the fragment).
    const bad = connectClient(server.url, MINUTES, await secretariat.syncToken(MINUTES));
    clients.push(bad);
    await waitSynced(bad).catch((e: unknown) => {
      throw new Error(`bad: ${JSON.stringify(bad.closes)} ${String(e)}`);
    });
    bad.doc.getXmlFragment("demo-2-3").insert(0, [new Y.XmlText("løs tekst")]);
    await waitFor(() => bad.closes.some((c) => c.code === CloseCode.invalidUpdate), {
      message: "4422",
    });

    expect((await step(secretariat, "approveMinutes")).status).toBe(403);
    const approved = await step(chair, "approveMinutes");
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as { meeting: { phase: string } }).meeting.phase).toBe(
      "referat_godkendt",
    );

    // Locked: the open writer's further edits are not applied.
    writeBeslutning(writer, "demo-2-2", "Efter godkendelse.");
    // Approving the minutes freezes the whole record: refused as record_frozen.
    expect(await writer.settle()).toBe("refused: record_frozen");
    const stored = await server.store.docs.loadDoc(MINUTES);
    const reloaded = new Y.Doc();
    for (const part of [...(stored!.snapshot ? [stored!.snapshot] : []), ...stored!.updates])
      Y.applyUpdate(reloaded, part);
    expect(beslutningText(reloaded, "demo-2-2")).toContain("tog orienteringen");
    expect(beslutningText(reloaded, "demo-2-2")).not.toContain("Efter godkendelse.");

    const audit = await server.store.audit.listAudit({ meetingId: DEMO_MEETING_ID });
    const approval = audit.find((e) => e.action === "meeting.approveMinutes");
    expect(approval).toMatchObject({ userId: "u-formand" });
    expect(approval!.details["recordHash"]).toMatch(/^[0-9a-f]{64}$/);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["meeting.sendAgenda", "meeting.holdMeeting"]),
    );
  });

  it("records attendance for the meeting and per item (after reopening the approved minutes)", async () => {
    expect((await step(chair, "reopenMinutes", { reason: "Fremmødet mangler." })).status).toBe(200);
    const res = await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "setAttendance",
      attendance: {
        present: ["Formand A", "Medlem B"],
        absent: ["Medlem C"],
        notPresentForItem: { "demo-2-3": ["Medlem B"] },
      },
    });
    expect(res.status).toBe(200);
    const meeting = ((await res.json()) as { meeting: { attendance: { absent: string[] } } })
      .meeting;
    expect(meeting.attendance.absent).toEqual(["Medlem C"]);
  });

  it("locks attendance with the approved minutes", async () => {
    expect((await step(chair, "approveMinutes")).status).toBe(200);
    const res = await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "setAttendance",
      attendance: { present: ["Efter godkendelse"], absent: [], notPresentForItem: {} },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "record_frozen" });
  });
});

describe("minutes during the meeting", () => {
  let server: TestServer;
  let secretariat: TestSession;
  let chair: TestSession;
  const clients: YClient[] = [];
  const today = danishToday();
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 24 * 3600 * 1000)
    .toISOString()
    .slice(0, 10);

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    chair = await login(server.url, "formand@demo.dk");
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.dispose();
  });

  function command(body: unknown) {
    return secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, body);
  }

  async function storedBeslutning(itemId: string): Promise<string> {
    const stored = await server.store.docs.loadDoc(MINUTES);
    const doc = new Y.Doc();
    for (const part of [...(stored!.snapshot ? [stored!.snapshot] : []), ...stored!.updates])
      Y.applyUpdate(doc, part);
    return beslutningText(doc, itemId);
  }

  async function writer(): Promise<YClient> {
    const client = connectClient(server.url, MINUTES, await secretariat.syncToken(MINUTES));
    clients.push(client);
    await waitSynced(client);
    return client;
  }

  it("are written by the secretariat from the meeting day once the agenda is sent, not the day before", async () => {
    expect((await command({ type: "updateMeeting", details: { date: tomorrow } })).status).toBe(
      200,
    );
    const sent = await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda");
    expect(sent.status).toBe(200);

    // The day before: the agenda is out, but nobody takes minutes yet.
    const early = await writer();
    writeBeslutning(early, "demo-2-2", "Dagen før.");
    await expect(early.save()).rejects.toThrow("refused: read_only");
    expect(await storedBeslutning("demo-2-2")).not.toContain("Dagen før.");

    // On the meeting day (Danish time), without declaring the meeting held.
    expect((await command({ type: "updateMeeting", details: { date: today } })).status).toBe(200);
    const watcher = connectClient(server.url, MINUTES, await chair.syncToken(MINUTES));
    clients.push(watcher);
    await waitSynced(watcher);
    const live = await writer();
    writeBeslutning(live, "demo-2-2", "KKR Syddanmark tog orienteringen til efterretning.");
    await live.save();
    expect(await storedBeslutning("demo-2-2")).toContain("tog orienteringen");
    await waitFor(() => beslutningText(watcher.doc, "demo-2-2").includes("tog orienteringen"), {
      message: "the chair follows the Beslutning live",
    });
    const meeting = await (
      await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}`)
    ).json();
    expect((meeting as { meeting: { phase: string } }).meeting.phase).toBe("dagsorden_udsendt");

    // The chair watches; only the secretariat writes.
    writeBeslutning(watcher, "demo-2-3", "Formanden skriver.");
    await expect(watcher.save()).rejects.toThrow("refused: read_only");
    expect(await storedBeslutning("demo-2-3")).not.toContain("Formanden skriver.");
  });

  it("records attendance picked from the members, with a stedfortræder for a member", async () => {
    const attendance = {
      present: ["Frederik Lund", "Anne Hansen"],
      absent: ["Lene Bach"],
      notPresentForItem: {},
      substitutes: [{ name: "Anne Hansen", replaces: "Lene Bach" }],
    };
    const saved = await command({ type: "setAttendance", attendance });
    expect(saved.status).toBe(200);
    expect(
      ((await saved.json()) as { meeting: { attendance: unknown } }).meeting.attendance,
    ).toEqual(attendance);
    const html = await (
      await secretariat.request(
        "GET",
        `/api/meetings/${DEMO_MEETING_ID}/export.html?kind=referat&variant=public`,
      )
    ).text();
    expect(html).toContain("Frederik Lund, Anne Hansen (stedfortræder for Lene Bach)");

    // A stedfortræder who is not present is refused, with a Danish reason; nothing changes.
    const bad = await command({
      type: "setAttendance",
      attendance: { ...attendance, present: ["Frederik Lund"] },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: "invalid_command",
      message: expect.stringMatching(/stedfortræder/),
    });
    const after = (await (
      await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}`)
    ).json()) as { meeting: { attendance: unknown } };
    expect(after.meeting.attendance).toEqual(attendance);
  });
});
