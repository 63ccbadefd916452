import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./helpers/axeViolations";
import { launchBrowser } from "./helpers/launchBrowser";
import {
  agendaItems,
  agendaRow,
  dragWithMouse,
  sendCommand,
  signInTo,
  type SignedInPage,
} from "./helpers/meetingPages";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const SECTION = "Regionalpolitiske sager";

describe("building an agenda on the meeting page, seen live on another page", () => {
  let server: TestServer;
  let browser: Browser;
  let a: SignedInPage;
  let b: SignedInPage;
  let meetingUrl: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
    await browser?.close();
    await server?.dispose();
  });

  it("creates a meeting from the template and shows its standard sections", async () => {
    a = await signInTo(browser, server.url, "sekretariat@demo.dk");
    await a.page.locator(".meeting-card").first().waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    await a.page.getByRole("button", { name: "Nyt møde" }).click();
    await a.page.getByLabel("Dato").fill("2031-05-20");
    await a.page.getByLabel("Sted").fill("Vejle");
    await a.page.getByRole("button", { name: "Opret møde" }).click();
    await a.page.waitForURL(/\/moeder\/[^/]+$/);
    meetingUrl = a.page.url();
    await expect
      .poll(() => a.page.locator(".section-heading").allTextContents())
      .toEqual([
        "1. Godkendelse af referat",
        `2. ${SECTION}`,
        "3. Siden sidst",
        "4. Udpegninger",
        "5. Punkter til næste møde",
        "6. Eventuelt",
      ]);
    await expect.poll(() => a.page.locator(".meeting-when").textContent()).toContain("Vejle");
    expect(await axeViolations(a.page)).toEqual([]);
  });

  it("adds three items and moves the third to the top by dragging; page B renumbers live", async () => {
    b = await signInTo(browser, server.url, "formand@demo.dk", new URL(meetingUrl).pathname);
    await b.page.locator(".section-heading", { hasText: SECTION }).waitFor();
    // B only reads the agenda: no move handles, no add buttons.
    expect(await b.page.locator(".move-handle").count()).toBe(0);
    expect(await b.page.getByRole("button", { name: /Tilføj punkt/ }).count()).toBe(0);

    await a.page.getByRole("button", { name: `+ Tilføj punkt i 2. ${SECTION}` }).click();
    const title = a.page.getByLabel(`Titel på nyt punkt i 2. ${SECTION}`);
    for (const name of ["Budget 2027", "Erhvervsfremme", "Sundhedsaftale"]) {
      await title.fill(name);
      await title.press("Enter");
      await expect.poll(() => title.inputValue()).toBe("");
    }
    const added = ["2.1. Budget 2027", "2.2. Erhvervsfremme", "2.3. Sundhedsaftale"];
    await expect.poll(() => agendaItems(a.page, SECTION)).toEqual(added);
    await expect.poll(() => agendaItems(b.page, SECTION), { timeout: 10_000 }).toEqual(added);

    // Dropped on the top edge of the first item: before it.
    await dragWithMouse(
      a.page,
      agendaRow(a.page, "Sundhedsaftale"),
      agendaRow(a.page, "Budget 2027"),
      {
        x: 60,
        y: 4,
      },
    );

    const moved = ["2.1. Sundhedsaftale", "2.2. Budget 2027", "2.3. Erhvervsfremme"];
    await expect.poll(() => agendaItems(a.page, SECTION)).toEqual(moved);
    await expect.poll(() => agendaItems(b.page, SECTION), { timeout: 10_000 }).toEqual(moved);
    expect(b.page.url()).toBe(meetingUrl);
  });

  it("moves an item with the keyboard, announcing each step; Escape cancels", async () => {
    const handle = a.page.getByRole("button", { name: "Flyt punkt 2.3 Erhvervsfremme" });
    await handle.focus();
    await a.page.keyboard.press("Space");
    const announcer = a.page.getByTestId("announcer");
    await expect.poll(() => announcer.textContent()).toContain("«Erhvervsfremme» er løftet");
    await a.page.keyboard.press("ArrowUp");
    await expect.poll(() => announcer.textContent()).toContain(`Plads 2.2 i ${SECTION}`);
    await a.page.keyboard.press("ArrowUp");
    await expect.poll(() => announcer.textContent()).toContain(`Plads 2.1 i ${SECTION}`);
    await a.page.keyboard.press("Space");
    await expect.poll(() => announcer.textContent()).toContain("er flyttet til 2.1");

    const keyed = ["2.1. Erhvervsfremme", "2.2. Sundhedsaftale", "2.3. Budget 2027"];
    await expect.poll(() => agendaItems(a.page, SECTION)).toEqual(keyed);
    await expect.poll(() => agendaItems(b.page, SECTION), { timeout: 10_000 }).toEqual(keyed);

    // Up from the section's first place goes into the section above; Escape puts it back.
    const lifted = a.page.getByRole("button", { name: "Flyt punkt 2.1 Erhvervsfremme" });
    await lifted.focus();
    await a.page.keyboard.press("Space");
    await a.page.keyboard.press("ArrowUp");
    await expect
      .poll(() => announcer.textContent())
      .toContain("Plads 1.2 i Godkendelse af referat");
    await a.page.keyboard.press("Escape");
    await expect.poll(() => announcer.textContent()).toContain("fortrudt");
    await expect.poll(() => agendaItems(a.page, SECTION)).toEqual(keyed);
  });

  it("shows on B who has an item open, and edits the item header in place", async () => {
    await agendaRow(a.page, "Budget 2027").getByRole("link").click();
    await a.page.getByRole("heading", { level: 2, name: "2.3. Budget 2027" }).waitFor();
    await expect
      .poll(() => agendaRow(b.page, "Budget 2027").locator(".presence-initials").allTextContents())
      .toEqual(["sih"]);
    await a.page.locator(".item-pane .item-layout[data-access='write'] .item-body").waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    expect(await axeViolations(b.page)).toEqual([]);

    await a.page.getByRole("button", { name: "Ret oplysninger" }).click();
    await a.page.getByLabel("Sagsnummer").fill("SAG-2031-00042");
    // Officers are picked among the committee's members, by name or initials.
    const officers = a.page.getByRole("combobox", { name: "Sagsbehandlere", exact: true });
    await officers.fill("Mads");
    await a.page.getByRole("option", { name: "Mads Lauridsen (mlal)" }).waitFor();
    await officers.press("Enter");
    await officers.fill("dok");
    await officers.press("Enter");
    await a.page.getByLabel("Lukket punkt").check();
    await a.page.getByRole("button", { name: "Gem oplysninger" }).click();
    const row = agendaRow(b.page, "Budget 2027");
    await expect.poll(() => row.locator(".officers").textContent()).toContain("mlal/dok");
    await expect.poll(() => row.locator(".closed-badge").count()).toBe(1);

    // A wrong case number is refused in the form, with what the right form is.
    await a.page.getByRole("button", { name: "Ret oplysninger" }).click();
    await a.page.getByLabel("Sagsnummer").fill("2031-42");
    await a.page.getByRole("button", { name: "Gem oplysninger" }).click();
    await expect
      .poll(() => a.page.locator(".field-error").textContent())
      .toContain("SAG-ÅÅÅÅ-NNNNN");
    await a.page.getByRole("button", { name: "Annullér" }).click();
  });

  it("marks items over the meeting's deadline that are still drafts, for those who can act", async () => {
    await a.page.getByRole("button", { name: "Ret mødeoplysninger" }).click();
    await a.page.getByLabel("Frist for sagsfremstilling").fill("2020-01-01");
    await a.page.getByRole("button", { name: "Gem mødeoplysninger" }).click();
    await expect
      .poll(() => agendaRow(a.page, "Sundhedsaftale").locator(".overdue-badge").count())
      .toBe(1);
    await expect
      .poll(() => a.page.locator(".meeting-facts").textContent())
      .toContain("over fristen");
    // The chair sees the new deadline but is not told items are late: they cannot act on them.
    await expect
      .poll(() => b.page.locator(".meeting-facts").textContent())
      .toContain("1. januar 2020");
    expect(await b.page.locator(".overdue-badge").count()).toBe(0);
    expect(await b.page.locator(".meeting-facts").textContent()).not.toContain("over fristen");
  });

  it("drags an item into an empty section, deletes it and restores it with Fortryd", async () => {
    const empty = a.page
      .locator(".agenda-section", {
        has: a.page.locator(".section-heading", { hasText: "4. Udpegninger" }),
      })
      .locator(".agenda-empty");
    await dragWithMouse(a.page, agendaRow(a.page, "Sundhedsaftale"), empty);
    await expect.poll(() => agendaItems(b.page, "Udpegninger")).toEqual(["4.1. Sundhedsaftale"]);
    await expect
      .poll(() => agendaItems(b.page, SECTION))
      .toEqual(["2.1. Erhvervsfremme", "2.2. Budget 2027"]);

    await agendaRow(a.page, "Sundhedsaftale").getByRole("link").click();
    await a.page.getByRole("button", { name: "Slet punkt" }).click();
    await expect.poll(() => agendaItems(b.page, "Udpegninger")).toEqual([]);
    await a.page.getByRole("button", { name: "Fortryd" }).click();
    await expect.poll(() => agendaItems(b.page, "Udpegninger")).toEqual(["4.1. Sundhedsaftale"]);
  });

  it("lets go of a lifted item that someone else deletes meanwhile", async () => {
    await a.page.getByRole("button", { name: "Flyt punkt 4.1 Sundhedsaftale" }).focus();
    await a.page.keyboard.press("Space");
    await a.page.locator(".move-hint").waitFor();
    const itemId = await agendaRow(a.page, "Sundhedsaftale").getAttribute("data-item-id");
    const meetingId = new URL(meetingUrl).pathname.split("/")[2]!;
    const deleted = await sendCommand(a.page, meetingId, { type: "deleteItem", itemId });
    expect(deleted.status).toBe(200);
    await expect
      .poll(() => a.page.getByTestId("announcer").textContent())
      .toContain("«Sundhedsaftale» er slettet af en anden");
    expect(await a.page.locator(".move-hint").count()).toBe(0);
    expect(await agendaItems(a.page, "Udpegninger")).toEqual([]);
  });

  it("renames and adds sections from the keyboard; B sees the new headings", async () => {
    const menu = a.page.locator("summary", { hasText: "Handlinger for sektion 4" });
    await menu.focus();
    await a.page.keyboard.press("Enter");
    await a.page.getByRole("button", { name: "Omdøb" }).click();
    const name = a.page.getByLabel("Nyt navn til sektion 4");
    await name.fill("Udpegninger og valg");
    await name.press("Enter");
    await a.page.getByRole("button", { name: "+ Tilføj sektion" }).click();
    await a.page.getByLabel("Titel på ny sektion").fill("Lukkede punkter");
    await a.page.getByLabel("Titel på ny sektion").press("Enter");
    await expect
      .poll(() => b.page.locator(".section-heading").allTextContents())
      .toEqual([
        "1. Godkendelse af referat",
        `2. ${SECTION}`,
        "3. Siden sidst",
        "4. Udpegninger og valg",
        "5. Punkter til næste møde",
        "6. Eventuelt",
        "7. Lukkede punkter",
      ]);
  });
});
