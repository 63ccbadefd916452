import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ITEM_FIELDS } from "../../shared/editor";
import { fieldHeadings } from "./helpers/fieldHeadings";
import { expectConsole, expectServerDown } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_ITEM_ID, openItemPage, waitForEditor } from "./helpers/openItemPage";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

describe("a local copy the server refuses", () => {
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

  it("is explained and can be discarded, after which the server's body loads", async () => {
    const { page, context } = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    // The server's data is reset: the item has the same name but is a new document, so the
    // browser's IndexedDB copy merges into a body with six fields, which the server refuses.
    expectServerDown();
    expectConsole(
      /status of 401 \(Unauthorized\) \(.*\/api\/me/,
      "the server's data is reset: the browser's session is unknown to it, so it asks for a login",
    );
    expectConsole(
      /Caught error while handling a Yjs update RangeError/,
      "the stale local copy merges into a body the schema refuses; the editor binding reports it before the page explains",
    );
    await server.stop();
    await server.restart({ freshData: true });
    await page.reload();
    await page.getByLabel("E-mail").fill("sagsbehandler@demo.dk");
    await page.getByLabel("Adgangskode").fill("demo");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(`${server.url}/items/${DEMO_ITEM_ID}`);

    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Serveren afviste en ændring");
    await page.getByRole("button", { name: "Kassér lokal kopi og genindlæs" }).click();

    await page.waitForLoadState("load");
    await waitForEditor(page);
    expect(await fieldHeadings(page)).toEqual(ITEM_FIELDS.map((field) => field.label));
    await expect.poll(() => saveStatusText(page)).toBe("Forbundet");
    expect(await page.getByRole("alert").count()).toBe(0);
    await context.close();
  });
});
