import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { danishToday } from "../../shared/model";
import { stepMeeting } from "../integration/helpers/meetingSteps";
import { login } from "../integration/helpers/session";
import { axeViolations } from "./helpers/axeViolations";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_MEETING_ID, signInTo } from "./helpers/meetingPages";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

describe("taking minutes during the meeting in real Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    // The meeting is today and its agenda is sent: the minutes can be taken live.
    const secretariat = await login(server.url, "sekretariat@demo.dk");
    const date = await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "updateMeeting",
      details: { date: danishToday() },
    });
    expect(date.status).toBe(200);
    const sent = await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda");
    expect(sent.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("picks attendance from the members and records a stedfortræder, by keyboard alone", async () => {
    // A retry starts from no attendance recorded.
    const reset = await (
      await login(server.url, "sekretariat@demo.dk")
    ).request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "setAttendance",
      attendance: { present: [], absent: [], notPresentForItem: {}, substitutes: [] },
    });
    expect(reset.status).toBe(200);
    const { page, context } = await signInTo(
      browser,
      server.url,
      "sekretariat@demo.dk",
      `/moeder/${DEMO_MEETING_ID}/referat`,
    );
    await page.getByText("Du skriver referatet under mødet.", { exact: false }).waitFor();
    const attendance = page.getByRole("region", { name: "Fremmøde" });
    const member = (name: string) =>
      attendance.getByRole("group", { name: new RegExp(`^${name}`) });
    const announced = (text: string) =>
      page.getByTestId("announcer").filter({ hasText: text }).waitFor();

    // The chair: present. Focus lands on the group's first radio; Space checks it.
    await member("Frederik Lund").getByRole("radio", { name: "Til stede" }).focus();
    await page.keyboard.press("Space");
    await announced("Frederik Lund: til stede.");
    // Tab goes on to the next member's group, onto its checked choice ("Ikke registreret");
    // the arrow key moves to Afbud and checks it.
    await page.keyboard.press("Tab");
    expect(
      await member("Lene Bach")
        .getByRole("radio", { name: "Ikke registreret" })
        .evaluate((radio) => radio === document.activeElement),
    ).toBe(true);
    await page.keyboard.press("ArrowLeft");
    await announced("Lene Bach: afbud.");
    const leneAbsent = member("Lene Bach").getByRole("radio", { name: "Afbud" });
    await expect.poll(() => leneAbsent.isChecked()).toBe(true);

    // A stedfortræder for Lene Bach, typed by name, the member chosen from the list.
    await attendance.getByLabel("Stedfortræderens navn").focus();
    await page.keyboard.type("Anne Hansen");
    await page.keyboard.press("Tab");
    const replaces = attendance.getByLabel("Møder for");
    expect(await replaces.evaluate((select) => select === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await replaces.inputValue()).toBe("Lene Bach");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await announced("Anne Hansen er registreret som stedfortræder for Lene Bach, der har afbud.");
    await attendance
      .getByRole("list", { name: "Stedfortrædere" })
      .getByText("Anne Hansen – stedfortræder for Lene Bach")
      .waitFor();
    await member("Lene Bach").getByText("stedfortræder: Anne Hansen").waitFor();
    expect(await attendance.getByLabel("Stedfortræderens navn").inputValue()).toBe("");

    // Stored as the minutes will print it.
    const http = await login(server.url, "formand@demo.dk");
    const { meeting } = (await (
      await http.request("GET", `/api/meetings/${DEMO_MEETING_ID}`)
    ).json()) as { meeting: { attendance: unknown } };
    expect(meeting.attendance).toEqual({
      present: ["Frederik Lund", "Anne Hansen"],
      absent: ["Lene Bach"],
      notPresentForItem: {},
      substitutes: [{ name: "Anne Hansen", replaces: "Lene Bach" }],
    });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
