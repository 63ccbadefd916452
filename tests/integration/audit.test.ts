import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditListing, AuditRow } from "../../shared/audit";
import { DEMO_COMMITTEE_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { publishAccepting, stepMeeting } from "./helpers/meetingSteps";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

/**
 * The audit log as an auditor reads it: logins, logouts, failed logins and lockouts are there;
 * every entry has a Danish label, Danish local time, item numbers and titles and readable
 * details; the filters narrow it; the CSV has the same columns, a BOM, semicolons, and no
 * internal ids or JSON.
 */

const AUDIT = `/api/committees/${DEMO_COMMITTEE_ID}/audit`;
const DANISH_TIME =
  /^\d{1,2}\. (jan\.|feb\.|mar\.|apr\.|maj|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) \d{4} kl\. \d{2}\.\d{2}$/;

let server: TestServer;
let secretariat: TestSession;

async function listing(session: TestSession, query = ""): Promise<AuditListing> {
  const response = await session.request("GET", `${AUDIT}${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as AuditListing;
}

function detail(row: AuditRow, label: string): string | undefined {
  return row.details.find((d) => d.label === label)?.value;
}

function attempt(email: string, password: string) {
  return fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
}

beforeAll(async () => {
  server = await startTestServer();
  // A login and a logout, then failed logins until the account is locked, then one more.
  const first = await login(server.url, "formand@demo.dk");
  expect((await first.request("POST", "/api/auth/logout")).status).toBe(200);
  for (let i = 0; i < 5; i += 1) {
    expect((await attempt("direktoer@demo.dk", "forkert")).status).toBe(401);
  }
  expect((await attempt("direktoer@demo.dk", "demo")).status).toBe(429);
  expect((await attempt("ukendt@example.dk", "forkert")).status).toBe(401);

  secretariat = await login(server.url, "sekretariat@demo.dk");
  const command = (body: unknown) =>
    secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, body);
  expect((await command({ type: "updateItem", itemId: "demo-2-4", closed: true })).status).toBe(
    200,
  );
  expect((await command({ type: "deleteItem", itemId: "demo-2-5" })).status).toBe(200);
  expect(
    (
      await secretariat.request("POST", `/api/items/demo-2-1/transitions`, {
        transition: "sendToReview",
      })
    ).status,
  ).toBe(200);
  expect((await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda")).status).toBe(200);
  expect((await publishAccepting(secretariat, DEMO_MEETING_ID, "dagsorden")).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await server.dispose();
});

describe("the audit log", () => {
  it("shows logins, logouts, failed logins and lockouts, with who and from where", async () => {
    const { rows } = await listing(secretariat, "?category=adgang");
    const labels = rows.map((row) => `${row.actionLabel} – ${row.person}`);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Logget ind – Frederik Lund",
        "Logget ud – Frederik Lund",
        "Mislykket login – Dorthe Krogh",
        "Login spærret efter for mange forsøg – Dorthe Krogh",
        "Login afvist: midlertidigt spærret – Dorthe Krogh",
        "Mislykket login – Ukendt konto (ukendt@example.dk)",
        "Logget ind – Signe Holm",
      ]),
    );
    expect(rows.every((row) => row.category === "adgang")).toBe(true);
    const lockout = rows.find((row) => row.action === "auth.lockout")!;
    expect(detail(lockout, "Spærret i")).toMatch(/^\d+ min\.$/);
    expect(detail(lockout, "E-mail")).toBe("direktoer@demo.dk");
    const loginRow = rows.find((row) => row.action === "auth.login")!;
    expect(detail(loginRow, "Loginmetode")).toBe("Adgangskode");
  });

  it("labels every entry in Danish, in Danish time, with item numbers and titles", async () => {
    const { rows } = await listing(secretariat);
    for (const row of rows) {
      expect(row.actionLabel).not.toMatch(/^[a-z]+\.[A-Za-z_]+/);
      expect(row.actionLabel).not.toMatch(/Anden hændelse/);
      expect(row.time).toMatch(DANISH_TIME);
      expect(row.item).not.toMatch(/demo-/);
    }
    const expected = new Intl.DateTimeFormat("da-DK", {
      timeZone: "Europe/Copenhagen",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .format(new Date(rows[0]!.at))
      .replace(":", ".");
    expect(rows[0]!.time.endsWith(`kl. ${expected}`)).toBe(true);

    const closed = rows.find((row) => row.action === "agenda.updateItem")!;
    expect(closed.item).toMatch(/^2\.4\. /);
    expect(detail(closed, "Lukket punkt")).toBe("ja");
    const deleted = rows.find((row) => row.action === "agenda.deleteItem")!;
    expect(deleted.item).toMatch(/ \(slettet\)$/);
    expect(deleted.meeting).toBe("Møde i KKR Syddanmark, 3. september 2025");

    // A workflow step appears once, with its change of status.
    const step = rows.filter((row) => row.itemId === "demo-2-1" && row.category === "punkter");
    expect(step.map((row) => row.actionLabel)).toEqual(["Sendt til gennemsyn"]);
    expect(detail(step[0]!, "Fra → til")).toBe("Kladde → Til gennemsyn");
    expect(detail(step[0]!, "Gemt som version")).toMatch(/^«Sendt til gennemsyn \(Signe Holm\)», /);

    const published = rows.find((row) => row.action === "meeting.publish")!;
    expect(published.actionLabel).toBe("Offentliggjort");
    // The entry records the publication's title, so the document is named in full.
    expect(detail(published, "Dokument")).toBe("Dagsorden: Møde i KKR Syddanmark");
  });

  it("filters by kind of action, person, meeting and dates", async () => {
    const people = await listing(secretariat);
    const signe = people.people.find((person) => person.name === "Signe Holm")!;
    const mine = await listing(secretariat, `?userId=${signe.id}`);
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((row) => row.person === "Signe Holm")).toBe(true);

    const meeting = await listing(secretariat, `?meetingId=${DEMO_MEETING_ID}`);
    expect(meeting.rows.every((row) => row.meetingId === DEMO_MEETING_ID)).toBe(true);
    expect(meeting.rows.some((row) => row.category === "adgang")).toBe(false);
    expect(people.meetings.map((m) => m.label)).toContain(
      "Møde i KKR Syddanmark, 3. september 2025",
    );

    const item = await listing(secretariat, "?itemId=demo-2-1");
    expect(item.rows.length).toBeGreaterThan(0);
    expect(item.rows.every((row) => row.itemId === "demo-2-1")).toBe(true);
    expect(people.items.find((i) => i.id === "demo-2-1")?.label).toMatch(/^2\.1\. /);

    const publishing = await listing(secretariat, "?category=offentliggoerelse");
    expect(publishing.rows.map((row) => row.actionLabel)).toContain("Offentliggjort");

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(
      new Date(),
    );
    expect((await listing(secretariat, `?from=${today}&to=${today}`)).rows.length).toBe(
      people.rows.length,
    );
    expect((await listing(secretariat, "?to=2000-01-01")).rows).toEqual([]);

    const bad = await secretariat.request("GET", `${AUDIT}?from=i-går`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid_audit_filter" });
  });

  it("is exported as CSV for Danish Excel: BOM, semicolons, Danish headers and times, no ids", async () => {
    const response = await secretariat.request("GET", `${AUDIT}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Tidspunkt;Person;Handling;Møde;Punkt;Detaljer");
    const { rows } = await listing(secretariat);
    expect(lines.filter((line) => line !== "").length).toBe(rows.length + 1);
    expect(lines[1]!.split(";")[0]).toMatch(DANISH_TIME);
    expect(text).toContain("Login spærret efter for mange forsøg");
    for (const internal of [
      "demo-2-",
      "demo-2025-09-03",
      "u-sekretariat",
      "u-formand",
      "kkr-syddanmark",
      '{"',
      "agenda.",
      "item.",
      "auth.",
      "meeting.",
      "publicationId",
      "T1", // an ISO time's "T" before the hour
    ]) {
      expect(text, internal).not.toContain(internal);
    }
    // The meeting's own CSV has the same columns, for that meeting only.
    const meetingCsv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await (
        await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}/audit.csv`)
      ).arrayBuffer(),
    );
    expect(meetingCsv.startsWith("\uFEFFTidspunkt;Person;Handling;Møde;Punkt;Detaljer\r\n")).toBe(
      true,
    );
    expect(meetingCsv).not.toContain("Logget ind");
  });

  it("is closed to readers and case officers", async () => {
    for (const email of ["laeser@demo.dk", "sagsbehandler@demo.dk"]) {
      const person = await login(server.url, email);
      expect((await person.request("GET", AUDIT)).status).toBe(403);
      expect((await person.request("GET", `${AUDIT}.csv`)).status).toBe(403);
    }
  });
});
