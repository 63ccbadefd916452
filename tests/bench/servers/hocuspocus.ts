/**
 * Launches Hocuspocus 3.4.4 with its SQLite extension (a file in the data dir), configured as
 * shipped: `debounce` 2000 ms and `maxDebounce` 10000 ms before `onStoreDocument`, which writes
 * the whole document state (`Y.encodeStateAsUpdate`) as one row.
 *
 *   --port=N  --data-dir=DIR
 *
 * The extension creates its table in `onConfigure` without waiting for it, so a connection in
 * the first moments after `listen()` can fail to load its document ("no such table"), which
 * Hocuspocus reports to the client as permission denied. The launcher announces ready only
 * once the table answers a query, so the benchmarks do not measure that start-up race.
 */
import path from "node:path";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";
import { announceReady, launcherArgs } from "./childControl";

const args = launcherArgs(process.argv.slice(2));
const port = Number(args.get("port"));
const dataDir = args.get("data-dir") ?? "";

const sqlite = new SQLite({ database: path.join(dataDir, "hocuspocus.sqlite") });
const server = new Server({ port, address: "127.0.0.1", quiet: true, extensions: [sqlite] });
await server.listen();

for (;;) {
  const ready = await new Promise<boolean>((resolve) => {
    if (!sqlite.db) return resolve(false);
    sqlite.db.get('SELECT count(*) FROM "documents"', (error: Error | null) => resolve(!error));
  });
  if (ready) break;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
announceReady(port, () => server.hocuspocus.getDocumentsCount());
