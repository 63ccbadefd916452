import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./helpers/apiAs";
import { fieldText } from "./helpers/fieldText";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_ITEM_ID, openItemPage } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { placeCaretAt } from "./helpers/placeCaretAt";
import { selectText } from "./helpers/selectText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const DELETED = "ambassadør";
const ANCHOR = "opmand";
const INSERTED = " samt talsperson";
const OFFICER_TEXT = " Sagsbehandleren tilføjer en sætning.";
const REASON = "Talsperson er den betegnelse, regionen bruger.";

/** The suggestions the page shows in Sagsfremstilling: kind, text and author's tooltip. */
async function shownSuggestions(page: Page) {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll('.item-body section[data-field="sagsfremstilling"] .suggestion'),
    ].map((element) => ({
      kind: element.tagName.toLowerCase(),
      text: element.textContent,
      title: element.getAttribute("title") ?? "",
    })),
  );
}

describe("suggest mode in the browser", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const arrange = await apiAs(browser, server.url, "sagsbehandler@demo.dk");
    await arrange.post(`/api/items/${DEMO_ITEM_ID}/transitions`, { transition: "sendToReview" });
    await arrange.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("the director suggests while the officer types; the officer accepts one and rejects the other; every page ends with the same text and the history says who did what", async () => {
    const director = await openItemPage(browser, server.url, "direktoer@demo.dk");
    const officer = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    const secretariat = await openItemPage(browser, server.url, "sekretariat@demo.dk");
    const pages = [director.page, officer.page, secretariat.page];

    // The director may only suggest: the mode is on and cannot be left.
    await director.page.getByText("du kan foreslå ændringer", { exact: false }).waitFor();
    expect(await director.page.getByRole("button", { name: "Foreslå ændringer" }).count()).toBe(0);

    // The director strikes a word and inserts text, while the officer types at the field's end.
    await placeCaret(officer.page, "sagsfremstilling", "end");
    await selectText(director.page, "sagsfremstilling", DELETED);
    await director.page.keyboard.press("Backspace");
    await placeCaretAt(director.page, "sagsfremstilling", ANCHOR, ANCHOR.length);
    await Promise.all([
      director.page.keyboard.type(INSERTED, { delay: 20 }),
      officer.page.keyboard.type(OFFICER_TEXT, { delay: 20 }),
    ]);

    // Every page shows both suggestions live, with who suggested them, and the officer's text.
    for (const page of pages) {
      await expect
        .poll(
          async () => ({
            suggestions: (await shownSuggestions(page)).map(({ kind, text }) => ({ kind, text })),
            officer: (await fieldText(page, "sagsfremstilling")).includes(OFFICER_TEXT.trim()),
          }),
          { timeout: 15_000 },
        )
        .toEqual({
          suggestions: [
            { kind: "ins", text: INSERTED },
            { kind: "del", text: DELETED },
          ],
          officer: true,
        });
    }
    const tooltips = (await shownSuggestions(officer.page)).map((s) => s.title);
    expect(tooltips[0]).toMatch(/^Foreslået indsat af Dorthe Krogh, /);
    expect(tooltips[1]).toMatch(/^Foreslået slettet af Dorthe Krogh, /);
    // The officer's own typing is not a suggestion.
    expect(await fieldText(officer.page, "sagsfremstilling")).toContain(OFFICER_TEXT.trim());

    // The director explains the insertion in a comment thread on it.
    await director.page.getByRole("tab", { name: /Forslag/ }).click();
    await director.page
      .locator(".suggestion-card")
      .filter({ has: director.page.locator("ins", { hasText: INSERTED.trim() }) })
      .getByRole("button", { name: "Kommentér forslaget fra Dorthe Krogh" })
      .click();
    await director.page.getByLabel("Ny kommentar").fill(REASON);
    await director.page.getByRole("button", { name: "Gem kommentar" }).click();
    await director.page.locator(".comment-thread", { hasText: REASON }).waitFor();

    // The officer reviews them in "Forslag", in text order, and decides each; the thread is on
    // the insertion's card, and leads to the comment.
    await officer.page.getByRole("tab", { name: /Forslag/ }).click();
    const cards = officer.page.locator(".suggestion-card");
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(2);
    const insertionCard = cards.filter({
      has: officer.page.locator("ins", { hasText: INSERTED.trim() }),
    });
    await insertionCard
      .getByRole("list", { name: "Kommentarer til forslaget fra Dorthe Krogh" })
      .getByText(REASON)
      .waitFor({ timeout: 10_000 });
    expect(
      await cards
        .filter({ has: officer.page.locator("del", { hasText: DELETED }) })
        .getByText(REASON)
        .count(),
    ).toBe(0);
    await insertionCard.getByRole("button", { name: "Vis tråden" }).click();
    await officer.page.locator(".comment-thread", { hasText: REASON }).waitFor();
    await officer.page.getByRole("tab", { name: /Forslag/ }).click();
    expect(await cards.nth(0).textContent()).toContain("Dorthe Krogh");
    expect(await cards.nth(0).textContent()).toContain("Sagsfremstilling");
    await cards
      .filter({ has: officer.page.locator("ins", { hasText: INSERTED.trim() }) })
      .getByRole("button", { name: "Acceptér forslaget fra Dorthe Krogh" })
      .click();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(1);
    await cards
      .filter({ has: officer.page.locator("del", { hasText: DELETED }) })
      .getByRole("button", { name: "Afvis forslaget fra Dorthe Krogh" })
      .click();
    await officer.page.getByText("Der er ingen åbne forslag.").waitFor();

    // The same text on every page: the insertion kept, the struck word back, no marks left.
    await expect
      .poll(
        async () => {
          const texts = await Promise.all(pages.map((page) => fieldText(page, "sagsfremstilling")));
          const marks = await Promise.all(pages.map((page) => shownSuggestions(page)));
          return texts.every((t) => t === texts[0]) && marks.every((m) => m.length === 0);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const final = await fieldText(director.page, "sagsfremstilling");
    expect(final).toContain(`${ANCHOR}${INSERTED} og ${DELETED}`);
    expect(final).toContain(OFFICER_TEXT.trim());

    // The history says who suggested and who decided.
    await officer.page.getByRole("tab", { name: "Historik" }).click();
    await officer.page
      .locator(".version-name", {
        hasText: "Forslag fra Dorthe Krogh accepteret af Mads Lauridsen",
      })
      .waitFor();
    await officer.page
      .locator(".version-name", { hasText: "Forslag fra Dorthe Krogh afvist af Mads Lauridsen" })
      .waitFor();

    await Promise.all([director, officer, secretariat].map(({ context }) => context.close()));
  });
});
