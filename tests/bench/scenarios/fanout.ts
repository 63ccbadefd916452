/**
 * Scenario 1, fan-out: one writer types one character per update into one document while N
 * raw listeners hold it open. Latency is writer send → listener receive, one sample per
 * (update, listener); CPU is the server's CPU time over the typing phase divided by updates × N.
 */
import * as Y from "yjs";
import { ensureParagraphs } from "../clients/itemBody";
import { RawClient } from "../clients/rawClient";
import { LatencyRecorder } from "../lib/latency";
import { measured } from "../lib/measure";
import { mapConcurrent, sleep, waitFor } from "../lib/waitFor";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import { withMeasurement, type BenchSettings, type CaseResult, type Scenario } from "./scenario";

interface FanoutCase {
  listeners: number;
  updates: number;
  intervalMs: number;
}

const FULL: FanoutCase[] = [
  { listeners: 10, updates: 500, intervalMs: 10 },
  { listeners: 100, updates: 300, intervalMs: 20 },
  // The rate one person types at (issue #17's paced figure): per-update costs are not amortised.
  { listeners: 100, updates: 300, intervalMs: 50 },
  { listeners: 1000, updates: 200, intervalMs: 50 },
];
const QUICK: FanoutCase[] = [
  { listeners: 10, updates: 100, intervalMs: 10 },
  { listeners: 100, updates: 100, intervalMs: 20 },
];
const WARM_UP_UPDATES = 20;

async function runCase(
  definition: ServerUnderTest,
  { listeners, updates, intervalMs }: FanoutCase,
): Promise<CaseResult> {
  const server = await RunningServer.start(definition, { items: 1 });
  const clients: RawClient[] = [];
  try {
    const target = await server.target(server.docNames(1)[0]!);
    const doc = new Y.Doc();
    const writer = await RawClient.connect(target, { doc });
    clients.push(writer);
    const [text] = ensureParagraphs(doc, 1);
    await writer.barrier();
    const recorder = new LatencyRecorder();
    const onUpdate = (update: Uint8Array, at: number) => void recorder.receive(update, at);
    clients.push(
      ...(await mapConcurrent(listeners, 50, () => RawClient.connect(target, { onUpdate }))),
    );
    const type = () => recorder.type(doc, () => text!.insert(text!.length, "x"));

    recorder.recording = false;
    for (let i = 0; i < WARM_UP_UPDATES; i++) {
      type();
      await sleep(intervalMs);
    }
    await waitFor(() => recorder.received >= WARM_UP_UPDATES * listeners, 10_000);
    recorder.recording = true;
    recorder.received = 0;

    const expected = updates * listeners;
    let sendMs = 0;
    const measurement = await measured(server, async () => {
      const start = performance.now();
      for (let i = 0; i < updates; i++) {
        type();
        await sleep(start + (i + 1) * intervalMs - performance.now());
      }
      sendMs = performance.now() - start;
      return waitFor(() => recorder.received >= expected, 15_000);
    });
    const complete = measurement.value;
    return withMeasurement(
      {
        scenario: "fanout",
        case: `N=${listeners}, ${1000 / intervalMs}/s`,
        server: definition.id,
        status: "ok",
        note: complete
          ? undefined
          : `${expected - recorder.received} of ${expected} deliveries missing`,
        latencyMs: recorder.summary(),
        metrics: {
          listeners,
          updates,
          deliveriesPerS: recorder.received / (sendMs / 1000),
          cpuPerUpdatePerListenerUs: (measurement.serverCpuMs * 1000) / expected,
          kernelCpuPct: (measurement.serverSystemCpuMs / measurement.serverCpuMs) * 100,
          missing: expected - recorder.received,
        },
      },
      measurement,
    );
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await server.dispose();
  }
}

export const fanout: Scenario = {
  id: "fanout",
  title: "1. Fan-out: one writer, N listeners",
  notApplicable: () => null,
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (const fanoutCase of settings.quick ? QUICK : FULL) {
      settings.log(`fanout N=${fanoutCase.listeners}`);
      results.push(await runCase(definition, fanoutCase));
    }
    return results;
  },
};
