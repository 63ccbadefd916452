/**
 * Scenario 11, export under load: editors co-write one item body while the secretariat exports
 * the PDF of a 60-item meeting, five exports in flight at all times. Latency is keystroke send →
 * receipt at the other editors, paced at 5 characters per second per editor, in two phases of
 * equal length: without exports, then with them.
 *
 * What it shows: exports are rendered in the worker pool (`server/workers/`), so a PDF's seconds
 * of layout no longer hold the sync server's event loop (before, a 60-item PDF was ~1.5 s of CPU
 * on it, and every keystroke in the meantime waited). The target: p99 with exports ≤ 1.2× p99
 * without.
 */
import * as Y from "yjs";
import { ensureParagraphs, paragraphsArrived } from "../clients/itemBody";
import { RawClient } from "../clients/rawClient";
import { LatencyRecorder } from "../lib/latency";
import { measured } from "../lib/measure";
import { sleep, waitFor } from "../lib/waitFor";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import { withMeasurement, type BenchSettings, type CaseResult, type Scenario } from "./scenario";

const CHARS_PER_SECOND = 5;
const IN_FLIGHT = 5;
const EXPORT = "/api/meetings/bench-export/export.pdf?kind=dagsorden&variant=internal";

export const exportLoad: Scenario = {
  id: "exportload",
  title: "11. Export under load: keystroke latency while PDF exports run",
  notApplicable: (server) =>
    server.id === "ours" ? null : "no exports: the peers are sync servers only",
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const editorCount = 10;
    const items = settings.quick ? 20 : 60;
    const phaseMs = settings.quick ? 8_000 : 20_000;
    const server = await RunningServer.start(definition, {
      items: 1,
      extraArgs: [`--export-meeting-items=${items}`, "--export-rate-limit=100000"],
    });
    const clients: RawClient[] = [];
    try {
      const session = server.session()!;
      // One export before measuring: checks the meeting, and the bytes' size for the report.
      const probe = await session.request(EXPORT, { method: "GET" });
      const pdfBytes = (await probe.arrayBuffer()).byteLength;
      if (probe.status !== 200) throw new Error(`export failed: ${probe.status}`);

      const target = await server.target(server.docNames(1)[0]!);
      const seedDoc = new Y.Doc();
      const seeder = await RawClient.connect(target, { doc: seedDoc });
      ensureParagraphs(seedDoc, editorCount);
      await seeder.barrier();
      const recorders = { quiet: new LatencyRecorder(), exports: new LatencyRecorder() };
      let phase: keyof typeof recorders = "quiet";
      const editors: { doc: Y.Doc; text: Y.XmlText }[] = [];
      for (let i = 0; i < editorCount; i++) {
        const doc = new Y.Doc();
        const client = await RawClient.connect(target, {
          doc,
          onUpdate: (update, at) => recorders[phase].receive(update, at, doc.clientID),
        });
        clients.push(client);
        const text = (await paragraphsArrived(doc, editorCount))[i]!;
        client.applyIncoming = false;
        editors.push({ doc, text });
      }
      await seeder.close();

      /** Every editor types at 5 chars/s for `phaseMs`; resolves when all keystrokes arrived. */
      const typePhase = async (recorder: LatencyRecorder) => {
        let typed = 0;
        const timers: NodeJS.Timeout[] = [];
        const period = 1000 / CHARS_PER_SECOND;
        for (const editor of editors) {
          const type = () => {
            recorder.type(editor.doc, () => editor.text.insert(editor.text.length, "k"));
            typed++;
          };
          // Each editor at its own phase, as people type.
          timers.push(
            setTimeout(() => timers.push(setInterval(type, period)), Math.random() * period),
          );
        }
        await sleep(phaseMs);
        for (const timer of timers) clearInterval(timer);
        await waitFor(() => recorder.received >= typed * (editorCount - 1), 30_000);
        return typed;
      };

      settings.log(`export load: ${editorCount} editors, no exports`);
      const quietRun = await measured(server, () => typePhase(recorders.quiet));

      settings.log(`export load: ${IN_FLIGHT} PDF exports of ${items} items in flight`);
      phase = "exports";
      const statuses = new Map<number, number>();
      const exportMs: number[] = [];
      const state = { running: true };
      const exporter = async () => {
        while (state.running) {
          const started = performance.now();
          const response = await session.request(EXPORT, { method: "GET" });
          await response.arrayBuffer();
          exportMs.push(performance.now() - started);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      };
      const exportRun = await measured(server, async () => {
        const exporters = Array.from({ length: IN_FLIGHT }, exporter);
        const typed = await typePhase(recorders.exports);
        state.running = false;
        await Promise.all(exporters);
        return typed;
      });
      const done = statuses.get(200) ?? 0;
      const other = [...statuses].filter(([status]) => status !== 200);
      const quiet = recorders.quiet.summary();
      const loaded = recorders.exports.summary();
      return [
        withMeasurement(
          {
            scenario: "exportload",
            case: `${editorCount} editors, no exports`,
            server: definition.id,
            status: "ok",
            latencyMs: quiet,
            metrics: { editors: editorCount, keystrokes: quietRun.value },
          },
          quietRun,
        ),
        withMeasurement(
          {
            scenario: "exportload",
            case: `${editorCount} editors, ${IN_FLIGHT} PDF exports of ${items} items in flight`,
            server: definition.id,
            status: other.length === 0 ? "ok" : "error",
            note:
              other.length === 0
                ? undefined
                : `unexpected answers: ${other.map(([s, n]) => `${n}× ${s}`).join(", ")}`,
            latencyMs: loaded,
            metrics: {
              editors: editorCount,
              keystrokes: exportRun.value,
              exports: done,
              exportsPerS: done / (exportRun.wallMs / 1000),
              exportMeanMs: exportMs.reduce((a, b) => a + b, 0) / Math.max(1, exportMs.length),
              pdfKb: pdfBytes / 1024,
              p99Ratio: quiet && loaded ? loaded.p99 / quiet.p99 : null,
            },
          },
          exportRun,
        ),
      ];
    } finally {
      await Promise.all(clients.map((client) => client.close()));
      await server.dispose();
    }
  },
};
