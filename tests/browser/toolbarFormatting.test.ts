import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/launchBrowser";
import { openItemPage } from "./helpers/openItemPage";
import { placeCaret } from "./helpers/placeCaret";
import { saveStatusText } from "./helpers/saveStatusText";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

describe("the formatting toolbar", () => {
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

  it("adds a sub-heading, a numbered list, a link and a table that the server keeps", async () => {
    const { page, context } = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    const toolbar = page.getByRole("toolbar", { name: "Formatering" });
    const sagsfremstilling = page.locator('.item-body section[data-field="sagsfremstilling"]');

    await placeCaret(page, "sagsfremstilling", "end");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Økonomi");
    await toolbar.getByRole("button", { name: "Underoverskrift" }).click();
    await page.keyboard.press("Enter");
    await page.keyboard.type("Første punkt");
    await toolbar.getByRole("button", { name: "Nummereret liste" }).click();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Se kl.dk");
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    await toolbar.getByRole("button", { name: "Link" }).click();
    await page.getByLabel("Linkadresse").fill("kl.dk");
    await page.getByRole("button", { name: "Anvend" }).click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await toolbar.getByRole("button", { name: "Indsæt tabel" }).click();
    await page.keyboard.type("År");

    await expect.poll(() => sagsfremstilling.locator("h3", { hasText: "Økonomi" }).count()).toBe(1);
    await expect.poll(() => sagsfremstilling.locator("ol > li").count()).toBe(1);
    expect(await sagsfremstilling.locator('a[href="https://kl.dk"]').textContent()).toBe("kl.dk");
    expect(await sagsfremstilling.locator("table th").first().textContent()).toBe("År");
    // Inside a table, the table's own commands appear.
    await expect.poll(() => toolbar.getByRole("button", { name: "Tilføj række" }).count()).toBe(1);
    await expect.poll(() => saveStatusText(page), { timeout: 15_000 }).toBe("Gemt");

    // The server accepted it all against the item schema: a newcomer sees the same.
    const other = await openItemPage(browser, server.url, "direktoer@demo.dk");
    const theirs = other.page.locator('.item-body section[data-field="sagsfremstilling"]');
    expect(await theirs.locator("h3", { hasText: "Økonomi" }).count()).toBe(1);
    expect(await theirs.locator("ol > li", { hasText: "Første punkt" }).count()).toBe(1);
    expect(await theirs.locator('a[href="https://kl.dk"]').count()).toBe(1);
    expect(await theirs.locator("table tr").count()).toBe(3);
    await other.context.close();
    await context.close();
  });
});
