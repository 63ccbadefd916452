import { existsSync } from "node:fs";
import path from "node:path";
import express from "express";
import type { OidcConfig } from "../auth/oidc";
import { authConfigView, oidcRoutes } from "../auth/oidc";
import type { Sessions } from "../auth/sessions";
import type { SyncTokens } from "../auth/syncTokens";
import type { Store } from "../store";
import { authRoutes } from "./authRoutes";
import { errorHandler, notFoundHandler } from "./errorHandler";
import { itemRoutes } from "./itemRoutes";
import { meetingRoutes } from "./meetingRoutes";
import { userRoutes } from "./userRoutes";
import { reviewRoutes } from "./reviewRoutes";
import { importRoutes } from "./importRoutes";
import { publicationRoutes } from "./publicationRoutes";
import { publicPages } from "./publicPages";
import type { PublicationService } from "../publishing/PublicationService";
import type { CommentService } from "../review/CommentService";
import type { LoginThrottle } from "../auth/LoginThrottle";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { VersionService } from "../versions/VersionService";
import type { ItemWorkflow } from "../workflow/ItemWorkflow";
import type { MeetingPhases } from "../workflow/MeetingPhases";
import type { AttachmentService } from "../attachments/AttachmentService";
import type { MeetingService } from "../meetings/MeetingService";
import type { SyncServer } from "../sync/SyncServer";
import { csrfProtection, loadSession } from "./requireAuth";

export interface AppDeps {
  store: Store;
  sessions: Sessions;
  tokens: SyncTokens;
  /** The built client (`vite build` output); served with an SPA fallback when present. */
  meetings: MeetingService;
  attachments: AttachmentService;
  policy: AccessPolicy;
  workflow: ItemWorkflow;
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
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });

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
  api.use(importRoutes(deps));
  api.use(publicationRoutes(deps));
  api.use(notFoundHandler());
  app.use("/api", api);
  app.use(publicPages(deps));

  if (existsSync(path.join(deps.clientDir, "index.html"))) {
    app.use(express.static(deps.clientDir, { index: false, maxAge: "1h" }));
    app.get("/{*splat}", (req, res, next) => {
      if (req.path.startsWith("/sync/")) {
        next();
        return;
      }
      res.sendFile(path.join(deps.clientDir, "index.html"), { maxAge: 0 });
    });
  } else {
    app.get("/", (_req, res) => {
      res
        .status(503)
        .type("text/plain")
        .send("Klienten er ikke bygget. Kør `npm start` (som bygger den) eller `npx vite build`.");
    });
  }
  app.use(errorHandler(deps.log));
  return app;
}
