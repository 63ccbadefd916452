import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldText } from "./helpers/fieldText";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

describe("version history, redline and attribution", () => {
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

  it("lists named and automatic versions with who and when, compares any two, shows who wrote what, and restores a version as a new, audited edit", async () => {
    const secretariat = await openItemPage(browser, server.url, "sekretariat@demo.dk");
    const { page } = secretariat;
    await page.getByRole("tab", { name: "Historik" }).click();
    await page.getByText("Der er ingen versioner endnu.", { exact: false }).waitFor();

    // A named version on demand.
    await page.getByLabel("Gem den nuværende tekst som en version").fill("Før ændringer");
    await page.getByRole("button", { name: "Gem version" }).click();
    const named = page.locator('.version[data-kind="named"]', { hasText: "Før ændringer" });
    await named.waitFor();
    expect(await named.textContent()).toContain("Navngivet version");
    expect(await named.textContent()).toContain("Signe Holm");
    expect(await named.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);

    // The officer writes a sentence.
    const officer = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    const added = "Tilføjet af sagsbehandleren.";
    await placeCaret(officer.page, "indstilling", "end");
    await officer.page.keyboard.type(` ${added}`);
    await expect.poll(() => saveStatusText(officer.page), { timeout: 15_000 }).toBe("Gemt");

    // Redline: the named version against the live text.
    await named.getByRole("button", { name: /Sammenlign med nu/ }).click();
    const inserted = page.locator('.redline-field[data-field="indstilling"] ins');
    await expect
      .poll(async () => (await inserted.allTextContents()).join(""), { timeout: 10_000 })
      .toContain(added);
    expect(await page.locator('.redline-field[data-field="baggrund"]').textContent()).toContain(
      "Ingen ændringer.",
    );

    // Who wrote what: the officer's sentence is attributed to the officer.
    await page.getByRole("tab", { name: "Historik" }).click();
    const toggle = page.getByRole("button", { name: "Vis hvem der skrev hvad" });
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    const officerRuns = page.locator('.attribution-run[data-user-id="u-sagsbehandler"]');
    await officerRuns.first().waitFor();
    expect((await officerRuns.allTextContents()).join("")).toContain(added);
    expect(await page.locator(".attribution-legend").textContent()).toContain("Mads Lauridsen");
    await toggle.click();

    // Restore the named version: everyone's live text follows, as a new edit.
    const entriesBefore = await page.locator(".version").count();
    await named.getByRole("button", { name: /Gendan/ }).click();
    const dialog = page.getByRole("dialog", { name: "Gendan version" });
    await dialog.getByRole("button", { name: "Gendan" }).click();
    await expect
      .poll(() => fieldText(officer.page, "indstilling"), { timeout: 10_000 })
      .not.toContain(added);
    // One restore, one entry: the text it replaced, so the restore can be undone.
    const before = page.locator(".version", {
      hasText: "Før gendannelse af «Før ændringer» (Signe Holm)",
    });
    await before.waitFor();
    await expect.poll(() => page.locator(".version").count()).toBe(entriesBefore + 1);

    // That entry against the text now: what the restore took away.
    await page.getByRole("tab", { name: "Ændringer" }).click();
    await page.getByRole("button", { name: "Sammenlign versioner" }).click();
    const from = page.getByLabel("Fra", { exact: true });
    const to = page.getByLabel("Til", { exact: true });
    const options = await from.locator("option").allTextContents();
    await from.selectOption({ label: options.find((o) => o.startsWith("Før gendannelse"))! });
    await to.selectOption({ label: "Nuværende tekst" });
    const deleted = page.locator('.redline-field[data-field="indstilling"] del');
    await expect
      .poll(async () => (await deleted.allTextContents()).join(""), { timeout: 10_000 })
      .toContain(added);

    // The restore is in the audit log.
    await page.getByRole("link", { name: "Revisionsspor", exact: true }).click();
    const row = page.locator('.audit-table tr[data-action="item.restore_version"]');
    await row.waitFor();
    expect(await row.textContent()).toContain("Signe Holm");
    await Promise.all([secretariat, officer].map(({ context }) => context.close()));
  });
});
