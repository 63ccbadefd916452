import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/passwords";
import { DEMO_COMMITTEE_ID } from "../../server/seed/seedDemo";
import { stepMeeting } from "../integration/helpers/meetingSteps";
import type { TestSession } from "../integration/helpers/session";
import { login } from "../integration/helpers/session";
import { connectClient, typeInto, waitSynced } from "../integration/helpers/yClient";
import { axeViolations } from "./helpers/axeViolations";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_MEETING_ID, signInTo } from "./helpers/meetingPages";
import { takePhaseStep } from "./helpers/minutesPages";
import { openItemPage } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const ITEM = "demo-2-1";
const EMAIL = "jens.hansen@odense.dk";
const MINUTES_PATH = `/moeder/${DEMO_MEETING_ID}/referat`;
const PUBLISH_PATH = `/moeder/${DEMO_MEETING_ID}/offentliggoer`;
const FROZEN = "Referatet er godkendt, og mødets tekst er låst.";

describe("record integrity in real Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let secretariat: TestSession;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    expect((await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda")).status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("a second secretary opening the publish page sees the acceptances stored by the first", async () => {
    // A second secretary in the committee.
    const store = server.current!.store;
    await store.users.createUser({
      id: "u-sekretariat-2",
      email: "sekretariat2@demo.dk",
      name: "Karen Bech",
      initials: "kab",
      color: "#2f6b3a",
      passwordHash: await hashPassword("demo"),
      active: true,
    });
    await store.users.setMembership("u-sekretariat-2", DEMO_COMMITTEE_ID, "sekretariat");
    // Personal data in a text, and in a bilag.
    const doc = `item:${ITEM}`;
    const writer = connectClient(server.url, doc, await secretariat.syncToken(doc));
    await waitSynced(writer);
    typeInto(writer.doc, "sagsfremstilling", ` Kontakt ${EMAIL}.`);
    await writer.save();
    writer.destroy();
    const upload = await fetch(`${server.url}/api/items/${ITEM}/attachments?filename=klage.txt`, {
      method: "POST",
      headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
      body: "Klagerens CPR-nummer er 010190-1234.",
    });
    expect(upload.status).toBe(201);

    const first = await signInTo(browser, server.url, "sekretariat@demo.dk", PUBLISH_PATH);
    const findings = first.page.getByRole("list", { name: "Fund" }).getByRole("listitem");
    await first.page.locator(".pd-summary", { hasText: "2 fund, 2 mangler" }).waitFor();
    const email = findings.filter({ hasText: "E-mailadresse" });
    await email.getByRole("button", { name: /^Godkend fundet/ }).click();
    await email.getByText(/Godkendt af Signe Holm/).waitFor();
    // The bilag finding offers what can be done with a bilag: here, leave it out of publishing.
    const bilag = findings.filter({ hasText: "CPR-nummer" });
    expect(await bilag.getByRole("link", { name: /^Ret i teksten/ }).count()).toBe(0);
    await bilag.getByRole("button", { name: /^Offentliggør ikke bilaget/ }).click();
    await first.page.locator(".pd-summary", { hasText: "Alle 1 fund er godkendt." }).waitFor();
    await first.page.locator(".pd-withheld", { hasText: "klage.txt" }).waitFor();
    await first.context.close();

    // Another secretary, another browser: the acceptance and the choice are there.
    const second = await signInTo(browser, server.url, "sekretariat2@demo.dk", PUBLISH_PATH);
    await second.page.locator(".pd-summary", { hasText: "Alle 1 fund er godkendt." }).waitFor();
    const seen = second.page
      .getByRole("list", { name: "Fund" })
      .getByRole("listitem")
      .filter({ hasText: "E-mailadresse" });
    await seen.getByText(/Godkendt af Signe Holm/).waitFor();
    expect(await seen.locator("mark").textContent()).toBe(EMAIL);
    await second.page.locator(".pd-withheld", { hasText: "klage.txt" }).waitFor();
    expect(await axeViolations(second.page)).toEqual([]);
    await second.context.close();
  });

  it("the chair approving the minutes locks the secretariat's open editor at once, with a Danish message", async () => {
    expect((await stepMeeting(secretariat, DEMO_MEETING_ID, "holdMeeting")).status).toBe(200);
    const editorPage = await openItemPage(browser, server.url, "sekretariat@demo.dk", ITEM);
    const editor = editorPage.page.locator(".item-body");
    expect(await editor.getAttribute("contenteditable")).toBe("true");
    await placeCaret(editorPage.page, "baggrund", "end");
    await editorPage.page.keyboard.type(" Skrevet under mødet.");
    await editorPage.page.locator(".save-status", { hasText: "Gemt" }).waitFor();

    const chair = await signInTo(browser, server.url, "formand@demo.dk", MINUTES_PATH);
    await takePhaseStep(chair.page, "Godkend referat");

    // The open editor: read-only, the lock notice in Danish, announced, no toolbar, no steps.
    await editorPage.page.waitForFunction(
      (message) =>
        document.querySelector(".item-body")?.getAttribute("contenteditable") === "false" &&
        document.querySelector(".access-notice")?.textContent?.includes(message) === true,
      FROZEN,
    );
    expect(await editorPage.page.locator(".access-notice").getAttribute("data-locked")).toBe(
      "true",
    );
    await editorPage.page
      .locator('.workflow-bar [aria-live="polite"]', {
        hasText: "Referatet er godkendt. Punktet er nu låst.",
      })
      .waitFor();
    expect(await editorPage.page.getByRole("toolbar").count()).toBe(0);
    expect(await editorPage.page.locator(".workflow-actions button").count()).toBe(0);
    expect(await axeViolations(editorPage.page)).toEqual([]);

    // What was typed before the approval is in the approved record; nothing after it is.
    await editor.click();
    await editorPage.page.keyboard.type(" Efter godkendelsen.");
    const { meeting } = (await (
      await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}`)
    ).json()) as { meeting: { approval: { recordHash: string } } };
    const record = (await (
      await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}/record?kind=referat`)
    ).json()) as { recordHash: string };
    expect(record.recordHash).toBe(meeting.approval.recordHash);
    const html = await (
      await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}/export.html?kind=referat`)
    ).text();
    expect(html).toContain("Skrevet under mødet.");
    expect(html).not.toContain("Efter godkendelsen.");

    await Promise.all([editorPage.context.close(), chair.context.close()]);
  });
});
