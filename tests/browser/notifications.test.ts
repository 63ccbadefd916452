import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./helpers/axeViolations";
import { launchBrowser } from "./helpers/launchBrowser";
import { signInTo, type SignedInPage } from "./helpers/meetingPages";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const MEETING = "/moeder/demo-2025-09-03";
const ITEM = `${MEETING}/punkter/demo-2-1`;

describe("assigning an item, and the member's bell", () => {
  let server: TestServer;
  let browser: Browser;
  let secretariat: SignedInPage;
  let director: SignedInPage;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await secretariat?.context.close();
    await director?.context.close();
    await browser?.close();
    await server?.dispose();
  });

  it("tells the member live, with the bell's count and an entry that leads to the item", async () => {
    director = await signInTo(browser, server.url, "direktoer@demo.dk");
    const bell = director.page.locator(".bell-button");
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifikationer, ingen ulæste");

    secretariat = await signInTo(browser, server.url, "sekretariat@demo.dk", ITEM);
    await secretariat.page.getByRole("button", { name: "Ret oplysninger" }).click();
    const officers = secretariat.page.getByRole("combobox", {
      name: "Sagsbehandlere",
      exact: true,
    });
    await officers.fill("Dorthe");
    await secretariat.page.getByRole("option", { name: "Dorthe Krogh (dok)" }).click();
    expect(await axeViolations(secretariat.page)).toEqual([]);
    await secretariat.page.getByRole("button", { name: "Gem oplysninger" }).click();

    // Live on the director's page, which was open all along: no reload.
    await expect
      .poll(() => bell.getAttribute("aria-label"))
      .toBe("Notifikationer, 1 ulæst notifikation");
    expect(await director.page.locator(".bell-count").textContent()).toBe("1");
    await bell.click();
    const entry = director.page.locator(".bell-entry").first();
    await expect.poll(() => entry.textContent()).toContain("Signe Holm har sat dig på punktet");
    expect(await entry.textContent()).toContain("ulæst");
    expect(await axeViolations(director.page)).toEqual([]);

    await entry.getByRole("link").click();
    await director.page.waitForURL(`${server.url}${ITEM}`);
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifikationer, ingen ulæste");
    expect(await director.page.locator(".bell-count").count()).toBe(0);
  });

  it("hands the item on from a dialog, and the new officer's bell counts it", async () => {
    // The director is now an officer of the item and may give it on.
    await director.page.getByRole("button", { name: "Giv videre til …" }).click();
    const dialog = director.page.getByRole("dialog");
    await dialog.getByLabel("Giv videre til").selectOption({ label: "Signe Holm (sih)" });
    await dialog.getByLabel("Besked til den, der overtager punktet").fill("Kan du tage den?");
    expect(await axeViolations(director.page)).toEqual([]);
    await dialog.getByRole("button", { name: "Giv videre" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => secretariat.page.locator(".bell-button").getAttribute("aria-label"))
      .toBe("Notifikationer, 1 ulæst notifikation");
    await secretariat.page.locator(".bell-button").click();
    await expect
      .poll(() => secretariat.page.locator(".bell-entry").first().textContent())
      .toContain("Dorthe Krogh har givet punktet");
  });
});
