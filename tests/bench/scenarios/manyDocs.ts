/**
 * Scenario 3, many documents: D item documents, each opened by one client (which writes the
 * empty item body where the server has none), then by a second, idle one; then every client
 * leaves and the documents sit idle.
 *
 * Memory is read in the server process after a forced GC (children run with --expose-gc) as
 * JS heap + external (ArrayBuffers, socket buffers Node accounts for) and, separately, as RSS:
 * - per idle connection = (after 2nd clients − after 1st clients) / D
 * - per open document   = (after 1st clients − before) / D − per idle connection
 * After everyone left and the idle wait, the server says how many documents it still holds.
 */
import * as Y from "yjs";
import { ensureItemBody } from "../clients/itemBody";
import { RawClient } from "../clients/rawClient";
import { measured } from "../lib/measure";
import { mapConcurrent, sleep } from "../lib/waitFor";
import type { ChildStats } from "../servers/childControl";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import { withMeasurement, type BenchSettings, type CaseResult, type Scenario } from "./scenario";

/** Our server unloads after Limits.idleUnloadMs (30 s); wait a little longer. */
const FULL_UNLOAD_WAIT_MS = 40_000;
const QUICK_UNLOAD_WAIT_MS = 5_000;

const heapOf = (stats: ChildStats) => stats.heapUsedBytes + stats.externalBytes;
const kb = (bytes: number) => bytes / 1024;

export const manyDocs: Scenario = {
  id: "manydocs",
  title: "3. Many documents, two clients each, then idle",
  notApplicable: () => null,
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const docCount = settings.quick ? 100 : 1000;
    const idleMs = settings.quick ? 2_000 : 10_000;
    const unloadWaitMs = settings.quick ? QUICK_UNLOAD_WAIT_MS : FULL_UNLOAD_WAIT_MS;
    const server = await RunningServer.start(definition, { items: docCount });
    const clients: RawClient[] = [];
    try {
      const targets = await mapConcurrent(docCount, 16, (i) =>
        server.target(server.docNames(docCount)[i]!),
      );
      const before = await server.statsAfterGc();
      settings.log(`many docs: opening ${docCount} documents`);
      const run = await measured(server, async () => {
        const openStart = performance.now();
        const first = await mapConcurrent(docCount, 50, async (i) => {
          const doc = new Y.Doc();
          const client = await RawClient.connect(targets[i]!, { doc });
          ensureItemBody(doc);
          await client.barrier();
          doc.destroy();
          return client;
        });
        const openMs = performance.now() - openStart;
        clients.push(...first);
        await sleep(1000);
        const oneClient = await server.statsAfterGc();
        const second = await mapConcurrent(docCount, 50, (i) => RawClient.connect(targets[i]!));
        clients.push(...second);
        await sleep(1000);
        const twoClients = await server.statsAfterGc();
        await sleep(idleMs);
        const idle = await server.statsAfterGc();
        return { openMs, oneClient, twoClients, idle };
      });
      const { openMs, oneClient, twoClients, idle } = run.value;

      settings.log(`many docs: all clients leave; waiting ${unloadWaitMs / 1000} s`);
      await Promise.all(clients.splice(0).map((client) => client.close()));
      await sleep(unloadWaitMs);
      const afterIdle = await server.statsAfterGc();

      const perConnHeap = (heapOf(twoClients) - heapOf(oneClient)) / docCount;
      const perConnRss = (twoClients.rssBytes - oneClient.rssBytes) / docCount;
      const perDocHeap = (heapOf(oneClient) - heapOf(before)) / docCount - perConnHeap;
      const perDocRss = (oneClient.rssBytes - before.rssBytes) / docCount - perConnRss;
      return [
        withMeasurement(
          {
            scenario: "manydocs",
            case: `${docCount} docs × 2 clients`,
            server: definition.id,
            status: "ok",
            note:
              unloadWaitMs < FULL_UNLOAD_WAIT_MS
                ? `quick run: idle wait ${unloadWaitMs / 1000} s, shorter than our 30 s unload delay`
                : undefined,
            metrics: {
              docs: docCount,
              opensPerS: docCount / (openMs / 1000),
              perDocKb: kb(perDocHeap),
              perIdleConnKb: kb(perConnHeap),
              perDocRssKb: kb(perDocRss),
              perIdleConnRssKb: kb(perConnRss),
              idleGrowthKb: kb(heapOf(idle) - heapOf(twoClients)),
              openDocsWhileConnected: idle.openDocs,
              openDocsAfterIdle: afterIdle.openDocs,
              retainedAfterIdleKbPerDoc: kb((heapOf(afterIdle) - heapOf(before)) / docCount),
            },
          },
          run,
        ),
      ];
    } finally {
      await Promise.all(clients.map((client) => client.close()));
      await server.dispose();
    }
  },
};
