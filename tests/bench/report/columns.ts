/**
 * How each scenario's results are shown: its table columns, the figures compared as ours/peer
 * ratios, and the targets from the issue. Presentation only; the figures come from the JSON.
 */
import type { CaseResult, ScenarioId } from "../scenarios/scenario";

export interface Column {
  label: string;
  value: (result: CaseResult) => number | null | undefined;
  digits?: number;
}

const metric =
  (key: string) =>
  (result: CaseResult): number | null | undefined =>
    result.metrics[key];

const latency = (unitLabel: string): Column[] => [
  { label: `${unitLabel} p50 ms`, value: (r) => r.latencyMs?.p50, digits: 2 },
  { label: "p95 ms", value: (r) => r.latencyMs?.p95, digits: 2 },
  { label: "p99 ms", value: (r) => r.latencyMs?.p99, digits: 2 },
];

const server: Column[] = [
  { label: "server CPU ms", value: (r) => r.serverCpuMs, digits: 0 },
  { label: "peak RSS MB", value: (r) => r.peakRssMb, digits: 0 },
  { label: "harness CPU %", value: (r) => r.harnessCpuPct, digits: 0 },
];

export const COLUMNS: Record<ScenarioId, Column[]> = {
  cluster: [
    ...latency("cross-instance"),
    { label: "same-instance p99 ms", value: metric("sameInstanceP99Ms"), digits: 2 },
    { label: "deliveries/s", value: metric("deliveriesPerS"), digits: 0 },
    { label: "CPU µs/delivery (all instances)", value: metric("cpuPerDeliveryUs"), digits: 2 },
    { label: "server CPU ms", value: (r) => r.serverCpuMs, digits: 0 },
  ],
  fanout: [
    ...latency("latency"),
    { label: "deliveries/s", value: metric("deliveriesPerS"), digits: 0 },
    { label: "CPU µs/update/listener", value: metric("cpuPerUpdatePerListenerUs"), digits: 2 },
    { label: "of it kernel %", value: metric("kernelCpuPct"), digits: 0 },
    ...server,
  ],
  cowriting: [
    ...latency("latency"),
    { label: "updates/s", value: metric("updatesPerS"), digits: 0 },
    { label: "offered/s", value: metric("offeredUpdatesPerS"), digits: 0 },
    { label: "server CPU µs/update", value: metric("cpuPerUpdateUs"), digits: 0 },
    ...server,
  ],
  manydocs: [
    { label: "KB/open doc (heap)", value: metric("perDocKb"), digits: 1 },
    { label: "KB/idle conn (heap)", value: metric("perIdleConnKb"), digits: 2 },
    { label: "KB/open doc (RSS)", value: metric("perDocRssKb"), digits: 1 },
    { label: "KB/idle conn (RSS)", value: metric("perIdleConnRssKb"), digits: 2 },
    { label: "docs held, connected", value: metric("openDocsWhileConnected"), digits: 0 },
    { label: "docs held after idle", value: metric("openDocsAfterIdle"), digits: 0 },
    { label: "opens/s", value: metric("opensPerS"), digits: 0 },
    ...server,
  ],
  history: [
    { label: "build updates/s", value: metric("buildUpdatesPerS"), digits: 0 },
    { label: "warm load ms", value: metric("warmLoadMs"), digits: 1 },
    { label: "cold load, log ms", value: metric("coldLoadBeforeMs"), digits: 1 },
    { label: "cold load, compacted ms", value: metric("coldLoadAfterMs"), digits: 1 },
    { label: "cold p95 ms", value: (r) => r.latencyMs?.p95, digits: 1 },
    { label: "doc bytes", value: metric("docBytes"), digits: 0 },
    ...server,
  ],
  joinstorm: [
    ...latency("to synced"),
    { label: "last ms", value: metric("lastSyncedMs"), digits: 0 },
    { label: "synced/s", value: metric("syncedPerS"), digits: 0 },
    { label: "server CPU ms/join", value: metric("cpuPerJoinMs"), digits: 1 },
    ...server,
  ],
  durableack: [
    ...latency("ack"),
    { label: "acks/s", value: metric("acksPerS"), digits: 0 },
    ...server,
  ],
  browser: [
    ...latency("latency"),
    { label: "samples", value: (r) => r.latencyMs?.n, digits: 0 },
    { label: "doc chars", value: metric("docChars"), digits: 0 },
    ...server,
  ],
  crash: [
    { label: "trials", value: metric("trials"), digits: 0 },
    { label: "chars observed", value: metric("observed"), digits: 0 },
    { label: "chars lost", value: metric("lost"), digits: 0 },
    { label: "lost %", value: metric("lostPct"), digits: 1 },
    { label: "worst trial lost %", value: metric("worstTrialLostPct"), digits: 1 },
  ],
  exportload: [
    ...latency("latency"),
    { label: "keystrokes", value: metric("keystrokes"), digits: 0 },
    { label: "exports", value: metric("exports"), digits: 0 },
    { label: "export mean ms", value: metric("exportMeanMs"), digits: 0 },
    { label: "p99 ÷ without", value: metric("p99Ratio"), digits: 2 },
    ...server,
  ],
  coldstart: [
    { label: "cold start to healthy ms", value: metric("coldStartMs"), digits: 0 },
    { label: "CPU to healthy ms", value: metric("coldStartCpuMs"), digits: 0 },
    { label: "idle RSS MB at 10 s", value: metric("idleRssMb"), digits: 1 },
    { label: "idle RSS MB at 60 s", value: metric("settledRssMb"), digits: 1 },
  ],
  importbombs: [
    ...latency("latency"),
    { label: "keystrokes", value: metric("keystrokes"), digits: 0 },
    { label: "bombs refused", value: metric("bombsRefused"), digits: 0 },
    { label: "bombs/s", value: metric("bombsPerS"), digits: 1 },
    ...server,
  ],
};

