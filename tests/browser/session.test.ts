import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConsole, expectServerDown } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_ITEM_ID, openItemPage, waitForEditor } from "./helpers/openItemPage";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

describe("the signed-in session", () => {
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

  it('ends with "Log ud" (a CSRF-checked request) and the login page', async () => {
    const { page, context } = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.waitForURL(`${server.url}/login`);
    expectConsole(
      /status of 401 \(Unauthorized\) \(.*\/api\/me/,
      "the test asks the server who is signed in after logging out",
    );
    const me = await page.evaluate(async () => (await fetch("/api/me")).status);
    expect(me).toBe(401);
    await context.close();
  });

  it("sends the person to the login page when the sync server says unauthenticated", async () => {
    const { page, context } = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    // The session ends behind the page's back; the open socket lives on until the server
    // restarts, and the reconnect is refused with 4401.
    const status = await page.evaluate(async () => {
      const csrf = /(?:^|; )dagsorden_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? "";
      const response = await fetch("/api/auth/logout", {
        method: "POST",
        headers: { "X-CSRF-Token": decodeURIComponent(csrf) },
      });
      return response.status;
    });
    expect(status).toBeLessThan(300);
    expectServerDown();
    expectConsole(
      /status of 401 \(Unauthorized\)/,
      "the session has ended: requests the page makes before it is sent to the login are refused",
    );
    await server.stop();
    await server.restart();
    await page.waitForURL(
      `${server.url}/login?next=${encodeURIComponent(`/items/${DEMO_ITEM_ID}`)}`,
    );

    // Signing in again returns to the item.
    await page.getByLabel("E-mail").fill("sagsbehandler@demo.dk");
    await page.getByLabel("Adgangskode").fill("demo");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(`${server.url}/items/${DEMO_ITEM_ID}`);
    await waitForEditor(page);
    await context.close();
  });
});
