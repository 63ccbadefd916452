import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meeting } from "../../shared/model";
import { MEETING_DOC_ROOT, MEETING_DOC_STATE_KEY, numberAgenda } from "../../shared/model";
import { DEMO_COMMITTEE_ID } from "../../server/seed/seedDemo";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { connectClient, fieldText, waitSynced } from "./helpers/yClient";

type MeetingView = Meeting & { numbers: Record<string, string>; doc: string };

describe("meetings and agenda commands", () => {
  let server: TestServer;
  let secretariat: TestSession;
  let meeting: MeetingView;
  const clients: YClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    const res = await secretariat.request("POST", `/api/committees/${DEMO_COMMITTEE_ID}/meetings`, {
      title: "Møde i KKR Syddanmark",
      date: "2026-12-09",
      startTime: "10:00",
      endTime: "13:00",
      place: "Odense",
    });
    expect(res.status).toBe(201);
    meeting = ((await res.json()) as { meeting: MeetingView }).meeting;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.dispose();
  });

  async function command(body: unknown): Promise<Response> {
    return secretariat.request("POST", `/api/meetings/${meeting.id}/commands`, body);
  }

  function projected(client: YClient): MeetingView | undefined {
    return client.doc.getMap(MEETING_DOC_ROOT).get(MEETING_DOC_STATE_KEY) as
      MeetingView | undefined;
  }

  it("creates a meeting from the template with the previous meeting's date filled in", async () => {
    expect(meeting.agenda.sections.map((s) => s.title)).toEqual([
      "Godkendelse af referat",
      "Regionalpolitiske sager",
      "Siden sidst",
      "Udpegninger",
      "Punkter til næste møde",
      "Eventuelt",
    ]);
    // The demo data's latest earlier meeting is its imported one of 3 September 2025.
    expect(meeting.agenda.sections[0]!.items[0]!.title).toBe(
      "Godkendelse af referat fra mødet den 3. september 2025",
    );
    expect(meeting.numbers[meeting.agenda.sections[5]!.items[0]!.id]).toBe("6.1");
    // The template's Indstilling sentence is in the item's body.
    const itemId = meeting.agenda.sections[0]!.items[0]!.id;
    const session = await login(server.url, "sagsbehandler@demo.dk");
    const item = connectClient(
      server.url,
      `item:${itemId}`,
      await session.syncToken(`item:${itemId}`),
    );
    clients.push(item);
    await waitSynced(item);
    expect(fieldText(item.doc, "indstilling")).toBe(
      "Det indstilles, at KKR Syddanmark godkender referatet fra mødet den 3. september 2025.",
    );
  });

  it("shows each accepted command in another client's meeting document", async () => {
    const other = await login(server.url, "direktoer@demo.dk");
    const watcher = connectClient(server.url, meeting.doc, await other.syncToken(meeting.doc));
    clients.push(watcher);
    await waitSynced(watcher);
    const regional = meeting.agenda.sections[1]!.id;

    const created: string[] = [];
    for (const title of ["Sundhedsaftale 2027", "Erhvervsfremme", "Klimaplan"]) {
      const res = await command({
        type: "createItem",
        sectionId: regional,
        title,
        caseNumber: "SAG-2026-00042",
        officers: ["mlal", "DOK"],
      });
      expect(res.status).toBe(200);
      created.push(((await res.json()) as { createdId: string }).createdId);
    }
    await waitFor(() => projected(watcher)?.agenda.sections[1]?.items.length === 3, {
      message: "three items projected",
    });
    expect(numberAgenda(projected(watcher)!.agenda).get(created[2]!)).toBe("2.3");

    const moved = await command({
      type: "moveItem",
      itemId: created[2],
      toSectionId: regional,
      toIndex: 0,
    });
    expect(moved.status).toBe(200);
    await waitFor(() => numberAgenda(projected(watcher)!.agenda).get(created[2]!) === "2.1", {
      message: "renumbered",
    });
    expect(numberAgenda(projected(watcher)!.agenda).get(created[0]!)).toBe("2.2");

    await command({ type: "deleteItem", itemId: created[0] });
    await waitFor(() => numberAgenda(projected(watcher)!.agenda).get(created[0]!) === undefined, {
      message: "deleted",
    });
    await command({ type: "restoreItem", itemId: created[0] });
    await waitFor(() => numberAgenda(projected(watcher)!.agenda).get(created[0]!) === "2.2", {
      message: "restored",
    });

    const audit = (await (
      await secretariat.request("GET", `/api/meetings/${meeting.id}/audit`)
    ).json()) as {
      entries: { action: string; userId: string }[];
    };
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "meeting.create",
        "agenda.createItem",
        "agenda.moveItem",
        "agenda.deleteItem",
        "agenda.restoreItem",
      ]),
    );
    expect(audit.entries.find((e) => e.action === "agenda.deleteItem")!.userId).toBe(
      "u-sekretariat",
    );
  });

  it.each([
    [{ type: "createItem", sectionId: "nope", title: "X" }, 404, "section_not_found"],
    [{ type: "createItem", sectionId: "SECTION", title: "" }, 400, "invalid_command"],
    [
      { type: "createItem", sectionId: "SECTION", title: "X", caseNumber: "SAG-2026-1" },
      400,
      "invalid_command",
    ],
    [
      { type: "moveItem", itemId: "nope", toSectionId: "SECTION", toIndex: 0 },
      404,
      "item_not_found",
    ],
    [{ type: "moveSection", sectionId: "SECTION", toIndex: 99 }, 409, "index_out_of_range"],
    [{ type: "explode" }, 400, "invalid_command"],
    ["not even an object", 400, "invalid_json"],
  ])("refuses %j with %i %s and changes nothing", async (body, status, code) => {
    const before = (await (
      await secretariat.request("GET", `/api/meetings/${meeting.id}`)
    ).json()) as { meeting: MeetingView };
    const sectionId = before.meeting.agenda.sections[1]!.id;
    const res = await command(JSON.parse(JSON.stringify(body).replaceAll("SECTION", sectionId)));
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: string; message: string };
    expect(json.error).toBe(code);
    expect(json.message.length).toBeGreaterThan(0);
    const after = (await (
      await secretariat.request("GET", `/api/meetings/${meeting.id}`)
    ).json()) as { meeting: MeetingView };
    expect(after.meeting).toEqual(before.meeting);
  });

  it("answers an unknown meeting with 404", async () => {
    const res = await secretariat.request("POST", "/api/meetings/nope/commands", {
      type: "deleteItem",
      itemId: "x",
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "meeting_not_found" });
  });

  it("stores, lists, downloads byte-identically and deletes attachments, refusing bad ones", async () => {
    const itemId = meeting.agenda.sections[0]!.items[0]!.id;
    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.7\n"),
      Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256)),
    ]);
    const upload = await fetch(
      `${server.url}/api/items/${itemId}/attachments?filename=${encodeURIComponent("Årsrapport 2024.pdf")}`,
      {
        method: "POST",
        headers: {
          cookie: secretariat.cookie,
          "x-csrf-token": secretariat.csrfToken,
          "content-type": "application/pdf",
        },
        body: pdf,
      },
    );
    expect(upload.status).toBe(201);
    const { attachment } = (await upload.json()) as {
      attachment: { id: string; sha256: string; size: number };
    };
    expect(attachment.size).toBe(pdf.byteLength);

    const other = await login(server.url, "formand@demo.dk");
    const download = await other.request("GET", `/api/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("rsrapport 2024.pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    const withRef = (await (
      await secretariat.request("GET", `/api/meetings/${meeting.id}`)
    ).json()) as { meeting: MeetingView };
    expect(withRef.meeting.agenda.sections[0]!.items[0]!.attachments.map((a) => a.id)).toEqual([
      attachment.id,
    ]);

    const renamedExe = await fetch(
      `${server.url}/api/items/${itemId}/attachments?filename=virus.pdf`,
      {
        method: "POST",
        headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
        body: Buffer.from("MZ\x90\x00 not a pdf"),
      },
    );
    expect(renamedExe.status).toBe(415);
    expect(await renamedExe.json()).toMatchObject({ error: "attachment_type_not_allowed" });
    const empty = await fetch(`${server.url}/api/items/${itemId}/attachments?filename=tom.pdf`, {
      method: "POST",
      headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
      body: Buffer.alloc(0),
    });
    expect(empty.status).toBe(400);
    const tooLarge = await fetch(
      `${server.url}/api/items/${itemId}/attachments?filename=stor.pdf`,
      {
        method: "POST",
        headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
        body: Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(26 * 1024 * 1024)]),
      },
    );
    expect(tooLarge.status).toBe(413);

    const removed = await secretariat.request("DELETE", `/api/attachments/${attachment.id}`);
    expect(removed.status).toBe(200);
    expect((await other.request("GET", `/api/attachments/${attachment.id}`)).status).toBe(404);
    const list = (await (
      await secretariat.request("GET", `/api/items/${itemId}/attachments`)
    ).json()) as { attachments: unknown[] };
    expect(list.attachments).toEqual([]);
  });

  it("renders the whole meeting with its item bodies for the preview", async () => {
    const res = await secretariat.request("GET", `/api/meetings/demo-2025-09-03/document`);
    expect(res.status).toBe(200);
    const document = (await res.json()) as {
      numbers: Record<string, string>;
      bodies: Record<string, { content: unknown[] }>;
    };
    expect(document.numbers["demo-2-1"]).toBe("2.1");
    expect(JSON.stringify(document.bodies["demo-2-1"])).toContain("Per Okkels");
  });
});
