import { apiFetch } from "./apiFetch";

export interface AuthConfig {
  oidc: { enabled: boolean; label: string | null; startUrl: string };
}

/** What the login page offers besides the password form. */
export async function fetchAuthConfig(signal?: AbortSignal): Promise<AuthConfig> {
  return apiFetch<AuthConfig>("/api/auth/config", signal ? { signal } : {});
}
