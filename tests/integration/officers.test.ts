import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meeting } from "../../shared/model";
import { DEMO_COMMITTEE_ID } from "../../server/seed/seedDemo";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

const FIXTURE = path.resolve(
  import.meta.dirname,
  "../fixtures/agendas/kkr-syddanmark-2020-11-11-dagsorden.txt",
);

describe("officers are the committee's members", () => {
  let server: TestServer;
  let secretariat: TestSession;
  let meeting: Meeting;
  let sectionId: string;

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    const res = await secretariat.request("POST", `/api/committees/${DEMO_COMMITTEE_ID}/meetings`, {
      title: "Møde i KKR Syddanmark",
      date: "2026-12-09",
      startTime: "10:00",
      endTime: null,
      place: "Odense",
    });
    expect(res.status).toBe(201);
    meeting = ((await res.json()) as { meeting: Meeting }).meeting;
    sectionId = meeting.agenda.sections[1]!.id;
  });
  afterAll(async () => {
    await server.dispose();
  });

  const command = (body: unknown) =>
    secretariat.request("POST", `/api/meetings/${meeting.id}/commands`, body);
  const stored = () => server.meetings.meeting(meeting.id);

  it("refuses an officer outside the committee on create and update, and stores nothing", async () => {
    const before = await stored();
    const created = await command({
      type: "createItem",
      sectionId,
      title: "Klimaplan",
      officers: ["mlal", "zzz"],
    });
    expect(created.status).toBe(422);
    expect(await created.json()).toEqual({
      error: "officer_not_member",
      message: "«zzz» er ikke medlem af udvalget. Vælg sagsbehandlere blandt udvalgets medlemmer.",
      details: { initials: "zzz" },
    });
    expect((await stored()).version).toBe(before.version);

    const itemId = before.agenda.sections[0]!.items[0]!.id;
    const updated = await command({ type: "updateItem", itemId, officers: ["zzz"] });
    expect(updated.status).toBe(422);
    expect(((await updated.json()) as { error: string }).error).toBe("officer_not_member");
    // A reader is a member but cannot write items, so cannot be an officer either.
    const reader = await command({ type: "updateItem", itemId, officers: ["leb"] });
    expect(reader.status).toBe(422);
    expect((await stored()).version).toBe(before.version);
    expect((await stored()).agenda.sections[0]!.items[0]!.officers).toEqual([]);
  });

  it("stores a member's initials as the account writes them", async () => {
    const res = await command({
      type: "createItem",
      sectionId,
      title: "Sundhedsaftale",
      officers: ["MLAL", "Dok", "mlal"],
    });
    expect(res.status).toBe(200);
    const { createdId } = (await res.json()) as { createdId: string };
    const item = (await stored()).agenda.sections[1]!.items.find((i) => i.id === createdId)!;
    expect(item.officers).toEqual(["mlal", "dok"]);
  });

  it("keeps initials an item already has (imported) while the rest change", async () => {
    // The demo meeting is imported: item 2.8 has lar/chch/anjh, none of them accounts.
    const res = await secretariat.request("POST", `/api/meetings/demo-2025-09-03/commands`, {
      type: "updateItem",
      itemId: "demo-2-8",
      officers: ["lar", "chch", "anjh", "mlal"],
    });
    expect(res.status).toBe(200);
    const demo = await server.meetings.meeting("demo-2025-09-03");
    const item = demo.agenda.sections.flatMap((s) => s.items).find((i) => i.id === "demo-2-8")!;
    expect(item.officers).toEqual(["lar", "chch", "anjh", "mlal"]);
  });

  it("flags imported initials that match no member in the import preview", async () => {
    const res = await fetch(`${server.url}/api/committees/${DEMO_COMMITTEE_ID}/imports/preview`, {
      method: "POST",
      headers: {
        cookie: secretariat.cookie,
        "x-csrf-token": secretariat.csrfToken,
        "content-type": "application/octet-stream",
      },
      body: new Uint8Array(readFileSync(FIXTURE)),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      parsed: { warnings: string[]; sections: { items: { officers: string[] }[] }[] };
      unmatchedOfficers: string[];
    };
    const officers = body.parsed.sections.flatMap((s) => s.items.flatMap((i) => i.officers));
    expect(officers.length).toBeGreaterThan(0);
    expect(body.unmatchedOfficers.length).toBeGreaterThan(0);
    expect(body.unmatchedOfficers).not.toContain("mlal");
    for (const initials of body.unmatchedOfficers) expect(officers).toContain(initials);
    const warning = body.parsed.warnings.find((w) => w.includes("ikke medlem"));
    expect(warning).toContain(`«${body.unmatchedOfficers[0]}»`);
  });
});