/** Figures compared as ours / peer, per case; `better` says which way is good. */
export interface Headline {
  label: string;
  value: (result: CaseResult) => number | null | undefined;
  better: "lower" | "higher";
  /** When the peers' figure means something else: what to show instead of a ratio. */
  notComparable?: string;
}

export const HEADLINES: Record<ScenarioId, Headline[]> = {
  cluster: [
    { label: "cross-instance p99", value: (r) => r.latencyMs?.p99, better: "lower" },
    { label: "CPU/delivery", value: metric("cpuPerDeliveryUs"), better: "lower" },
  ],
  fanout: [
    { label: "p99 latency", value: (r) => r.latencyMs?.p99, better: "lower" },
    { label: "CPU/update/listener", value: metric("cpuPerUpdatePerListenerUs"), better: "lower" },
  ],
  cowriting: [
    { label: "p99 latency", value: (r) => r.latencyMs?.p99, better: "lower" },
    { label: "updates/s", value: metric("updatesPerS"), better: "higher" },
    { label: "server CPU/update", value: metric("cpuPerUpdateUs"), better: "lower" },
  ],
  manydocs: [
    { label: "memory/open doc", value: metric("perDocKb"), better: "lower" },
    { label: "memory/idle conn", value: metric("perIdleConnKb"), better: "lower" },
  ],
  history: [
    { label: "cold load (compacted)", value: metric("coldLoadAfterMs"), better: "lower" },
    { label: "build updates/s", value: metric("buildUpdatesPerS"), better: "higher" },
  ],
  joinstorm: [
    { label: "p50 to synced", value: (r) => r.latencyMs?.p50, better: "lower" },
    { label: "p99 to synced", value: (r) => r.latencyMs?.p99, better: "lower" },
    { label: "server CPU/join", value: metric("cpuPerJoinMs"), better: "lower" },
    { label: "peak RSS", value: (r) => r.peakRssMb, better: "lower" },
  ],
  durableack: [
    {
      label: "p99 ack",
      value: (r) => r.latencyMs?.p99,
      better: "lower",
      notComparable: "no durable ack",
    },
  ],
  browser: [{ label: "p95", value: (r) => r.latencyMs?.p95, better: "lower" }],
  crash: [{ label: "lost %", value: metric("lostPct"), better: "lower" }],
  importbombs: [{ label: "p99 latency", value: (r) => r.latencyMs?.p99, better: "lower" }],
  exportload: [{ label: "p99 latency", value: (r) => r.latencyMs?.p99, better: "lower" }],
  coldstart: [
    { label: "cold start", value: metric("coldStartMs"), better: "lower" },
    { label: "idle RSS", value: metric("idleRssMb"), better: "lower" },
    { label: "idle RSS, settled", value: metric("settledRssMb"), better: "lower" },
  ],
};

