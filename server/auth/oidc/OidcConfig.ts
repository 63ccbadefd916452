/** OpenID Connect login against one identity provider (a municipality's or KL's Entra ID). */
export interface OidcConfig {
  /** The issuer identifier; its `/.well-known/openid-configuration` is discovered. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Our callback as registered at the provider: `<public origin>/api/auth/oidc/callback`. */
  redirectUrl: string;
  /** The login button's text. */
  label: string;
  /** Space-separated; default `openid email profile`. */
  scopes?: string;
}

export const DEFAULT_OIDC_LABEL = "Log ind med organisationens konto";
export const DEFAULT_OIDC_SCOPES = "openid email profile";

/**
 * The OIDC configuration from `OIDC_*` environment variables, or null when `OIDC_ISSUER` is
 * unset (OIDC off). A half-done configuration throws, so that it fails at startup rather than
 * at the first person's login.
 */
export function oidcConfigFromEnv(env: Record<string, string | undefined>): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const missing = ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URL"].filter(
    (name) => !env[name]?.trim(),
  );
  if (missing.length > 0)
    throw new Error(`OIDC_ISSUER is set but ${missing.join(", ")} is not; set all or none`);
  const config: OidcConfig = {
    issuer,
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
    redirectUrl: env.OIDC_REDIRECT_URL!.trim(),
    label: env.OIDC_LABEL?.trim() || DEFAULT_OIDC_LABEL,
    scopes: env.OIDC_SCOPES?.trim() || DEFAULT_OIDC_SCOPES,
  };
  checkUrl("OIDC_ISSUER", config.issuer);
  checkUrl("OIDC_REDIRECT_URL", config.redirectUrl);
  return config;
}

/** Plain http is allowed only on this machine, where the test provider runs. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

function checkUrl(name: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL: ${value}`);
  }
  if (url.protocol !== "https:" && !isLoopbackHttp(url))
    throw new Error(`${name} must be https (http only on 127.0.0.1/localhost): ${value}`);
}
