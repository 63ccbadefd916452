export { authConfigView, OIDC_START_URL } from "./authConfigView";
export type { OidcConfig } from "./OidcConfig";
export { oidcConfigFromEnv } from "./OidcConfig";
export type { OidcLoginErrorCode } from "./OidcLoginError";
export { OidcLoginError } from "./OidcLoginError";
export type { OidcRouteDeps } from "./oidcRoutes";
export { oidcRoutes } from "./oidcRoutes";
