import type { Browser, Page, WebSocketRoute } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fieldText } from "./helpers/fieldText";
import { approveItem } from "./helpers/itemSteps";
import { expectNetworkGone } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage, waitForEditor } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const OFFLINE = "Offline – ændringer gemmes lokalt";

/** The status indicator lies fully inside the viewport. */
async function statusInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const box = document.querySelector(".save-status")?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

describe("a save status that tells the truth", () => {
  let server: TestServer;
  let browser: Browser;

  // Fresh for every attempt: these tests change the item's text and status.
  beforeEach(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("says offline within three seconds when the network goes, stays in view while writing, and saves after", async () => {
    const { page, context } = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    await expect.poll(() => saveStatusText(page)).toBe("Forbundet");

    expectNetworkGone();
    await context.setOffline(true);
    await expect.poll(() => saveStatusText(page), { timeout: 3_000 }).toBe(OFFLINE);

    // Writing a long text offline: the status stays in view as the text scrolls.
    await placeCaret(page, "sagsfremstilling", "end");
    for (let line = 1; line <= 25; line++) {
      await page.keyboard.press("Enter");
      await page.keyboard.type(`Linje ${line} skrevet uden net.`);
    }
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    expect(await statusInView(page)).toBe(true);
    expect(await saveStatusText(page)).toBe(OFFLINE);

    await context.setOffline(false);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");
    expect(await statusInView(page)).toBe(true);
    const other = await openItemPage(browser, server.url, "direktoer@demo.dk");
    expect(await fieldText(other.page, "sagsfremstilling")).toContain("Linje 25 skrevet uden net.");
    await other.context.close();
    await context.close();
  });

  it("says offline within three seconds when the connection goes silent without the browser noticing", async () => {
    // The item's websocket goes through the test, which can stop passing messages on — a
    // network that is gone without the browser going offline.
    let silent = false;
    const routes: WebSocketRoute[] = [];
    const { page, context } = await openItemPage(
      browser,
      server.url,
      "sagsbehandler@demo.dk",
      undefined,
      {
        prepare: (opened) =>
          opened.routeWebSocket(/\/sync\/item:/, (ws) => {
            routes.push(ws);
            const upstream = ws.connectToServer();
            ws.onMessage((message) => {
              if (!silent) upstream.send(message);
            });
            upstream.onMessage((message) => {
              if (!silent) ws.send(message);
            });
          }),
      },
    );
    await expect.poll(() => saveStatusText(page)).toBe("Forbundet");

    silent = true;
    await expect.poll(() => saveStatusText(page), { timeout: 3_500 }).toBe(OFFLINE);
    // It keeps trying, and a new socket that opens and then hears nothing is still offline:
    // through at least one more attempt the status never says anything else.
    const seen = new Set<string>();
    const watchedFrom = routes.length;
    const until = Date.now() + 15_000;
    while (routes.length < watchedFrom + 2 && Date.now() < until) {
      seen.add(await saveStatusText(page));
      await page.waitForTimeout(50);
    }
    expect(routes.length).toBeGreaterThanOrEqual(watchedFrom + 2);
    expect([...seen]).toEqual([OFFLINE]);
    // Once messages flow again, it is connected again.
    silent = false;
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Forbundet");
    await context.close();
  });

  it("announces text refused at approval, keeps it to copy, never says saved, and does not bring it back after a reload", async () => {
    const { page, context } = await openItemPage(browser, server.url, "sekretariat@demo.dk");
    await expect.poll(() => saveStatusText(page)).toBe("Forbundet");
    const before = await fieldText(page, "indstilling");

    // Written while the chair approves: offline here, so it reaches the server after.
    expectNetworkGone();
    await context.setOffline(true);
    await expect.poll(() => saveStatusText(page), { timeout: 3_000 }).toBe(OFFLINE);
    await placeCaret(page, "indstilling", "end");
    const late = " Skrevet mens formanden godkendte.";
    await page.keyboard.type(late);
    await expect.poll(() => fieldText(page, "indstilling")).toBe(before + late);
    await approveItem(browser, server.url);
    await context.setOffline(false);

    // Told at once, with the text to copy; the editor shows the approved text.
    const alert = page.getByRole("alert").filter({ hasText: "Ikke gemt" });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain("godkendt");
    expect(await alert.getByRole("textbox").inputValue()).toContain(late.trim());
    await expect.poll(() => fieldText(page, "indstilling"), { timeout: 15_000 }).toBe(before);
    expect(await saveStatusText(page)).toBe("Ikke gemt");

    // Nobody else has it, and a reload (same browser, same local storage) does not bring it
    // back.
    const chair = await openItemPage(browser, server.url, "formand@demo.dk");
    expect(await fieldText(chair.page, "indstilling")).toBe(before);
    await chair.context.close();
    await page.reload();
    await waitForEditor(page);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Forbundet");
    expect(await fieldText(page, "indstilling")).toBe(before);
    await context.close();
  });

  it("tells a director whose page was made editable that their text is not saved, instead of 'Forbundet'", async () => {
    const { page, context } = await openItemPage(browser, server.url, "direktoer@demo.dk");
    await expect.poll(() => saveStatusText(page)).toBe("Forbundet");
    const before = await fieldText(page, "indstilling");
    // As someone might with the browser's developer tools.
    await page.evaluate(() => {
      type WithEditor = HTMLElement & { editor?: { setEditable(editable: boolean): void } };
      document.querySelector<WithEditor>(".ProseMirror")?.editor?.setEditable(true);
    });
    await placeCaret(page, "indstilling", "end");
    // One edit (as a paste or an input method gives it): all of it reaches the server at once.
    await page.keyboard.insertText(" Direktørens rettelse.");

    const alert = page.getByRole("alert").filter({ hasText: "Ikke gemt" });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.getByRole("textbox").inputValue()).toContain("Direktørens rettelse.");
    await expect.poll(() => fieldText(page, "indstilling"), { timeout: 15_000 }).toBe(before);
    expect(await saveStatusText(page)).toBe("Ikke gemt");
    await context.close();
  });
});
