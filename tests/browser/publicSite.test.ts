import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { publishAccepting, stepMeeting } from "../integration/helpers/meetingSteps";
import { siteSettings } from "../../server/publicSite/SiteSettings";
import { login } from "../integration/helpers/session";
import type { TestServer } from "../integration/helpers/testServer";
import { startTestServer } from "../integration/helpers/testServer";
import { axeViolations } from "./helpers/axeViolations";
import { launchBrowser } from "./helpers/launchBrowser";

const MEETING_PATH = `/offentlig/${DEMO_COMMITTEE_ID}/2025-09-03`;
const BILAG = "Notat om sundhedsreformen.txt";

/**
 * The public site in real Chromium: axe-clean, and a citizen's whole way through it — committee,
 * meeting, an item's anchor, a bilag's download, a search — with JavaScript turned off.
 */
describe("the public site in real Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({
      // A light brand colour: the site darkens it until it keeps AA contrast.
      site: siteSettings("Syddanske Kommune", "#3a9ad9"),
    });
    browser = await launchBrowser();
    const secretariat = await login(server.url, "sekretariat@demo.dk");
    const uploaded = await fetch(
      `${server.url}/api/items/demo-2-1/attachments?filename=${encodeURIComponent(BILAG)}`,
      {
        method: "POST",
        headers: {
          cookie: secretariat.cookie,
          "x-csrf-token": secretariat.csrfToken,
          "content-type": "application/octet-stream",
        },
        body: new TextEncoder().encode("Sundhedsreformen i korte træk."),
      },
    );
    expect(uploaded.status).toBe(201);
    await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "updateItem",
      itemId: "demo-2-3",
      closed: true,
    });
    await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda");
    expect((await publishAccepting(secretariat, DEMO_MEETING_ID, "dagsorden")).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("has no axe-core violations on the front, committee, meeting and search pages", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of [
      "/offentlig",
      `/offentlig/${DEMO_COMMITTEE_ID}`,
      MEETING_PATH,
      `${MEETING_PATH}#punkt-2-1`,
      "/offentlig/soeg",
      "/offentlig/soeg?q=sundhedsreformen",
      "/offentlig/soeg?q=ingenting",
    ]) {
      await page.goto(`${server.url}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    // The municipality's name is in every header.
    expect(await page.locator("header").textContent()).toContain("Syddanske Kommune");
    await context.close();
  });

  it("works with JavaScript disabled: committee → meeting → item → bilag → search", async () => {
    const context: BrowserContext = await browser.newContext({
      javaScriptEnabled: false,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/offentlig`);
    await page.getByRole("link", { name: "KKR Syddanmark", exact: true }).click();
    await page.waitForURL(`${server.url}/offentlig/${DEMO_COMMITTEE_ID}`);

    await page.getByRole("link", { name: "3. september 2025 – Møde i KKR Syddanmark" }).click();
    await page.waitForURL(`${server.url}${MEETING_PATH}`);
    const toc = page.getByRole("navigation", { name: /Punkter/ });
    await toc.getByRole("link", { name: /^2\.1\. Temadrøftelse om sundhedsreformen/ }).click();
    await page.waitForURL(`${server.url}${MEETING_PATH}#punkt-2-1`);
    const item = page.locator("#punkt-2-1");
    expect(await item.getByRole("heading", { level: 3 }).textContent()).toMatch(/^2\.1\. /);
    // The closed item is there by its title, marked, with nothing else.
    expect(await page.locator("#punkt-2-3").textContent()).toContain("Lukket punkt");
    expect(await page.locator("#punkt-2-3 h4").count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      item.getByRole("link", { name: BILAG }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(BILAG);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString("utf8")).toBe("Sundhedsreformen i korte træk.");

    await page
      .getByRole("searchbox", { name: "Søg i dagsordener og referater" })
      .fill("sundhedsreform");
    await page.getByRole("button", { name: "Søg" }).click();
    await page.waitForURL(/\/offentlig\/soeg\?q=sundhedsreform/);
    const results = page.getByRole("list", { name: "Resultater" });
    await results.getByRole("link", { name: /^2\.1\. Temadrøftelse/ }).click();
    await page.waitForURL(`${server.url}${MEETING_PATH}#punkt-2-1`);
    await context.close();
  });
});
