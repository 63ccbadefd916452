/**
 * Scenario 12, cold start and idle memory: our server started as a deployment starts it, on a
 * data directory that already holds the demo data (seeded by a first start that is not counted).
 *
 * Per run: the time from spawning the process to the first `200` from `GET /healthz` (polled
 * every 10 ms) and the CPU time the process used until then (user + system from /proc, 10 ms
 * ticks: on a shared machine the wall time also counts waiting for a core), then the resident
 * set size (VmRSS from /proc) after it has sat idle with nobody connected for 10 s, and again
 * at 60 s — no forced garbage collection, what the machine actually gives it. The second figure
 * is the settled one: some 20–30 s into a quiet spell V8's memory reducer runs a compacting
 * collection and gives back the young generation that start-up grew.
 * Two ways to run it: the compiled build (`node dist/server/main.js --demo`, what `npm start`
 * and `npm run serve` run, without npm's own start-up) and the TypeScript sources through tsx
 * (`node --import tsx server/main.ts --demo`, how the server ran before the build), three runs
 * each (one with --quick). The build is made first if it is stale (`node build.mjs --if-stale`).
 * Targets: cold start to healthy ≤ 1 s, idle RSS ≤ 100 MB.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sleep } from "../lib/waitFor";
import { repoRoot } from "../servers/serverProcess";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import type { BenchSettings, CaseResult, Scenario } from "./scenario";

const VARIANTS = {
  compiled: ["dist/server/main.js", "--demo"],
  tsx: ["--import", "tsx", "server/main.ts", "--demo"],
} as const;

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

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

/** User + system CPU time of a process so far, in ms (/proc/<pid>/stat, 100 ticks a second). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Starts the server, waits for health, sits idle, reads RSS, stops it (SIGTERM). */
async function oneRun(
  argv: readonly string[],
  dataDir: string,
  idle: { firstMs: number; settledMs: number } | null,
): Promise<Record<string, number>> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, argv, {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const url = `http://127.0.0.1:${port}/healthz`;
    const deadline = started + 60_000;
    while (!(await healthy(url))) {
      if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
      if (performance.now() > deadline) throw new Error(`not healthy in 60 s: ${stderr}`);
      await sleep(10);
    }
    const coldStartMs = performance.now() - started;
    const coldStartCpuMs = cpuMs(child.pid!);
    if (idle === null) return { coldStartMs, coldStartCpuMs };
    await sleep(idle.firstMs);
    const idleRssMb = rssMb(child.pid!);
    await sleep(idle.settledMs - idle.firstMs);
    return { coldStartMs, coldStartCpuMs, idleRssMb, settledRssMb: rssMb(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

export const coldStart: Scenario = {
  id: "coldstart",
  title: "12. Cold start to healthy and idle memory",
  notApplicable: (server) => (server.id === "ours" ? null : "measured for our server only"),
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const runs = settings.quick ? 1 : 3;
    const idle = { firstMs: 10_000, settledMs: 60_000 };
    const build = spawnSync(process.execPath, ["build.mjs", "--if-stale"], {
      cwd: repoRoot,
      stdio: "ignore",
    });
    if (build.status !== 0) throw new Error(`build failed (exit ${build.status})`);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "dagsorden-bench-coldstart-"));
    const results: CaseResult[] = [];
    try {
      settings.log("cold start: seeding the demo data (not counted)");
      await oneRun(VARIANTS.compiled, dataDir, null);
      for (const [variant, argv] of Object.entries(VARIANTS)) {
        for (let run = 1; run <= runs; run++) {
          const metrics = await oneRun(argv, dataDir, idle);
          settings.log(`cold start: ${variant} run ${run}`);
          results.push({
            scenario: "coldstart",
            case: `${variant}, run ${run}`,
            server: definition.id,
            status: "ok",
            metrics,
          });
        }
      }
      return results;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
