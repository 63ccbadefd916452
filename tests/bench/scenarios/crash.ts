/**
 * Scenario 8, crash: a writer types fast (one character every 5 ms, 200 per second) into an
 * item; an observer records what the server broadcast; after a random 2.5–5 s the server is
 * killed with SIGKILL mid-stream and restarted on the same data dir; a fresh client loads the
 * document. Lost = characters the observer had received that the fresh client does not have
 * (counted by the writer's Yjs clock, which advances by one per character typed), in percent
 * of what the observer had. All three are the stock providers.
 *
 * A seeder writes the paragraph first and the run waits 3 s (longer than Hocuspocus's 2 s save
 * debounce) so the body itself is stored before typing starts on every server.
 */
import * as Y from "yjs";
import { ensureParagraphs, paragraphsArrived } from "../clients/itemBody";
import { RawClient } from "../clients/rawClient";
import { openStockClient } from "../clients/stockClient";
import { sleep } from "../lib/waitFor";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import type { BenchSettings, CaseResult, Scenario } from "./scenario";

const TYPE_INTERVAL_MS = 5;

interface Trial {
  typed: number;
  observed: number;
  loaded: number;
  lost: number;
  prefixOk: boolean;
}

async function trial(definition: ServerUnderTest, log: (m: string) => void): Promise<Trial> {
  const server = await RunningServer.start(definition, { items: 1 });
  try {
    const docName = server.docNames(1)[0]!;
    const seedDoc = new Y.Doc();
    const seeder = await RawClient.connect(await server.target(docName), { doc: seedDoc });
    ensureParagraphs(seedDoc, 1);
    await seeder.barrier();
    await seeder.close();
    await sleep(3000);

    const writerDoc = new Y.Doc();
    const observerDoc = new Y.Doc();
    const writer = openStockClient(await server.target(docName), writerDoc);
    const observer = openStockClient(await server.target(docName), observerDoc);
    await Promise.all([writer.synced, observer.synced]);
    const [text] = await paragraphsArrived(writerDoc, 1);
    await paragraphsArrived(observerDoc, 1);
    const writerId = writerDoc.clientID;

    // Timers drift: each tick types what the schedule says is due (usually one character).
    const typingStart = performance.now();
    let typedSoFar = 0;
    const typing = setInterval(() => {
      const due = Math.floor((performance.now() - typingStart) / TYPE_INTERVAL_MS) - typedSoFar;
      if (due <= 0) return;
      text!.insert(text!.length, "c".repeat(due));
      typedSoFar += due;
    }, TYPE_INTERVAL_MS);
    await sleep(2500 + Math.random() * 2500);
    await server.kill();
    clearInterval(typing);
    // Anything still in flight from the dead server has arrived or never will.
    await sleep(100);
    const typed = Y.getState(writerDoc.store, writerId);
    const observed = Y.getState(observerDoc.store, writerId);
    const observedText = observerDoc.getXmlFragment("default").toString();
    writer.destroy();
    observer.destroy();

    await server.restart();
    const freshDoc = new Y.Doc();
    const fresh = openStockClient(await server.target(docName), freshDoc);
    await fresh.synced;
    // The reference server with LevelDB sends the stored state after its first sync reply.
    await sleep(1000);
    const loaded = Y.getState(freshDoc.store, writerId);
    const loadedText = freshDoc.getXmlFragment("default").toString();
    fresh.destroy();
    const lost = Math.max(0, observed - loaded);
    log(`crash: typed ${typed}, observer had ${observed}, fresh client loaded ${loaded}`);
    const common = loadedText.replace(/c+/, "");
    return {
      typed,
      observed,
      loaded,
      lost,
      prefixOk: observedText.replace(/c+/, "") === common,
    };
  } finally {
    await server.dispose();
  }
}

export const crash: Scenario = {
  id: "crash",
  title: "8. Crash: SIGKILL mid-typing, then restart",
  notApplicable: (server) => (server.persistent ? null : "no persistence: everything is lost"),
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const trials: Trial[] = [];
    for (let i = 0; i < (settings.quick ? 1 : 3); i++)
      trials.push(await trial(definition, settings.log));
    const observed = trials.reduce((sum, t) => sum + t.observed, 0);
    const lost = trials.reduce((sum, t) => sum + t.lost, 0);
    return [
      {
        scenario: "crash",
        case: `${trials.length} kills at 200 chars/s`,
        server: definition.id,
        status: trials.every((t) => t.prefixOk) ? "ok" : "error",
        note: trials.every((t) => t.prefixOk)
          ? undefined
          : "the loaded document's structure differs from the observer's beyond the typed text",
        metrics: {
          trials: trials.length,
          typed: trials.reduce((sum, t) => sum + t.typed, 0),
          observed,
          lost,
          lostPct: observed === 0 ? null : (lost / observed) * 100,
          worstTrialLostPct: Math.max(
            ...trials.map((t) => (t.observed ? (t.lost / t.observed) * 100 : 0)),
          ),
        },
      },
    ];
  },
};
