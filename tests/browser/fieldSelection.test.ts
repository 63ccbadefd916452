import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ITEM_FIELDS, type ItemFieldName } from "../../shared/editor";
import { fieldBlocks } from "./helpers/fieldBlocks";
import { fieldHeadings } from "./helpers/fieldHeadings";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage, type PersonPage } from "./helpers/openItemPage";
import { pasteHtml } from "./helpers/pasteHtml";
import { placeCaret } from "./helpers/placeCaret";
import { saveStatusText } from "./helpers/saveStatusText";
import { selectAcross } from "./helpers/selectAcross";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const HEADINGS = ITEM_FIELDS.map((field) => field.label);
type Body = Record<ItemFieldName, string[]>;

async function body(page: Page): Promise<Body> {
  return {
    baggrund: await fieldBlocks(page, "baggrund"),
    indstilling: await fieldBlocks(page, "indstilling"),
    sagsfremstilling: await fieldBlocks(page, "sagsfremstilling"),
  };
}

// A selection from the middle of Baggrund's last paragraph to the middle of
// Sagsfremstilling's first one, across the whole of Indstilling.
const FROM = { field: "baggrund", text: "deltager på mødet" } as const;
const TO = { field: "sagsfremstilling", text: "udpeget Per Okkels", end: true } as const;

/** The body after the selection FROM–TO is replaced by `inserted` paragraphs. */
function replacedAcross(before: Body, inserted: string[]): Body {
  const last = before.baggrund.at(-1)!;
  const kept = last.slice(0, last.indexOf(FROM.text));
  const [first = "", ...rest] = before.sagsfremstilling;
  const tail = first.slice(first.indexOf(TO.text) + TO.text.length);
  const [head = "", ...more] = inserted;
  return {
    baggrund: [...before.baggrund.slice(0, -1), kept + head, ...more],
    indstilling: [""],
    sagsfremstilling: [tail, ...rest],
  };
}

describe("selections in a document of fixed fields", () => {
  let server: TestServer;
  let browser: Browser;
  const open: PersonPage[] = [];

  async function person(email: string): Promise<PersonPage> {
    const opened = await openItemPage(browser, server.url, email);
    open.push(opened);
    return opened;
  }

  /** What another person, opening the item afresh, is served. */
  async function servedBody(): Promise<Body> {
    const fresh = await person("sekretariat@demo.dk");
    expect(await fieldHeadings(fresh.page)).toEqual(HEADINGS);
    return body(fresh.page);
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

  it("Ctrl+A selects the field's content, so typing replaces that field only; a second Ctrl+A takes the whole item", async () => {
    server = await startTestServer();
    const { page } = await person("sagsbehandler@demo.dk");
    const before = await body(page);

    await placeCaret(page, "indstilling", "end");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("Ny indstilling.");
    const once = { ...before, indstilling: ["Ny indstilling."] };
    await expect.poll(() => body(page)).toEqual(once);

    // Twice: the whole item; everything typed lands in the first field, every field stays.
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("Alt nyt");
    const twice = { baggrund: ["Alt nyt"], indstilling: [""], sagsfremstilling: [""] };
    await expect.poll(() => body(page)).toEqual(twice);
    expect(await fieldHeadings(page)).toEqual(HEADINGS);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");
    expect(await servedBody()).toEqual(twice);
  });

  it("typing over a selection across fields clears the selected part of each field and types where it started", async () => {
    server = await startTestServer();
    const { page } = await person("sagsbehandler@demo.dk");
    const before = await body(page);

    await selectAcross(page, FROM, TO);
    await page.keyboard.type("Ny slutning.");
    const expected = replacedAcross(before, ["Ny slutning."]);
    await expect.poll(() => body(page)).toEqual(expected);
    expect(await fieldHeadings(page)).toEqual(HEADINGS);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");
    expect(await servedBody()).toEqual(expected);
  });

  it("Backspace and Delete on a selection across fields delete it, keeping every field", async () => {
    server = await startTestServer();
    const { page } = await person("sagsbehandler@demo.dk");
    const before = await body(page);

    await selectAcross(page, FROM, TO);
    await page.keyboard.press("Backspace");
    const deleted = replacedAcross(before, [""]);
    await expect.poll(() => body(page)).toEqual(deleted);

    // The caret is where the selection started: typing goes on there.
    await page.keyboard.type("Slut.");
    const typed = replacedAcross(before, ["Slut."]);
    await expect.poll(() => body(page)).toEqual(typed);

    // Delete, across the emptied Indstilling, from the typed word into Sagsfremstilling.
    const [first = "", ...rest] = typed.sagsfremstilling;
    await selectAcross(
      page,
      { field: "baggrund", text: "Slut." },
      { field: "sagsfremstilling", text: first.slice(0, 5), end: true },
    );
    await page.keyboard.press("Delete");
    const again = {
      baggrund: deleted.baggrund,
      indstilling: [""],
      sagsfremstilling: [first.slice(5), ...rest],
    };
    await expect.poll(() => body(page)).toEqual(again);
    expect(await fieldHeadings(page)).toEqual(HEADINGS);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");
    expect(await servedBody()).toEqual(again);
  });

  it("pasted paragraphs land in the field where the selection starts, and nothing outside it moves", async () => {
    server = await startTestServer();
    const { page } = await person("sagsbehandler@demo.dk");
    const before = await body(page);

    await selectAcross(page, FROM, TO);
    await pasteHtml(page, "<p>Indsat et</p><p>Indsat to</p>", "Indsat et\n\nIndsat to");
    const expected = replacedAcross(before, ["Indsat et", "Indsat to"]);
    await expect.poll(() => body(page)).toEqual(expected);
    expect(await fieldHeadings(page)).toEqual(HEADINGS);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");
    expect(await servedBody()).toEqual(expected);
  });
});
