import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DocKind } from "../shared/docName";
import { beslutningSchema, itemBodySchema } from "../shared/editor";
import type { Access } from "../shared/permissions";
import { Limits } from "../shared/protocol";
import { LoginThrottle } from "./auth/LoginThrottle";
import type { ThrottleLimits } from "./auth/LoginThrottle";
import type { OidcConfig } from "./auth/oidc";
import { Sessions } from "./auth/sessions";
import { AccessPolicy } from "./permissions/AccessPolicy";
import { VersionService } from "./versions/VersionService";
import { ItemWorkflow } from "./workflow/ItemWorkflow";
import { MeetingPhases } from "./workflow/MeetingPhases";
import { CommentService } from "./review/CommentService";
import { PublicationService } from "./publishing/PublicationService";
import { SyncTokens } from "./auth/syncTokens";
import { createApp } from "./http/createApp";
import { createLogger } from "./logger";
import { AttachmentService } from "./attachments/AttachmentService";
import { MeetingService } from "./meetings/MeetingService";
import { seedDemo } from "./seed/seedDemo";
import type { Store } from "./store";
import { openSqliteStore } from "./store";
import { createBodyValidator, createMinutesValidator } from "./sync/bodyValidator";
import type { BodyValidator } from "./sync/bodyValidator";
import { SyncServer } from "./sync/SyncServer";

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  dataDir: string;
  /** Seed demo accounts and a demo meeting into an empty database. */
  demo?: boolean;
  quiet?: boolean;
  /** The built client; default `dist/client`. */
  clientDir?: string;
  /** Overrides for tests: unload and compaction thresholds. */
  idleUnloadMs?: number;
  compactAfterUpdates?: number;
  pingIntervalMs?: number;
  loginLimits?: ThrottleLimits;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** A store to use instead of opening SQLite in `dataDir`. */
  store?: Store;
  /** OpenID Connect login besides passwords; absent or null: passwords only. */
  oidc?: OidcConfig | null;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  sync: SyncServer;
  meetings: MeetingService;
  workflow: ItemWorkflow;
  phases: MeetingPhases;
  close(): Promise<void>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = createLogger(options.quiet ?? false);
  const store = options.store ?? openSqliteStore({ dataDir: options.dataDir });

  let secret = await store.settings.getSetting("sync_token_secret");
  if (!secret) {
    secret = randomBytes(32).toString("base64url");
    await store.settings.setSetting("sync_token_secret", secret);
  }
  const sessions = new Sessions(store);
  const tokens = new SyncTokens(secret, Limits.syncTokenTtlMs);
  const itemValidator = createBodyValidator(itemBodySchema());
  const minutesValidator = createMinutesValidator(beslutningSchema());
  const sync: SyncServer = new SyncServer({
    store,
    sessions,
    tokens,
    // Bound late: the policy needs the meeting service, which needs this sync server.
    accessFor: (user, doc): Promise<Access> => policy.docAccess(user, doc),
    validatorFor: (kind: DocKind): BodyValidator | null =>
      kind === "item" ? itemValidator : kind === "minutes" ? minutesValidator : null,
    idleUnloadMs: options.idleUnloadMs,
    compactAfterUpdates: options.compactAfterUpdates,
    pingIntervalMs: options.pingIntervalMs,
    log,
  });
  const meetings = new MeetingService(store, sync, log);
  const policy: AccessPolicy = new AccessPolicy(store, meetings);
  const versions = new VersionService(store, sync);
  const workflow = new ItemWorkflow(meetings, policy, versions, sync);
  const phases = new MeetingPhases(meetings, policy, sync, versions);
  const comments = new CommentService(store, meetings, policy, sync);
  const attachments = new AttachmentService(store, meetings, options.dataDir);
  const publications = new PublicationService(store, meetings, attachments, sync);
  if (options.demo && (await seedDemo(store, meetings))) log("seeded demo data");
  const app = createApp({
    store,
    meetings,
    attachments,
    policy,
    workflow,
    phases,
    comments,
    publications,
    versions,
    throttle: new LoginThrottle(options.loginLimits),
    sync,
    sessions,
    tokens,
    clientDir: options.clientDir ?? path.join(ROOT, "dist/client"),
    secureCookies: options.secureCookies ?? false,
    oidc: options.oidc ?? null,
    log,
  });
  const server = createServer(app);
  server.on("upgrade", (req, socket, head) => {
    if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    store,
    sync,
    meetings,
    workflow,
    phases,
    close() {
      closing ??= (async () => {
        await sync.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        if (!options.store) await store.close();
      })();
      return closing;
    },
  };
}
