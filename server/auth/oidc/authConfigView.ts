import type { OidcConfig } from "./OidcConfig";

export const OIDC_START_URL = "/api/auth/oidc/start";

/** `GET /api/auth/config`: what the login page offers besides the password form. */
export function authConfigView(config: OidcConfig | null) {
  return {
    oidc: {
      enabled: config !== null,
      label: config?.label ?? null,
      startUrl: OIDC_START_URL,
    },
  };
}
