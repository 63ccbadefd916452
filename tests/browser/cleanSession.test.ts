import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldText } from "./helpers/fieldText";
import { expectNetworkGone } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { agendaRow, DEMO_MEETING_ID, signInTo } from "./helpers/meetingPages";
import { DEMO_ITEM_ID, waitForEditor } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const OFFLINE = "Offline – ændringer gemmes lokalt";

/**
 * A normal working session, start to end. Every browser test fails on a console error or
 * warning it does not expect (tests/browser/helpers/consoleGuard.ts); this one expects none at
 * all: not before the login, not from opening several editors, not while offline.
 */
describe("a normal session", () => {
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

  it("logs nothing: login, several items, writing, a while offline, and a restore that adds one version", async () => {
    // The login page comes first (the app asks the server nothing while nobody is signed in).
    const { page, context } = await signInTo(
      browser,
      server.url,
      "sekretariat@demo.dk",
      `/moeder/${DEMO_MEETING_ID}`,
    );

    // Several items open one after the other, in the pane and on their own page.
    for (const title of [
      "Siden sidst",
      "Godkendelse af referat fra mødet i KKR Syddanmark d. 17. juni 2025",
    ]) {
      await agendaRow(page, title).locator(".agenda-item-link").click();
      await page
        .locator(".item-pane [data-access]:not([data-access='unknown']) .item-body")
        .waitFor();
    }
    await page.goto(`${server.url}/items/${DEMO_ITEM_ID}`);
    await waitForEditor(page);

    // A named version, then writing.
    await page.getByRole("tab", { name: "Historik" }).click();
    await page.getByLabel("Gem den nuværende tekst som en version").fill("Udgangspunkt");
    await page.getByRole("button", { name: "Gem version" }).click();
    const named = page.locator(".version", { hasText: "Udgangspunkt" });
    await named.waitFor();
    await placeCaret(page, "indstilling", "end");
    await page.keyboard.type(" Første tilføjelse.");
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");

    // A while offline: writing goes on, and nothing is logged.
    expectNetworkGone();
    await context.setOffline(true);
    await expect.poll(() => saveStatusText(page), { timeout: 5_000 }).toBe(OFFLINE);
    await page.keyboard.type(" Skrevet offline.");
    await page.getByRole("tab", { name: "Ændringer" }).click();
    await page.getByRole("tab", { name: "Historik" }).click();
    // Offline for as long as the stock provider (2.5 s at most between attempts) would have
    // tried to reconnect twice — each attempt a console error — before going online again.
    const since = await page.evaluate(() => Date.now());
    await page.waitForFunction((start) => Date.now() - start > 5_000, since, { timeout: 10_000 });
    await context.setOffline(false);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");

    // Restoring the named version adds one entry to the list, and the text is as it was.
    const entries = await page.locator(".version").count();
    await named.getByRole("button", { name: /Gendan/ }).click();
    await page
      .getByRole("dialog", { name: "Gendan version" })
      .getByRole("button", { name: "Gendan" })
      .click();
    await expect
      .poll(() => fieldText(page, "indstilling"), { timeout: 10_000 })
      .not.toContain("Første tilføjelse.");
    await expect.poll(() => page.locator(".version").count()).toBe(entries + 1);
    await context.close();
  });
});
