import type * as client from "openid-client";
import type { OidcConfig } from "./OidcConfig";
import { isLoopbackHttp } from "./OidcConfig";

/** The provider's metadata from its `/.well-known/openid-configuration`, as a client of it. */
export async function discoverProvider(config: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(config.issuer);
  // Loaded on first use, not at start (see loadOpenidClient in oidcRoutes.ts).
  const client = await import("openid-client");
  return client.discovery(
    issuer,
    config.clientId,
    config.clientSecret,
    undefined,
    // openid-client refuses plain http; only the provider started by the tests uses it.
    isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
  );
}
