/**
 * `npm start`: runs the server on the embedded SQLite store. `--demo` seeds demo accounts and a
 * real KKR item into an empty database. SIGTERM/SIGINT flush every document and close sockets
 * with code 1012 before exiting.
 */
import path from "node:path";
import { oidcConfigFromEnv } from "./auth/oidc";
import { OriginPolicy } from "./auth/OriginPolicy";
import { siteSettingsFromEnv } from "./publicSite/SiteSettings";
import { startServer } from "./startServer";
import { deprioritizeHelperThreads } from "./workers";

// Garbage collection, compilation and the thread pool yield to the event loop (threadPriority.ts).
await deprioritizeHelperThreads();

const demo = process.argv.includes("--demo");
const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
const server = await startServer({
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? "127.0.0.1",
  dataDir,
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  redisPrefix: process.env.REDIS_PREFIX || undefined,
  trustProxy: process.env.TRUST_PROXY || undefined,
  demo,
  oidc: oidcConfigFromEnv(process.env),
  secureCookies: (process.env.PUBLIC_URL ?? "").startsWith("https://"),
  publicUrl: process.env.PUBLIC_URL || null,
  smtpUrl: process.env.SMTP_URL || null,
  mailFrom: process.env.MAIL_FROM || undefined,
  allowedOrigins: OriginPolicy.fromEnv({ ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS }),
  publicFrameAncestors: OriginPolicy.fromEnv({
    ALLOWED_ORIGINS: process.env.PUBLIC_FRAME_ANCESTORS,
  }),
  site: siteSettingsFromEnv(process.env),
});

console.log(
  `Dagsorden kører på ${server.url}  (data: ${server.store.kind === "postgres" ? "PostgreSQL" : dataDir})`,
);
if (demo) console.log("Log ind som fx sekretariat@demo.dk med adgangskoden «demo».");

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: gemmer og lukker …`);
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  });
}
