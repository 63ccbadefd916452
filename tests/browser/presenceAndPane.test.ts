import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/launchBrowser";
import { agendaRow, DEMO_MEETING_ID, signInTo } from "./helpers/meetingPages";
import { DEMO_ITEM_ID, openItemPage } from "./helpers/openItemPage";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const MEETING_PATH = `/moeder/${DEMO_MEETING_ID}`;
const ITEM_TITLE = "Temadrøftelse om sundhedsreformen og de kommende sundhedsråd v. Per Okkels";

/** Records the document of every websocket the page opens. */
function recordSockets(page: Page): string[] {
  const opened: string[] = [];
  page.on("websocket", (socket) => {
    opened.push(decodeURIComponent(new URL(socket.url()).pathname.replace(/^\/sync\//, "")));
  });
  return opened;
}

/** The initials the agenda shows on an item's row (who has it open). */
async function presentOn(page: Page, title: string): Promise<string[]> {
  return agendaRow(page, title).locator(".presence-initials").allTextContents();
}

describe("presence and the meeting page's item pane", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("shows on the agenda who is in each item, whether they work on the item page or in the meeting page's pane", async () => {
    const watcher = await signInTo(browser, server.url, "sekretariat@demo.dk", MEETING_PATH);
    await agendaRow(watcher.page, ITEM_TITLE).waitFor();

    // On the item page.
    const director = await openItemPage(browser, server.url, "direktoer@demo.dk");
    await expect
      .poll(() => presentOn(watcher.page, ITEM_TITLE), { timeout: 10_000 })
      .toEqual(["dok"]);

    // Then in the meeting page's pane, on another item: the agenda follows.
    await director.page.goto(`${server.url}${MEETING_PATH}/punkter/demo-2-2`);
    await expect
      .poll(() => presentOn(watcher.page, "Siden sidst"), { timeout: 10_000 })
      .toEqual(["dok"]);
    await expect.poll(() => presentOn(watcher.page, ITEM_TITLE), { timeout: 10_000 }).toEqual([]);

    // Leaving the meeting altogether: gone from the agenda.
    await director.page.goto(`${server.url}/`);
    await expect
      .poll(() => presentOn(watcher.page, "Siden sidst"), { timeout: 10_000 })
      .toEqual([]);
    await director.context.close();
    await watcher.context.close();
  });

  it("opens one websocket per document on a page", async () => {
    const EXPECTED_DOCUMENTS = [
      `comments:${DEMO_ITEM_ID}`,
      `item:${DEMO_ITEM_ID}`,
      `meeting:${DEMO_MEETING_ID}`,
      "user:u-direktoer",
    ];
    // The item page: the body, its comments, the meeting (live status and presence) and the
    // person's own notifications.
    const context = await browser.newContext();
    const page = await context.newPage();
    const opened = recordSockets(page);
    await page.goto(`${server.url}/items/${DEMO_ITEM_ID}`);
    await page.getByLabel("E-mail").fill("direktoer@demo.dk");
    await page.getByLabel("Adgangskode").fill("demo");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.locator(".item-body").waitFor();
    await page.getByRole("tab", { name: "Kommentarer" }).waitFor();
    await expect.poll(() => [...opened].sort()).toEqual(EXPECTED_DOCUMENTS);

    // The meeting page with the item open in its pane: the same four, once each.
    opened.length = 0;
    await page.goto(`${server.url}${MEETING_PATH}/punkter/${DEMO_ITEM_ID}`);
    await page.locator(".item-pane .item-body").waitFor();
    await expect.poll(() => [...opened].sort()).toEqual(EXPECTED_DOCUMENTS);
    await context.close();
  });

  it("gives the pane the review tools and who is here, and shows the text without scrolling at 1440×900 and 1280×720", async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
    ]) {
      const { page, context } = await signInTo(
        browser,
        server.url,
        "sekretariat@demo.dk",
        `${MEETING_PATH}/punkter/${DEMO_ITEM_ID}`,
      );
      await page.setViewportSize(viewport);
      const pane = page.locator(".item-pane");
      await pane.locator("[data-access]:not([data-access='unknown']) .item-body").waitFor();
      // The workflow state is known: everything above the text is in place.
      await pane.locator('.workflow-bar .status-badge:not([data-status="ukendt"])').waitFor();
      // Without scrolling, the text's first field heading and its first lines are in view.
      const geometry = await page.evaluate(() => {
        const heading = document.querySelector(".item-pane .item-body h2.field-heading");
        const paragraph = document.querySelector(".item-pane .item-body .field-body > p");
        return {
          scrolled: window.scrollY,
          height: window.innerHeight,
          headingBottom: heading?.getBoundingClientRect().bottom ?? Infinity,
          textTop: paragraph?.getBoundingClientRect().top ?? Infinity,
        };
      });
      const where = `${viewport.width}×${viewport.height}: ${JSON.stringify(geometry)}`;
      expect(geometry.scrolled, where).toBe(0);
      expect(geometry.headingBottom, where).toBeLessThan(geometry.height);
      // At least three lines of text below the heading.
      expect(geometry.textTop + 3 * 26, where).toBeLessThan(geometry.height);
      for (const tab of ["Kommentarer", "Historik", "Ændringer"]) {
        await pane.getByRole("tab", { name: tab }).waitFor();
      }
      await pane
        .getByRole("complementary", { name: "Deltagere" })
        .getByText("Signe Holm")
        .waitFor();

      await context.close();
    }
  });
});
