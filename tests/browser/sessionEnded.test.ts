/**
 * A session that ends while a page is open (issue #13): the page tells the person "Du er logget
 * ud", keeps what they typed in the browser, and after they log in again the text reaches the
 * server.
 */
import Database from "better-sqlite3";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectServerDown } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { fieldText } from "./helpers/fieldText";
import { DEMO_ITEM_ID, openItemPage, waitForEditor } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const OFFLINE = "Offline – ændringer gemmes lokalt";
const ITEM_PATH = `/items/${DEMO_ITEM_ID}`;

async function logInAgain(page: Page, baseUrl: string): Promise<void> {
  await page.getByText("Du er logget ud.", { exact: false }).waitFor();
  await page.getByLabel("E-mail").fill("sagsbehandler@demo.dk");
  await page.getByLabel("Adgangskode").fill("demo");
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForURL(`${baseUrl}${ITEM_PATH}`);
  await waitForEditor(page);
}

describe("a session that ends under an open page", () => {
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

  it("logout in another tab closes this tab's connection at once and says 'Du er logget ud'", async () => {
    const { page, context } = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    await expect.poll(() => saveStatusText(page)).toBe("Forbundet");
    const otherTab = await context.newPage();
    await otherTab.goto(`${server.url}/`);
    await otherTab.getByRole("button", { name: "Log ud" }).click();
    await otherTab.waitForURL(`${server.url}/login`);
    // The open tab hears 4419 from the sync server, not on its next request.
    await page.waitForURL(`${server.url}/login?next=${encodeURIComponent(ITEM_PATH)}`);
    await logInAgain(page, server.url);
    await context.close();
  });

  it("keeps text typed offline through the logout and saves it after the new login", async () => {
    const mads = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    const signe = await openItemPage(browser, server.url, "sekretariat@demo.dk");
    await expect.poll(() => saveStatusText(mads.page)).toBe("Forbundet");

    expectServerDown();
    await server.stop();
    await expect.poll(() => saveStatusText(mads.page), { timeout: 15_000 }).toBe(OFFLINE);
    const offlineText = "Skrevet, mens sessionen udløb.";
    await placeCaret(mads.page, "sagsfremstilling", "end");
    await mads.page.keyboard.press("Enter");
    await mads.page.keyboard.type(offlineText);
    await expect.poll(() => fieldText(mads.page, "sagsfremstilling")).toContain(offlineText);

    // Meanwhile the case officer's sessions end on the server (expired, or ended elsewhere).
    const db = new Database(path.join(server.dataDir, "dagsorden.sqlite"));
    db.prepare("DELETE FROM sessions WHERE user_id = 'u-sagsbehandler'").run();
    db.close();
    await server.restart();

    await mads.page.waitForURL(`${server.url}/login?next=${encodeURIComponent(ITEM_PATH)}`, {
      timeout: 30_000,
    });
    await logInAgain(mads.page, server.url);
    await expect
      .poll(() => fieldText(signe.page, "sagsfremstilling"), { timeout: 30_000 })
      .toContain(offlineText);
    await expect.poll(() => saveStatusText(mads.page), { timeout: 15_000 }).toBe("Gemt");

    await mads.context.close();
    await signe.context.close();
  });
});
