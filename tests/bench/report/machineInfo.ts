/** The machine and software a run measured, for docs/BENCHMARKS.md. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../servers/serverProcess";

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  kernel: string;
  node: string;
  /** `uptime` output: the load averages at the time. */
  uptime: string;
  versions: Record<string, string>;
}

const PACKAGES = [
  "yjs",
  "y-protocols",
  "y-websocket",
  "ws",
  "@y/websocket-server",
  "y-leveldb",
  "@hocuspocus/server",
  "@hocuspocus/extension-sqlite",
  "@hocuspocus/provider",
  "sqlite3",
  "better-sqlite3",
  "playwright-core",
];

function packageVersion(name: string): string {
  try {
    const manifest = readFileSync(
      path.join(repoRoot, "node_modules", name, "package.json"),
      "utf8",
    );
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return "missing";
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return "missing";
  }
}

export function machineInfo(): MachineInfo {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const versions: Record<string, string> = {};
  for (const name of PACKAGES) versions[name] = packageVersion(name);
  versions.chromium = chromiumVersion();
  return {
    cores: os.availableParallelism(),
    cpuModel: model.trim(),
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: os.release(),
    node: process.version,
    uptime: execFileSync("uptime", { encoding: "utf8" }).trim(),
    versions,
  };
}
