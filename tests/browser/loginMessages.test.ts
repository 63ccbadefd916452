/**
 * What the login form says (issue #13): the server's own message — a lockout with the time to
 * wait, a missing field, wrong credentials — and "unreachable" only when the request failed.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../integration/helpers/testServer";
import { startTestServer } from "../integration/helpers/testServer";
import { expectConsole } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";

/** The browser logs every refused login request; these tests provoke the refusals on purpose. */
function expectRefusedLogins(): void {
  expectConsole(
    /status of (400|401|429) .*\/api\/auth\/login/,
    "the test sends empty fields, wrong passwords and too many attempts on purpose",
  );
}

async function submit(page: Page, email: string, password: string) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  const answer = page.waitForResponse("**/api/auth/login").catch(() => null);
  await page.getByRole("button", { name: "Log ind" }).click();
  return answer;
}

describe("the login form in real Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({
      loginLimits: { perAccount: 3, perAddress: 1000, windowMs: 15 * 60_000 },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("shows the server's validation message for empty fields", async () => {
    expectRefusedLogins();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    const answer = await submit(page, "", "");
    expect(answer?.status()).toBe(400);
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Skriv din e-mailadresse. Skriv din adgangskode.");
    await submit(page, "formand@demo.dk", "");
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Skriv din adgangskode.");
    await context.close();
  });

  it("shows wrong credentials, then the lockout with the time to wait, even for the right password", async () => {
    expectRefusedLogins();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await submit(page, "direktoer@demo.dk", `forkert-${attempt}`))?.status()).toBe(401);
      await expect
        .poll(() => page.getByRole("alert").textContent())
        .toBe("Forkert e-mail eller adgangskode");
    }
    const locked = await submit(page, "direktoer@demo.dk", "demo");
    expect(locked?.status()).toBe(429);
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("For mange forsøg på at logge ind. Prøv igen om 15 minutter.");
    expect(page.url()).toBe(`${server.url}/login`);
    await context.close();
  });

  it("says the server cannot be reached only when the request itself fails", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.route("**/api/auth/login", (route) => route.abort("connectionrefused"));
    expectConsole(
      /Failed to load resource: net::ERR_CONNECTION_REFUSED .*\/api\/auth\/login/,
      "the test makes the login request fail as if the server were down",
    );
    // No response to wait for: the request fails.
    await page.getByLabel("E-mail").fill("formand@demo.dk");
    await page.getByLabel("Adgangskode").fill("demo");
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Serveren kan ikke nås. Tjek din forbindelse, og prøv igen.");
    await context.close();
  });
});
