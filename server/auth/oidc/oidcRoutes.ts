/**
 * Login with OpenID Connect (authorization code flow with PKCE), mounted at `/api/auth/oidc`.
 *
 * `GET /start?next=/path` discovers the provider (once), makes a fresh state, nonce and PKCE
 * verifier, seals them with `next` into a short-lived httpOnly cookie and redirects to the
 * provider. The provider sends the browser back to `GET /callback?code&state`: the cookie must
 * open and its state match, then the code is exchanged (PKCE verifier, ID token signature,
 * issuer, audience and nonce are checked by openid-client), and the e-mail address the provider
 * vouches for must belong to an active user here. Nobody is created: people are invited by the
 * secretariat first. On success the person gets an ordinary session, as with a password.
 *
 * Every refusal is audited and ends in a redirect to `/login?fejl=<code>` (OidcLoginError);
 * the flow never answers 500 and never leaves a session behind.
 */
import { randomBytes } from "node:crypto";
import { parseCookie } from "cookie";
import type { Request, Response } from "express";
import { Router } from "express";
import type * as client from "openid-client";
import type { Log } from "../../logger";
import type { Store, User } from "../../store";
import { setSessionCookies } from "../sessionCookies";
import type { Sessions } from "../sessions";
import { discoverProvider } from "./discoverProvider";
import type { Flow } from "./flowCookie";
import {
  FLOW_COOKIE,
  FLOW_TTL_MS,
  flowCookieOptions,
  flowKey,
  openFlow,
  sealFlow,
} from "./flowCookie";
import type { OidcConfig } from "./OidcConfig";
import { DEFAULT_OIDC_SCOPES } from "./OidcConfig";
import type { OidcLoginErrorCode } from "./OidcLoginError";
import { OidcLoginError, OidcLoginFailure } from "./OidcLoginError";
import { onceSucceeded } from "./onceSucceeded";
import { safeNextPath } from "./safeNextPath";

const COOKIE_SECRET_SETTING = "oidc_cookie_secret";
/** Provider-supplied strings kept in the audit log are cut to this length. */
const MAX_AUDITED_LENGTH = 200;

export interface OidcRouteDeps {
  store: Store;
  sessions: Sessions;
  secureCookies: boolean;
  log: Log;
}

interface LoginResult {
  user: User;
  email: string;
  next: string;
}

