/**
 * Scenario 9, import bombs: a few editors co-write one document while the secretariat uploads
 * hostile import files back to back — Word zip bombs (200 MB of document.xml in 200 KB, one
 * declaring its size, one lying about it) and a 501-page PDF — each refused with 413. Latency is
 * keystroke send → receipt at the other editors, paced at 5 characters per second per editor,
 * measured in two phases of equal length: without uploads, then with the upload loop running.
 *
 * What it shows: the import runs in the worker pool, so refusing a bomb costs the sync server's
 * event loop nothing it would notice (before the pool, one bomb stalled every request for up
 * to 4.5 s and grew the server by ~740 MB).
 */
import * as Y from "yjs";
import { manyPagePdf, zipBombDocx } from "../../integration/helpers/importBombs";
import { ensureParagraphs, paragraphsArrived } from "../clients/itemBody";
import { RawClient } from "../clients/rawClient";
import { LatencyRecorder } from "../lib/latency";
import { measured } from "../lib/measure";
import { sleep, waitFor } from "../lib/waitFor";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import { withMeasurement, type BenchSettings, type CaseResult, type Scenario } from "./scenario";

const CHARS_PER_SECOND = 5;
const PREVIEW = "/api/committees/kkr-syddanmark/imports/preview";

export const importBombs: Scenario = {
  id: "importbombs",
  title: "9. Import bombs: keystroke latency while hostile uploads are refused",
  notApplicable: (server) =>
    server.id === "ours" ? null : "no import: the peers are sync servers only",
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const editorCount = settings.quick ? 3 : 5;
    const phaseMs = settings.quick ? 5_000 : 20_000;
    const server = await RunningServer.start(definition, {
      items: 1,
      extraArgs: ["--import-rate-limit=100000"],
    });
    const clients: RawClient[] = [];
    try {
      const bombs = [zipBombDocx(200), zipBombDocx(200, true), await manyPagePdf(501)];
      const session = server.session()!;
      const target = await server.target(server.docNames(1)[0]!);
      const seedDoc = new Y.Doc();
      const seeder = await RawClient.connect(target, { doc: seedDoc });
      ensureParagraphs(seedDoc, editorCount);
      await seeder.barrier();
      const recorders = { quiet: new LatencyRecorder(), bombs: new LatencyRecorder() };
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
        for (const editor of editors) {
          timers.push(
            setInterval(() => {
              recorder.type(editor.doc, () => editor.text.insert(editor.text.length, "k"));
              typed++;
            }, 1000 / CHARS_PER_SECOND),
          );
        }
        await sleep(phaseMs);
        for (const timer of timers) clearInterval(timer);
        await waitFor(() => recorder.received >= typed * (editorCount - 1), 10_000);
        return typed;
      };

      settings.log(`import bombs: ${editorCount} editors, quiet phase`);
      const quietRun = await measured(server, () => typePhase(recorders.quiet));

      settings.log("import bombs: with back-to-back hostile uploads");
      phase = "bombs";
      const statuses = new Map<number, number>();
      const state = { running: true };
      const uploader = (async () => {
        for (let i = 0; state.running; i++) {
          const response = await session.request(PREVIEW, {
            method: "POST",
            body: new Uint8Array(bombs[i % bombs.length]!),
          });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      })();
      const bombRun = await measured(server, async () => {
        const typed = await typePhase(recorders.bombs);
        state.running = false;
        await uploader;
        return typed;
      });
      const refused = statuses.get(413) ?? 0;
      const other = [...statuses].filter(([status]) => status !== 413);
      return [
        withMeasurement(
          {
            scenario: "importbombs",
            case: `${editorCount} editors, no uploads`,
            server: definition.id,
            status: "ok",
            latencyMs: recorders.quiet.summary(),
            metrics: { editors: editorCount, keystrokes: quietRun.value },
          },
          quietRun,
        ),
        withMeasurement(
          {
            scenario: "importbombs",
            case: `${editorCount} editors, bombs refused back to back`,
            server: definition.id,
            status: other.length === 0 ? "ok" : "error",
            note:
              other.length === 0
                ? undefined
                : `unexpected answers: ${other.map(([s, n]) => `${n}× ${s}`).join(", ")}`,
            latencyMs: recorders.bombs.summary(),
            metrics: {
              editors: editorCount,
              keystrokes: bombRun.value,
              bombsRefused: refused,
              bombsPerS: refused / (phaseMs / 1000),
            },
          },
          bombRun,
        ),
      ];
    } finally {
      await Promise.all(clients.map((client) => client.close()));
      await server.dispose();
    }
  },
};
