import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OidcConfig } from "../../server/auth/oidc";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { signInAtProvider, TestBrowser } from "./helpers/oidcBrowser";
import type { TestAccount, TestProvider } from "./helpers/oidcProvider";
import { listenTestProvider } from "./helpers/oidcProvider";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

const FLOW_COOKIE = "dagsorden_oidc";

/** Accounts at the provider, by the login typed into its form. */
const ACCOUNTS: Record<string, TestAccount> = {
  formand: { email: "formand@demo.dk", email_verified: true },
  // Entra ID may hand back the address in another case than the secretariat typed it.
  direktoer: { email: "Direktoer@Demo.dk" },
  fremmed: { email: "fremmed@andet-sted.dk", email_verified: true },
  uverificeret: { email: "laeser@demo.dk", email_verified: false },
  fratraadt: { email: "fratraadt@demo.dk", email_verified: true },
};

/**
 * Our server and a real provider that know of each other. Our port must be in the config the
 * server starts with, so it is picked first (and picked again in the unlikely case it is taken).
 */
async function startWithProvider(options: { emailInIdToken?: boolean } = {}) {
  const idp = await listenTestProvider();
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const oidc: OidcConfig = {
      issuer: idp.issuer,
      clientId: "dagsorden",
      clientSecret: "test-client-secret",
      redirectUrl: `http://127.0.0.1:${port}/api/auth/oidc/callback`,
      label: "Log ind med KL-konto",
    };
    try {
      const server = await startTestServer({ port, oidc });
      idp.configure({ ...oidc, redirectUri: oidc.redirectUrl }, ACCOUNTS, options);
      return { server, idp };
    } catch (error) {
      if ((error as { code?: string }).code !== "EADDRINUSE" || attempt === 3) {
        await idp.close();
        throw error;
      }
    }
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("OIDC login against a real OpenID provider", () => {
  let server: TestServer;
  let idp: TestProvider;

  beforeAll(async () => {
    ({ server, idp } = await startWithProvider());
    await server.store.users.createUser({
      id: "u-fratraadt",
      email: "fratraadt@demo.dk",
      name: "Fratrådt Medarbejder",
      initials: "FM",
      color: "#777777",
      passwordHash: null,
      active: false,
    });
  });
  afterAll(async () => {
    await server?.dispose();
    await idp?.close();
  });

  /** `/start` at our server: the browser is sent to the provider with the flow cookie set. */
  async function start(browser: TestBrowser, next?: string): Promise<URL> {
    const url = new URL("/api/auth/oidc/start", server.url);
    if (next !== undefined) url.searchParams.set("next", next);
    const response = await browser.request(url);
    expect(response.status).toBe(302);
    const authorizationUrl = TestBrowser.location(response, url);
    expect(authorizationUrl.origin).toBe(idp.issuer);
    expect(browser.jar.get(url, FLOW_COOKIE)).toBeTruthy();
    return authorizationUrl;
  }

  /** The callback at our server; returns where it sends the browser (path and query). */
  async function callback(browser: TestBrowser, callbackUrl: URL): Promise<string> {
    expect(callbackUrl.origin).toBe(server.url);
    expect(callbackUrl.pathname).toBe("/api/auth/oidc/callback");
    const response = await browser.request(callbackUrl);
    expect(response.status).toBe(302);
    const to = TestBrowser.location(response, callbackUrl);
    expect(to.origin).toBe(server.url);
    return `${to.pathname}${to.search}`;
  }

  async function loginAs(account: string | null, next?: string) {
    const browser = new TestBrowser();
    const callbackUrl = await signInAtProvider(browser, await start(browser, next), account);
    return { browser, landedOn: await callback(browser, callbackUrl) };
  }

  async function me(browser: TestBrowser): Promise<Response> {
    return browser.request(new URL("/api/me", server.url));
  }

  function hasSession(browser: TestBrowser): boolean {
    return browser.jar.get(new URL(server.url), SESSION_COOKIE) !== undefined;
  }

  async function auditEntries(action: string) {
    return (await server.store.audit.listAudit({})).filter((entry) => entry.action === action);
  }

  it("tells the login page to offer the button", async () => {
    const response = await fetch(`${server.url}/api/auth/config`);
    expect(await response.json()).toEqual({
      oidc: { enabled: true, label: "Log ind med KL-konto", startUrl: "/api/auth/oidc/start" },
    });
  });

  it("signs an invited user in: session cookie, /api/me, audit entry, back to `next`", async () => {
    const { browser, landedOn } = await loginAs("formand", "/moeder/kkr?punkt=2");
    expect(landedOn).toBe("/moeder/kkr?punkt=2");
    expect(hasSession(browser)).toBe(true);
    // The flow cookie is spent.
    expect(browser.jar.get(new URL(server.url), FLOW_COOKIE)).toBeUndefined();

    const response = await me(browser);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: { id: string; email: string } };
    expect(body.user.email).toBe("formand@demo.dk");

    expect(await auditEntries("auth.login")).toContainEqual(
      expect.objectContaining({
        userId: body.user.id,
        details: expect.objectContaining({ method: "oidc", email: "formand@demo.dk" }),
      }),
    );
    // This provider keeps the e-mail out of the ID token, so it was read from userinfo.
    expect(idp.requests).toContain("/me");
  });

  it("matches the e-mail address whatever its case, and accepts a missing email_verified", async () => {
    const { browser, landedOn } = await loginAs("direktoer");
    expect(landedOn).toBe("/");
    const body = (await (await me(browser)).json()) as { user: { email: string } };
    expect(body.user.email).toBe("direktoer@demo.dk");
  });

  it("refuses an account whose e-mail address is not a user here", async () => {
    const { browser, landedOn } = await loginAs("fremmed");
    expect(landedOn).toBe("/login?fejl=oidc_unknown_user");
    expect(hasSession(browser)).toBe(false);
    expect((await me(browser)).status).toBe(401);
    expect(await auditEntries("auth.login_failed")).toContainEqual(
      expect.objectContaining({
        userId: null,
        details: expect.objectContaining({
          method: "oidc",
          code: "oidc_unknown_user",
          reason: "unknown_user",
          email: "fremmed@andet-sted.dk",
        }),
      }),
    );
  });

  it("refuses an e-mail address the provider marks as unverified", async () => {
    const { browser, landedOn } = await loginAs("uverificeret");
    expect(landedOn).toBe("/login?fejl=oidc_unknown_user");
    expect(hasSession(browser)).toBe(false);
    expect(await auditEntries("auth.login_failed")).toContainEqual(
      expect.objectContaining({ details: expect.objectContaining({ reason: "email_unverified" }) }),
    );
  });

  it("refuses a deactivated user", async () => {
    const { browser, landedOn } = await loginAs("fratraadt");
    expect(landedOn).toBe("/login?fejl=oidc_unknown_user");
    expect(hasSession(browser)).toBe(false);
    expect(await auditEntries("auth.login_failed")).toContainEqual(
      expect.objectContaining({
        userId: "u-fratraadt",
        details: expect.objectContaining({ reason: "inactive_user" }),
      }),
    );
  });

  it.each([
    ["a missing", (browser: TestBrowser, url: URL) => browser.jar.delete(url, FLOW_COOKIE)],
    [
      "a tampered",
      (browser: TestBrowser, url: URL) => {
        const sealed = browser.jar.get(url, FLOW_COOKIE)!;
        const flipped = `${sealed.slice(0, 20)}${sealed[20] === "A" ? "B" : "A"}${sealed.slice(21)}`;
        browser.jar.set(url, FLOW_COOKIE, flipped, "/api/auth/oidc");
      },
    ],
  ])("refuses %s flow cookie, even with a good code", async (_case, spoil) => {
    const browser = new TestBrowser();
    const callbackUrl = await signInAtProvider(browser, await start(browser), "formand");
    spoil(browser, new URL(server.url));
    expect(await callback(browser, callbackUrl)).toBe("/login?fejl=oidc_state");
    expect(hasSession(browser)).toBe(false);
    expect((await me(browser)).status).toBe(401);
  });

  it("refuses a code that belongs to another login (the state does not match)", async () => {
    // An attacker signs in at the provider and gets a victim's browser to open the callback
    // with the attacker's code: the victim's flow cookie has another state.
    const attacker = new TestBrowser();
    const attackersCallback = await signInAtProvider(attacker, await start(attacker), "formand");
    const victim = new TestBrowser();
    await start(victim);
    expect(await callback(victim, attackersCallback)).toBe("/login?fejl=oidc_state");
    expect(hasSession(victim)).toBe(false);
  });

  it("refuses a callback opened a second time (the flow is spent)", async () => {
    const browser = new TestBrowser();
    const callbackUrl = await signInAtProvider(browser, await start(browser), "formand");
    expect(await callback(browser, callbackUrl)).toBe("/");
    const replay = new TestBrowser();
    expect(await callback(replay, callbackUrl)).toBe("/login?fejl=oidc_state");
    expect(await callback(browser, callbackUrl)).toBe("/login?fejl=oidc_state");
  });

  it("reports a login cancelled at the provider", async () => {
    const { browser, landedOn } = await loginAs(null);
    expect(landedOn).toBe("/login?fejl=oidc_provider");
    expect(hasSession(browser)).toBe(false);
    expect(await auditEntries("auth.login_failed")).toContainEqual(
      expect.objectContaining({
        details: expect.objectContaining({ reason: "provider_error", error: "access_denied" }),
      }),
    );
  });

  it("refuses a forged code with the right state", async () => {
    const browser = new TestBrowser();
    const callbackUrl = await signInAtProvider(browser, await start(browser), "formand");
    callbackUrl.searchParams.set("code", "forged-code");
    expect(await callback(browser, callbackUrl)).toBe("/login?fejl=oidc_exchange");
    expect(hasSession(browser)).toBe(false);
  });

  it.each([
    ["//evil.example", "/"],
    ["//evil.example/moeder", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["/\t/evil.example", "/"],
    ["moeder", "/"],
  ])("never redirects off-site after login: next=%j ends at %j", async (next, expected) => {
    const { browser, landedOn } = await loginAs("formand", next);
    expect(landedOn).toBe(expected);
    expect(hasSession(browser)).toBe(true);
  });
});

describe("OIDC login when the provider puts the e-mail in the ID token (as Entra ID does)", () => {
  let server: TestServer;
  let idp: TestProvider;

  beforeAll(async () => {
    ({ server, idp } = await startWithProvider({ emailInIdToken: true }));
  });
  afterAll(async () => {
    await server?.dispose();
    await idp?.close();
  });

  it("signs in without asking the userinfo endpoint", async () => {
    const browser = new TestBrowser();
    const start = new URL("/api/auth/oidc/start", server.url);
    const authorizationUrl = TestBrowser.location(await browser.request(start), start);
    const callbackUrl = await signInAtProvider(browser, authorizationUrl, "formand");
    const landed = TestBrowser.location(await browser.request(callbackUrl), callbackUrl);
    expect(landed.pathname).toBe("/");
    const me = await browser.request(new URL("/api/me", server.url));
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe("formand@demo.dk");
    expect(idp.requests).not.toContain("/me");
  });
});

describe("without OIDC configured", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it("offers no OIDC button and has no OIDC routes", async () => {
    const config = await fetch(`${server.url}/api/auth/config`);
    expect(await config.json()).toEqual({
      oidc: { enabled: false, label: null, startUrl: "/api/auth/oidc/start" },
    });
    const start = await fetch(`${server.url}/api/auth/oidc/start`, { redirect: "manual" });
    expect(start.status).toBe(404);
  });
});
