import type { Browser, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { placeCaret, waitForCaret } from "./helpers/placeCaret";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);
}

/** Moves through the toolbar with the arrow keys until the named button has focus. */
async function arrowTo(page: Page, label: string, key: "ArrowRight" | "ArrowLeft") {
  for (let i = 0; i < 20 && (await focusedLabel(page)) !== label; i++) {
    await page.keyboard.press(key);
  }
  expect(await focusedLabel(page)).toBe(label);
}

describe("the formatting toolbar by keyboard", () => {
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

  it("makes text bold and a bullet list without the mouse", async () => {
    const { page, context } = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    const toolbar = page.getByRole("toolbar", { name: "Formatering" });
    const bold = toolbar.getByRole("button", { name: "Fed" });
    const bullets = toolbar.getByRole("button", { name: "Punktopstilling" });
    expect(await bold.getAttribute("aria-pressed")).toBe("false");

    await placeCaret(page, "sagsfremstilling", "end");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Vigtig pointe");
    await page.keyboard.press("Shift+Home");

    // Alt+F10 goes from the text into the toolbar; arrows move; Enter activates.
    await page.keyboard.press("Alt+F10");
    expect(
      await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null),
    ).toBe(true);
    await arrowTo(page, "Fed", "ArrowRight");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator(".item-body strong", { hasText: "Vigtig pointe" }).count())
      .toBe(1);
    expect(await bold.getAttribute("aria-pressed")).toBe("true");

    // Focus went back to the text; Shift+Tab reaches the toolbar's single tab stop (the button
    // used last), and Space activates.
    await waitForCaret(page, "sagsfremstilling");
    await page.keyboard.press("Shift+Tab");
    expect(await focusedLabel(page)).toBe("Fed");
    await arrowTo(page, "Punktopstilling", "ArrowLeft");
    await page.keyboard.press("Space");
    await expect
      .poll(() => page.locator(".item-body ul > li", { hasText: "Vigtig pointe" }).count())
      .toBe(1);
    expect(await bullets.getAttribute("aria-pressed")).toBe("true");

    // Escape in the toolbar returns to the text, where typing continues in the list item.
    // (Inside a list Shift+Tab outdents, so Alt+F10 is the way to the toolbar there.)
    await waitForCaret(page, "sagsfremstilling");
    await page.keyboard.press("Alt+F10");
    expect(await focusedLabel(page)).toBe("Punktopstilling");
    await page.keyboard.press("Escape");
    await waitForCaret(page, "sagsfremstilling");
    await page.keyboard.press("End");
    await page.keyboard.type(" og mere");
    await expect
      .poll(() => page.locator(".item-body ul > li", { hasText: "Vigtig pointe og mere" }).count())
      .toBe(1);
    await context.close();
  });
});
