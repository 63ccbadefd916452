/**
 * Scenario 5, join storm: C clients open a large document at the same moment (a meeting
 * starts). The document (about 4 MB encoded: paragraphs of text in Sagsfremstilling) is written
 * in one update by a holder client that stays connected, so it is in the server's memory for
 * every server alike; loading it cold is scenario 4's subject. Each joining client is a raw
 * client and counts as synced when the complete sync step 2 has arrived (it does not apply it:
 * 150 × 4 MB of Yjs decoding would measure the harness). The reference server with LevelDB
 * and Hocuspocus send the same bytes; our server too.
 */
import * as Y from "yjs";
import { appendBulk } from "../clients/itemBody";
import { RawClient } from "../clients/rawClient";
import { summarize } from "../lib/latency";
import { measured } from "../lib/measure";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import { withMeasurement, type BenchSettings, type CaseResult, type Scenario } from "./scenario";

const PARAGRAPH_CHARS = 1000;

export const joinStorm: Scenario = {
  id: "joinstorm",
  title: "5. Join storm: clients opening a large document at once",
  notApplicable: () => null,
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const joiners = settings.quick ? 30 : 150;
    const targetBytes = (settings.quick ? 1 : 4) * 2 ** 20;
    const server = await RunningServer.start(definition, { items: 1 });
    const clients: RawClient[] = [];
    try {
      const target = await server.target(server.docNames(1)[0]!);
      const doc = new Y.Doc();
      const holder = await RawClient.connect(target, { doc });
      clients.push(holder);
      appendBulk(doc, Math.round(targetBytes / PARAGRAPH_CHARS), PARAGRAPH_CHARS);
      await holder.barrier();
      const docBytes = Y.encodeStateAsUpdate(doc).byteLength;

      settings.log(
        `join storm: ${joiners} clients, ${(docBytes / 2 ** 20).toFixed(1)} MB document`,
      );
      const storm = await measured(server, async () => {
        const joining = Array.from({ length: joiners }, () => new RawClient(target));
        clients.push(...joining);
        const settled = await Promise.allSettled(
          joining.map(async (client) => (await client.synced) - client.startedAt),
        );
        return {
          times: settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : [])),
          failures: settled.flatMap((s) => (s.status === "rejected" ? [String(s.reason)] : [])),
          syncBytes: joining[0]!.syncBytes,
        };
      });
      const { times, failures, syncBytes } = storm.value;
      const latency = summarize(times);
      return [
        withMeasurement(
          {
            scenario: "joinstorm",
            case: `${joiners} clients × ${(docBytes / 2 ** 20).toFixed(1)} MB`,
            server: definition.id,
            status: failures.length === 0 ? "ok" : "error",
            note: failures.length === 0 ? undefined : `${failures.length} failed: ${failures[0]}`,
            latencyMs: latency,
            metrics: {
              joiners,
              docBytes,
              syncBytes,
              syncedPerS: times.length / (storm.wallMs / 1000),
              lastSyncedMs: latency?.max ?? null,
              cpuPerJoinMs: storm.serverCpuMs / joiners,
              failed: failures.length,
            },
          },
          storm,
        ),
      ];
    } finally {
      await Promise.all(clients.map((client) => client.close()));
      await server.dispose();
    }
  },
};
