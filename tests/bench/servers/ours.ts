/**
 * Launches our server (`server/startServer.ts`) as `npm start` runs it — SQLite store, durable
 * acks, sync tokens and permission checks on — with the demo accounts, so the harness can sign
 * in as `sekretariat@demo.dk` and ask for sync tokens over HTTP like the client does.
 *
 *   --port=N  --data-dir=DIR  [--items=N]  [--compact-after=N]  [--idle-unload-ms=N]
 *
 * Our server refuses unknown documents, so `--items=N` creates the item documents
 * `item:bench-0` … `item:bench-<N-1>` (the empty item body, as `createItemDocument` writes it for a
 * new item) before announcing ready; existing ones are kept, so a restart on the same data dir
 * finds what the previous process stored. `--compact-after` and `--idle-unload-ms` are the
 * server's own tuning options; the benchmarks leave them at their defaults except where a
 * scenario says otherwise (long history, before compaction).
 */
import { createItemDocument } from "../../../server/items/createItem";
import { DEMO_MEETING_ID } from "../../../server/seed/seedDemo";
import { startServer } from "../../../server/startServer";
import { announceReady, launcherArgs } from "./childControl";

const args = launcherArgs(process.argv.slice(2));
const numberArg = (name: string): number | undefined =>
  args.has(name) ? Number(args.get(name)) : undefined;

const server = await startServer({
  port: Number(args.get("port")),
  host: "127.0.0.1",
  dataDir: args.get("data-dir") ?? "",
  demo: true,
  quiet: true,
  compactAfterUpdates: numberArg("compact-after"),
  idleUnloadMs: numberArg("idle-unload-ms"),
});

const items = numberArg("items") ?? 0;
for (let i = 0; i < items; i++) {
  const id = `bench-${i}`;
  if (await server.store.docs.docExists(`item:${id}`)) continue;
  // Bench items hang off the demo meeting (ids are global; they are not on its agenda).
  await createItemDocument(server.store, id, DEMO_MEETING_ID);
}

// As server/main.ts: SIGTERM flushes and compacts every document before exiting.
process.once("SIGTERM", () => {
  void server.close().finally(() => process.exit(0));
});

announceReady(server.port, () => server.sync.registry.size);
