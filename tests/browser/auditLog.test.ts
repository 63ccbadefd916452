import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./helpers/axeViolations";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_MEETING_ID, signInTo } from "./helpers/meetingPages";
import { takePhaseStep } from "./helpers/minutesPages";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const DANISH_TIME = /^\d{1,2}\. [a-zæøå]{3}\.? \d{4} kl\. \d{2}\.\d{2}$/;

describe("the audit log in real Chromium", () => {
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

  it("shows the secretariat's login and its publication with the details, and filters them", async () => {
    const { page, context } = await signInTo(
      browser,
      server.url,
      "sekretariat@demo.dk",
      `/moeder/${DEMO_MEETING_ID}/offentliggoer`,
    );

    // Publish the agenda through the publish page, as the secretariat does.
    await takePhaseStep(page, "Udsend dagsorden");
    // The demo items are drafts: publishing them anyway is confirmed.
    await page.getByLabel(/og vil offentliggøre alligevel/).check();
    const publish = page.getByRole("button", { name: "Offentliggør dagsorden" });
    await expect.poll(() => publish.isEnabled(), { timeout: 20_000 }).toBe(true);
    await publish.click();
    await page.getByRole("link", { name: "Se den offentliggjorte dagsorden" }).waitFor();

    // The audit log, from the header.
    await page.getByRole("link", { name: "Udvalgets revisionsspor" }).click();
    await page.getByRole("heading", { name: "Revisionsspor: KKR Syddanmark" }).waitFor();
    const login = page.locator('.audit-table tr[data-action="auth.login"]').first();
    await login.waitFor();
    const loginCells = await login.locator("td").allTextContents();
    expect(loginCells[0]).toMatch(DANISH_TIME);
    expect(loginCells.slice(1, 3)).toEqual(["Signe Holm", "Logget ind"]);
    expect(loginCells[5]).toContain("Loginmetode: Adgangskode");

    const published = page.locator('.audit-table tr[data-action="meeting.publish"]');
    const cells = await published.locator("td").allTextContents();
    expect(cells.slice(1, 4)).toEqual([
      "Signe Holm",
      "Offentliggjort",
      "Møde i KKR Syddanmark, 3. september 2025",
    ]);
    expect(cells[5]).toContain("Dokument: Dagsorden: Møde i KKR Syddanmark");
    expect(cells[5]).toContain("Punkter, der ikke var godkendt: 1.1. ");
    expect(cells[5]).toContain("Accepterede fund af personoplysninger: 0");
    // No raw action keys or ids anywhere on the page.
    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).not.toMatch(/\b(agenda|item|meeting|auth|publication)\.[a-zA-Z_]+/);
    expect(body).not.toContain("u-sekretariat");
    expect(body).not.toContain("demo-2-");

    // Filter by kind of action: logins only, then publications only.
    const kind = page.getByLabel("Handling");
    await kind.selectOption({ label: "Login og adgang" });
    await expect
      .poll(async () =>
        (
          await page
            .locator(".audit-table tbody tr")
            .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-action")))
        ).every((action) => action?.startsWith("auth.")),
      )
      .toBe(true);
    await kind.selectOption({ label: "Offentliggørelse" });
    await published.waitFor();
    await page.locator('.audit-table tr[data-action="auth.login"]').waitFor({ state: "detached" });
    expect(page.url()).toContain("category=offentliggoerelse");
    // The CSV link carries the same filter.
    expect(await page.getByRole("link", { name: "Hent som CSV" }).getAttribute("href")).toBe(
      "/api/committees/kkr-syddanmark/audit.csv?category=offentliggoerelse",
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
