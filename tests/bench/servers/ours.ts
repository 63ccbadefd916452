/**
 * Launches our server (`server/startServer.ts`) as `npm start` runs it — SQLite store, durable
 * acks, sync tokens and permission checks on — with the demo accounts, so the harness can sign
 * in as `sekretariat@demo.dk` and ask for sync tokens over HTTP like the client does.
 *
 *   --port=N  --data-dir=DIR  [--items=N]  [--compact-after=N]  [--idle-unload-ms=N]
 *   [--client-dir=DIR]  (the built client to serve, for the browser scenario)
 *   [--import-rate-limit=N]  (imports per minute and session; the import-bomb scenario lifts it)
 *   [--export-rate-limit=N]  (exports per minute and session; the export-load scenario lifts it)
 *   [--export-meeting-items=N]  (a meeting `bench-export` of N items with real text, see below)
 *   [--verbose=1]  (the server logs to stdout)
 *   [--database-url=URL --redis-url=URL --redis-prefix=P]  (an instance of a cluster)
 *
 * Our server refuses unknown documents and decides access from the item's meeting and the
 * person's committee role, so `--items=N` creates, through the server's own MeetingService,
 * meetings of the demo committee (KKR Syddanmark, where the demo secretariat may write every
 * draft item) holding items `bench-0` … `bench-<N-1>` with the empty item body, 25 to a meeting
 * as on a real agenda. A restart on the same data dir keeps what is there. `--compact-after`
 * and `--idle-unload-ms` are the server's own tuning options; the benchmarks leave them at
 * their defaults except where a scenario says otherwise (long history, before compaction).
 *
 * `--export-meeting-items=N` creates the meeting `bench-export` for the export-load scenario:
 * N items in sections of ten, their titles, case numbers and bodies taken in turn from the items
 * of the demo meeting (the published KKR minutes of 3 September 2025), so a PDF of it has the
 * length and layout work of a real agenda of that size.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseAgendaText } from "../../../server/import/parseAgendaText";
import type { ParsedItem } from "../../../server/import/ParsedMeeting";
import { itemBodyWith } from "../../../server/items/createItem";
import { meetingFromImport } from "../../../server/meetings/meetingFromImport";
import { DEMO_COMMITTEE_ID } from "../../../server/seed/seedDemo";
import { DEFAULT_RATE_LIMITS } from "../../../server/http/rateLimits";
import { startServer } from "../../../server/startServer";
import { deprioritizeHelperThreads } from "../../../server/workers";
import { announceReady, launcherArgs } from "./childControl";

const ITEMS_PER_MEETING = 25;

const args = launcherArgs(process.argv.slice(2));
const numberArg = (name: string): number | undefined =>
  args.has(name) ? Number(args.get(name)) : undefined;

// As server/main.ts does.
await deprioritizeHelperThreads();

const server = await startServer({
  port: Number(args.get("port")),
  host: "127.0.0.1",
  dataDir: args.get("data-dir") ?? "",
  demo: true,
  quiet: !args.has("verbose"),
  compactAfterUpdates: numberArg("compact-after"),
  idleUnloadMs: numberArg("idle-unload-ms"),
  clientDir: args.get("client-dir"),
  rateLimits: {
    ...DEFAULT_RATE_LIMITS,
    ...(args.has("import-rate-limit")
      ? { imports: { limit: Number(args.get("import-rate-limit")), windowMs: 60_000 } }
      : {}),
    ...(args.has("export-rate-limit")
      ? { exports: { limit: Number(args.get("export-rate-limit")), windowMs: 60_000 } }
      : {}),
  },
  databaseUrl: args.get("database-url"),
  redisUrl: args.get("redis-url"),
  redisPrefix: args.get("redis-prefix"),
});

const items = numberArg("items") ?? 0;
// Instances of a cluster start together: one creates the items, the others find them.
await server.store.locks.withLock("bench_items", () => createItems(items));

async function createItems(total: number): Promise<void> {
  if (total === 0 || (await server.store.docs.docExists("item:bench-0"))) return;
  for (let first = 0; first < total; first += ITEMS_PER_MEETING) {
    const meeting = first / ITEMS_PER_MEETING;
    const count = Math.min(ITEMS_PER_MEETING, total - first);
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

const exportItems = numberArg("export-meeting-items") ?? 0;
await server.store.locks.withLock("bench_export_meeting", () => createExportMeeting(exportItems));

async function createExportMeeting(total: number): Promise<void> {
  if (total === 0 || (await server.store.meetings.getMeeting("bench-export"))) return;
  const fixture = path.resolve(
    import.meta.dirname,
    "../../fixtures/agendas/kkr-syddanmark-2025-09-03-referat.txt",
  );
  const parsed = parseAgendaText(readFileSync(fixture, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const source: ParsedItem[] = parsed.value.sections.flatMap((section) => section.items);
  const sections = Array.from({ length: Math.ceil(total / 10) }, (_section, s) => ({
    number: String(s + 1),
    title: `Sager ${s + 1}`,
    items: Array.from({ length: Math.min(10, total - s * 10) }, (_item, i) => ({
      ...source[(s * 10 + i) % source.length]!,
      number: `${s + 1}.${i + 1}`,
      closed: false,
      attachments: [],
      beslutning: null,
    })),
  }));
  await meetingFromImport(
    server.meetings,
    server.store,
    { ...parsed.value, kind: "dagsorden", sections },
    {
      committeeId: DEMO_COMMITTEE_ID,
      details: { title: "Eksportmøde", date: "2030-01-02", place: "Odense" },
      userId: null,
      idPrefix: "bx",
      meetingId: "bench-export",
    },
  );
}

// As server/main.ts: SIGTERM flushes and compacts every document before exiting.
process.once("SIGTERM", () => {
  void server.close().finally(() => process.exit(0));
});

announceReady(server.port, () => server.sync.registry.size);
