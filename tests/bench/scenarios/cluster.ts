/**
 * Scenario "cluster": three instances of one server on this machine, on one Redis (ours also
 * on one PostgreSQL, Hocuspocus with @hocuspocus/extension-redis and its documents in a
 * PostgreSQL table), against one instance of the same server on the same stores.
 *
 * One writer per instance types one character per update into one document, the writers taking
 * turns a third of the interval apart; N listeners are
 * spread evenly over the instances (with one instance, everybody is on it). Latency is writer
 * send → listener receive, split into cross-instance samples (listener on another instance than
 * the writer: the figure the target is about) and same-instance ones. CPU per delivery is the
 * CPU time of all instances together over the typing phase, divided by deliveries
 * (updates × listeners).
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
import { Redis } from "ioredis";
import { Client } from "pg";
import * as Y from "yjs";
import { ensureParagraphs, paragraphTexts } from "../clients/itemBody";
import type { ConnectTarget } from "../clients/rawClient";
import { RawClient } from "../clients/rawClient";
import { LatencyRecorder } from "../lib/latency";
import { mapConcurrent, sleep, waitFor } from "../lib/waitFor";
import { OursSession } from "../servers/oursSession";
import { ServerProcess } from "../servers/serverProcess";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import type { BenchSettings, CaseResult, Scenario } from "./scenario";

const ADMIN_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const DOC = "item:bench-0";

interface ClusterCase {
  instances: number;
  listeners: number;
  updatesPerWriter: number;
  /** Each writer's interval; three writers together type three times as fast. */
  intervalMs: number;
}

const FULL: ClusterCase[] = [
  { instances: 1, listeners: 100, updatesPerWriter: 200, intervalMs: 60 },
  { instances: 3, listeners: 100, updatesPerWriter: 200, intervalMs: 60 },
];
const QUICK: ClusterCase[] = [
  { instances: 1, listeners: 100, updatesPerWriter: 60, intervalMs: 60 },
  { instances: 3, listeners: 100, updatesPerWriter: 60, intervalMs: 60 },
];
// Every instance is a fresh process: its V8 must warm up the paths of a remote update too.
const WARM_UP_UPDATES = 30;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database and a Redis key prefix of the run's own, removed afterwards. */
async function stores() {
  const name = `dagsorden_bench_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const prefix = `bench-${randomBytes(4).toString("hex")}:`;
  return {
    databaseUrl: url.toString(),
    prefix,
    async remove() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      const redis = new Redis(REDIS_URL);
      for (let cursor = "0"; ;) {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
        if (cursor === "0") break;
      }
      redis.disconnect();
    },
  };
}

async function startInstances(
  definition: ServerUnderTest,
  count: number,
  databaseUrl: string,
  prefix: string,
): Promise<ServerProcess[]> {
  const cluster = [
    `--database-url=${databaseUrl}`,
    `--redis-url=${REDIS_URL}`,
    `--redis-prefix=${prefix}`,
  ];
  if (definition.id === "ours") {
    // Migrations and demo seeding under the store's locks: started together, as in production.
    return Promise.all(
      Array.from({ length: count }, async () =>
        ServerProcess.start("ours.ts", [...cluster, "--data-dir=", "--items=1"], await freePort()),
      ),
    );
  }
  const first = await ServerProcess.start("hocuspocusCluster.ts", cluster, await freePort());
  const rest = await Promise.all(
    Array.from({ length: count - 1 }, async () =>
      ServerProcess.start("hocuspocusCluster.ts", cluster, await freePort()),
    ),
  );
  return [first, ...rest];
}

async function targetOf(
  definition: ServerUnderTest,
  instance: ServerProcess,
): Promise<ConnectTarget> {
  const base = `ws://127.0.0.1:${instance.port}`;
  if (definition.id !== "ours") {
    return { protocol: "hocuspocus", url: base, docName: DOC, serverUrl: base, params: {} };
  }
  const token = await new OursSession(`http://127.0.0.1:${instance.port}`).syncToken(DOC);
  const serverUrl = `${base}/sync`;
  return {
    protocol: "y-websocket",
    url: `${serverUrl}/${DOC}?token=${encodeURIComponent(token)}`,
    docName: DOC,
    serverUrl,
    params: { token },
  };
}

async function cpuUs(instances: ServerProcess[]): Promise<number> {
  const stats = await Promise.all(instances.map((instance) => instance.request("stats")));
  return stats.reduce((sum, s) => sum + s.cpuUserUs + s.cpuSystemUs, 0);
}

async function settled(instances: ServerProcess[]): Promise<void> {
  const deadline = performance.now() + 60_000;
  let before = await Promise.all(instances.map((i) => i.request("stats")));
  while (performance.now() < deadline) {
    await sleep(500);
    const now = await Promise.all(instances.map((i) => i.request("stats")));
    const busiestMs = Math.max(
      ...now.map(
        (s, i) =>
          (s.cpuUserUs + s.cpuSystemUs - before[i]!.cpuUserUs - before[i]!.cpuSystemUs) / 1000,
      ),
    );
    if (busiestMs < 10) return;
    before = now;
  }
}

