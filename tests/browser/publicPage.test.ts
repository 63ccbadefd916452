import axe from "axe-core";
import type { AxeResults } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { publishAccepting, stepMeeting } from "../integration/helpers/meetingSteps";
import { login } from "../integration/helpers/session";
import type { TestServer } from "../integration/helpers/testServer";
import { startTestServer } from "../integration/helpers/testServer";
import { launchBrowser } from "./helpers/launchBrowser";

async function violations(page: Page) {
  // Evaluated, not added as an inline <script>: the page's CSP refuses inline scripts.
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    () =>
      (
        window as unknown as { axe: { run(): Promise<AxeResults> } }
      ).axe.run() as Promise<AxeResults>,
  );
  return results.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }));
}

describe("the public page in real Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let publicationId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const secretariat = await login(server.url, "sekretariat@demo.dk");
    await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda");
    const res = await publishAccepting(secretariat, DEMO_MEETING_ID, "dagsorden");
    publicationId = ((await res.json()) as { publication: { id: string } }).publication.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("lists the published documents without login and has no axe-core violations", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/offentlig`);
    expect(await violations(page)).toEqual([]);
    await page.getByRole("link", { name: "KKR Syddanmark" }).click();
    await page.waitForURL(`${server.url}/offentlig/${DEMO_COMMITTEE_ID}`);
    expect(await violations(page)).toEqual([]);
    await page.getByRole("link", { name: /Dagsorden – møde 3\. september 2025$/ }).click();
    await page.waitForURL(`${server.url}/offentlig/dokumenter/${publicationId}`);
    expect(await page.locator("h1").first().textContent()).toBe("Dagsorden");
    expect(await page.locator("body").textContent()).toContain("KKR Syddanmark");
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("keeps a replaced document readable, with an accessible notice linking to the new one", async () => {
    const secretariat = await login(server.url, "sekretariat@demo.dk");
    const res = await publishAccepting(secretariat, DEMO_MEETING_ID, "dagsorden");
    const newer = ((await res.json()) as { publication: { id: string } }).publication.id;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/offentlig/dokumenter/${publicationId}`);
    const notice = page.getByRole("complementary", { name: "Om dokumentet" });
    await notice.getByText("Erstattet af").waitFor();
    expect(await violations(page)).toEqual([]);
    await notice.getByRole("link").click();
    await page.waitForURL(`${server.url}/offentlig/dokumenter/${newer}`);
    expect(await page.getByRole("complementary", { name: "Om dokumentet" }).count()).toBe(0);
    await context.close();
  });
});
