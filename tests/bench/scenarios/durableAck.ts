/**
 * Scenario 6, durable ack: a writer types one character per update (50 per second) and after
 * each asks our server `[100 saveRequest, id]`; the figure is send → `[101 saved, id]`, i.e.
 * until the update is committed to SQLite. A listener holds the document open meanwhile.
 *
 * The reference server has no acknowledgement at all. Hocuspocus answers every update with a
 * SyncStatus message, but sends it once the update is applied in memory, before (and
 * independent of) its debounced save: its time is reported for comparison, marked as not
 * durable.
 */
import * as Y from "yjs";
import { ensureParagraphs } from "../clients/itemBody";
import { RawClient } from "../clients/rawClient";
import { Samples, summarize } from "../lib/latency";
import { measured } from "../lib/measure";
import { sleep, waitFor } from "../lib/waitFor";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import { withMeasurement, type BenchSettings, type CaseResult, type Scenario } from "./scenario";

const INTERVAL_MS = 20;

export const durableAck: Scenario = {
  id: "durableack",
  title: "6. Durable ack: update → saved",
  notApplicable: (server) =>
    server.durableAck || server.protocol === "hocuspocus"
      ? null
      : "no acknowledgement in the protocol: a client cannot tell when an update is stored",
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const count = settings.quick ? 100 : 1000;
    const server = await RunningServer.start(definition, { items: 1 });
    const clients: RawClient[] = [];
    try {
      const target = await server.target(server.docNames(1)[0]!);
      const samples = new Samples();
      // Hocuspocus answers every update with one SyncStatus, in order.
      const statusWaiters: number[] = [];
      const doc = new Y.Doc();
      const writer = await RawClient.connect(target, {
        doc,
        onSyncStatus: (at) => {
          const sentAt = statusWaiters.shift();
          if (sentAt !== undefined) samples.push(at - sentAt);
        },
      });
      clients.push(writer, await RawClient.connect(target));
      const [text] = ensureParagraphs(doc, 1);
      await writer.barrier();
      await sleep(500);
      statusWaiters.length = 0;

      settings.log(`durable ack: ${count} updates`);
      const run = await measured(server, async () => {
        const start = performance.now();
        const acks: Array<Promise<void>> = [];
        for (let i = 0; i < count; i++) {
          const sentAt = performance.now();
          if (definition.durableAck) {
            text!.insert(text!.length, "s");
            acks.push(writer.requestSave().then((at) => samples.push(at - sentAt)));
          } else {
            statusWaiters.push(sentAt);
            text!.insert(text!.length, "s");
          }
          await sleep(start + (i + 1) * INTERVAL_MS - performance.now());
        }
        await Promise.all(acks);
        return waitFor(() => samples.length >= count, 10_000);
      });
      return [
        withMeasurement(
          {
            scenario: "durableack",
            case: `${count} updates, ${1000 / INTERVAL_MS}/s`,
            server: definition.id,
            status: run.value ? "ok" : "error",
            note: definition.durableAck
              ? undefined
              : "SyncStatus: applied in memory, not stored (saved up to 2–10 s later)",
            latencyMs: summarize(samples.values()),
            metrics: { updates: count, acksPerS: samples.length / (run.wallMs / 1000) },
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
