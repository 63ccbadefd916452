import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { Express } from "express";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { DocKind } from "../shared/docName";
import { beslutningSchema, itemBodySchema } from "../shared/editor";
import type { Access } from "../shared/permissions";
import { Limits } from "../shared/protocol";
import { LoginThrottle } from "./auth/LoginThrottle";
import type { ThrottleLimits } from "./auth/LoginThrottle";
import type { OidcConfig } from "./auth/oidc";
import { OriginPolicy } from "./auth/OriginPolicy";
import { Sessions } from "./auth/sessions";
import { AccessPolicy } from "./permissions/AccessPolicy";
import { VersionService } from "./versions/VersionService";
import { ItemHandoff } from "./workflow/ItemHandoff";
import type { DigestMailer } from "./notifications/DigestMailer";
import { NotificationService } from "./notifications/NotificationService";
import { ItemWorkflow } from "./workflow/ItemWorkflow";
import { MeetingPhases } from "./workflow/MeetingPhases";
import { CommentService } from "./review/CommentService";
import { PublicationService } from "./publishing/PublicationService";
import { SyncTokens } from "./auth/syncTokens";
import { createApp } from "./http/createApp";
import type { RateLimitOptions } from "./http/rateLimits";
import { createLogger } from "./logger";
import { PROJECT_ROOT } from "./projectRoot";
import { AttachmentService } from "./attachments/AttachmentService";
import { MeetingService } from "./meetings/MeetingService";
import { seedDemo } from "./seed/seedDemo";
import type { PostgresStoreOptions, Store } from "./store";
import { openSqliteStore } from "./store/SqliteStore";
import { createBodyValidator, createMinutesValidator } from "./sync/bodyValidator";
import type { BodyValidator } from "./sync/bodyValidator";
import { SyncServer } from "./sync/SyncServer";
import { createTaskPool } from "./workers";
import type { TaskPoolLimits, WorkerPool } from "./workers";
import type { ClusterBus } from "./cluster/ClusterBus";
import type { SiteSettings } from "./publicSite/SiteSettings";

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
  /** PostgreSQL instead of SQLite: the store of a cluster of instances (`DATABASE_URL`). */
  databaseUrl?: string;
  /** Redis between the instances of a cluster (`REDIS_URL`); needs `databaseUrl`. */
  redisUrl?: string;
  /** Prefix of this cluster's Redis keys (`REDIS_PREFIX`, default `dagsorden:`). */
  redisPrefix?: string;
  /** The load balancer's addresses, whose X-Forwarded-For is believed (`TRUST_PROXY`). */
  trustProxy?: string;
  /** OpenID Connect login besides passwords; absent or null: passwords only. */
  oidc?: OidcConfig | null;
  /**
   * The address people use (`PUBLIC_URL`), e.g. "https://dagsorden.kommune.dk". Its origin may
   * use the session cookie (behind a proxy that rewrites `Host`); https turns on HSTS.
   */
  publicUrl?: string | null;
  /** More origins allowed to use the session cookie (`ALLOWED_ORIGINS`). */
  allowedOrigins?: readonly string[];
  /** Origins that may frame the public pages (`PUBLIC_FRAME_ANCESTORS`); default nobody. */
  publicFrameAncestors?: readonly string[];
  /** How long a session lives after login; default 12 hours. */
  sessionTtlMs?: number;
  /** How often open sockets re-check their session; default `Limits.sessionCheckIntervalMs`. */
  sessionCheckIntervalMs?: number;
  /** Per-session limits on expensive endpoints; default `DEFAULT_RATE_LIMITS`. */
  rateLimits?: RateLimitOptions;
  /** SMTP server for the daily digest of notifications (`SMTP_URL`); absent: no e-mail. */
  smtpUrl?: string | null;
  /** The digest's sender (`MAIL_FROM`). */
  mailFrom?: string;
  /** How often deadline reminders and the digest are checked; default 15 minutes. */
  dailyCheckMs?: number;
  /** Bounds of the worker pool that runs imports (tests shorten the time limit). */
  taskLimits?: Partial<TaskPoolLimits>;
  /** The municipality's name and colour on the public site (`PUBLIC_SITE_NAME`, `…_COLOR`). */
  site?: SiteSettings;
}

export interface RunningServer {
  url: string;
  /** The Redis bus of a cluster instance, else null. */
  bus: ClusterBus | null;
  port: number;
  /** The HTTP app (tests enumerate its routes). */
  app: Express;
  store: Store;
  sync: SyncServer;
  meetings: MeetingService;
  workflow: ItemWorkflow;
  phases: MeetingPhases;
  notifications: NotificationService;
  /** The daily e-mail digest, when `smtpUrl` is set; else null. */
  digest: DigestMailer | null;
  /** The worker pool for heavy tasks (imports). */
  workers: WorkerPool;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = createLogger(options.quiet ?? false);
  const store =
    options.store ??
    (options.databaseUrl
      ? await openPostgres({ connectionString: options.databaseUrl, log })
      : openSqliteStore({ dataDir: options.dataDir }));

  if (options.redisUrl && store.kind !== "postgres") {
    throw new Error("REDIS_URL needs DATABASE_URL: instances of a cluster share one PostgreSQL");
  }
  const bus = options.redisUrl
    ? await connectBus({ url: options.redisUrl, prefix: options.redisPrefix ?? "dagsorden:", log })
    : null;