export function oidcRoutes(config: OidcConfig, deps: OidcRouteDeps): Router {
  const router = Router();
  const discovery = onceSucceeded(() => discoverProvider(config));
  const sealingKey = onceSucceeded(async () => flowKey(await cookieSecret(deps.store)));
  const cookieOptions = flowCookieOptions(deps.secureCookies);

  router.get("/start", async (req, res) => {
    res.set("Cache-Control", "no-store");
    const next = safeNextPath(req.query.next);
    let redirectTo: URL;
    try {
      const configuration = await discovery();
      const client = await loadOpenidClient();
      const flow: Flow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        next,
        expiresAt: Date.now() + FLOW_TTL_MS,
      };
      redirectTo = client.buildAuthorizationUrl(configuration, {
        redirect_uri: config.redirectUrl,
        scope: config.scopes ?? DEFAULT_OIDC_SCOPES,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: "S256",
        state: flow.state,
        nonce: flow.nonce,
      });
      res.cookie(FLOW_COOKIE, sealFlow(await sealingKey(), flow), cookieOptions);
    } catch (error) {
      deps.log("oidc: could not start login", { issuer: config.issuer, error: describe(error) });
      redirectToLogin(res, OidcLoginError.provider);
      return;
    }
    res.redirect(302, redirectTo.href);
  });

  router.get("/callback", async (req, res) => {
    res.set("Cache-Control", "no-store");
    // The flow is used once, whatever happens next.
    res.clearCookie(FLOW_COOKIE, cookieOptions);
    const address = req.ip ?? "unknown";
    try {
      const result = await completeLogin(req);
      const session = await deps.sessions.create(result.user.id);
      await audit(deps.store, result.user.id, "auth.login", {
        method: "oidc",
        email: result.email,
        address,
      });
      // Cookies last: if anything before fails, the browser is sent away without a session.
      setSessionCookies(res, session, deps.secureCookies);
      res.redirect(302, result.next);
    } catch (error) {
      const failure =
        error instanceof OidcLoginFailure
          ? error
          : new OidcLoginFailure(OidcLoginError.exchange, "internal_error", {
              error: describe(error),
            });
      deps.log("oidc: login refused", {
        code: failure.code,
        reason: failure.reason,
        ...failure.details,
      });
      await audit(deps.store, failure.userId, "auth.login_failed", {
        method: "oidc",
        code: failure.code,
        reason: failure.reason,
        address,
        ...failure.details,
      }).catch((auditError: unknown) => {
        deps.log("oidc: could not audit a refused login", { error: describe(auditError) });
      });
      redirectToLogin(res, failure.code);
    }
  });

  async function completeLogin(req: Request): Promise<LoginResult> {
    // A provider error first: the person cancelled or was refused, whatever the cookie says.
    if (req.query.error !== undefined)
      throw new OidcLoginFailure(OidcLoginError.provider, "provider_error", {
        error: clip(req.query.error),
        description: clip(req.query.error_description),
      });
    const flow = openFlow(
      await sealingKey(),
      parseCookie(req.headers.cookie ?? "")[FLOW_COOKIE],
      Date.now(),
    );
    if (!flow) throw new OidcLoginFailure(OidcLoginError.state, "flow_cookie_invalid");
    if (req.query.state !== flow.state)
      throw new OidcLoginFailure(OidcLoginError.state, "state_mismatch");

    let configuration: client.Configuration;
    try {
      configuration = await discovery();
    } catch (error) {
      throw new OidcLoginFailure(OidcLoginError.provider, "discovery_failed", {
        error: describe(error),
      });
    }
    const claims = await exchangeCode(configuration, callbackUrl(req), flow);
    const email = typeof claims.email === "string" ? claims.email.trim() : "";
    if (email === "") throw new OidcLoginFailure(OidcLoginError.unknownUser, "no_email_claim");
    // Absent is accepted: Entra ID does not send email_verified; the tenant vouches for `email`.
    if (claims.email_verified === false || claims.email_verified === "false")
      throw new OidcLoginFailure(OidcLoginError.unknownUser, "email_unverified", { email });
    const user = await deps.store.users.getUserByEmail(email);
    if (!user) throw new OidcLoginFailure(OidcLoginError.unknownUser, "unknown_user", { email });
    if (!user.active)
      throw new OidcLoginFailure(OidcLoginError.unknownUser, "inactive_user", { email }, user.id);
    return { user, email, next: safeNextPath(flow.next) };
  }

  /**
   * The URL the provider redirected to, rebuilt on the configured redirect URL rather than on
   * the Host header: openid-client sends it back as `redirect_uri`, which must match the one in
   * the authorization request exactly, also behind a proxy.
   */
  function callbackUrl(req: Request): URL {
    const url = new URL(config.redirectUrl);
    const queryAt = req.originalUrl.indexOf("?");
    url.search = queryAt === -1 ? "" : req.originalUrl.slice(queryAt);
    return url;
  }

  return router;
}

/**
 * Exchanges the code and returns the claims about the person: the ID token's (Entra ID puts
 * `email` there) or, when it has no `email`, the userinfo endpoint's (providers that keep ID
 * tokens small put it there), which openid-client ties to the ID token's subject.
 */
async function exchangeCode(
  configuration: client.Configuration,
  currentUrl: URL,
  flow: Flow,
): Promise<Record<string, unknown>> {
  try {
    const client = await loadOpenidClient();
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error("no ID token in the token response");
    if (typeof idToken.email === "string" || !configuration.serverMetadata().userinfo_endpoint)
      return idToken;
    return await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
  } catch (error) {
    throw new OidcLoginFailure(OidcLoginError.exchange, "code_exchange_failed", {
      error: describe(error),
    });
  }
}

function redirectToLogin(res: Response, code: OidcLoginErrorCode): void {
  res.redirect(302, `/login?fejl=${code}`);
}

async function audit(
  store: Store,
  userId: string | null,
  action: "auth.login" | "auth.login_failed",
  details: Record<string, unknown>,
): Promise<void> {
  await store.audit.appendAudit({
    at: Date.now(),
    userId,
    action,
    meetingId: null,
    itemId: null,
    details,
  });
}

/** The secret behind flow cookies: made on first use and kept in the store's settings. */
async function cookieSecret(store: Store): Promise<string> {
  const stored = await store.settings.getSetting(COOKIE_SECRET_SETTING);
  if (stored) return stored;
  const secret = randomBytes(32).toString("base64url");
  await store.settings.setSetting(COOKIE_SECRET_SETTING, secret);
  return secret;
}

function clip(value: unknown): string | null {
  return typeof value === "string" ? value.slice(0, MAX_AUDITED_LENGTH) : null;
}

/** An error for the log and audit: openid-client's carry a code and the provider's `error`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
  return [code, oauthError, error.message].filter((part) => typeof part === "string").join(": ");
}

/**
 * openid-client (with its JOSE stack) is loaded by the first OIDC login, not at start: most
 * servers sign people in with passwords only, and this keeps it out of their memory.
 */
export function loadOpenidClient(): Promise<typeof client> {
  return import("openid-client");
}
