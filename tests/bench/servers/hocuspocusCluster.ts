/**
 * Launches one Hocuspocus 3.4.4 instance of a cluster: @hocuspocus/extension-redis 3.4.4 (its
 * pub/sub between instances, Redlock around stores) on the given Redis, and documents in one
 * PostgreSQL table through @hocuspocus/extension-database (Hocuspocus's own generic driver:
 * `fetch` and `store` of the whole state, debounced as shipped, 2 s / 10 s).
 *
 *   --port=N  --database-url=URL  --redis-url=URL  --redis-prefix=P
 */
import { Database } from "@hocuspocus/extension-database";
import { Redis } from "@hocuspocus/extension-redis";
import { Server } from "@hocuspocus/server";
import { Pool } from "pg";
import { announceReady, launcherArgs } from "./childControl";

const args = launcherArgs(process.argv.slice(2));
const port = Number(args.get("port"));
const redisUrl = new URL(args.get("redis-url") ?? "redis://127.0.0.1:6379");
const pool = new Pool({ connectionString: args.get("database-url"), max: 4 });
await pool.query(
  "CREATE TABLE IF NOT EXISTS hocuspocus_documents (name TEXT PRIMARY KEY, data BYTEA NOT NULL)",
);

const server = new Server({
  port,
  address: "127.0.0.1",
  quiet: true,
  extensions: [
    new Redis({
      host: redisUrl.hostname,
      port: Number(redisUrl.port || 6379),
      prefix: args.get("redis-prefix") ?? "hocuspocus",
    }),
    new Database({
      async fetch({ documentName }) {
        const { rows } = await pool.query<{ data: Buffer }>(
          "SELECT data FROM hocuspocus_documents WHERE name = $1",
          [documentName],
        );
        return rows[0] ? new Uint8Array(rows[0].data) : null;
      },
      async store({ documentName, state }) {
        await pool.query(
          `INSERT INTO hocuspocus_documents (name, data) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET data = excluded.data`,
          [documentName, state],
        );
      },
    }),
  ],
});
await server.listen();
process.once("SIGTERM", () => {
  void server
    .destroy()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
announceReady(port, () => server.hocuspocus.getDocumentsCount());
