/**
 * Scenario 2, co-writing: E editors in one document, each typing into its own paragraph of the
 * Sagsfremstilling field, one character per update.
 *
 * Paced phase: every editor types 5 characters per second (a fast typist); latency is send →
 * receipt at each of the other editors. Saturation phase: every editor keeps up to WINDOW
 * keystrokes in flight and types the next as soon as a separate observer client has received
 * one of its earlier ones; the observer's receive rate is the server's sustained updates per
 * second with all E editors receiving every update.
 *
 * Editors are raw clients with their own Y.Doc: they sync once, then only append to their own
 * paragraph, so they need not apply each other's updates (which keeps the harness light).
 */
import * as Y from "yjs";
import { ensureParagraphs, paragraphsArrived } from "../clients/itemBody";
import { RawClient } from "../clients/rawClient";
import { LatencyRecorder } from "../lib/latency";
import { measured } from "../lib/measure";
import { mapConcurrent, sleep, waitFor } from "../lib/waitFor";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import { withMeasurement, type BenchSettings, type CaseResult, type Scenario } from "./scenario";

const CHARS_PER_SECOND = 5;
const WINDOW = 4;

interface Editor {
  doc: Y.Doc;
  client: RawClient;
  text: Y.XmlText;
  outstanding: number;
}

export const coWriting: Scenario = {
  id: "cowriting",
  title: "2. Co-writing: editors typing in one document",
  notApplicable: () => null,
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const editorCount = settings.quick ? 10 : 50;
    const pacedMs = settings.quick ? 5_000 : 20_000;
    const saturationMs = settings.quick ? 3_000 : 10_000;
    const server = await RunningServer.start(definition, { items: 1 });
    const clients: RawClient[] = [];
    try {
      const target = await server.target(server.docNames(1)[0]!);
      const seedDoc = new Y.Doc();
      const seeder = await RawClient.connect(target, { doc: seedDoc });
      ensureParagraphs(seedDoc, editorCount);
      await seeder.barrier();

      let phase: "paced" | "saturation" = "paced";
      const paced = new LatencyRecorder();
      const saturated = new LatencyRecorder();
      const editors: Editor[] = await mapConcurrent(editorCount, 10, async (i) => {
        const doc = new Y.Doc();
        const client = await RawClient.connect(target, {
          doc,
          onUpdate: (update, at) => {
            if (phase === "paced") paced.receive(update, at, doc.clientID);
          },
        });
        clients.push(client);
        const text = (await paragraphsArrived(doc, editorCount))[i]!;
        client.applyIncoming = false;
        return { doc, client, text, outstanding: 0 };
      });
      // Closed only now: the reference server with LevelDB unloads a document when its last
      // client leaves and may reload it before its asynchronous writes are done.
      await seeder.close();
      const type = (recorder: LatencyRecorder, editor: Editor) =>
        recorder.type(editor.doc, () => editor.text.insert(editor.text.length, "k"));

      // Paced: 5 characters per second per editor, each editor starting at a random phase.
      settings.log(`co-writing: ${editorCount} editors × ${CHARS_PER_SECOND} chars/s`);
      let typed = 0;
      const pacedRun = await measured(server, async () => {
        const timers: NodeJS.Timeout[] = [];
        const period = 1000 / CHARS_PER_SECOND;
        const start = performance.now();
        for (const editor of editors) {
          const offset = Math.random() * period;
          timers.push(
            setTimeout(() => {
              type(paced, editor);
              typed++;
              timers.push(
                setInterval(() => {
                  type(paced, editor);
                  typed++;
                }, period),
              );
            }, offset),
          );
        }
        await sleep(pacedMs);
        for (const timer of timers) clearInterval(timer);
        const elapsed = performance.now() - start;
        await waitFor(() => paced.received >= typed * (editorCount - 1), 10_000);
        return elapsed;
      });

      // Saturation: closed loop through an observer.
      phase = "saturation";
      settings.log(`co-writing: saturation, window ${WINDOW} per editor`);
      const byClient = new Map(editors.map((editor) => [editor.doc.clientID, editor]));
      const state = { running: true };
      let delivered = 0;
      let totalSent = 0;
      const pump = (editor: Editor) => {
        if (!state.running) return;
        for (; editor.outstanding < WINDOW; editor.outstanding++) {
          type(saturated, editor);
          totalSent++;
        }
      };
      const observer = await RawClient.connect(target, {
        onUpdate: (update, at) => {
          saturated.receive(update, at);
          const meta = Y.parseUpdateMeta(update);
          for (const [client, to] of meta.to) {
            const editor = byClient.get(client);
            if (!editor) continue;
            const count = to - (meta.from.get(client) ?? to);
            editor.outstanding -= count;
            delivered += count;
            pump(editor);
          }
        },
      });
      clients.push(observer);
      const saturationRun = await measured(server, async () => {
        const start = performance.now();
        for (const editor of editors) pump(editor);
        await sleep(saturationMs);
        state.running = false;
        const elapsed = performance.now() - start;
        const count = delivered;
        await waitFor(() => editors.every((editor) => editor.outstanding <= 0), 10_000);
        return { elapsed, count };
      });

      const pacedSeconds = pacedRun.value / 1000;
      const { elapsed, count } = saturationRun.value;
      return [
        withMeasurement(
          {
            scenario: "cowriting",
            case: `${editorCount} editors, 5 chars/s`,
            server: definition.id,
            status: "ok",
            latencyMs: paced.summary(),
            metrics: {
              editors: editorCount,
              offeredUpdatesPerS: typed / pacedSeconds,
              updatesPerS: paced.received / (editorCount - 1) / pacedSeconds,
              cpuPerUpdateUs: (pacedRun.serverCpuMs * 1000) / typed,
              kernelCpuPct: (pacedRun.serverSystemCpuMs / pacedRun.serverCpuMs) * 100,
              missing: typed * (editorCount - 1) - paced.received,
            },
          },
          pacedRun,
        ),
        withMeasurement(
          {
            scenario: "cowriting",
            case: `${editorCount} editors, saturated`,
            server: definition.id,
            status: "ok",
            latencyMs: saturated.summary(),
            metrics: {
              editors: editorCount,
              updatesPerS: count / (elapsed / 1000),
              deliveriesPerS: (count * editorCount) / (elapsed / 1000),
              // Every keystroke sent is eventually delivered (the phase waits for the drain).
              cpuPerUpdateUs: (saturationRun.serverCpuMs * 1000) / totalSent,
            },
          },
          saturationRun,
        ),
      ];
    } finally {
      await Promise.all(clients.map((client) => client.close()));
      await server.dispose();
    }
  },
};
