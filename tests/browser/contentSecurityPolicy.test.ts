/**
 * Every page of the app, as each role, under the server's Content-Security-Policy (issue #13):
 * no violation (the `securitypolicyviolation` event and Chromium's console reports), no page
 * error, no unexpected console error or warning. Includes the pages the server renders itself
 * (public site, published and exported HTML) and two people co-writing (remote carets and
 * selections are what ProseMirror styles inline).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID, DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { publishAccepting, stepMeeting } from "../integration/helpers/meetingSteps";
import { login } from "../integration/helpers/session";
import type { TestServer } from "../integration/helpers/testServer";
import { startTestServer } from "../integration/helpers/testServer";
import { expectConsole } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { signInTo } from "./helpers/meetingPages";
import { beslutningEditor, waitForBeslutning } from "./helpers/minutesPages";

const MEETING = `/moeder/${DEMO_MEETING_ID}`;
const APP_PAGES = [
  "/",
  `/udvalg/${DEMO_COMMITTEE_ID}`,
  "/punkter",
  MEETING,
  `${MEETING}/punkter/${DEMO_ITEM_ID}`,
  `/items/${DEMO_ITEM_ID}`,
  `${MEETING}/dagsorden`,
  `${MEETING}/referat`,
  `${MEETING}/offentliggoer`,
  `${MEETING}/revisionsspor`,
  "/revisionsspor",
  "/brugere",
  "/omtaler",
  `/api/meetings/${DEMO_MEETING_ID}/export.html`,
  "/findes-ikke",
];
const ROLES = [
  "sekretariat@demo.dk",
  "formand@demo.dk",
  "direktoer@demo.dk",
  "sagsbehandler@demo.dk",
  "laeser@demo.dk",
];

/**
 * Collects CSP violations (the `securitypolicyviolation` event) on the context's pages. Console
 * errors, warnings and page errors fail every browser test anyway (helpers/consoleGuard.ts);
 * Chromium also reports each violation there.
 */
async function watch(context: BrowserContext, page: Page): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return async () => {
    const violations = await page
      .evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])
      .catch(() => []);
    return violations.map((v) => `CSP: ${v}`);
  };
}

/** What every page of this test may log without being a policy matter. */
function allowRefusedRequests(): void {
  // A refused API call (a reader asking for a meeting still in preparation) is logged by
  // Chromium itself; the page handles the answer.
  expectConsole(
    /Failed to load resource: the server responded with a status of 40[134]/,
    "a reader's page asks for what the server refuses them, and says so",
  );
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.querySelector("main, body > *") !== null);
  // Let lazy chunks, sync sessions and their first messages arrive.
  await page.waitForLoadState("networkidle");
}

