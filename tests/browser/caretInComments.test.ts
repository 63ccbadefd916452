import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldText } from "./helpers/fieldText";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { selectText } from "./helpers/selectText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";
import { waitForSettledSelection } from "./helpers/waitForSettledSelection";

const FIRST =
  "KL har samlet en kort status på efterårets milepæle i arbejdet med sundhedsreformen.";
const SECOND = "De nye sundhedsråd forventes at spille en central rolle i sundhedsreformen";

/** The viewport point at the left edge of a highlighted sentence's character `index`. */
async function characterPoint(
  page: Page,
  sentence: string,
  index: number,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ wanted, at }) => {
      const mark = [...document.querySelectorAll<HTMLElement>(".item-body .comment-mark")].find(
        (element) => element.textContent === wanted,
      );
      if (!mark) throw new Error("the commented sentence is not highlighted");
      const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
      let left = at;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (left >= length) {
          left -= length;
          continue;
        }
        const range = document.createRange();
        range.setStart(node, left);
        range.setEnd(node, left + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left + 1, y: box.top + box.height / 2 };
      }
      throw new Error(`no character ${at}`);
    },
    { wanted: sentence, at: index },
  );
}

describe("clicking inside commented text", () => {
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

  it("puts the caret where the person clicked, so typed text lands there, every time", async () => {
    // The director comments on two sentences of Baggrund.
    const director = await openItemPage(browser, server.url, "direktoer@demo.dk");
    for (const sentence of [FIRST, SECOND]) {
      await selectText(director.page, "baggrund", sentence);
      await director.page.getByRole("button", { name: "Kommentér markeret tekst" }).click();
      await director.page.getByRole("combobox", { name: "Ny kommentar" }).fill("Kilde?");
      await director.page.getByRole("button", { name: "Gem kommentar" }).click();
      await director.page.locator(".item-body .comment-mark", { hasText: sentence }).waitFor();
    }
    await director.context.close();

    // The officer clicks six times inside the highlights, alternating between the two threads
    // (each click brings its thread into focus), and types a letter after each click, then
    // takes it out again so every click finds the sentences as they were.
    const { page, context } = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    await expect.poll(() => page.locator(".item-body .comment-mark").count()).toBe(2);
    const clicks: [string, number][] = [
      [FIRST, 3],
      [SECOND, 12],
      [FIRST, 29],
      [SECOND, 40],
      [FIRST, 58],
      [SECOND, 66],
    ];
    for (const [sentence, index] of clicks) {
      const point = await characterPoint(page, sentence, index);
      await page.mouse.click(point.x, point.y);
      await waitForSettledSelection(page);
      await page.keyboard.type("§");
      const marked = `${sentence.slice(0, index)}§${sentence.slice(index)}`;
      await expect.poll(() => fieldText(page, "baggrund")).toContain(marked);
      await page.keyboard.press("Backspace");
      await expect.poll(() => fieldText(page, "baggrund")).toContain(sentence);
    }
    await context.close();
  });
});
