import type { Browser } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fieldText } from "./helpers/fieldText";
import { expectServerDown } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const OFFLINE = "Offline – ændringer gemmes lokalt";

describe("editing while the server is down", () => {
  let server: TestServer;
  let browser: Browser;

  // A fresh server and browser for every attempt: a retried attempt must not find the text the
  // failed one left in the document (or a server the failed one left stopped).
  beforeEach(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("keeps typing offline and brings the text to the other page after a restart", async () => {
    const mads = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    const signe = await openItemPage(browser, server.url, "sekretariat@demo.dk");
    await expect.poll(() => saveStatusText(mads.page)).toBe("Forbundet");

    expectServerDown();
    await server.stop();
    await expect.poll(() => saveStatusText(mads.page), { timeout: 15_000 }).toBe(OFFLINE);
    await expect.poll(() => saveStatusText(signe.page), { timeout: 15_000 }).toBe(OFFLINE);

    // A shutdown is transient (1012): no error, and the text stays editable.
    expect(await mads.page.getByRole("alert").count()).toBe(0);
    expect(await mads.page.locator('.item-body[contenteditable="true"]').count()).toBe(1);

    const offlineText = "Skrevet uden forbindelse til serveren.";
    await placeCaret(mads.page, "sagsfremstilling", "end");
    await mads.page.keyboard.press("Enter");
    await mads.page.keyboard.type(offlineText);
    await expect.poll(() => fieldText(mads.page, "sagsfremstilling")).toContain(offlineText);
    expect(await saveStatusText(mads.page)).toBe(OFFLINE);
    expect(await fieldText(signe.page, "sagsfremstilling")).not.toContain(offlineText);

    await server.restart();
    await expect
      .poll(() => fieldText(signe.page, "sagsfremstilling"), { timeout: 30_000 })
      .toContain(offlineText);
    await expect.poll(() => saveStatusText(mads.page), { timeout: 15_000 }).toBe("Gemt");
    await expect.poll(() => saveStatusText(signe.page), { timeout: 15_000 }).toBe("Forbundet");
    expect(await fieldText(signe.page, "sagsfremstilling")).toBe(
      await fieldText(mads.page, "sagsfremstilling"),
    );

    await mads.context.close();
    await signe.context.close();
  });
});
