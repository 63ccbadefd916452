import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./helpers/apiAs";
import { axeViolations } from "./helpers/axeViolations";
import { fieldText } from "./helpers/fieldText";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_ITEM_ID, openItemPage } from "./helpers/openItemPage";
import { selectText } from "./helpers/selectText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const ITEM = `/api/items/${DEMO_ITEM_ID}`;
const SENTENCE =
  "KL har samlet en kort status på efterårets milepæle i arbejdet med sundhedsreformen.";

/** The text of the open (highlighted) comment marks in the editor. */
async function highlighted(page: Page): Promise<string[]> {
  return page.locator(".item-body .comment-mark").allTextContents();
}

async function commentOn(page: Page, field: "baggrund" | "sagsfremstilling", text: string) {
  await selectText(page, field, text);
  await page.getByRole("button", { name: "Kommentér markeret tekst" }).click();
}

describe("comments, redline and mentions in two browsers", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    // The item went through the workflow once: the chair approved it, the secretariat reopened it.
    const steps: [string, string, string?][] = [
      ["sagsbehandler@demo.dk", "sendToReview"],
      ["direktoer@demo.dk", "signOff"],
      ["formand@demo.dk", "approve"],
      ["sekretariat@demo.dk", "reopen", "Der skal tilføjes datoer."],
    ];
    for (const [email, transition, reason] of steps) {
      const person = await apiAs(browser, server.url, email);
      await person.post(`${ITEM}/transitions`, reason ? { transition, reason } : { transition });
      await person.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("A comments on a sentence, B sees the highlight and replies, A resolves; B edits the sentence; the chair's 'changed since approval' shows B's change", async () => {
    const a = await openItemPage(browser, server.url, "direktoer@demo.dk");
    const b = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");

    // A (the director, who may comment but not edit) comments, mentioning B.
    await commentOn(a.page, "baggrund", SENTENCE);
    const field = a.page.getByRole("combobox", { name: "Ny kommentar" });
    await field.pressSequentially("Kan vi få datoerne med? @Mad");
    await a.page.getByRole("option", { name: "Mads Lauridsen" }).waitFor();
    // Picking with Enter and typing at once: the first letters land after the name, also when
    // they come before the next frame (no wait for a repaint in between).
    await field.evaluate(async (element) => {
      element.dispatchEvent(
        new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }),
      );
      await Promise.resolve();
      document.execCommand("insertText", false, "kan");
    });
    await field.pressSequentially(" du tilføje dem?");
    await a.page.getByRole("button", { name: "Gem kommentar" }).click();

    // B sees the highlight on exactly that sentence, and the thread beside the text.
    await expect.poll(() => highlighted(b.page), { timeout: 10_000 }).toEqual([SENTENCE]);
    const threadB = b.page.locator(".comment-thread").first();
    await expect
      .poll(() => threadB.textContent())
      .toContain("Kan vi få datoerne med? @Mads Lauridsen kan du tilføje dem?");
    await threadB.getByRole("button", { name: "Svar", exact: true }).click();
    await threadB.getByRole("combobox", { name: "Svar" }).fill("Ja, de kommer med.");
    await threadB.getByRole("button", { name: "Send svar" }).click();

    // A sees the reply live and resolves the thread; it leaves both texts and panels.
    const threadA = a.page.locator(".comment-thread").first();
    await threadA.getByText("Ja, de kommer med.").waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    await threadA.getByRole("button", { name: "Markér som løst" }).click();
    await expect.poll(() => highlighted(b.page), { timeout: 10_000 }).toEqual([]);
    await b.page.getByText("Løste kommentarer (1)").waitFor();
    await expect.poll(() => highlighted(a.page), { timeout: 10_000 }).toEqual([]);

    // B edits the sentence.
    await selectText(b.page, "baggrund", "milepæle");
    await b.page.keyboard.press("End");
    await b.page.keyboard.type(" Datoerne er 1. oktober og 1. december.");

    // The chair's "since my approval" view shows B's change, marked as an insertion.
    const chair = await openItemPage(browser, server.url, "formand@demo.dk");
    await chair.page.getByRole("tab", { name: "Ændringer" }).click();
    const sinceMine = chair.page.getByRole("button", { name: "Ændret siden min godkendelse" });
    expect(await sinceMine.getAttribute("aria-pressed")).toBe("true");
    const inserted = chair.page.locator('.redline-field[data-field="baggrund"] ins');
    await expect
      .poll(async () => (await inserted.allTextContents()).join(""), { timeout: 10_000 })
      .toContain("Datoerne er 1. oktober og 1. december.");
    expect(await chair.page.locator(".redline-summary").textContent()).toBe("Ændret: Baggrund.");
    expect(await axeViolations(chair.page)).toEqual([]);
    // Screen readers hear what the colour shows.
    expect(await inserted.first().textContent()).toMatch(/^\[Tilføjet: /);

    // B finds A's mention in "Mine omtaler", linked to the item.
    await b.page.getByRole("link", { name: "Mine omtaler" }).click();
    const mention = b.page.locator(".mention-feed a").first();
    await mention.waitFor();
    expect(await mention.textContent()).toContain("Dorthe Krogh");
    expect(await mention.getAttribute("href")).toContain(`/items/${DEMO_ITEM_ID}?traad=`);

    await Promise.all([a, b, chair].map(({ context }) => context.close()));
  });

  it("an anchor follows its words through concurrent edits, and a thread whose text is deleted stays visible as orphaned", async () => {
    const a = await openItemPage(browser, server.url, "direktoer@demo.dk");
    const b = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    const phrase = "opmand og ambassadør for sundhedsrådene";

    await commentOn(a.page, "sagsfremstilling", phrase);
    await a.page
      .getByRole("combobox", { name: "Ny kommentar" })
      .fill("Titlen skal stå som i brevet.");
    await a.page.getByRole("button", { name: "Gem kommentar" }).click();
    await expect.poll(() => highlighted(b.page), { timeout: 10_000 }).toEqual([phrase]);

    // B types just before the commented words: the highlight stays on the same words.
    await selectText(b.page, "sagsfremstilling", "Per Okkels som");
    await b.page.keyboard.press("ArrowLeft");
    await b.page.keyboard.type("professor ");
    await expect
      .poll(() => fieldText(a.page, "sagsfremstilling"), { timeout: 10_000 })
      .toContain("professor Per Okkels som");
    await expect.poll(() => highlighted(a.page), { timeout: 10_000 }).toEqual([phrase]);
    await expect.poll(() => highlighted(b.page), { timeout: 10_000 }).toEqual([phrase]);

    // B deletes the commented words: the thread stays, marked as about deleted text.
    await selectText(b.page, "sagsfremstilling", phrase);
    await b.page.keyboard.press("Backspace");
    for (const page of [a.page, b.page]) {
      const orphan = page.locator('.comment-thread[data-orphaned="true"]');
      await orphan.waitFor({ timeout: 10_000 });
      expect(await orphan.textContent()).toContain("Teksten er slettet");
      expect(await orphan.textContent()).toContain(phrase);
      await expect.poll(() => highlighted(page), { timeout: 10_000 }).toEqual([]);
    }
    await Promise.all([a, b].map(({ context }) => context.close()));
  });
});
