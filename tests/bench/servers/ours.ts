/**
 * Launches our server (`server/startServer.ts`) as `npm start` runs it — SQLite store, durable
 * acks, sync tokens and permission checks on — with the demo accounts, so the harness can sign
 * in as `sekretariat@demo.dk` and ask for sync tokens over HTTP like the client does.
 *
 *   --port=N  --data-dir=DIR  [--items=N]  [--compact-after=N]  [--idle-unload-ms=N]
 *   [--client-dir=DIR]  (the built client to serve, for the browser scenario)
 *   [--verbose=1]  (the server logs to stdout)
 *
 * Our server refuses unknown documents and decides access from the item's meeting and the
 * person's committee role, so `--items=N` creates, through the server's own MeetingService,
 * meetings of the demo committee (KKR Syddanmark, where the demo secretariat may write every
 * draft item) holding items `bench-0` … `bench-<N-1>` with the empty item body, 25 to a meeting
 * as on a real agenda. A restart on the same data dir keeps what is there. `--compact-after`
 * and `--idle-unload-ms` are the server's own tuning options; the benchmarks leave them at
 * their defaults except where a scenario says otherwise (long history, before compaction).
 */
import { itemBodyWith } from "../../../server/items/createItem";
import { DEMO_COMMITTEE_ID } from "../../../server/seed/seedDemo";
import { startServer } from "../../../server/startServer";
import { announceReady, launcherArgs } from "./childControl";

const ITEMS_PER_MEETING = 25;

const args = launcherArgs(process.argv.slice(2));
const numberArg = (name: string): number | undefined =>
  args.has(name) ? Number(args.get(name)) : undefined;

const server = await startServer({
  port: Number(args.get("port")),
  host: "127.0.0.1",
  dataDir: args.get("data-dir") ?? "",
  demo: true,
  quiet: !args.has("verbose"),
  compactAfterUpdates: numberArg("compact-after"),
  idleUnloadMs: numberArg("idle-unload-ms"),
  clientDir: args.get("client-dir"),
});

const items = numberArg("items") ?? 0;
if (items > 0 && !(await server.store.docs.docExists("item:bench-0"))) {
  for (let first = 0; first < items; first += ITEMS_PER_MEETING) {
    const meeting = first / ITEMS_PER_MEETING;
    const count = Math.min(ITEMS_PER_MEETING, items - first);
    await server.meetings.createMeeting(
      DEMO_COMMITTEE_ID,
      {
        title: `Benchmarkmøde ${meeting + 1}`,
        date: "2030-01-01",
        startTime: "10:00",
        endTime: null,
        place: "Odense",
      },
      [
        {
          title: "Benchmarkpunkter",
          items: Array.from({ length: count }, (_, i) => ({
            id: `bench-${first + i}`,
            title: `Benchmarkpunkt ${first + i}`,
            caseNumber: null,
            officers: [],
            closed: false,
            body: itemBodyWith(),
          })),
        },
      ],
      null,
      `bench-m${meeting}`,
    );
  }
}

// As server/main.ts: SIGTERM flushes and compacts every document before exiting.
process.once("SIGTERM", () => {
  void server.close().finally(() => process.exit(0));
});

announceReady(server.port, () => server.sync.registry.size);