async function runCase(definition: ServerUnderTest, c: ClusterCase): Promise<CaseResult> {
  const store = await stores();
  let instances: ServerProcess[] = [];
  const clients: RawClient[] = [];
  try {
    instances = await startInstances(definition, c.instances, store.databaseUrl, store.prefix);
    const targets = await Promise.all(instances.map((i) => targetOf(definition, i)));
    // Writers: one per instance (all on the one instance in the single-instance case).
    const writers = await Promise.all(
      [0, 1, 2].map(async (w) => {
        const doc = new Y.Doc();
        const client = await RawClient.connect(targets[w % targets.length]!, { doc });
        clients.push(client);
        return { doc, client, instance: w % targets.length };
      }),
    );
    ensureParagraphs(writers[0]!.doc, 1);
    await writers[0]!.client.barrier();
    // Every writer types into the paragraph the first one made, once it has it.
    for (const { doc } of writers) {
      if (!(await waitFor(() => paragraphTexts(doc).length > 0, 20_000)))
        throw new LostAtStart("a writer never received the paragraph");
    }
    const cross = new LatencyRecorder();
    const local = new LatencyRecorder();
    const writerInstance = new Map(writers.map((w) => [w.doc.clientID, w.instance]));
    const listenerClients = await mapConcurrent(c.listeners, 25, async (i) => {
      const instance = i % targets.length;
      const onUpdate = (update: Uint8Array, at: number) => {
        cross.receiveFrom(update, at, (client) => writerInstance.get(client) !== instance);
        local.receiveFrom(update, at, (client) => writerInstance.get(client) === instance);
      };
      return RawClient.connect(targets[instance]!, { onUpdate });
    });
    clients.push(...listenerClients);
    const type = (w: (typeof writers)[number]) => {
      const text = paragraphTexts(w.doc)[0]!;
      LatencyRecorder.typeInto([cross, local], w.doc, () => text.insert(text.length, "x"));
    };

    // Freshly started processes go on compiling and collecting for a while; three of them
    // would count that three times. Measure once every instance is quiet.
    await settled(instances);
    cross.recording = local.recording = false;
    // Writers take turns a third of the interval apart: people do not type in the same
    // millisecond, and writers in lockstep would let one instance send three people's
    // keystrokes as one message, which three instances cannot.
    const round = async (origin: number, i: number) => {
      for (const [w, writer] of writers.entries()) {
        await sleep(
          origin + i * c.intervalMs + (w * c.intervalMs) / writers.length - performance.now(),
        );
        type(writer);
      }
    };
    const warmStart = performance.now();
    for (let i = 0; i < WARM_UP_UPDATES; i++) await round(warmStart, i);
    const delivered = () => cross.received + local.received;
    await waitFor(() => delivered() >= WARM_UP_UPDATES * writers.length * c.listeners, 20_000);
    cross.recording = local.recording = true;
    cross.received = local.received = 0;

    const expected = c.updatesPerWriter * writers.length * c.listeners;
    const before = await cpuUs(instances);
    const start = performance.now();
    for (let i = 0; i < c.updatesPerWriter; i++) await round(start, i);
    const complete = await waitFor(() => delivered() >= expected, 20_000);
    const wallMs = performance.now() - start;
    const serverCpuMs = ((await cpuUs(instances)) - before) / 1000;
    const crossSummary = cross.summary();
    const localSummary = local.summary();
    return {
      scenario: "cluster",
      case: `${c.instances} instance${c.instances > 1 ? "s" : ""}, N=${c.listeners}`,
      server: definition.id,
      status: "ok",
      note: complete ? undefined : `${expected - delivered()} of ${expected} deliveries missing`,
      // Cross-instance latency where there is more than one instance; else all of it.
      latencyMs: c.instances > 1 ? crossSummary : localSummary,
      metrics: {
        instances: c.instances,
        listeners: c.listeners,
        sameInstanceP50Ms: localSummary?.p50 ?? null,
        sameInstanceP99Ms: localSummary?.p99 ?? null,
        deliveriesPerS: delivered() / (wallMs / 1000),
        cpuPerDeliveryUs: (serverCpuMs * 1000) / expected,
        missing: expected - delivered(),
      },
      serverCpuMs,
      wallMs,
    };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await Promise.all(instances.map((instance) => instance.stop()));
    await store.remove();
  }
}

/**
 * A change that never reached a writer on another instance before measuring began. Seen with
 * Hocuspocus's Redis extension (plain pub/sub, and no wait for other instances' state when a
 * document loads): the case is started again on fresh instances, and the result says how
 * often that happened.
 */
class LostAtStart extends Error {}

const START_ATTEMPTS = 4;

async function runCaseCountingLostStarts(
  definition: ServerUnderTest,
  c: ClusterCase,
  log: (message: string) => void,
): Promise<CaseResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await runCase(definition, c);
      result.metrics.lostStarts = attempt - 1;
      if (attempt > 1) {
        const lost = `${attempt - 1} earlier start(s) lost the first writer's paragraph`;
        result.note = result.note ? `${result.note}; ${lost}` : lost;
      }
      return result;
    } catch (error) {
      if (!(error instanceof LostAtStart) || attempt >= START_ATTEMPTS) throw error;
      log(`start ${attempt} lost a change (${error.message}); starting again`);
    }
  }
}

export const cluster: Scenario = {
  id: "cluster",
  title: "9. Cluster: three instances on one Redis",
  notApplicable: (server) =>
    server.id === "ours" || server.id === "hocuspocus"
      ? null
      : "the reference server has no way to run several instances on one document",
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (const c of settings.quick ? QUICK : FULL) {
      settings.log(`cluster ${c.instances} instance(s), N=${c.listeners}`);
      results.push(await runCaseCountingLostStarts(definition, c, settings.log));
    }
    return results;
  },
};