describe("the Content-Security-Policy in real Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let publicationId: string;
  let replacedId: string;
  let reopenedId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const secretariat = await login(server.url, "sekretariat@demo.dk");
    const chair = await login(server.url, "formand@demo.dk");
    const step = async (who: typeof secretariat, name: string, extra = {}) => {
      const res = await stepMeeting(who, DEMO_MEETING_ID, name, extra);
      if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    };
    const publish = async (kind: "dagsorden" | "referat") => {
      const res = await publishAccepting(secretariat, DEMO_MEETING_ID, kind);
      if (!res.ok) throw new Error(`publish ${kind}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { publication: { id: string } }).publication.id;
    };
    await step(secretariat, "sendAgenda");
    // Published twice: the first is served as replaced, with the server's notice on top.
    replacedId = await publish("dagsorden");
    publicationId = await publish("dagsorden");
    // Minutes approved, published and reopened: the published minutes carry the reopening
    // notice, and the meeting is back to held, so the minutes page mounts its editors.
    await step(secretariat, "holdMeeting");
    await step(chair, "approveMinutes");
    reopenedId = await publish("referat");
    await step(chair, "reopenMinutes", { reason: "Beslutningen under 2.3 skal rettes" });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("the pages without login: login, invitation, public site and published HTML", async () => {
    allowRefusedRequests();
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watch(context, page);
    for (const path of [
      "/login",
      "/invitation/ugyldig-invitation",
      "/offentlig",
      `/offentlig/${DEMO_COMMITTEE_ID}`,
      `/offentlig/dokumenter/${publicationId}`,
      `/offentlig/dokumenter/${publicationId}.html`,
      `/offentlig/dokumenter/${replacedId}`,
      `/offentlig/dokumenter/${reopenedId}`,
    ]) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.headers()["content-security-policy"], path).toContain("script-src 'self'");
      await settle(page);
      expect(await violations(), path).toEqual([]);
    }
    // The notices the server adds on top of stored HTML are there, under the same policy.
    await page.goto(`${server.url}/offentlig/dokumenter/${replacedId}`);
    await page.getByText("Erstattet af").waitFor();
    await page.goto(`${server.url}/offentlig/dokumenter/${reopenedId}`);
    await page.getByText(/Referatet er genåbnet/).waitFor();
    expect(await violations()).toEqual([]);
    // The server-rendered pages are styled: their <style> element passed by its hash.
    const margin = await page.evaluate(() => getComputedStyle(document.body).margin);
    expect(margin).toBe("0px");
    await context.close();
  });

  for (const email of ROLES) {
    it(`every app page as ${email}`, async () => {
      allowRefusedRequests();
      const { context, page } = await signInTo(browser, server.url, email);
      const violations = await watch(context, page);
      for (const path of APP_PAGES) {
        await page.goto(`${server.url}${path}`);
        await settle(page);
        expect(await violations(), `${email} ${path}`).toEqual([]);
      }
      await context.close();
    });
  }

  it("two people co-writing the minutes: remote carets and selections, no violation", async () => {
    // demo-2-2's Beslutning opens with a bullet list. When its editor mounts over a document
    // that already has content (here: the local copy after the reload), y-tiptap's first render
    // carries the empty editor's caret position (1) into the new document, where it falls
    // inside the list, and ProseMirror warns before y-tiptap's selection is replaced. Whether
    // the mount comes first depends on timing (chunks loaded on demand change it); nothing is
    // lost or shown wrong. Not a CSP matter: the violations are checked below.
    expectConsole(
      /TextSelection endpoint not pointing into a node with inline content \(bulletList\)/,
      "y-tiptap's first render of a Beslutning that opens with a list (see above)",
    );
    const path = `${MEETING}/referat`;
    const people = await Promise.all(
      ["sekretariat@demo.dk", "formand@demo.dk"].map((email) =>
        signInTo(browser, server.url, email, path),
      ),
    );
    const watchers = await Promise.all(people.map(({ context, page }) => watch(context, page)));
    for (const { page } of people) {
      await page.reload();
      await settle(page);
    }
    const [writer, reader] = people.map((person) => person.page) as [Page, Page];
    const editor = beslutningEditor(writer, DEMO_ITEM_ID);
    await writer.waitForFunction(
      (id) =>
        document
          .querySelector(`.beslutning-body[data-item-id="${id}"]`)
          ?.getAttribute("contenteditable") === "true",
      DEMO_ITEM_ID,
    );
    await editor.click();
    await writer.keyboard.type("Skrevet under CSP.");
    await writer.keyboard.down("Shift");
    for (let i = 0; i < 5; i++) await writer.keyboard.press("ArrowLeft");
    await writer.keyboard.up("Shift");
    await waitForBeslutning(reader, DEMO_ITEM_ID, /Skrevet under CSP\./);
    await reader.waitForSelector(".collaboration-carets__caret");
    await reader.waitForSelector(".ProseMirror-yjs-selection");
    for (const [index, violations] of watchers.entries()) {
      expect(await violations(), `person ${index}`).toEqual([]);
    }
    for (const { context } of people) await context.close();
  });
});
