import express from "express";
import type { OidcConfig } from "../auth/oidc";
import type { OriginPolicy } from "../auth/OriginPolicy";
import { authConfigView, oidcRoutes } from "../auth/oidc";
import type { Sessions } from "../auth/sessions";
import type { SyncTokens } from "../auth/syncTokens";
import type { Store } from "../store";
import { authRoutes } from "./authRoutes";
import { errorHandler, notFoundHandler } from "./errorHandler";
import { itemRoutes } from "./itemRoutes";
import { notificationRoutes } from "./notificationRoutes";
import type { NotificationService } from "../notifications/NotificationService";
import { meetingRoutes } from "./meetingRoutes";
import { auditRoutes } from "./auditRoutes";
import { AuditLog } from "../audit/AuditLog";
import { userRoutes } from "./userRoutes";
import { suggestionRoutes } from "./suggestionRoutes";
import { reviewRoutes } from "./reviewRoutes";
import { importRoutes } from "./importRoutes";
import { publicationRoutes } from "./publicationRoutes";
import type { SiteSettings } from "../publicSite/SiteSettings";
import { publicPages } from "./publicPages";
import { serveClient } from "./serveClient";
import type { PublicationService } from "../publishing/PublicationService";
import type { CommentService } from "../review/CommentService";
import type { LoginThrottle } from "../auth/LoginThrottle";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { VersionService } from "../versions/VersionService";
import type { ItemHandoff } from "../workflow/ItemHandoff";
import type { ItemWorkflow } from "../workflow/ItemWorkflow";
import type { MeetingPhases } from "../workflow/MeetingPhases";
import type { AttachmentService } from "../attachments/AttachmentService";
import type { MeetingService } from "../meetings/MeetingService";
import type { SyncServer } from "../sync/SyncServer";
import type { WorkerPool } from "../workers";
import { csrfProtection, loadSession, originProtection } from "./requireAuth";
import type { SecurityHeaderOptions } from "./securityHeaders";
import { securityHeaders } from "./securityHeaders";
import { createRateLimiters } from "./rateLimits";
import type { RateLimitOptions } from "./rateLimits";

export interface AppDeps {
  store: Store;
  sessions: Sessions;
  tokens: SyncTokens;
  /** Which page origins may send state-changing requests. */
  origins: OriginPolicy;
  headers: SecurityHeaderOptions;
  /** Runs imports off the main thread. */
  workers: WorkerPool;
  /** Per-session limits on exports, imports and the personal-data check. */
  rateLimits?: RateLimitOptions;
  /** The built client (`vite build` output); served with an SPA fallback when present. */
  meetings: MeetingService;
  attachments: AttachmentService;
  policy: AccessPolicy;
  workflow: ItemWorkflow;
  handoff: ItemHandoff;
  notifications: NotificationService;
  comments: CommentService;
  publications: PublicationService;
  phases: MeetingPhases;
  versions: VersionService;
  throttle: LoginThrottle;
  sync: SyncServer;
  clientDir: string;
  secureCookies: boolean;
  /** OpenID Connect login besides passwords, or null. */
  oidc?: OidcConfig | null;
  log: (message: string, context?: Record<string, unknown>) => void;
  /** Which proxies' X-Forwarded-For to believe (Express `trust proxy`); default loopback. */
  trustProxy?: string;
  /** Whether this instance should get traffic (`/readyz`); see docs/DEPLOY.md. */
  readiness?: () => Promise<Readiness>;
  /** The municipality's name and colour on the public site. */
  site?: SiteSettings;
}

export interface Readiness {
  ok: boolean;
  store: "ok" | "unavailable";
  redis: "ok" | "unavailable" | "not_used";
  draining: boolean;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy ?? "loopback");
  app.use(securityHeaders(deps.headers));

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });

  // For a load balancer: 503 while the database cannot be reached or the instance drains.
  app.get("/readyz", async (_req, res) => {
    const readiness = deps.readiness
      ? await deps.readiness()
      : { ok: true, store: "ok", redis: "not_used", draining: false };
    res.status(readiness.ok ? 200 : 503).json(readiness);
  });

  app.use(originProtection(deps.origins));

  const rateLimits = createRateLimiters(deps.rateLimits);
  const api = express.Router();
  // JSON only where the request says JSON; attachment uploads read their raw body themselves.
  api.use(express.json({ limit: "1mb" }));
  api.use(loadSession(deps.sessions));
  api.use(csrfProtection());
  api.use(authRoutes(deps));
  api.get("/auth/config", (_req, res) => {
    res.json(authConfigView(deps.oidc ?? null));
  });
  if (deps.oidc) api.use("/auth/oidc", oidcRoutes(deps.oidc, deps));
  api.use(meetingRoutes(deps));
  api.use(itemRoutes(deps));
  api.use(userRoutes(deps));
  api.use(reviewRoutes(deps));
  api.use(suggestionRoutes(deps));
  api.use(notificationRoutes(deps));
  api.use(importRoutes({ ...deps, rateLimits }));
  api.use(publicationRoutes({ ...deps, rateLimits }));
  api.use(auditRoutes({ ...deps, audit: new AuditLog(deps.store, deps.meetings) }));
  api.use(notFoundHandler());
  app.use("/api", api);
  app.use(publicPages({ ...deps, searchLimit: rateLimits.search }));

  app.use(serveClient(deps.clientDir));
  // Our own last answer, so that no response falls through to Express's final handler (which
  // replaces the security headers with its own CSP).
  app.use((_req, res) => {
    res.status(404).type("text/plain").send("Siden findes ikke.");
  });
  app.use(errorHandler(deps.log));
  return app;
}
