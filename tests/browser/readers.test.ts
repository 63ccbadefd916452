import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./helpers/apiAs";
import { expectConsole } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_MEETING_ID, signInTo } from "./helpers/meetingPages";
import { DEMO_ITEM_ID, waitForEditor } from "./helpers/openItemPage";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const CLOSED_TITLE = "Personalesag (lukket)";

/** What a page says, as one string. */
async function pageText(page: Page): Promise<string> {
  return (await page.locator("main").innerText()).replace(/\s+/g, " ");
}

describe("a reader (læser) opening items", () => {
  let server: TestServer;
  let browser: Browser;
  let closedId = "";

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    // A closed item, with a case number that must not be shown to readers.
    const secretariat = await apiAs(browser, server.url, "sekretariat@demo.dk");
    const { meeting } = (await secretariat.get(`/api/meetings/${DEMO_MEETING_ID}`)) as {
      meeting: { agenda: { sections: { id: string }[] } };
    };
    const created = (await secretariat.post(`/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "createItem",
      sectionId: meeting.agenda.sections[1]!.id,
      title: CLOSED_TITLE,
      caseNumber: "SAG-2025-09999",
      closed: true,
    })) as { createdId: string };
    closedId = created.createdId;
    await secretariat.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("is told precisely that an item is not sent out yet — not 'Siden findes ikke', never 'Offline'", async () => {
    expectConsole(
      /status of 403 \(Forbidden\) \(.*\/api\/items\/demo-2-1/,
      "the reader asks for an item that is not sent out yet; the server refuses it with its reason",
    );
    const { page, context } = await signInTo(
      browser,
      server.url,
      "laeser@demo.dk",
      `/items/${DEMO_ITEM_ID}`,
    );
    await page.getByRole("heading", { name: "Punktet er ikke sendt ud endnu" }).waitFor();
    const text = await pageText(page);
    expect(text).toContain("Du kan læse det, når dagsordenen er sendt ud.");
    expect(text).not.toMatch(/Siden findes ikke|Offline|kan ikke hentes/);
    await context.close();
  });

  it("reads a sent-out item with one read-only notice and no 'Offline'; a closed item and an unknown one are explained, with nothing of them shown", async () => {
    const secretariat = await apiAs(browser, server.url, "sekretariat@demo.dk");
    // Sent out as the dialog does it: every item not Godkendt is named as confirmed.
    const { meeting } = (await secretariat.get(`/api/meetings/${DEMO_MEETING_ID}`)) as {
      meeting: { agenda: { sections: { items: { id: string }[] }[] } };
    };
    await secretariat.post(`/api/meetings/${DEMO_MEETING_ID}/phase`, {
      step: "sendAgenda",
      confirmUnapprovedItems: meeting.agenda.sections.flatMap((s) => s.items.map((i) => i.id)),
    });
    await secretariat.close();

    const { page, context } = await signInTo(
      browser,
      server.url,
      "laeser@demo.dk",
      `/items/${DEMO_ITEM_ID}`,
    );
    await waitForEditor(page);
    await expect.poll(() => page.locator(".save-status").textContent()).toBe("Forbundet");
    expect(await page.locator(".notice").allTextContents()).toEqual([
      "Du kan læse punktet, men ikke redigere det.",
    ]);
    expect(await page.locator('.item-body[contenteditable="true"]').count()).toBe(0);

    // A closed item, on its own page and in the meeting page's pane.
    expectConsole(
      new RegExp(`status of 403 \\(Forbidden\\) \\(.*/api/items/${closedId}`),
      "the reader asks for a closed item; the server refuses it with its reason",
    );
    await page.goto(`${server.url}/items/${closedId}`);
    await page.getByRole("heading", { name: "Lukket punkt" }).waitFor();
    let text = await pageText(page);
    expect(text).toContain("Lukkede punkter kan ikke læses med din adgang.");
    expect(text).not.toMatch(/SAG-2025-09999|Offline|kan ikke hentes|Personalesag/);

    await page.goto(`${server.url}/moeder/${DEMO_MEETING_ID}/punkter/${closedId}`);
    await page.locator('.item-pane [data-reason="item_closed"]').waitFor();
    text = await pageText(page);
    expect(text).not.toMatch(/SAG-2025-09999|Offline|kan ikke hentes/);
    expect(await page.locator(".item-pane .item-body").count()).toBe(0);

    // An item that does not exist (or that the person has no access to).
    expectConsole(
      /status of 404 \(Not Found\) \(.*\/api\/items\/findes-ikke/,
      "the reader asks for an item that does not exist",
    );
    await page.goto(`${server.url}/items/findes-ikke`);
    await page.getByRole("heading", { name: "Punktet kan ikke vises" }).waitFor();
    text = await pageText(page);
    expect(text).toContain("Punktet findes ikke, eller du har ikke adgang til det.");
    expect(text).not.toMatch(/Offline|kan ikke hentes/);
    await context.close();
  });
});
