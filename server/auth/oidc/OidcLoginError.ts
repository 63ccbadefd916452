/**
 * Why an OIDC login was refused, as the stable code in `/login?fejl=<code>`. The login page
 * explains each one in Danish; the audit log keeps the finer reason.
 */
export const OidcLoginError = {
  /** The flow cookie was missing, altered or expired, or `state` did not match it. */
  state: "oidc_state",
  /** The provider answered with an error (the person cancelled, consent refused, …) or is down. */
  provider: "oidc_provider",
  /** Exchanging the code, or checking the ID token, failed. */
  exchange: "oidc_exchange",
  /** The provider vouched for an e-mail address that is not an active, invited user here. */
  unknownUser: "oidc_unknown_user",
} as const;

export type OidcLoginErrorCode = (typeof OidcLoginError)[keyof typeof OidcLoginError];

/** A refused login: the code the person sees, the reason and details the audit log keeps. */
export class OidcLoginFailure extends Error {
  override name = "OidcLoginFailure";
  constructor(
    readonly code: OidcLoginErrorCode,
    readonly reason: string,
    readonly details: Record<string, unknown> = {},
    /** The user the provider's e-mail address matched, when it matched an inactive one. */
    readonly userId: string | null = null,
  ) {
    super(`${code}: ${reason}`);
  }
}
