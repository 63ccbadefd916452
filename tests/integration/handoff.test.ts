import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meeting } from "../../shared/model";
import { DEMO_COMMITTEE_ID } from "../../server/seed/seedDemo";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

describe("per-item deadline and hand-off", () => {
  let server: TestServer;
  let secretariat: TestSession;
  let officer: TestSession;
  let meeting: Meeting;
  let itemId: string;

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    officer = await login(server.url, "sagsbehandler@demo.dk");
    const res = await secretariat.request("POST", `/api/committees/${DEMO_COMMITTEE_ID}/meetings`, {
      title: "Møde i KKR Syddanmark",
      date: "2026-12-09",
      startTime: "10:00",
      endTime: null,
      place: "Odense",
      deadline: "2026-11-25",
    });
    expect(res.status).toBe(201);
    meeting = ((await res.json()) as { meeting: Meeting }).meeting;
    const created = await secretariat.request("POST", `/api/meetings/${meeting.id}/commands`, {
      type: "createItem",
      sectionId: meeting.agenda.sections[1]!.id,
      title: "Erhvervsfremme",
      officers: ["mlal"],
      deadline: "2026-11-20",
    });
    expect(created.status).toBe(200);
    itemId = ((await created.json()) as { createdId: string }).createdId;
  });
  afterAll(async () => {
    await server.dispose();
  });

  const item = async () =>
    (await server.meetings.itemContext(itemId))
      .item as Meeting["agenda"]["sections"][0]["items"][0];
  const handoff = (session: TestSession, body: unknown) =>
    session.request("POST", `/api/items/${itemId}/handoff`, body);

  it("keeps an item's own deadline, else the meeting's applies", async () => {
    expect((await item()).deadline).toBe("2026-11-20");
    const detail = await officer.request("GET", `/api/items/${itemId}`);
    expect(((await detail.json()) as { item: { deadline: string } }).item.deadline).toBe(
      "2026-11-20",
    );
    const bad = await secretariat.request("POST", `/api/meetings/${meeting.id}/commands`, {
      type: "updateItem",
      itemId,
      deadline: "2026-02-30",
    });
    expect(bad.status).toBe(400);
    const cleared = await secretariat.request("POST", `/api/meetings/${meeting.id}/commands`, {
      type: "updateItem",
      itemId,
      deadline: null,
    });
    expect(cleared.status).toBe(200);
    const after = await officer.request("GET", `/api/items/${itemId}`);
    expect(((await after.json()) as { item: { deadline: string } }).item.deadline).toBe(
      "2026-11-25",
    );
  });

  it("refuses bad hand-offs and stores nothing", async () => {
    const version = (await server.meetings.meeting(meeting.id)).version;
    // To a reader: a member, but not one who can write items.
    const reader = await handoff(officer, { to: "u-laeser", note: "Værsgo" });
    expect(reader.status).toBe(422);
    expect(((await reader.json()) as { error: string }).error).toBe("officer_not_member");
    const unknown = await handoff(officer, { to: "u-nobody", note: "Værsgo" });
    expect(unknown.status).toBe(422);
    const noNote = await handoff(officer, { to: "u-direktoer", note: "  " });
    expect(noNote.status).toBe(400);
    const same = await handoff(officer, { to: "u-sagsbehandler", note: "Til mig selv" });
    expect(same.status).toBe(409);
    expect(((await same.json()) as { error: string }).error).toBe("handoff_same");
    // The chair is neither an officer of the item nor the secretariat.
    const chair = await login(server.url, "formand@demo.dk");
    const notAllowed = await handoff(chair, { to: "u-direktoer", note: "Tag den" });
    expect(notAllowed.status).toBe(403);
    expect(((await notAllowed.json()) as { error: string }).error).toBe("handoff_not_allowed");
    // A reader may not even see the item before the agenda is sent out.
    const laeser = await login(server.url, "laeser@demo.dk");
    const early = await handoff(laeser, { to: "u-direktoer", note: "x" });
    expect(early.status).toBe(403);
    expect(((await early.json()) as { error: string }).error).toBe("item_not_sent_out");
    expect((await server.meetings.meeting(meeting.id)).version).toBe(version);
    expect((await item()).officers).toEqual(["mlal"]);
  });

  it("hands the item from its officer to another member, audited with the note", async () => {
    const res = await handoff(officer, { to: "u-direktoer", note: "Du kender sagen bedst." });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      officers: ["dok"],
      from: "mlal",
      to: { id: "u-direktoer", initials: "dok", name: "Dorthe Krogh" },
    });
    expect((await item()).officers).toEqual(["dok"]);
    const entries = await server.store.audit.listAudit({ meetingId: meeting.id });
    const entry = entries.find((e) => e.action === "item.handoff");
    expect(entry).toMatchObject({
      userId: "u-sagsbehandler",
      itemId,
      details: {
        from: "mlal",
        to: "dok",
        toUserId: "u-direktoer",
        officers: ["dok"],
        note: "Du kender sagen bedst.",
      },
    });
    // The audit page shows it in Danish, with the person's name.
    const page = await secretariat.request("GET", `/api/committees/${DEMO_COMMITTEE_ID}/audit`);
    const text = JSON.stringify(await page.json());
    expect(text).toContain("Givet videre");
    expect(text).toContain("Dorthe Krogh");
    // Handed on, the former officer may not hand it on again.
    const again = await handoff(officer, { to: "u-sekretariat", note: "Igen" });
    expect(again.status).toBe(403);
  });

  it("lets the secretariat hand on the responsible officer's part", async () => {
    const res = await handoff(secretariat, { to: "u-sagsbehandler", note: "Tilbage til dig" });
    expect(res.status).toBe(200);
    expect((await item()).officers).toEqual(["mlal"]);
  });
});
