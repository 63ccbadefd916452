import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID } from "../../server/seed/seedDemo";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

const FIXTURE = path.resolve(
  import.meta.dirname,
  "../fixtures/agendas/kkr-syddanmark-2020-11-11-dagsorden.txt",
);

describe("importing a file over HTTP", () => {
  let server: TestServer;
  let secretariat: TestSession;
  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
  });
  afterAll(async () => {
    await server.dispose();
  });

  function upload(session: TestSession, pathname: string, body: Buffer) {
    return fetch(`${server.url}${pathname}`, {
      method: "POST",
      headers: {
        cookie: session.cookie,
        "x-csrf-token": session.csrfToken,
        "content-type": "application/octet-stream",
      },
      body: new Uint8Array(body),
    });
  }

  it("previews the structure, then creates the meeting from the same file", async () => {
    const file = readFileSync(FIXTURE);
    const preview = await upload(
      secretariat,
      `/api/committees/${DEMO_COMMITTEE_ID}/imports/preview`,
      file,
    );
    expect(preview.status).toBe(200);
    const { parsed } = (await preview.json()) as {
      parsed: { meetingDate: string; sections: { title: string; items: { number: string }[] }[] };
    };
    expect(parsed.meetingDate).toBe("2020-11-11");
    expect(parsed.sections.map((s) => s.title)).toEqual([
      "Godkendelse af referat",
      "Regionalpolitiske sager",
      "Siden sidst",
      "Punkter til næste møde",
      "Eventuelt",
    ]);
    const before = (await server.meetings.listMeetings(DEMO_COMMITTEE_ID)).length;
    const created = await upload(
      secretariat,
      `/api/committees/${DEMO_COMMITTEE_ID}/imports?place=Odense`,
      file,
    );
    expect(created.status).toBe(201);
    const { meeting } = (await created.json()) as {
      meeting: { id: string; date: string; place: string; numbers: Record<string, string> };
    };
    expect(meeting).toMatchObject({ date: "2020-11-11", place: "Odense" });
    expect(Object.values(meeting.numbers)).toContain("2.5");
    expect((await server.meetings.listMeetings(DEMO_COMMITTEE_ID)).length).toBe(before + 1);
  });

  it("refuses garbage and empty files and creates nothing", async () => {
    const before = (await server.meetings.listMeetings(DEMO_COMMITTEE_ID)).length;
    const garbage = await upload(
      secretariat,
      `/api/committees/${DEMO_COMMITTEE_ID}/imports`,
      Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)),
    );
    expect(garbage.status).toBe(422);
    expect(((await garbage.json()) as { error: string }).error).toMatch(/^import_/);
    const empty = await upload(
      secretariat,
      `/api/committees/${DEMO_COMMITTEE_ID}/imports`,
      Buffer.alloc(0),
    );
    expect(empty.status).toBe(400);
    expect((await server.meetings.listMeetings(DEMO_COMMITTEE_ID)).length).toBe(before);
  });

  it("is for the secretariat only", async () => {
    const director = await login(server.url, "direktoer@demo.dk");
    const res = await upload(
      director,
      `/api/committees/${DEMO_COMMITTEE_ID}/imports/preview`,
      readFileSync(FIXTURE),
    );
    expect(res.status).toBe(403);
  });
});
