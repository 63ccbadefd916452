import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./helpers/axeViolations";
import { expectConsole } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { DEMO_ITEM_ID, openItemPage } from "./helpers/openItemPage";
import { signIn } from "./helpers/signIn";
import { startTestServer, type TestServer } from "./helpers/startTestServer";

describe("user administration and invitations", () => {
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

  it("the secretariat invites a person, who sets a password from the link and is signed in; roles change", async () => {
    const admin = await signIn(browser, server.url, "sekretariat@demo.dk");
    await admin.page.getByRole("link", { name: "Brugere" }).click();
    await admin.page.getByRole("heading", { name: "Brugere" }).waitFor();
    const table = admin.page.locator(".members-table");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(5);

    const form = admin.page.locator(".invite-form");
    await form.getByLabel("Navn").fill("Anne Jensen");
    await form.getByLabel("E-mail").fill("anje@demo.dk");
    await form.getByLabel("Initialer").fill("a");
    await form.getByRole("button", { name: "Invitér" }).click();
    await admin.page.getByRole("alert").filter({ hasText: "Initialer er 2–5 bogstaver" }).waitFor();
    await form.getByLabel("Initialer").fill("anje");
    await form.getByLabel("Rolle").selectOption({ label: "Direktør" });
    await form.getByRole("button", { name: "Invitér" }).click();
    const link = admin.page.getByLabel("Invitationslink");
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/invitation/[A-Za-z0-9_-]+$`));
    const row = table.locator("tbody tr", { hasText: "Anne Jensen" });
    await row.waitFor();
    expect(await row.getByRole("combobox").inputValue()).toBe("direktoer");
    expect(await axeViolations(admin.page)).toEqual([]);

    // The invited person, signed out, opens the link and chooses a password.
    const invited = await browser.newContext();
    const page = await invited.newPage();
    await page.goto(url);
    await page.getByRole("heading", { name: "Velkommen til Dagsorden" }).waitFor();
    await page.getByLabel("Ny adgangskode").fill("kort");
    await page.getByLabel("Gentag adgangskoden").fill("kort");
    await page.getByRole("button", { name: "Tag imod invitationen" }).click();
    await page.getByRole("alert").filter({ hasText: "mindst 10 tegn" }).waitFor();
    await page.getByLabel("Ny adgangskode").fill("en lang adgangskode");
    await page.getByLabel("Gentag adgangskoden").fill("en lang adgangskode");
    await page.getByRole("button", { name: "Tag imod invitationen" }).click();
    await page.waitForURL(`${server.url}/`);
    await page.locator(".app-user-name", { hasText: "Anne Jensen" }).waitFor();
    // A link is used once.
    expectConsole(
      /status of 400 \(Bad Request\) \(.*\/api\/auth\/accept-invite/,
      "the test uses an invitation link a second time; the server refuses it",
    );
    await page.goto(url);
    await page.getByLabel("Ny adgangskode").fill("en anden lang kode");
    await page.getByLabel("Gentag adgangskoden").fill("en anden lang kode");
    await page.getByRole("button", { name: "Tag imod invitationen" }).click();
    await page.getByRole("alert").filter({ hasText: "ugyldig eller udløbet" }).waitFor();
    await invited.close();

    // Changing a role is said where it happened.
    await row.getByRole("combobox").selectOption({ label: "Formand" });
    await admin.page.locator(".users-status", { hasText: "Anne Jensen er nu formand." }).waitFor();
    await admin.context.close();
  });

  it("deactivating a person closes their open item at once and stops their login; activating lets them back", async () => {
    const officer = await openItemPage(browser, server.url, "sagsbehandler@demo.dk");
    const admin = await signIn(browser, server.url, "sekretariat@demo.dk", "/brugere");
    const row = admin.page.locator(".members-table tbody tr", { hasText: "Mads Lauridsen" });
    await row.getByRole("button", { name: "Deaktivér Mads Lauridsen" }).click();
    const dialog = admin.page.getByRole("dialog", { name: "Deaktivér Mads Lauridsen?" });
    await dialog.getByRole("button", { name: "Deaktivér" }).click();
    await row.locator(".account-state", { hasText: "Deaktiveret" }).waitFor();

    // Deactivation ends the person's sessions: the server closes the open item at once (4419)
    // and the page sends them to the login page, saying why.
    await officer.page.waitForURL(
      `${server.url}/login?next=${encodeURIComponent(`/items/${DEMO_ITEM_ID}`)}`,
      { timeout: 10_000 },
    );
    await officer.page.getByText("Du er logget ud.", { exact: false }).waitFor();

    expectConsole(
      /status of 401 \(Unauthorized\) \(.*\/api\/auth\/login/,
      "the test signs in as the deactivated person; the server refuses the login",
    );
    const retry = await browser.newContext();
    const page = await retry.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel("E-mail").fill("sagsbehandler@demo.dk");
    await page.getByLabel("Adgangskode").fill("demo");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByRole("alert").filter({ hasText: "Forkert e-mail eller adgangskode" }).waitFor();

    await row.getByRole("button", { name: "Aktivér Mads Lauridsen" }).click();
    await row.locator(".account-state").getByText("Aktiv", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(`${server.url}/`);
    await Promise.all([officer.context, admin.context, retry].map((context) => context.close()));
  });

  it("is for the secretariat only: others get no link and an explanation", async () => {
    const chair = await signIn(browser, server.url, "formand@demo.dk");
    await chair.page.getByRole("link", { name: "Mine omtaler" }).waitFor();
    expect(await chair.page.getByRole("link", { name: "Brugere" }).count()).toBe(0);
    await chair.page.goto(`${server.url}/brugere`);
    await chair.page.getByText("Kun sekretariatet kan administrere brugere.").waitFor();
    await chair.context.close();
  });

  it("the login page explains a refused login through the organisation's identity provider", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login?fejl=oidc_unknown_user`);
    await page
      .getByRole("alert")
      .filter({ hasText: "Din konto hos organisationen har ikke adgang til Dagsorden" })
      .waitFor();
    // Without an identity provider configured there is no button for one.
    await page.getByLabel("E-mail").waitFor();
    expect(await page.locator(".oidc-login").count()).toBe(0);
    await context.close();
  });
});
