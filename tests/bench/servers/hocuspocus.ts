/**
 * Launches Hocuspocus 3.4.4 with its SQLite extension (a file in the data dir), configured as
 * shipped: `debounce` 2000 ms and `maxDebounce` 10000 ms before `onStoreDocument`, which writes
 * the whole document state (`Y.encodeStateAsUpdate`) as one row.
 *
 *   --port=N  --data-dir=DIR
 */
import path from "node:path";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";
import { announceReady, launcherArgs } from "./childControl";

const args = launcherArgs(process.argv.slice(2));
const port = Number(args.get("port"));
const dataDir = args.get("data-dir") ?? "";

const server = new Server({
  port,
  address: "127.0.0.1",
  quiet: true,
  extensions: [new SQLite({ database: path.join(dataDir, "hocuspocus.sqlite") })],
});
await server.listen();
announceReady(port, () => server.hocuspocus.getDocumentsCount());