export interface Target {
  label: string;
  scenario: ScenarioId;
  /** Picks our case the target is about. */
  matches: (result: CaseResult) => boolean;
  value: (result: CaseResult, peers: CaseResult[]) => number | null | undefined;
  limit: number;
  comparison: "max" | "min";
  unit: string;
}

/** The worst of our compiled server's cold-start runs, for a "≤" target. */
const worstCompiled =
  (key: string) =>
  (_r: CaseResult, all: CaseResult[]): number | null => {
    const values = all
      .filter((p) => p.server === "ours" && p.status === "ok" && p.case.startsWith("compiled"))
      .map((p) => p.metrics[key])
      .filter((value): value is number => typeof value === "number");
    return values.length > 0 ? Math.max(...values) : null;
  };

export const TARGETS: Target[] = [
  {
    label: "export load: keystroke p99 with five PDF exports in flight ≤ 1.2× without",
    scenario: "exportload",
    matches: (r) => r.case.includes("exports of"),
    value: (r) => r.metrics.p99Ratio,
    limit: 1.2,
    comparison: "max",
    unit: "×",
  },
  {
    label: "cold start to healthy ≤ 1 s (compiled, worst run)",
    scenario: "coldstart",
    matches: (r) => r.case.startsWith("compiled"),
    value: worstCompiled("coldStartMs"),
    limit: 1000,
    comparison: "max",
    unit: "ms",
  },
  {
    label: "idle RSS with demo data ≤ 100 MB (compiled, worst run, at 10 s)",
    scenario: "coldstart",
    matches: (r) => r.case.startsWith("compiled"),
    value: worstCompiled("idleRssMb"),
    limit: 100,
    comparison: "max",
    unit: "MB",
  },
  {
    label: "idle RSS with demo data ≤ 100 MB (compiled, worst run, settled at 60 s)",
    scenario: "coldstart",
    matches: (r) => r.case.startsWith("compiled"),
    value: worstCompiled("settledRssMb"),
    limit: 100,
    comparison: "max",
    unit: "MB",
  },
  {
    label: "cluster: cross-instance p99 ≤ 10 ms at 100 listeners over three instances",
    scenario: "cluster",
    matches: (r) => r.case.startsWith("3 instances"),
    value: (r) => r.latencyMs?.p99,
    limit: 10,
    comparison: "max",
    unit: "ms",
  },
  {
    label: "cluster: CPU per delivery over three instances ≤ 1.5× one instance's",
    scenario: "cluster",
    matches: (r) => r.case.startsWith("3 instances"),
    value: (r, peers) => {
      const one = peers.find((p) => p.server === r.server && p.case.startsWith("1 instance"));
      const ours = r.metrics.cpuPerDeliveryUs;
      const single = one?.metrics.cpuPerDeliveryUs;
      return ours != null && single ? ours / single : null;
    },
    limit: 1.5,
    comparison: "max",
    unit: "×",
  },
  {
    label: "cluster: CPU per delivery over three instances below Hocuspocus with Redis",
    scenario: "cluster",
    matches: (r) => r.case.startsWith("3 instances"),
    value: (r, peers) => {
      const theirs = peers.find((p) => p.server === "hocuspocus" && p.case === r.case);
      const ours = r.metrics.cpuPerDeliveryUs;
      const other = theirs?.metrics.cpuPerDeliveryUs;
      return ours != null && other ? ours / other : null;
    },
    limit: 1,
    comparison: "max",
    unit: "×",
  },
  {
    label: "paced fan-out CPU per delivery ≤ 0.5× the reference's (N = 100, 20 updates/s)",
    scenario: "fanout",
    matches: (r) => r.case === "N=100, 20/s",
    value: (r, peers) => ratioToReference(r, peers, "cpuPerUpdatePerListenerUs"),
    limit: 0.5,
    comparison: "max",
    unit: "×",
  },
  {
    label: "paced co-writing CPU per update ≤ 0.5× the reference's (50 editors × 5/s)",
    scenario: "cowriting",
    matches: (r) => r.case.endsWith("5 chars/s"),
    value: (r, peers) => ratioToReference(r, peers, "cpuPerUpdateUs"),
    limit: 0.5,
    comparison: "max",
    unit: "×",
  },
  {
    label: "co-writing updates/s ≥ 2× the reference server's (in memory), durability and auth on",
    scenario: "cowriting",
    matches: (r) => r.case.endsWith("saturated"),
    value: (r, peers) => {
      const reference = peers.find((p) => p.server === "yws-mem" && p.case === r.case);
      const ours = r.metrics.updatesPerS;
      const theirs = reference?.metrics.updatesPerS;
      return ours != null && theirs ? ours / theirs : null;
    },
    limit: 2,
    comparison: "min",
    unit: "×",
  },
  {
    label: "fan-out p99 ≤ 5 ms at N = 100",
    scenario: "fanout",
    matches: (r) => r.case === "N=100, 50/s",
    value: (r) => r.latencyMs?.p99,
    limit: 5,
    comparison: "max",
    unit: "ms",
  },
  {
    label: "CPU per update per listener ≤ 7 µs at N = 1000",
    scenario: "fanout",
    matches: (r) => r.case === "N=1000, 20/s",
    value: metric("cpuPerUpdatePerListenerUs"),
    limit: 7,
    comparison: "max",
    unit: "µs",
  },
  {
    label: "durable ack p99 ≤ 15 ms",
    scenario: "durableack",
    matches: () => true,
    value: (r) => r.latencyMs?.p99,
    limit: 15,
    comparison: "max",
    unit: "ms",
  },
  {
    label: "≤ 2 KB per idle connection",
    scenario: "manydocs",
    matches: () => true,
    value: metric("perIdleConnKb"),
    limit: 2,
    comparison: "max",
    unit: "KB",
  },
  {
    label: "cold load of the long-history document ≤ 20 ms after compaction",
    scenario: "history",
    matches: () => true,
    value: metric("coldLoadAfterMs"),
    limit: 20,
    comparison: "max",
    unit: "ms",
  },
  {
    label: "join storm p50 ≤ 1 s",
    scenario: "joinstorm",
    matches: () => true,
    value: (r) => r.latencyMs?.p50,
    limit: 1000,
    comparison: "max",
    unit: "ms",
  },
  {
    label: "keystroke-to-remote-render p95 ≤ 50 ms",
    scenario: "browser",
    matches: (r) => r.case.startsWith("keystroke → remote"),
    value: (r) => r.latencyMs?.p95,
    limit: 50,
    comparison: "max",
    unit: "ms",
  },
  {
    label: "crash: nothing the observer received is lost",
    scenario: "crash",
    matches: () => true,
    value: metric("lost"),
    limit: 0,
    comparison: "max",
    unit: "chars",
  },
];

/** Ours ÷ the in-memory reference server's figure for the same case. */
function ratioToReference(r: CaseResult, peers: CaseResult[], name: string): number | null {
  const reference = peers.find((p) => p.server === "yws-mem" && p.case === r.case);
  const ours = r.metrics[name];
  const theirs = reference?.metrics[name];
  return ours != null && theirs ? ours / theirs : null;
}
