/**
 * The PostgreSQL store, for running several instances on one database (`DATABASE_URL`). Same
 * contract as the SQLite store; besides, its named locks are advisory locks, held across
 * every instance, and bilag live in the database so every instance can serve them.
 */
import { Client, Pool } from "pg";
import type { LockStore, Store } from "../Store";
import { pendingMigrations } from "../Migration";
import { PgDb } from "./PgDb";
import { pgDocStore } from "./pgDocStore";
import { pgAttachmentStore, pgAuditStore, pgMeetingStore } from "./pgMeetingStore";
import { pgReviewStore, pgVersionStore } from "./pgVersionStore";
import { pgPublicationStore } from "./pgPublicationStore";
import { pgNotificationStore } from "./pgNotificationStore";
import { pgBlobStore } from "./pgBlobStore";
import { pgLoginFailureStore, pgSessionStore, pgSettingStore, pgUserStore } from "./pgUserStore";
import { POSTGRES_MIGRATIONS } from "./postgresMigrations";

export interface PostgresStoreOptions {
  connectionString: string;
  /** A schema instead of `public`; created when missing (tests run each in their own). */
  schema?: string;
  /** Connections for queries (default 10); advisory locks have a small pool of their own. */
  poolSize?: number;
  log?: (message: string, context?: Record<string, unknown>) => void;
}

/** Opens the pool and brings the schema up to date (one instance at a time). */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  if (options.schema) await createSchema(options.connectionString, options.schema);
  const db = new PgDb({
    connectionString: options.connectionString,
    schema: options.schema,
    max: options.poolSize,
    log: options.log,
  });
  // Locks hold a connection for as long as they are held; a pool of their own means that
  // work done under a lock always finds a connection in the main pool.
  const lockPool = new Pool({
    connectionString: options.connectionString,
    max: 8,
    connectionTimeoutMillis: 5_000,
  });
  lockPool.on("error", (error) =>
    options.log?.("PostgreSQL lock connection lost", { error: error.message }),
  );
  const locks = advisoryLocks(db, lockPool);
  try {
    await locks.withLock("schema_migrations", () => migrate(db));
  } catch (error) {
    await Promise.allSettled([db.close(), lockPool.end()]);
    throw error;
  }
  return {
    kind: "postgres",
    docs: pgDocStore(db),
    users: pgUserStore(db),
    sessions: pgSessionStore(db),
    meetings: pgMeetingStore(db),
    attachments: pgAttachmentStore(db),
    audit: pgAuditStore(db),
    versions: pgVersionStore(db),
    review: pgReviewStore(db),
    publications: pgPublicationStore(db),
    notifications: pgNotificationStore(db),
    settings: pgSettingStore(db),
    blobs: pgBlobStore(db),
    loginFailures: pgLoginFailureStore(db),
    locks,
    async ping() {
      await db.query("SELECT 1");
    },
    async close() {
      await Promise.all([db.close(), lockPool.end()]);
    },
  };
}

async function createSchema(connectionString: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
}

async function migrate(db: PgDb): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
  )`);
  const applied = new Set(
    (await db.query<{ version: number }>("SELECT version FROM schema_migrations")).map(
      (row) => row.version,
    ),
  );
  for (const migration of pendingMigrations(POSTGRES_MIGRATIONS, applied)) {
    await db.transaction(async (client) => {
      await client.query(migration.sql);
      await client.query(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        [migration.version, migration.name, Date.now()],
      );
    });
  }
}

/**
 * Session-level advisory locks, keyed by a 64-bit hash of the schema and the lock's name
 * (advisory locks are per database already). A lock dies with its connection, so an instance
 * that crashes while holding one frees it.
 */
function advisoryLocks(db: PgDb, lockPool: Pool): LockStore {
  const key = (name: string) => `${db.schema}:${name}`;
  return {
    withLock(name, run) {
      return db.withClient(lockPool, async (client) => {
        await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key(name)]);
        try {
          return await run();
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key(name)]);
        }
      });
    },
    tryWithLock(name, run) {
      return db.withClient(lockPool, async (client) => {
        const [row] = (
          await client.query<{ ok: boolean }>(
            "SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok",
            [key(name)],
          )
        ).rows;
        if (!row?.ok) return null;
        try {
          return await run();
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key(name)]);
        }
      });
    },
  };
}
