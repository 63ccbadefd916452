import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login } from "../integration/helpers/session";
import { axeViolations } from "./helpers/axeViolations";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_MEETING_ID, signInTo } from "./helpers/meetingPages";
import { takePhaseStep } from "./helpers/minutesPages";
import { placeCaret } from "./helpers/placeCaret";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const ITEM = "demo-2-2";
const EMAIL = "jens.hansen@odense.dk";
const PHONE = "Tlf. 23 45 67 89";
const PUBLISH_PATH = `/moeder/${DEMO_MEETING_ID}/offentliggoer`;

describe("publishing in real Chromium", () => {
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

  it("lists planted personal data in place; one is fixed in the text, one accepted; the published agenda is public without login", async () => {
    // The secretariat plants an e-mail address and a phone number in item 2.2's Sagsfremstilling.
    const { page, context } = await signInTo(
      browser,
      server.url,
      "sekretariat@demo.dk",
      `/items/${ITEM}`,
    );
    await page.locator('.item-layout:not([data-access="unknown"])').waitFor();
    await placeCaret(page, "sagsfremstilling", "end");
    await page.keyboard.type(` Kontakt: ${EMAIL}. ${PHONE}`);
    await page.locator(".save-status", { hasText: "Gemt" }).waitFor();

    // The agenda is not sent out yet: the page says so, and offers the step.
    await page.goto(`${server.url}${PUBLISH_PATH}`);
    await page.getByText("Dagsordenen skal være udsendt, før den kan offentliggøres.").waitFor();
    const publishButton = page.getByRole("button", { name: "Offentliggør dagsorden" });
    expect(await publishButton.isDisabled()).toBe(true);
    await takePhaseStep(page, "Udsend dagsorden");
    await page.getByText("Dagsordenen skal være udsendt").waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.id === "pd-check-heading");

    // Each finding in place: item, field, the text around it with the match marked.
    const findings = page.getByRole("list", { name: "Fund" }).getByRole("listitem");
    await page.locator(".pd-summary", { hasText: "2 fund, 2 mangler" }).waitFor();
    const email = findings.filter({ hasText: "E-mailadresse" });
    const phone = findings.filter({ hasText: "Telefonnummer" });
    expect(await email.locator(".finding-where").textContent()).toMatch(
      /Punkt 2\.2 Siden sidst.*Sagsfremstilling/,
    );
    expect(await email.locator("mark").textContent()).toBe(EMAIL);
    expect(await phone.locator("mark").textContent()).toBe("23 45 67 89");
    expect(await publishButton.isDisabled()).toBe(true);
    await page.getByText("Ret eller godkend først hvert fund.").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The e-mail address is accepted as it is …
    await email.getByRole("button", { name: /^Godkend fundet/ }).click();
    await page.locator(".pd-summary", { hasText: "2 fund, 1 mangler" }).waitFor();
    // Stored on the server at once, with who accepted it.
    await email.getByText(/Godkendt af Signe Holm/).waitFor();

    // … the phone number is fixed in the text ("Ret i teksten" opens the item on the meeting
    // page), and the check run again no longer finds it, the acceptance kept.
    await phone.getByRole("link", { name: /^Ret i teksten/ }).click();
    await page.waitForURL(`${server.url}/moeder/${DEMO_MEETING_ID}/punkter/${ITEM}`);
    await page.locator('.item-body[contenteditable="true"]').waitFor();
    await placeCaret(page, "sagsfremstilling", "end");
    for (let i = 0; i < PHONE.length + 1; i += 1) await page.keyboard.press("Backspace");
    await page.locator(".save-status", { hasText: "Gemt" }).waitFor();
    await page.goBack();
    await page.waitForURL(`${server.url}${PUBLISH_PATH}`);
    await page.locator(".pd-summary", { hasText: "Alle 1 fund er godkendt." }).waitFor();
    expect(await phone.count()).toBe(0);

    // The items are still drafts: publishing them is confirmed, naming them.
    expect(await publishButton.isDisabled()).toBe(true);
    await page.getByRole("list", { name: "Punkter, der ikke er godkendt" }).waitFor();
    await page.getByLabel(/og vil offentliggøre alligevel/).check();

    // Publishing: a success message with links to the public pages.
    await publishButton.click();
    const published = page.getByRole("link", { name: "Se den offentliggjorte dagsorden" });
    await published.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const documentPath = await published.getAttribute("href");
    expect(documentPath).toMatch(/^\/offentlig\/dokumenter\/[A-Za-z0-9_-]+$/);
    expect(
      await page
        .getByRole("link", { name: "Offentlig side for KKR Syddanmark" })
        .getAttribute("href"),
    ).toBe("/offentlig/kkr-syddanmark");
    await context.close();

    // Anyone, without logging in, reads the published agenda: with the accepted address,
    // without the removed phone number.
    const anonymous = await browser.newContext();
    const reader = await anonymous.newPage();
    await reader.goto(`${server.url}/offentlig/kkr-syddanmark`);
    await reader.getByRole("link", { name: /Dagsorden – møde 3\. september 2025$/ }).click();
    await reader.waitForURL(`${server.url}${documentPath}`);
    expect(await reader.locator("h1").first().textContent()).toBe("Dagsorden");
    const text = (await reader.locator("body").textContent()) ?? "";
    expect(text).toContain(EMAIL);
    expect(text).not.toContain("23 45 67 89");
    await anonymous.close();

    // The acceptance and the publication are in the audit log, by the secretariat.
    const http = await login(server.url, "sekretariat@demo.dk");
    const { entries } = (await (
      await http.request("GET", `/api/meetings/${DEMO_MEETING_ID}/audit`)
    ).json()) as {
      entries: { action: string; userId: string; details: Record<string, unknown> }[];
    };
    const accepted = entries.find((e) => e.action === "publication.accept_finding");
    expect(accepted).toMatchObject({ userId: "u-sekretariat", details: { match: EMAIL } });
    expect(entries.find((e) => e.action === "meeting.publish")?.details).toMatchObject({
      kind: "dagsorden",
      acceptedFindings: 1,
    });
  });
});
