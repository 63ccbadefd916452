import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConsole } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_MEETING_ID, signInTo, type SignedInPage } from "./helpers/meetingPages";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const ITEM_PATH = `/moeder/${DEMO_MEETING_ID}/punkter/demo-2-1`;
const FILENAME = "Status på milepæle.pdf";

/** A PDF by its first bytes (the server checks content), with random bytes after. */
function pdfBytes(size: number): Buffer {
  return Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(size)]);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("bilag on an item of the meeting page", () => {
  let server: TestServer;
  let browser: Browser;
  let a: SignedInPage;
  let b: SignedInPage;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    a = await signInTo(browser, server.url, "sekretariat@demo.dk", ITEM_PATH);
    b = await signInTo(browser, server.url, "direktoer@demo.dk", ITEM_PATH);
    for (const { page } of [a, b]) {
      await page
        .locator(".item-pane .item-layout:not([data-access='unknown']) .item-body")
        .waitFor();
      // The bilag panel starts closed (the text comes first); opening it is remembered.
      await page.locator(".attachments > summary").click();
      await page.locator(".attachments[open]").waitFor();
    }
  });

  afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
    await browser?.close();
    await server?.dispose();
  });

  it("uploads in A and downloads byte-identical in B, which sees it appear live", async () => {
    const bytes = pdfBytes(300_000);
    await a.page.getByLabel("Tilføj bilag …").setInputFiles({
      name: FILENAME,
      mimeType: "application/pdf",
      buffer: bytes,
    });
    const link = b.page.getByRole("link", { name: `Hent bilag 1: ${FILENAME}` });
    await link.waitFor({ timeout: 15_000 });
    // B (direktør) may read but not change bilag.
    expect(await b.page.getByLabel("Tilføj bilag …").count()).toBe(0);

    const [download] = await Promise.all([b.page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(FILENAME);
    const downloaded = await readFile(await download.path());
    expect(downloaded.length).toBe(bytes.length);
    expect(sha256(downloaded)).toBe(sha256(bytes));
    // The agenda row counts the bilag on both pages.
    for (const { page } of [a, b]) {
      await expect
        .poll(() => page.locator('li[data-item-id="demo-2-1"] .attachment-count').textContent())
        .toBe("1 bilag");
    }
  });

  it("inserts a ./. marker into the text that B sees and that downloads the bilag", async () => {
    await a.page.locator(".item-body p").first().click();
    await a.page.getByRole("button", { name: `Indsæt ./. for ${FILENAME} i teksten` }).click();
    const marker = b.page.locator(".item-body [data-attachment-marker]");
    await expect.poll(() => marker.textContent(), { timeout: 10_000 }).toBe(`./. ${FILENAME}`);
    const [download] = await Promise.all([b.page.waitForEvent("download"), marker.click()]);
    expect(download.suggestedFilename()).toBe(FILENAME);
  });

  it("refuses wrong files with clear Danish messages and keeps the list as it was", async () => {
    const input = a.page.getByLabel("Tilføj bilag …");
    const error = a.page.locator(".attachment-error");

    await input.setInputFiles({
      name: "program.exe",
      mimeType: "application/x-msdownload",
      buffer: Buffer.from("MZ"),
    });
    await expect
      .poll(() => error.textContent())
      .toContain("«program.exe» er ikke en tilladt filtype");

    // The name says PDF, the content does not: the server refuses it (415).
    expectConsole(
      /status of 415 \(Unsupported Media Type\)/,
      "the test uploads a file whose content is not what its name says; the server refuses it",
    );
    await input.setInputFiles({
      name: "falsk.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("ikke en pdf"),
    });
    await expect.poll(() => error.textContent()).toContain("Filtypen er ikke tilladt");

    await input.setInputFiles({
      name: "kæmpe.pdf",
      mimeType: "application/pdf",
      buffer: pdfBytes(26 * 1024 * 1024),
    });
    await expect.poll(() => error.textContent()).toContain("Et bilag må højst fylde 25 MB");

    expect(await a.page.locator(".attachment-list > li").count()).toBe(1);
  });

  it("deletes a bilag after confirmation; B's list follows", async () => {
    await a.page.getByRole("button", { name: `Slet ${FILENAME}` }).click();
    await a.page.getByRole("button", { name: `Ja, slet ${FILENAME}` }).click();
    await expect
      .poll(() => b.page.getByText("Punktet har ingen bilag.").count(), { timeout: 10_000 })
      .toBe(1);
  });
});
