/**
 * The public site (issue 18): a committee's meetings, a meeting's items with their public text
 * and bilag, search, and the feeds — all anonymous, all from what is published only.
 */
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { publishAccepting, stepMeeting } from "./helpers/meetingSteps";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import type { TestDatabase } from "./helpers/postgres";
import { createTestDatabase } from "./helpers/postgres";
import type { YClient } from "./helpers/yClient";
import { connectClient, waitSynced } from "./helpers/yClient";

const M = DEMO_MEETING_ID;
const OPEN = "demo-2-1";
const CLOSED = "demo-2-3";
const MEETING_PATH = `/offentlig/${DEMO_COMMITTEE_ID}/2025-09-03`;
// Words found nowhere else in the demo meeting.
const DECISION = "KKR Syddanmark godkendte vandløbsplanerne for Lillebælt.";
const CLOSED_DECISION = "Regnskabet for sekretariatsfondene blev taget til efterretning.";
const OPEN_BILAG = "Notat om sundhedsreformen.txt";
const CLOSED_BILAG = "Fortroligt regnskabsnotat.txt";

interface Upload {
  id: string;
  filename: string;
  sha256: string;
}

// The whole site on each store: SQLite (FTS5 with the server's Danish stems) and PostgreSQL
// (its danish text search configuration).
for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`the public site (${dialect})`, () => {
    let server: TestServer;
    let database: TestDatabase | null = null;
    let secretariat: TestSession;
    let chair: TestSession;
    let minutes: YClient;
    let openBilag: Upload;
    let closedBilag: Upload;

    async function upload(itemId: string, filename: string, text: string): Promise<Upload> {
      const response = await fetch(
        `${server.url}/api/items/${itemId}/attachments?filename=${encodeURIComponent(filename)}`,
        {
          method: "POST",
          headers: {
            cookie: secretariat.cookie,
            "x-csrf-token": secretariat.csrfToken,
            "content-type": "application/octet-stream",
          },
          body: new TextEncoder().encode(text),
        },
      );
      const body = await response.text();
      expect(response.status, body).toBe(201);
      return (JSON.parse(body) as { attachment: Upload }).attachment;
    }

    function setBeslutning(itemId: string, text: string): Promise<void> {
      minutes.doc.transact(() => {
        const fragment = minutes.doc.getXmlFragment(itemId);
        fragment.delete(0, fragment.length);
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(text)]);
        fragment.insert(0, [paragraph]);
      });
      return minutes.save();
    }

    /** A page fetched without login. */
    async function page(path: string, status = 200): Promise<string> {
      const response = await fetch(`${server.url}${path}`);
      const text = await response.text();
      expect(response.status, `${path}: ${text.slice(0, 200)}`).toBe(status);
      return text;
    }

    async function search(q: string): Promise<string> {
      return page(`/offentlig/soeg?q=${encodeURIComponent(q)}`);
    }

    /** The item links of a search result page. */
    function hits(html: string): string[] {
      return [...html.matchAll(/<li class="hit"><h2><a href="([^"]+)"/g)].map(([, href]) => href!);
    }

    beforeAll(async () => {
      database = dialect === "postgres" ? await createTestDatabase("dagsorden_public") : null;
      server = await startTestServer(database ? { databaseUrl: database.url } : {});
      expect(server.store.kind).toBe(dialect);
      secretariat = await login(server.url, "sekretariat@demo.dk");
      chair = await login(server.url, "formand@demo.dk");
      openBilag = await upload(OPEN, OPEN_BILAG, "Sundhedsreformen i korte træk.");
      closedBilag = await upload(CLOSED, CLOSED_BILAG, "Fortrolige tal.");
      const closing = await secretariat.request("POST", `/api/meetings/${M}/commands`, {
        type: "updateItem",
        itemId: CLOSED,
        closed: true,
      });
      expect(closing.status).toBe(200);
      expect((await stepMeeting(secretariat, M, "sendAgenda")).status).toBe(200);
    }, 60_000);

    afterAll(async () => {
      minutes?.destroy();
      await server?.dispose();
      await database?.drop();
    });

    it("lists committees and meetings with Danish number agreement, before and after publishing", async () => {
      const before = await page("/offentlig");
      // The demo committee has this meeting and a coming one.
      expect(before).toContain("(2 møder, 0 dokumenter)");
      expect(await page(MEETING_PATH)).toContain("Dagsordenen er ikke offentliggjort endnu.");

      expect((await publishAccepting(secretariat, M, "dagsorden")).status).toBe(200);
      expect(await page("/offentlig")).toContain("(2 møder, 1 dokument)");
      const committee = await page(`/offentlig/${DEMO_COMMITTEE_ID}`);
      expect(committee).toContain("2 møder");
      expect(committee).toContain(`href="${MEETING_PATH}"`);
      expect(committee).toContain("Referatet er ikke offentliggjort endnu.");
      // Feeds are announced to browsers and readers.
      expect(committee).toContain(
        `<link rel="alternate" type="text/calendar" href="/offentlig/${DEMO_COMMITTEE_ID}/moeder.ics"`,
      );
      expect(committee).toContain('<link rel="alternate" type="application/atom+xml"');

      const meeting = await page(MEETING_PATH);
      const count = /Punkter \((\d+) (punkt|punkter)\)/.exec(meeting);
      expect(count).not.toBeNull();
      expect(count![2]).toBe(count![1] === "1" ? "punkt" : "punkter");
      expect(meeting).toContain('id="punkt-2-1"');
      expect(meeting).toContain('href="#punkt-2-3"');
    });

    it("lets anyone download a public item's bilag, and answers a closed item's with a 404 that names nothing", async () => {
      const meeting = await page(MEETING_PATH);
      const openPath = `${MEETING_PATH}/bilag/${openBilag.id}`;
      expect(meeting).toContain(`href="${openPath}"`);
      expect(meeting).toContain(OPEN_BILAG);
      // The closed item is there by title only.
      expect(meeting).toContain("Det fælleskommunale sundhedssekretariats regnskab");
      expect(meeting).not.toContain(
        "Fælleskommunalt Sundhedssekretariat har udarbejdet et årsregnskab",
      );
      for (const trace of [CLOSED_BILAG, closedBilag.id, closedBilag.sha256]) {
        expect(meeting).not.toContain(trace);
      }

      const download = await fetch(`${server.url}${openPath}`);
      expect(download.status).toBe(200);
      expect(download.headers.get("content-disposition")).toContain("attachment");
      expect(await download.text()).toBe("Sundhedsreformen i korte træk.");

      const closed = await fetch(`${server.url}${MEETING_PATH}/bilag/${closedBilag.id}`);
      expect(closed.status).toBe(404);
      const refusal = await closed.text();
      for (const trace of [CLOSED_BILAG, closedBilag.sha256, "Fortrolige tal"]) {
        expect(refusal).not.toContain(trace);
      }
      // The same 404 under another committee's or meeting's address, or an unknown id.
      await page(`${MEETING_PATH}/bilag/findes-ikke`, 404);
      await page(`/offentlig/${DEMO_COMMITTEE_ID}/2020-01-01/bilag/${openBilag.id}`, 404);
      await page(`/offentlig/ukendt-udvalg/2025-09-03/bilag/${openBilag.id}`, 404);
    });

    it("searches published minutes with Danish stemming, never a closed item or an unpublished draft", async () => {
      expect((await stepMeeting(secretariat, M, "holdMeeting")).status).toBe(200);
      minutes = connectClient(
        server.url,
        `minutes:${M}`,
        await secretariat.syncToken(`minutes:${M}`),
      );
      await waitSynced(minutes);
      await setBeslutning(OPEN, DECISION);
      await setBeslutning(CLOSED, CLOSED_DECISION);
      const attendance = await secretariat.request("POST", `/api/meetings/${M}/commands`, {
        type: "setAttendance",
        attendance: {
          present: ["Formand A", "Medlem B"],
          absent: ["Medlem C"],
          notPresentForItem: {},
        },
      });
      expect(attendance.status).toBe(200);

      // Written, not yet approved nor published: a draft.
      expect(hits(await search("vandløbsplanerne"))).toEqual([]);
      expect(await search("vandløbsplanerne")).toContain("0 resultater");

      expect((await stepMeeting(chair, M, "approveMinutes")).status).toBe(200);
      expect((await publishAccepting(secretariat, M, "referat")).status).toBe(200);

      // Another form of the word finds the Beslutning; the item is linked by its anchor.
      const found = await search("vandløbsplaner");
      expect(hits(found)).toEqual([`${MEETING_PATH}#punkt-2-1`]);
      expect(found).toContain("1 resultat for");
      expect(found).toContain("<mark>vandløbsplanerne</mark>");
      // The closed item's Beslutning and body are in the minutes' record, not in the public site.
      expect(hits(await search("sekretariatsfondene"))).toEqual([]);
      expect(hits(await search("sundhedsdirektørkredsen"))).toEqual([]);
      const minutesPage = await page(MEETING_PATH);
      expect(minutesPage).not.toContain("sekretariatsfondene");
      // From the minutes: who attended, as their front page says.
      expect(minutesPage).toContain("<h2>Deltagere</h2><p>Formand A, Medlem B</p>");
      expect(minutesPage).toContain("<strong>Afbud:</strong> Medlem C");
      expect(await page("/offentlig")).toContain("(2 møder, 2 dokumenter)");
    });

    it("refuses a search of several texts with a typed error, and cuts an overlong one", async () => {
      const twice = await fetch(`${server.url}/offentlig/soeg?q=a&q=b`);
      expect(twice.status).toBe(400);
      expect(await twice.json()).toMatchObject({ error: "search_query_invalid" });
      await search("x".repeat(5_000));
      expect(await search("")).toContain("Søg i de offentliggjorte");
    });

    it("has an iCalendar feed of the committee's meetings that ical.js reads", async () => {
      const response = await fetch(`${server.url}/offentlig/${DEMO_COMMITTEE_ID}/moeder.ics`);
      expect(response.headers.get("content-type")).toContain("text/calendar");
      const calendar = new ICAL.Component(ICAL.parse(await response.text()) as unknown[]);
      const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      // The demo committee's two meetings, the published one among them.
      expect(events).toHaveLength(2);
      const event = events.find((e) => e.startDate.toJSDate().getUTCFullYear() === 2025);
      expect(event!.summary).toContain("KKR Syddanmark");
      expect(String(event!.component.getFirstPropertyValue("url"))).toContain(MEETING_PATH);
      // 10:00 on 3 September 2025 in Danish summer time (UTC+2).
      expect(event!.startDate.toJSDate().toISOString()).toBe("2025-09-03T08:00:00.000Z");
    });

    it("has an Atom feed of publications that fast-xml-parser reads", async () => {
      const response = await fetch(`${server.url}/offentlig/publikationer.atom`);
      expect(response.headers.get("content-type")).toContain("application/atom+xml");
      const parsed = new XMLParser({
        ignoreAttributes: false,
        isArray: (name) => name === "entry",
      }).parse(await response.text()) as {
        feed: {
          title: string;
          entry: { title: { "#text": string }; link: { "@_href": string } }[];
        };
      };
      expect(parsed.feed.title).toContain("dagsordener og referater");
      const titles = parsed.feed.entry.map((entry) => entry.title["#text"]);
      expect(titles, JSON.stringify(titles)).toEqual([
        "KKR Syddanmark: Referat, møde 3. september 2025",
        "KKR Syddanmark: Dagsorden, møde 3. september 2025",
      ]);
      expect(parsed.feed.entry[0]!.link["@_href"]).toContain(MEETING_PATH);
      const committeeFeed = await fetch(
        `${server.url}/offentlig/${DEMO_COMMITTEE_ID}/publikationer.atom`,
      );
      expect(committeeFeed.status).toBe(200);
    });

    it("keeps the meeting's and bilag's addresses when the minutes are published again", async () => {
      expect((await stepMeeting(chair, M, "reopenMinutes", { reason: "Rettelse" })).status).toBe(
        200,
      );
      await setBeslutning(OPEN, "KKR Syddanmark udsatte kystbeskyttelsessagen.");
      expect((await stepMeeting(chair, M, "approveMinutes")).status).toBe(200);
      expect((await publishAccepting(secretariat, M, "referat")).status).toBe(200);
      const meeting = await page(MEETING_PATH);
      expect(meeting).toContain("kystbeskyttelsessagen");
      expect(meeting).toContain(`href="${MEETING_PATH}/bilag/${openBilag.id}"`);
      expect(await (await fetch(`${server.url}${MEETING_PATH}/bilag/${openBilag.id}`)).text()).toBe(
        "Sundhedsreformen i korte træk.",
      );
      // The replaced minutes' text is no longer found; the new text is.
      expect(hits(await search("vandløbsplanerne"))).toEqual([]);
      expect(hits(await search("kystbeskyttelsessagen"))).toEqual([`${MEETING_PATH}#punkt-2-1`]);
    });

    it("addresses a committee by its name, redirects its id there, and tells same-named ones apart", async () => {
      await server.store.meetings.createCommittee({
        id: "c1",
        name: "Børne- og Ungeudvalget",
        template: null,
      });
      await server.store.meetings.createCommittee({
        id: "c2",
        name: "Børne- og ungeudvalget",
        template: null,
      });
      const front = await page("/offentlig");
      expect(front).toContain('href="/offentlig/boerne-og-ungeudvalget"');
      expect(front).toContain('href="/offentlig/boerne-og-ungeudvalget-c2"');
      expect(front).toContain("(0 møder, 0 dokumenter)");
      const byId = await fetch(`${server.url}/offentlig/c1/moeder.ics`, { redirect: "manual" });
      expect(byId.status).toBe(308);
      expect(byId.headers.get("location")).toBe("/offentlig/boerne-og-ungeudvalget/moeder.ics");
      expect(await page("/offentlig/boerne-og-ungeudvalget")).toContain(
        "Der er ingen kommende møder.",
      );
    });

    it("answers unknown committees and meetings with a 404 page", async () => {
      expect(await page("/offentlig/ukendt-udvalg", 404)).toContain("Siden findes ikke");
      await page(`/offentlig/${DEMO_COMMITTEE_ID}/1999-01-01`, 404);
    });
  });
}
