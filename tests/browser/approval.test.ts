import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldText } from "./helpers/fieldText";
import { statusText, takeStep, waitForStatus } from "./helpers/itemWorkflow";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const LOCKED = "Punktet er godkendt og kan ikke redigeres.";

describe("the item workflow in the browser", () => {
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

  it("approval turns another person's open editor read-only within a second, with a Danish message; reopening makes it writable again; both are in the audit log", async () => {
    const secretariat = await openItemPage(browser, server.url, "sekretariat@demo.dk");
    const editor = secretariat.page.locator(".item-body");
    expect(await editor.getAttribute("contenteditable")).toBe("true");
    await expect.poll(() => statusText(secretariat.page)).toBe("Kladde");

    // Kladde → Til gennemsyn (secretariat) → Klar til godkendelse (director).
    await takeStep(secretariat.page, "Send til gennemsyn");
    await waitForStatus(secretariat.page, "Til gennemsyn");
    const director = await openItemPage(browser, server.url, "direktoer@demo.dk");
    await takeStep(director.page, "Godkend faglig gennemgang");
    await waitForStatus(director.page, "Klar til godkendelse");
    // Everyone with the item open sees the step at once, whoever took it.
    await waitForStatus(secretariat.page, "Klar til godkendelse");

    // The chair sees only the steps the chair may take now.
    const chair = await openItemPage(browser, server.url, "formand@demo.dk");
    await waitForStatus(chair.page, "Klar til godkendelse");
    const chairSteps = await chair.page.locator(".workflow-actions button").allTextContents();
    expect(chairSteps).toEqual(["Send tilbage", "Godkend endelig tekst"]);

    await chair.page
      .locator(".workflow-actions")
      .getByRole("button", { name: "Godkend endelig tekst" })
      .click();
    const dialog = chair.page.getByRole("dialog", { name: "Godkend endelig tekst" });
    // The dialog is modal and takes focus; its confirm button approves.
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);

    // A functional requirement, not a benchmark: the other editor is locked within a second.
    const locked = secretariat.page.waitForFunction(
      (message) =>
        document.querySelector(".item-body")?.getAttribute("contenteditable") === "false" &&
        document.querySelector(".access-notice")?.textContent?.includes(message) === true,
      LOCKED,
      { timeout: 1000 },
    );
    await dialog.getByRole("button", { name: "Godkend endelig tekst" }).click();
    await locked;
    await waitForStatus(secretariat.page, "Godkendt");
    // Announced politely to screen readers on the other page too.
    await secretariat.page
      .locator('.workflow-bar [aria-live="polite"]', { hasText: "Punktet er nu godkendt og låst." })
      .waitFor();
    // No formatting toolbar for a locked text.
    expect(await secretariat.page.getByRole("toolbar").count()).toBe(0);
    await waitForStatus(chair.page, "Godkendt");

    // Reopening needs a reason; the chair reopens, and the secretariat's editor is writable again.
    await chair.page.locator(".workflow-actions").getByRole("button", { name: "Genåbn" }).click();
    const reopen = chair.page.getByRole("dialog", { name: "Genåbn" });
    await reopen.getByRole("button", { name: "Genåbn" }).click();
    await reopen.getByRole("alert").filter({ hasText: "Skriv en begrundelse." }).waitFor();
    await reopen
      .getByLabel("Hvorfor genåbnes punktet?")
      .fill("Beløbet i indstillingen skal rettes.");
    await reopen.getByRole("button", { name: "Genåbn" }).click();

    await secretariat.page.waitForFunction(
      () =>
        document.querySelector(".item-body")?.getAttribute("contenteditable") === "true" &&
        document.querySelector(".access-notice") === null,
    );
    await waitForStatus(secretariat.page, "Kladde");
    await secretariat.page
      .locator('.workflow-bar [aria-live="polite"]', {
        hasText: "Punktet er genåbnet og kan redigeres igen.",
      })
      .waitFor();
    const typed = " Beløbet er rettet.";
    await placeCaret(secretariat.page, "indstilling", "end");
    await secretariat.page.keyboard.type(typed);
    await expect
      .poll(() => fieldText(chair.page, "indstilling"), { timeout: 10_000 })
      .toContain(typed.trim());

    // Both steps, with who, when and the reason, on the meeting's audit page.
    await chair.page.getByRole("link", { name: "Revisionsspor", exact: true }).click();
    await chair.page.getByRole("heading", { name: "Revisionsspor" }).waitFor();
    const approved = chair.page.locator('.audit-table tr[data-action="item.approve"]');
    const reopened = chair.page.locator('.audit-table tr[data-action="item.reopen"]');
    await approved.waitFor();
    expect(await approved.textContent()).toContain("Frederik Lund");
    expect(await approved.textContent()).toContain("Klar til godkendelse → Godkendt");
    expect(await reopened.textContent()).toContain("Frederik Lund");
    expect(await reopened.textContent()).toContain(
      "Begrundelse: Beløbet i indstillingen skal rettes.",
    );
    expect(await chair.page.getByRole("link", { name: "Hent som CSV" }).getAttribute("href")).toBe(
      "/api/committees/kkr-syddanmark/audit.csv?meetingId=demo-2025-09-03&itemId=demo-2-1",
    );

    await Promise.all([secretariat, director, chair].map(({ context }) => context.close()));
  });

  it("sending back asks for a reason in a dialog that Escape closes, returning focus", async () => {
    const officer = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    await waitForStatus(officer.page, "Kladde");
    await takeStep(officer.page, "Send til gennemsyn");
    await waitForStatus(officer.page, "Til gennemsyn");
    // The officer keeps writing while the item is reviewed: they decide the reviewers'
    // suggestions (shared/permissions.ts).
    await officer.page.waitForFunction(
      () => document.querySelector(".item-body")?.getAttribute("contenteditable") === "true",
    );

    const director = await openItemPage(browser, server.url, "direktoer@demo.dk");
    const sendBack = director.page
      .locator(".workflow-actions")
      .getByRole("button", { name: "Send tilbage" });
    await sendBack.click();
    const dialog = director.page.getByRole("dialog", { name: "Send tilbage" });
    const reason = dialog.getByLabel("Hvorfor sendes punktet tilbage?");
    expect(await reason.evaluate((element) => element === document.activeElement)).toBe(true);
    await director.page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await sendBack.evaluate((element) => element === document.activeElement)).toBe(true);

    await takeStep(director.page, "Send tilbage", "Baggrunden mangler tal.");
    await waitForStatus(officer.page, "Kladde");
    // Back in Kladde the director only comments: no longer even suggests.
    await director.page.waitForFunction(
      () => document.querySelector(".item-body")?.getAttribute("contenteditable") === "false",
    );
    await Promise.all([officer, director].map(({ context }) => context.close()));
  });
});
