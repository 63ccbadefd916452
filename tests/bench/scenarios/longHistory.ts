/**
 * Scenario 4, long history: one document built from U small updates (typing one character per
 * update, every tenth update a backspace and a retype, eight writers in their own paragraphs),
 * then loaded cold: the server process
 * is restarted on its data dir (SIGKILL, then start), warmed up on another document so the
 * figure is the document's load and not the process's first-connection costs, and a fresh
 * client connects; the figure is connect → the client holds the whole document, median of
 * several restarts. The figure ends when the message that completes the document arrives; the
 * client's own decoding of it is not counted.
 *
 * "Before compaction" is our server started with compaction off (`--compact-after` huge) and
 * killed with SIGKILL after the build, so its store holds the full update log. "After" is our
 * server as configured by default, stopped with SIGTERM (which compacts). The reference server
 * with LevelDB compacts as it writes (y-leveldb merges the log every 500 updates) and
 * Hocuspocus stores the whole state on every save, so they have one figure, reported as
 * "after". The in-memory reference server loses the document on restart: no cold load.
 */
import * as Y from "yjs";
import { BODY_FRAGMENT } from "../../../shared/docName";
import { ensureParagraphs, paragraphsArrived } from "../clients/itemBody";
import { RawClient, type ConnectTarget } from "../clients/rawClient";
import { summarize } from "../lib/latency";
import { measured, serverSettled } from "../lib/measure";
import { sleep, waitFor } from "../lib/waitFor";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import { withMeasurement, type BenchSettings, type CaseResult, type Scenario } from "./scenario";

/** Updates in flight per writer. */
const IN_FLIGHT = 64;
/**
 * Eight writers, each in its own paragraph: a long-lived item is written by several people, and
 * our server commits one connection's messages one after another (group commit batches across
 * connections), so a single writer would measure commit latency rather than the history.
 */
const WRITERS = 8;
const COMPACTION_OFF = ["--compact-after=1000000000"];

/** Whether `doc` holds every client's changes up to the clock in `state`. */
function holds(doc: Y.Doc, state: Map<number, number>): boolean {
  for (const [client, clock] of state) if (Y.getState(doc.store, client) < clock) return false;
  return true;
}

/**
 * Opens `target` with a fresh doc and resolves with the time from the connection request to the
 * arrival of the message that completed the document (everything in `state`): the server's
 * load and send, not the harness's decoding. Rejects after `timeoutMs` saying how much arrived.
 */
async function timeToComplete(
  target: ConnectTarget,
  state: Map<number, number>,
  timeoutMs = 30_000,
): Promise<{ ms: number; bytes: number }> {
  const doc = new Y.Doc();
  let completedAt: number | null = null;
  const client = new RawClient(target, {
    doc,
    afterApply: (receivedAt) => {
      if (completedAt === null && holds(doc, state)) completedAt = receivedAt;
    },
  });
  try {
    if (!(await waitFor(() => completedAt !== null, timeoutMs))) {
      const want = [...state.values()].reduce((a, b) => a + b, 0);
      const has = [...state.keys()].reduce((sum, c) => sum + Y.getState(doc.store, c), 0);
      throw new Error(`after restart the document holds ${has} of ${want} written items`);
    }
    return { ms: completedAt! - client.startedAt, bytes: Y.encodeStateAsUpdate(doc).byteLength };
  } finally {
    await client.close();
  }
}

/**
 * Restarts the server `times` times (SIGKILL, so nothing is compacted on the way down), warms
 * the new process up on another document, then times a fresh client from connect until its
 * doc holds the whole history (not just sync step 2: the reference server with LevelDB sends
 * an empty step 2 and the stored document as a later update).
 */
async function coldLoads(
  server: RunningServer,
  times: number,
  extraArgs: string[],
  written: Map<number, number>,
): Promise<number[]> {
  const loads: number[] = [];
  for (let i = 0; i < times; i++) {
    await server.kill();
    await server.restart(extraArgs);
    const [docName, warmUpName] = server.docNames(2);
    const warmUpDoc = new Y.Doc();
    const warmUp = await RawClient.connect(await server.target(warmUpName!), { doc: warmUpDoc });
    await waitFor(() => warmUpDoc.getXmlFragment(BODY_FRAGMENT).length > 0, 5_000);
    await warmUp.close();
    loads.push((await timeToComplete(await server.target(docName!), written)).ms);
  }
  return loads;
}

