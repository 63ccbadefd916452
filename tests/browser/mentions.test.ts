import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { selectText } from "./helpers/selectText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

const SENTENCE =
  "KL har samlet en kort status på efterårets milepæle i arbejdet med sundhedsreformen.";

describe("naming people in a comment", () => {
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

  it("offers every member who may read the item — the chair too, who is not here — found by name or initials; Enter picks without a line break", async () => {
    // Nobody else has the item open, and nobody has commented on it.
    const { page, context } = await openItemPage(browser, server.url, "direktoer@demo.dk");
    await selectText(page, "baggrund", SENTENCE);
    await page.getByRole("button", { name: "Kommentér markeret tekst" }).click();
    const field = page.getByRole("combobox", { name: "Ny kommentar" });

    // "@" alone: everyone who may read the comments but the writer; not the reader.
    await field.pressSequentially("Se venligst @");
    const options = page.getByRole("option");
    await expect
      .poll(() => options.allTextContents())
      .toEqual(["Frederik Lund (frl)", "Mads Lauridsen (mlal)", "Signe Holm (sih)"]);

    // By initials.
    await field.pressSequentially("fr");
    await expect.poll(() => options.allTextContents()).toEqual(["Frederik Lund (frl)"]);
    await field.press("Enter");
    await expect.poll(() => field.inputValue()).toBe("Se venligst @Frederik Lund ");
    await field.pressSequentially("og @lauri");
    await expect.poll(() => options.allTextContents()).toEqual(["Mads Lauridsen (mlal)"]);
    await field.press("Enter");
    expect(await field.inputValue()).toBe("Se venligst @Frederik Lund og @Mads Lauridsen ");
    expect(await field.inputValue()).not.toContain("\n");

    await page.getByRole("button", { name: "Gem kommentar" }).click();
    await page.locator(".comment-thread").first().waitFor();
    await context.close();

    // The chair finds it among their mentions.
    const chair = await openItemPage(browser, server.url, "formand@demo.dk");
    await chair.page.getByRole("link", { name: "Mine omtaler" }).click();
    const mention = chair.page.locator(".mention-feed a").first();
    await mention.waitFor();
    expect(await mention.textContent()).toContain("Dorthe Krogh");
    await chair.context.close();
  });
});
