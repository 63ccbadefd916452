import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfPageTexts } from "../unit/exports/readExports";
import { axeViolations } from "./helpers/axeViolations";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_MEETING_ID, sendCommand, signInTo, type SignedInPage } from "./helpers/meetingPages";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const PREVIEW_PATH = `/moeder/${DEMO_MEETING_ID}/dagsorden`;
const ITEM_2_1 = "2.1. Temadrøftelse om sundhedsreformen og de kommende sundhedsråd v. Per Okkels";

describe("the agenda preview", () => {
  let server: TestServer;
  let browser: Browser;
  let a: SignedInPage;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    a = await signInTo(browser, server.url, "sekretariat@demo.dk", PREVIEW_PATH);
    // Item 2.3 is a closed item for these tests.
    const result = await sendCommand(a.page, DEMO_MEETING_ID, {
      type: "updateItem",
      itemId: "demo-2-3",
      closed: true,
    });
    expect(result.status).toBe(200);
  });

  afterAll(async () => {
    await a?.context.close();
    await browser?.close();
    await server?.dispose();
  });

  it("renders the agenda in the documents' layout", async () => {
    const { page } = a;
    await page.reload();
    await page.locator(".preview-document").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Dagsorden");
    expect(await page.locator(".preview-committee").textContent()).toBe("KKR Syddanmark");
    expect(await page.locator(".preview-facts").textContent()).toBe(
      "Dato3. september 2025TidKl. 10.00–13.00StedOdense",
    );
    const sections = await page.locator(".preview-section-heading").allTextContents();
    expect(sections[0]).toBe("1. Godkendelse af referat");
    expect(sections[1]).toBe("2. Regionalpolitiske sager");

    const item = page.locator("article.preview-item", { has: page.getByText(ITEM_2_1) });
    expect(await item.locator(".preview-case-line").textContent()).toBe("SAG-2025-03188 mlal");
    expect(await item.locator("h4").allTextContents()).toEqual([
      "Baggrund",
      "Indstilling",
      "Sagsfremstilling",
    ]);
    expect(await item.locator(".marker-paragraph").first().textContent()).toMatch(/^\.\/\. KL har/);

    const closed = page.locator("article.preview-item-closed");
    expect(await closed.count()).toBe(1);
    expect(await closed.locator("h3").textContent()).toMatch(/^2\.3\. /);
    expect(await closed.locator(".preview-closed").textContent()).toBe("Lukket punkt");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("links a ./. marker in the text to its bilag", async () => {
    const { page } = a;
    await page.goto(`${server.url}/moeder/${DEMO_MEETING_ID}/punkter/demo-2-1`);
    await page.locator(".item-pane .item-layout[data-access='write'] .item-body").waitFor();
    // The bilag panel starts closed, so the text comes first.
    await page.locator(".attachments > summary").click();
    await page.getByLabel("Tilføj bilag …").setInputFiles({
      name: "Milepæle.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7\nmilepæle"),
    });
    const insert = page.getByRole("button", { name: "Indsæt ./. for Milepæle.pdf i teksten" });
    await page.locator(".item-body p").first().click();
    await insert.click();
    await expect.poll(() => page.locator(".save-status").textContent()).toBe("Gemt");

    await page.getByRole("link", { name: "Vis dagsorden" }).click();
    const marker = page.locator("a.attachment-marker", { hasText: "./. Milepæle.pdf" });
    await marker.waitFor();
    expect(await marker.getAttribute("href")).toMatch(/^\/api\/attachments\/[^/]+$/);
    const [download] = await Promise.all([page.waitForEvent("download"), marker.click()]);
    expect(download.suggestedFilename()).toBe("Milepæle.pdf");
  });

  it("prints only the document: no app chrome, sections on new pages, running header", async () => {
    const { page } = a;
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.locator(".app-header").isVisible()).toBe(false);
      expect(await page.locator(".preview-toolbar").isVisible()).toBe(false);
      const breaks = await page
        .locator(".preview-section")
        .evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
      expect(new Set(breaks)).toEqual(new Set(["page"]));

      const pages = await pdfPageTexts(await page.pdf({ format: "A4" }));
      expect(pages.length).toBeGreaterThan(5);
      expect(pages[0]).toContain("Dagsorden");
      expect(pages[0]).not.toContain("SIDE |");
      expect(pages[0]).not.toContain("Log ud");
      pages.slice(1).forEach((text, index) => {
        expect(text).toContain("KKR Syddanmark | 03-09-2025");
        expect(text).toContain(`SIDE | ${index + 2}`);
      });
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("leaves closed items out for readers", async () => {
    const step = await a.page.evaluate(async (id) => {
      const token = /(?:^|; )dagsorden_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? "";
      // Sending out with items not Godkendt names them all, as the dialog does.
      const { meeting } = (await (await fetch(`/api/meetings/${id}`)).json()) as {
        meeting: { agenda: { sections: { items: { id: string; status: string }[] }[] } };
      };
      const confirmUnapprovedItems = meeting.agenda.sections
        .flatMap((section) => section.items)
        .filter((item) => item.status !== "godkendt")
        .map((item) => item.id);
      const response = await fetch(`/api/meetings/${id}/phase`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": decodeURIComponent(token) },
        body: JSON.stringify({ step: "sendAgenda", confirmUnapprovedItems }),
      });
      return response.status;
    }, DEMO_MEETING_ID);
    expect(step).toBe(200);
    const reader = await signInTo(browser, server.url, "laeser@demo.dk", PREVIEW_PATH);
    try {
      await reader.page.locator(".preview-document").waitFor();
      expect(await reader.page.getByText(ITEM_2_1).count()).toBeGreaterThan(0);
      expect(await reader.page.locator("article.preview-item-closed").count()).toBe(0);
      expect(await reader.page.getByText("Lukket punkt").count()).toBe(0);
    } finally {
      await reader.context.close();
    }
  });
});
