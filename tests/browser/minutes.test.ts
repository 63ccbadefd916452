import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login } from "../integration/helpers/session";
import { axeViolations } from "./helpers/axeViolations";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_MEETING_ID, signInTo, type SignedInPage } from "./helpers/meetingPages";
import {
  beslutningEditor,
  beslutningText,
  takePhaseStep,
  waitForBeslutning,
} from "./helpers/minutesPages";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const MINUTES_PATH = `/moeder/${DEMO_MEETING_ID}/referat`;
const ITEM = "demo-2-3";

interface AuditEntry {
  userId: string | null;
  action: string;
  details: Record<string, unknown>;
}

describe("minutes mode in real Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let secretariat: SignedInPage;
  let chair: SignedInPage;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    secretariat = await signInTo(browser, server.url, "sekretariat@demo.dk", MINUTES_PATH);
    chair = await signInTo(browser, server.url, "formand@demo.dk", MINUTES_PATH);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("the secretariat writes Beslutning while the chair watches live; the chair approves and the minutes lock", async () => {
    const a = secretariat.page;
    const b = chair.page;

    // Before the agenda is sent nobody writes the minutes, and the chair has no step to take.
    await a.getByText("Referatet kan skrives fra mødedagen, når dagsordenen er udsendt.").waitFor();
    expect(await beslutningEditor(a, ITEM).getAttribute("contenteditable")).toBe("false");
    expect(await b.getByRole("group", { name: "Mødets fase" }).count()).toBe(0);

    // The secretariat sends the agenda out and marks the meeting held, each confirmed in a dialog.
    await takePhaseStep(a, "Udsend dagsorden");
    await takePhaseStep(a, "Mødet er afholdt");
    await a.getByTestId("announcer").filter({ hasText: "Mødet er afholdt." }).waitFor();
    await beslutningEditor(a, ITEM).and(a.locator('[contenteditable="true"]')).waitFor();
    // The chair's page follows the phase live: now a reader of the minutes with a step to take.
    await b.getByText("Sekretariatet skriver referatet.").waitFor();
    await b.getByRole("button", { name: "Godkend referat" }).waitFor();
    expect(await beslutningEditor(b, ITEM).getAttribute("contenteditable")).toBe("false");

    // A replaces the imported Beslutning by typing; B sees every word arrive.
    const editor = beslutningEditor(a, ITEM);
    await editor.click();
    await a.keyboard.press("ControlOrMeta+A");
    await a.keyboard.type("KKR Syddanmark drøftede regnskabet.");
    await waitForBeslutning(b, ITEM, "KKR Syddanmark drøftede regnskabet.");

    // A standard phrase is one click away; it lands after the text, ready to be finished.
    const phrases = a.getByRole("group", {
      name: /Indsæt formulering i Beslutning for punkt 2\.3/,
    });
    await phrases
      .getByRole("button", {
        name: "KKR Syddanmark godkendte indstillingen med den tilføjelse, at …",
      })
      .click();
    await a.keyboard.type("årsrapporten sendes til kommunerne.");
    const expected =
      "KKR Syddanmark drøftede regnskabet.\n" +
      "KKR Syddanmark godkendte indstillingen med den tilføjelse, at årsrapporten sendes til kommunerne.";
    await waitForBeslutning(a, ITEM, expected);
    await waitForBeslutning(b, ITEM, expected);
    await a.locator(".save-status", { hasText: "Gemt" }).waitFor();

    // The suggestion from the Indstilling fills an empty Beslutning in one click.
    const empty = "demo-3-1";
    await beslutningEditor(a, empty).click();
    await a.keyboard.press("ControlOrMeta+A");
    await a.keyboard.press("Backspace");
    const suggestion = a
      .getByRole("group", { name: /Indsæt formulering i Beslutning for punkt 3\.1/ })
      .getByRole("button", { name: /^Forslag ud fra indstillingen:/ });
    const suggested = ((await suggestion.textContent()) ?? "").replace(
      /^Forslag ud fra indstillingen:\s*/,
      "",
    );
    expect(suggested).toMatch(/^KKR Syddanmark /);
    await suggestion.click();
    await waitForBeslutning(b, empty, suggested);

    // Attendance: who was there, who sent apologies, who left for one item; the chair sees it.
    const attendance = a.getByRole("region", { name: "Fremmøde" });
    const pick = async (name: string, choice: "Til stede" | "Afbud") => {
      const radio = attendance
        .getByRole("group", { name: new RegExp(`^${name}`) })
        .getByRole("radio", { name: choice });
      await radio.click();
      await expect.poll(() => radio.isChecked()).toBe(true);
    };
    await pick("Frederik Lund", "Til stede");
    await pick("Lene Bach", "Til stede");
    await pick("Dorthe Krogh", "Afbud");
    const itemCard = a.locator(`#beslutning-${ITEM}`);
    await itemCard.getByRole("button", { name: "Ikke til stede under punktet" }).click();
    // The box is controlled by the live meeting state: it turns checked once the server
    // accepted the change, so click and wait rather than `check()` (which expects it at once).
    const away = itemCard.getByRole("checkbox", { name: "Lene Bach" });
    await away.click();
    await expect.poll(() => away.isChecked()).toBe(true);
    await a
      .getByTestId("announcer")
      .filter({ hasText: "Lene Bach er registreret som ikke til stede under punkt 2.3." })
      .waitFor();
    await b
      .locator(`#beslutning-${ITEM}`)
      .getByText("Ikke til stede under punktet: Lene Bach")
      .waitFor();
    await b
      .getByRole("region", { name: "Fremmøde" })
      .getByRole("list", { name: "Afbud" })
      .getByText("Dorthe Krogh")
      .waitFor();
    expect(await axeViolations(a)).toEqual([]);
    expect(await axeViolations(b)).toEqual([]);

    // The chair approves the minutes in a dialog.
    await takePhaseStep(b, "Godkend referat");
    // The approve button is gone; focus goes on to the minutes' new status.
    await b.waitForFunction(() => document.activeElement?.classList.contains("minutes-status"));
    await b.getByText("Referatet er godkendt og låst", { exact: true }).waitFor();

    // A's editors become read-only at once, with the Danish message and the content hash.
    await beslutningEditor(a, ITEM).and(a.locator('[contenteditable="false"]')).waitFor();
    await a.getByText("Referatet er godkendt og låst", { exact: true }).waitFor();
    await a
      .getByTestId("announcer")
      .filter({ hasText: "Referatet er godkendt og låst." })
      .waitFor();
    await a.locator(".minutes-hash code").waitFor();
    expect(await a.getByRole("button", { name: /Indsæt formulering|Forslag/ }).count()).toBe(0);
    await beslutningEditor(a, ITEM).click();
    await a.keyboard.type("Efter godkendelsen");
    expect(await beslutningText(a, ITEM)).toBe(expected);

    // Readers get the minutes once approved, read-only; the secretariat's working copy is theirs.
    const reader = await signInTo(browser, server.url, "laeser@demo.dk", MINUTES_PATH);
    await waitForBeslutning(reader.page, ITEM, expected);
    expect(await beslutningEditor(reader.page, ITEM).getAttribute("contenteditable")).toBe("false");
    expect(await reader.page.getByRole("group", { name: "Mødets fase" }).count()).toBe(0);
    await reader.context.close();

    // Both steps are in the audit log, with who took them; the approval with its content hash.
    const http = await login(server.url, "sekretariat@demo.dk");
    const { entries } = (await (
      await http.request("GET", `/api/meetings/${DEMO_MEETING_ID}/audit`)
    ).json()) as { entries: AuditEntry[] };
    const held = entries.find((entry) => entry.action === "meeting.holdMeeting");
    const approved = entries.find((entry) => entry.action === "meeting.approveMinutes");
    expect(held?.userId).toBe("u-sekretariat");
    expect(approved?.userId).toBe("u-formand");
    expect(approved?.details["recordHash"]).toMatch(/^[0-9a-f]{64}$/);
    expect(await a.locator(".minutes-hash code").textContent()).toBe(
      approved?.details["recordHash"],
    );

    // What was approved is what the minutes export prints.
    const html = await (
      await http.request("GET", `/api/meetings/${DEMO_MEETING_ID}/export.html?kind=referat`)
    ).text();
    expect(html).toContain("årsrapporten sendes til kommunerne.");
    // … and it states the record's hash that approval recorded.
    expect(html).toContain(String(approved?.details["recordHash"]));
    expect(html).toContain("Ikke til stede under punktet: Lene Bach");
    expect(html).toContain("Dorthe Krogh");
    expect(await axeViolations(a)).toEqual([]);
  });
});
