import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldText } from "./helpers/fieldText";
import { expectNetworkGone } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { placeCaretAt } from "./helpers/placeCaretAt";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const OFFLINE = "Offline – ændringer gemmes lokalt";

/** A small seeded generator (mulberry32), so a failing round can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A run of letters, bracketed so it can be found whole. Half its letters are the ones that
 * follow the insertion point: typing a letter the text continues with is where a
 * text-diffing binding can pick another insertion point than the caret.
 */
function run(next: () => number, open: string, close: string, following: string): string {
  const letters = `${following}abcdefghijklmnoprstuvæøå `;
  let body = "";
  const length = 6 + Math.floor(next() * 8);
  for (let i = 0; i < length; i++) {
    body +=
      next() < 0.5
        ? (following[Math.floor(next() * following.length)] ?? "e")
        : letters[Math.floor(next() * letters.length)];
  }
  return `${open}${body}${close}`;
}

describe("two people inserting at the same place, one of them offline", () => {
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

  it("keeps each person's run contiguous at several random places, whatever they type", async () => {
    const seed = 20250903;
    const next = random(seed);
    const offline = await openItemPage(browser, server.url, "sekretariat@demo.dk");
    const online = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    await expect.poll(() => saveStatusText(offline.page)).toBe("Forbundet");

    for (let round = 0; round < 5; round++) {
      const before = await fieldText(online.page, "indstilling");
      // A position inside a word, away from the field's edges.
      const words = [...before.matchAll(/\p{L}{5,}/gu)];
      const word = words[Math.floor(next() * words.length)]!;
      const inside = 1 + Math.floor(next() * (word[0].length - 2));
      const at = word.index + inside;
      const anchor = before.slice(word.index, word.index + word[0].length);
      const following = before.slice(at, at + 3);
      const offlineRun = run(next, "[", "]", following);
      const onlineRun = run(next, "<", ">", following);
      const context = `round ${round} (seed ${seed}): ${offlineRun} and ${onlineRun} at ${at} in «${anchor}»`;

      expectNetworkGone();
      await offline.context.setOffline(true);
      await expect.poll(() => saveStatusText(offline.page), { timeout: 5_000 }).toBe(OFFLINE);
      await placeCaretAt(offline.page, "indstilling", anchor, inside);
      await offline.page.keyboard.type(offlineRun);
      await placeCaretAt(online.page, "indstilling", anchor, inside);
      await online.page.keyboard.type(onlineRun);
      await expect.poll(() => saveStatusText(online.page), { timeout: 15_000 }).toBe("Gemt");
      await offline.context.setOffline(false);

      // Both pages converge on the text with both runs, each whole, at the place they chose.
      const either = [
        before.slice(0, at) + offlineRun + onlineRun + before.slice(at),
        before.slice(0, at) + onlineRun + offlineRun + before.slice(at),
      ];
      await expect
        .poll(
          async () => {
            const [a, b] = await Promise.all([
              fieldText(offline.page, "indstilling"),
              fieldText(online.page, "indstilling"),
            ]);
            return a === b && a.includes("]") && a.includes(">") ? a : `${a} ≠ ${b}`;
          },
          { timeout: 15_000, message: context },
        )
        .toSatisfy((text: string) => either.includes(text));
    }
    await offline.context.close();
    await online.context.close();
  });
});
