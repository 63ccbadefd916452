import { useEffect, useState } from "react";
import { isNetworkError } from "../api/apiFetch";
import { fetchAuthConfig, type AuthConfig } from "../api/authConfigApi";
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "./users.css";

/** Why a login through the organisation's identity provider was refused (`/login?fejl=…`). */
const OIDC_ERRORS: Record<string, string> = {
  oidc_state: "Login med organisationens konto blev afbrudt eller tog for lang tid. Prøv igen.",
  oidc_provider:
    "Organisationens login-tjeneste afviste eller afbrød login. Prøv igen, eller log ind med adgangskode.",
  oidc_exchange:
    "Login kunne ikke bekræftes hos organisationens login-tjeneste. Prøv igen om lidt.",
  oidc_unknown_user:
    "Din konto hos organisationen har ikke adgang til Dagsorden (eller er deaktiveret). Kontakt sekretariatet for at blive inviteret.",
};

/** The Danish explanation of a `fejl` code, or null when there is none. */
export function oidcErrorMessage(search: string): string | null {
  const code = new URLSearchParams(search).get("fejl");
  if (code === null) return null;
  return OIDC_ERRORS[code] ?? "Login mislykkedes. Prøv igen.";
}

/**
 * "Log ind med <organisationen>" when the server has an identity provider configured; nothing
 * otherwise. `next` is where to land afterwards.
 */
export function OidcLogin({ next }: { next: string | null }) {
  const [config, setConfig] = useState<AuthConfig | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchAuthConfig(controller.signal).then(setConfig, (error: unknown) => {
      // Unreachable: the form says so when the person tries to log in.
      if (!controller.signal.aborted && !isNetworkError(error)) {
        console.warn("loading the login options failed", error);
      }
    });
    return () => controller.abort();
  }, []);

  if (!config?.oidc.enabled) return null;
  const href = `${config.oidc.startUrl}?next=${encodeURIComponent(next ?? "/")}`;
  return (
    <div className="oidc-login">
      <a className="button button-primary oidc-button" href={href}>
        {config.oidc.label ?? "Log ind med organisationens konto"}
      </a>
      <p className="oidc-or">
        <span>eller med e-mail og adgangskode</span>
      </p>
    </div>
  );
}