  // Instances starting at once each propose a secret; all of them use the one stored first.
  const secret = await store.settings.setSettingIfAbsent(
    "sync_token_secret",
    randomBytes(32).toString("base64url"),
  );
  const sessions = new Sessions(store, options.sessionTtlMs);
  const workers = createTaskPool(options.taskLimits);
  const origins = new OriginPolicy([
    ...(options.publicUrl ? [options.publicUrl] : []),
    ...(options.allowedOrigins ?? []),
  ]);
  const tokens = new SyncTokens(secret, Limits.syncTokenTtlMs);
  const itemValidator = createBodyValidator(itemBodySchema());
  const minutesValidator = createMinutesValidator(beslutningSchema());
  const sync: SyncServer = new SyncServer({
    store,
    sessions,
    tokens,
    origins,
    // Bound late: the policy needs the meeting service, which needs this sync server.
    accessFor: (user, doc): Promise<Access> => policy.docAccess(user, doc),
    refusalFor: (_user, doc) => policy.refusalReason(doc),
    validatorFor: (kind: DocKind): BodyValidator | null =>
      kind === "item" ? itemValidator : kind === "minutes" ? minutesValidator : null,
    idleUnloadMs: options.idleUnloadMs,
    compactAfterUpdates: options.compactAfterUpdates,
    pingIntervalMs: options.pingIntervalMs,
    sessionCheckIntervalMs: options.sessionCheckIntervalMs,
    log,
    bus,
  });
  // Every instance closes the ended sessions' sockets (a cluster event when there is a bus).
  sessions.onEnded((ids) => void sync.endSessions(ids));
  const meetings = new MeetingService(store, sync, log);
  const policy: AccessPolicy = new AccessPolicy(store, meetings);
  const versions = new VersionService(store, sync);
  const workflow = new ItemWorkflow(meetings, policy, versions, sync);
  const handoff = new ItemHandoff(meetings, policy);
  const comments = new CommentService(store, meetings, policy, sync);
  const attachments = new AttachmentService(store, meetings);
  const publications = new PublicationService(
    store,
    meetings,
    attachments,
    sync,
    versions,
    workers,
    log,
  );
  const phases = new MeetingPhases(meetings, policy, sync, versions, publications);
  const notifications = new NotificationService(store, meetings, policy, sync, log);
  notifications.listenTo({ handoff, workflow, comments });
  // nodemailer is loaded only by an instance that sends mail.
  const digest = options.smtpUrl
    ? new (await import("./notifications/DigestMailer")).DigestMailer(
        store,
        { smtpUrl: options.smtpUrl, from: options.mailFrom, publicUrl: options.publicUrl },
        log,
      )
    : null;
  // Deadline reminders and the daily digest: one instance at a time, the others skip the round.
  const daily = () =>
    store.locks
      .tryWithLock("notifications_daily", async () => {
        await notifications.remindDeadlines();
        if (digest) await digest.sendIfDue();
      })
      .catch((error: unknown) =>
        log("daily notifications failed", { error: (error as Error).message }),
      );
  const dailyTimer = setInterval(() => void daily(), options.dailyCheckMs ?? 15 * 60_000);
  dailyTimer.unref();
  // Instances starting at once seed one at a time; the first finds an empty database.
  if (options.demo && (await store.locks.withLock("seed_demo", () => seedDemo(store, meetings))))
    log("seeded demo data");
  // One instance at a time, like seeding: the projections are the same whoever writes them.
  const reprojected = await store.locks.withLock("reproject_closed_attachments", () =>
    meetings.reprojectClosedAttachments(),
  );
  if (reprojected > 0)
    log("meeting documents projected without closed items' bilag", { reprojected });
  const app = createApp({
    store,
    meetings,
    attachments,
    policy,
    workflow,
    handoff,
    notifications,
    phases,
    comments,
    publications,
    versions,
    throttle: new LoginThrottle(store.loginFailures, options.loginLimits),
    sync,
    sessions,
    tokens,
    origins,
    workers,
    rateLimits: options.rateLimits,
    headers: {
      publicUrl: options.publicUrl ?? null,
      publicFrameAncestors: options.publicFrameAncestors ?? [],
    },
    clientDir: options.clientDir ?? path.join(PROJECT_ROOT, "dist/client"),
    secureCookies: options.secureCookies ?? false,
    oidc: options.oidc ?? null,
    log,
    trustProxy: options.trustProxy,
    site: options.site,
    async readiness() {
      const [storeOk, redisOk] = await Promise.all([
        store.ping().then(
          () => true,
          () => false,
        ),
        bus?.ping().then(
          () => true,
          () => false,
        ),
      ]);
      // Redis down slows delivery between instances (they poll the store) but loses nothing:
      // an instance without it still takes traffic.
      return {
        ok: storeOk && !sync.isClosing,
        store: storeOk ? "ok" : "unavailable",
        redis: redisOk === undefined ? "not_used" : redisOk ? "ok" : "unavailable",
        draining: sync.isClosing,
      };
    },
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
    bus,
    port,
    app,
    store,
    sync,
    meetings,
    workflow,
    phases,
    notifications,
    digest,
    workers,
    close() {
      closing ??= (async () => {
        clearInterval(dailyTimer);
        digest?.close();
        await sync.close();
        await workers.destroy();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        // After the documents' last commits went out to the other instances.
        await bus?.close();
        if (!options.store) await store.close();
      })();
      return closing;
    },
  };
}

/** pg is loaded only by an instance that uses PostgreSQL, ioredis only by one in a cluster. */
async function openPostgres(options: PostgresStoreOptions): Promise<Store> {
  const { openPostgresStore } = await import("./store/postgres/PostgresStore");
  return openPostgresStore(options);
}

async function connectBus(options: Parameters<typeof ClusterBus.connect>[0]): Promise<ClusterBus> {
  const { ClusterBus } = await import("./cluster/ClusterBus");
  return ClusterBus.connect(options);
}
