import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldText } from "./helpers/fieldText";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

describe("the save status indicator", () => {
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

  it('says "Forbundet", then "Gemt" after typing, and "Gemt" means stored', async () => {
    const { page, context } = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    await expect.poll(() => saveStatusText(page)).toBe("Forbundet");
    const status = page.getByRole("status");
    expect(await status.getAttribute("aria-live")).toBe("polite");

    const text = "Tekst der skal gemmes.";
    await placeCaret(page, "indstilling", "end");
    await page.keyboard.type(` ${text}`);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");
    await context.close();

    // "Gemt" is a promise about the server's storage: a new server on the same data, and a
    // person who never saw the edit, must find it.
    await server.stop();
    await server.restart();
    const other = await openItemPage(browser, server.url, "direktoer@demo.dk");
    expect(await fieldText(other.page, "indstilling")).toContain(text);
    await other.context.close();
  });
});
