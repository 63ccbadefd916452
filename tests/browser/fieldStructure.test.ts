import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ITEM_FIELDS } from "../../shared/editor";
import { fieldHeadings } from "./helpers/fieldHeadings";
import { fieldText } from "./helpers/fieldText";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage, type PersonPage } from "./helpers/openItemPage";
import { pasteHtml } from "./helpers/pasteHtml";
import { placeCaret } from "./helpers/placeCaret";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const HEADINGS = ITEM_FIELDS.map((field) => field.label);

describe("the item body's protected field headings", () => {
  let server: TestServer;
  let browser: Browser;
  const open: PersonPage[] = [];

  async function person(email: string): Promise<PersonPage> {
    const opened = await openItemPage(browser, server.url, email);
    open.push(opened);
    return opened;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  // Each test edits the demo item destructively, so each gets a fresh server.
  afterEach(async () => {
    for (const { context } of open.splice(0)) await context.close();
    await server?.dispose();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("survive select-all and delete, and the server keeps a valid body", async () => {
    server = await startTestServer();
    const { page } = await person("sagsbehandler@demo.dk");
    const watcher = await person("sekretariat@demo.dk");

    await placeCaret(page, "baggrund", "start");
    // Ctrl+A selects the field, a second Ctrl+A the whole item (docs/EDITOR.md).
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Delete");
    expect(await fieldHeadings(page)).toEqual(HEADINGS);
    for (const field of ITEM_FIELDS) expect(await fieldText(page, field.name)).toBe("");

    // Again with Backspace, and typing afterwards still lands inside a field.
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("Ny tekst");
    expect(await fieldHeadings(page)).toEqual(HEADINGS);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");

    // The other person sees the same, and a fresh context (no IndexedDB copy) loads the
    // server's body with its three headings.
    await expect.poll(() => fieldHeadings(watcher.page)).toEqual(HEADINGS);
    const typedInto = await Promise.all(ITEM_FIELDS.map((f) => fieldText(page, f.name)));
    expect(typedInto.join("|")).toContain("Ny tekst");
    await expect
      .poll(() => Promise.all(ITEM_FIELDS.map((f) => fieldText(watcher.page, f.name))))
      .toEqual(typedInto);
    const fresh = await person("direktoer@demo.dk");
    expect(await fieldHeadings(fresh.page)).toEqual(HEADINGS);
    expect(await Promise.all(ITEM_FIELDS.map((f) => fieldText(fresh.page, f.name)))).toEqual(
      typedInto,
    );
    // And a reload of the same page too.
    await page.reload();
    await page.waitForSelector(".item-body h2.field-heading");
    expect(await fieldHeadings(page)).toEqual(HEADINGS);
  });

  it("do not merge when Backspace is pressed at the start of a field or Delete at its end", async () => {
    server = await startTestServer();
    const { page } = await person("sagsbehandler@demo.dk");
    const before = await Promise.all(ITEM_FIELDS.map((f) => fieldText(page, f.name)));

    // Clicking and pressing a key at once races the browser's selectionchange against the
    // editor state; the deletion must be refused whichever caret is current. Repeat to hit it.
    for (let round = 0; round < 3; round++) {
      await placeCaret(page, "indstilling", "start");
      for (let i = 0; i < 2; i++) await page.keyboard.press("Backspace");
      await placeCaret(page, "baggrund", "end");
      for (let i = 0; i < 2; i++) await page.keyboard.press("Delete");
      await placeCaret(page, "sagsfremstilling", "start");
      await page.keyboard.press("Backspace");
      await placeCaret(page, "indstilling", "end");
      await page.keyboard.press("Delete");
    }
    await placeCaret(page, "baggrund", "end");
    await page.keyboard.type("!");

    expect(await fieldHeadings(page)).toEqual(HEADINGS);
    const after = await Promise.all(ITEM_FIELDS.map((f) => fieldText(page, f.name)));
    expect(after).toEqual([`${before[0]}!`, before[1], before[2]]);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");
  });

  it("fit pasted field sections and headings into the field being edited", async () => {
    server = await startTestServer();
    const { page } = await person("sagsbehandler@demo.dk");
    const copiedItem =
      '<section data-field="baggrund"><h2 class="field-heading">Baggrund</h2>' +
      '<div class="field-body"><p>Indsat baggrund</p></div></section>' +
      '<section data-field="indstilling"><h2 class="field-heading">Indstilling</h2>' +
      '<div class="field-body"><p>Indsat indstilling</p></div></section>' +
      "<h1>Stor overskrift</h1><p>Indsat afsnit</p>";

    await placeCaret(page, "sagsfremstilling", "end");
    await pasteHtml(page, copiedItem, "Indsat baggrund");
    expect(await fieldHeadings(page)).toEqual(HEADINGS);
    const sagsfremstilling = await fieldText(page, "sagsfremstilling");
    expect(sagsfremstilling).toContain("Indsat afsnit");

    // Pasting over everything leaves the fields in place too.
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Control+a");
    await pasteHtml(page, copiedItem, "Indsat baggrund");
    expect(await fieldHeadings(page)).toEqual(HEADINGS);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");

    const fresh = await person("direktoer@demo.dk");
    expect(await fieldHeadings(fresh.page)).toEqual(HEADINGS);
    expect(await Promise.all(ITEM_FIELDS.map((f) => fieldText(fresh.page, f.name)))).toEqual(
      await Promise.all(ITEM_FIELDS.map((f) => fieldText(page, f.name))),
    );
  });
});
