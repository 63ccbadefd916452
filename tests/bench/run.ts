/**
 * `npm run bench [-- --quick] [--only fanout,crash] [--servers ours,yws-mem,yws-leveldb,hocuspocus]`
 * (`--servers …,floor` adds the relay floor to the fan-out and co-writing scenarios)
 *
 * Runs each selected scenario against each selected server, every server in its own child
 * process on a fresh temp data dir, and writes the raw results to docs/benchmarks.json (plus
 * a timestamped copy under tests/bench/results/), then rewrites the results part of
 * docs/BENCHMARKS.md from that JSON. `--no-write` prints only. Not part of `npm test`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { machineInfo } from "./report/machineInfo";
import { renderBenchmarksDoc } from "./report/renderBenchmarksDoc";
import type { BenchResults } from "./report/results";
import { SCENARIOS } from "./scenarios/registry";
import type { CaseResult, ScenarioId } from "./scenarios/scenario";
import { repoRoot } from "./servers/serverProcess";
import { KNOWN_SERVER_IDS, SERVER_IDS, SERVERS, type ServerId } from "./servers/serverUnderTest";

function listArg(name: string): string[] | null {
  const argv = process.argv.slice(2);
  const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index < 0) return null;
  const arg = argv[index]!;
  const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[index + 1];
  return (value ?? "").split(",").filter(Boolean);
}

const quick = process.argv.includes("--quick");
const write = !process.argv.includes("--no-write");
const only = listArg("only");
const serverIds = (listArg("servers") ?? [...SERVER_IDS]) as ServerId[];
for (const id of serverIds) {
  if (!KNOWN_SERVER_IDS.includes(id))
    throw new Error(`unknown server ${id}; known: ${KNOWN_SERVER_IDS.join(", ")}`);
}
const scenarios = SCENARIOS.filter((scenario) => !only || only.includes(scenario.id));
if (only) {
  for (const id of only) {
    if (!SCENARIOS.some((scenario) => scenario.id === id)) {
      throw new Error(`unknown scenario ${id}; known: ${SCENARIOS.map((s) => s.id).join(", ")}`);
    }
  }
}

// Ctrl-C: exit through process.exit so server children are killed (serverProcess.ts).
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

const startedAt = new Date();
const log = (message: string) => {
  const seconds = ((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4);
  console.log(`[${seconds}s] ${message}`);
};
const machineBefore = machineInfo();
const results: CaseResult[] = [];

for (const scenario of scenarios) {
  for (const id of serverIds) {
    const server = SERVERS[id];
    const reason =
      server.scenarios && !server.scenarios.includes(scenario.id)
        ? `${server.id} runs only ${server.scenarios.join(", ")}`
        : scenario.notApplicable(server);
    if (reason) {
      results.push({
        scenario: scenario.id,
        case: "-",
        server: id,
        status: "n/a",
        note: reason,
        metrics: {},
      });
      continue;
    }
    log(`${scenario.title} — ${server.label}`);
    try {
      const caseResults = await scenario.run(server, { quick, log: (m) => log(`  ${id}: ${m}`) });
      results.push(...caseResults);
      for (const result of caseResults) log(`  ${summaryLine(result)}`);
    } catch (error) {
      log(`  ${id} failed: ${(error as Error).stack ?? String(error)}`);
      results.push({
        scenario: scenario.id,
        case: "-",
        server: id,
        status: "error",
        note: (error as Error).message,
        metrics: {},
      });
    }
  }
}

const bench: BenchResults = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  quick,
  scenarios: scenarios.map((scenario) => scenario.id as ScenarioId),
  servers: serverIds.map((id) => ({ id, label: SERVERS[id].label })),
  machine: { before: machineBefore, after: machineInfo() },
  results,
};

if (write) {
  const json = `${JSON.stringify(bench, null, 2)}\n`;
  writeFileSync(path.join(repoRoot, "docs/benchmarks.json"), json);
  const resultsDir = path.join(repoRoot, "tests/bench/results");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `${bench.startedAt.replaceAll(":", "-")}.json`), json);
  await renderBenchmarksDoc(path.join(repoRoot, "docs/BENCHMARKS.md"), bench);
  log("wrote docs/benchmarks.json and docs/BENCHMARKS.md");
}
log("done");
process.exit(0);

function summaryLine(result: CaseResult): string {
  const latency = result.latencyMs
    ? ` p50 ${result.latencyMs.p50.toFixed(2)} p95 ${result.latencyMs.p95.toFixed(2)} p99 ${result.latencyMs.p99.toFixed(2)} ms (n=${result.latencyMs.n})`
    : "";
  const metrics = Object.entries(result.metrics)
    .map(([key, value]) => `${key}=${value === null ? "-" : Number(value.toPrecision(4))}`)
    .join(" ");
  const cpu = result.serverCpuMs === undefined ? "" : ` cpu ${result.serverCpuMs.toFixed(0)} ms`;
  const rss = result.peakRssMb === undefined ? "" : ` peak ${result.peakRssMb.toFixed(0)} MB`;
  const harness =
    result.harnessCpuPct === undefined ? "" : ` harness ${result.harnessCpuPct.toFixed(0)}%`;
  return `${result.case} ${result.status}${latency} ${metrics}${cpu}${rss}${harness}${result.note ? ` — ${result.note}` : ""}`;
}