export const longHistory: Scenario = {
  id: "history",
  title: "4. Long history: cold load before and after compaction",
  notApplicable: (server) =>
    server.persistent ? null : "no persistence: the document is gone after a restart",
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const updates = settings.quick ? 10_000 : 100_000;
    const repeats = settings.quick ? 2 : 5;
    const ours = definition.id === "ours";
    const server = await RunningServer.start(definition, {
      items: 2,
      extraArgs: ours ? COMPACTION_OFF : [],
    });
    try {
      const [docName, warmUpName] = server.docNames(2);
      // The other document, used to warm a restarted server up before each cold load.
      const warmUpDoc = new Y.Doc();
      const warmUpSeeder = await RawClient.connect(await server.target(warmUpName!), {
        doc: warmUpDoc,
      });
      ensureParagraphs(warmUpDoc, 3, "Et kort punkt.");
      await warmUpSeeder.barrier();
      await warmUpSeeder.close();

      const target = await server.target(docName!);
      const seedDoc = new Y.Doc();
      const seeder = await RawClient.connect(target, { doc: seedDoc });
      ensureParagraphs(seedDoc, WRITERS);
      await seeder.barrier();

      // Writers type into their own paragraphs; a listener's receipts pace them.
      const received = new Map<number, number>();
      const listener = await RawClient.connect(target, {
        onUpdate: (update) => {
          const meta = Y.parseUpdateMeta(update);
          for (const [client, to] of meta.to) {
            received.set(client, (received.get(client) ?? 0) + to - (meta.from.get(client) ?? to));
          }
        },
      });
      const writers = await Promise.all(
        Array.from({ length: WRITERS }, async (_, i) => {
          const doc = new Y.Doc();
          const client = await RawClient.connect(target, { doc });
          client.applyIncoming = false;
          const text = (await paragraphsArrived(doc, WRITERS))[i]!;
          return { doc, client, text, start: Y.getState(doc.store, doc.clientID) };
        }),
      );
      // Closed only now: the reference server with LevelDB unloads a document when its last
      // client leaves and may reload it before its asynchronous writes are done.
      await seeder.close();
      const write = async (writer: (typeof writers)[number], count: number) => {
        const { doc, text } = writer;
        const inFlight = () =>
          Y.getState(doc.store, doc.clientID) - writer.start - (received.get(doc.clientID) ?? 0);
        for (let i = 0; i < count; i++) {
          if (i % 10 === 9) {
            doc.transact(() => {
              text.delete(text.length - 1, 1);
              text.insert(text.length, "e");
            });
          } else {
            text.insert(text.length, "t");
          }
          if (inFlight() >= IN_FLIGHT) await waitFor(() => inFlight() < IN_FLIGHT / 2, 30_000, 1);
        }
        return waitFor(() => inFlight() <= 0, 30_000);
      };
      settings.log(`long history: ${updates} updates from ${WRITERS} writers`);
      const build = await measured(server, async () => {
        const done = await Promise.all(writers.map((w) => write(w, updates / WRITERS)));
        return done.every(Boolean);
      });
      if (ours) await Promise.all(writers.map((w) => w.client.requestSave()));
      const written = new Map(
        writers.map((w) => [w.doc.clientID, Y.getState(w.doc.store, w.doc.clientID)]),
      );
      const warm = await timeToComplete(target, written);
      await Promise.all([...writers.map((w) => w.client.close()), listener.close()]);
      // Hocuspocus saves 2 s after the last change; LevelDB writes are queued. Let them finish:
      // this scenario is about loading what was stored, not about losing it (scenario 8).
      await sleep(2500);
      const settled = await serverSettled(server);

      const metrics: Record<string, number | null> = {
        updates,
        buildUpdatesPerS: updates / (build.wallMs / 1000),
        warmLoadMs: warm.ms,
        coldLoadBeforeMs: null,
        coldLoadAfterMs: null,
        docBytes: warm.bytes,
      };
      if (ours) {
        settings.log("long history: cold loads with the full update log");
        const before = await coldLoads(server, repeats, COMPACTION_OFF, written);
        metrics.coldLoadBeforeMs = summarize(before)!.p50;
        // Our server compacts a long log when it loads it with default settings, and on SIGTERM.
        await server.kill();
        await server.restart([]);
        const client = await RawClient.connect(target);
        await client.close();
        await server.stop();
        await server.restart([]);
      }
      settings.log("long history: cold loads");
      const after = await coldLoads(server, repeats, [], written);
      metrics.coldLoadAfterMs = summarize(after)!.p50;
      return [
        withMeasurement(
          {
            scenario: "history",
            case: `${updates} updates`,
            server: definition.id,
            status: build.value ? "ok" : "error",
            note: !build.value
              ? "not every update reached the listener"
              : settled
                ? undefined
                : "server still busy 2 min after the build",
            latencyMs: summarize(after),
            metrics,
          },
          build,
        ),
      ];
    } finally {
      await server.dispose();
    }
  },
};
