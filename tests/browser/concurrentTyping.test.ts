import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldText } from "./helpers/fieldText";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

describe("two people co-writing Sagsfremstilling", () => {
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

  it("ends identical on both pages with both people's text", async () => {
    const url = server.url;
    const mads = await openItemPage(browser, url, "sagsbehandler@demo.dk");
    const signe = await openItemPage(browser, url, "sekretariat@demo.dk");
    const madsText = "Mads tilføjer en sætning om økonomien.";
    const signeText = "Signe noterer at sagen er drøftet i KKR.";

    // Each starts in Sagsfremstilling: one at its start, one at its end (the doc's end).
    await placeCaret(mads.page, "sagsfremstilling", "start");
    await placeCaret(signe.page, "sagsfremstilling", "end");

    await Promise.all([
      mads.page.keyboard.type(madsText, { delay: 15 }),
      signe.page.keyboard.type(signeText, { delay: 15 }),
    ]);

    await expect
      .poll(
        async () => {
          const [a, b] = await Promise.all([
            fieldText(mads.page, "sagsfremstilling"),
            fieldText(signe.page, "sagsfremstilling"),
          ]);
          return a === b && a.includes(madsText) && a.includes(signeText);
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    const [a, b] = await Promise.all([
      fieldText(mads.page, "sagsfremstilling"),
      fieldText(signe.page, "sagsfremstilling"),
    ]);
    expect(a).toBe(b);
    expect(a.startsWith(madsText)).toBe(true);
    expect(a.endsWith(signeText)).toBe(true);

    await mads.context.close();
    await signe.context.close();
  });
});
