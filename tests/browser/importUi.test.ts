import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./helpers/axeViolations";
import { expectConsole } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { agendaItems, signInTo, type SignedInPage } from "./helpers/meetingPages";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/agendas");

describe("importing an agenda file on the meetings page", () => {
  let server: TestServer;
  let browser: Browser;
  let a: SignedInPage;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    a = await signInTo(browser, server.url, "sekretariat@demo.dk");
  });

  afterAll(async () => {
    await a?.context.close();
    await browser?.close();
    await server?.dispose();
  });

  it("shows the parsed structure with warnings, asks for the missing date, creates the meeting", async () => {
    const { page } = a;
    await page.getByRole("button", { name: "Importér fra fil" }).click();
    await page
      .getByLabel("Vælg fil …")
      .setInputFiles(path.join(FIXTURES, "kkr-syddanmark-2023-dagsorden.txt"));

    const tree = page.locator(".import-tree");
    await tree.waitFor();
    const summary = await page.locator(".import-summary").textContent();
    expect(summary).toContain("dagsorden for KKR Syddanmark med 6 sektioner og 9 punkter");
    expect(await tree.locator(".import-section-title").first().textContent()).toBe(
      "1. Godkendelse af referat",
    );
    expect(await tree.textContent()).toContain(
      "2.1. Fælleskommunalt fokus på det specialiserede socialområde",
    );
    expect(await tree.textContent()).toContain("SAG-2023-00863 lalm");
    // The file names no meeting date: the parser says so, and the form asks for it.
    expect(await page.locator(".import-warnings").textContent()).toContain("Mødedatoen");
    expect(await page.getByLabel("Dato").inputValue()).toBe("");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Opret mødet" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Angiv mødets dato");

    await page.getByLabel("Dato").fill("2023-04-26");
    await page.getByLabel("Sted").fill("Kolding");
    await page.getByRole("button", { name: "Opret mødet" }).click();
    await page.waitForURL(/\/moeder\/[^/]+$/);
    await expect
      .poll(() => agendaItems(page, "Regionalpolitiske sager"))
      .toEqual([
        "2.1. Fælleskommunalt fokus på det specialiserede socialområde",
        "2.2. Kommunernes økonomiske råderum",
        "2.3. KKR Syddanmarks indspil til Erhvervsfremmestrategi 2024-2027",
        "2.4. Nye syddanske mobilitetsprioriteringer",
      ]);
    expect(await page.locator(".meeting-when").textContent()).toContain("26. april 2023");
  });

  it("shows the upload's progress on a slow connection", async () => {
    const { page } = a;
    await page.goto(`${server.url}/`);
    await page.getByRole("button", { name: "Importér fra fil" }).click();
    const cdp = await a.context.newCDPSession(page);
    await cdp.send("Network.enable");
    // About 2 s for the file below: long enough to see the bar move.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    const text = (await import("node:fs")).readFileSync(
      path.join(FIXTURES, "kkr-syddanmark-2025-09-03-referat.txt"),
      "utf8",
    );
    // The minutes, padded with blank lines (which the parser ignores) to half a megabyte.
    const padded = text + "\n".repeat(Math.max(0, 512 * 1024 - Buffer.byteLength(text)));
    await page.getByLabel("Vælg fil …").setInputFiles({
      name: "referat.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(padded),
    });
    const bar = page.locator(".upload-progress progress");
    await bar.waitFor();
    await expect
      .poll(async () => Number((await bar.getAttribute("value")) ?? 0), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.locator(".upload-progress-label").textContent()).toMatch(
      /Sender referat\.txt: \d+ %/,
    );
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.locator(".import-tree").waitFor({ timeout: 30_000 });
    expect(await page.locator(".import-summary").textContent()).toContain(
      "referat for KKR Syddanmark med 4 sektioner og 12 punkter",
    );
  });

  it("explains a file that is not an agenda, and creates nothing", async () => {
    const { page } = a;
    const meetingCount = () =>
      page.evaluate(async () => {
        const response = await fetch("/api/committees/kkr-syddanmark/meetings");
        return ((await response.json()) as { meetings: unknown[] }).meetings.length;
      });
    await page.goto(`${server.url}/`);
    const before = await meetingCount();
    expectConsole(
      /status of 422 \(Unprocessable Entity\) \(.*\/imports\/preview/,
      "the test imports a picture; the server explains it is not an agenda (422)",
    );
    await page.getByRole("button", { name: "Importér fra fil" }).click();
    await page.getByLabel("Vælg fil …").setInputFiles({
      name: "billede.png",
      mimeType: "image/png",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    });
    const alert = page.locator(".import-panel [role='alert']");
    await alert.waitFor();
    expect((await alert.textContent())?.length).toBeGreaterThan(10);
    expect(await page.getByLabel("Vælg fil …").count()).toBe(1);
    expect(await meetingCount()).toBe(before);
  });
});
