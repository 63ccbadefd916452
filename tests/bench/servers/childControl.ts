/**
 * The server side of the harness ↔ server-process control channel (Node IPC).
 *
 * Every server under test runs in its own child process so that its CPU time and peak memory
 * are its own. The launcher calls `announceReady` once it listens, then answers the harness's
 * requests: `stats` (CPU time from `process.cpuUsage()`, heap figures, RSS and peak RSS from
 * /proc/self/status), `gc` (forced collection before a memory reading; children run with
 * `--expose-gc`) and `resetPeak` (writes 5 to /proc/self/clear_refs, which resets VmHWM so the
 * next peak belongs to the next phase alone).
 */
import { readFileSync, writeFileSync } from "node:fs";

export interface ChildStats {
  cpuUserUs: number;
  cpuSystemUs: number;
  rssBytes: number;
  peakRssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  /** Documents the server holds in memory, when the launcher can tell; null otherwise. */
  openDocs: number | null;
}

export type ControlCommand = "stats" | "gc" | "resetPeak";

export interface ControlRequest {
  id: number;
  cmd: ControlCommand;
}

export type ControlMessage =
  | { kind: "ready"; port: number }
  | { kind: "reply"; id: number; stats: ChildStats }
  | { kind: "error"; id: number; message: string };

// The harness going away must not leave a server behind, whatever state the launcher is in.
process.on("disconnect", () => process.exit(0));

function readStatusKb(field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  // Several passes: weak references and finalizers free more on the second and third.
  for (let i = 0; i < 3; i++) gc();
}

function snapshot(openDocs: () => number | null): ChildStats {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return {
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rssBytes: readStatusKb("VmRSS"),
    peakRssBytes: readStatusKb("VmHWM"),
    heapUsedBytes: memory.heapUsed,
    externalBytes: memory.external,
    arrayBuffersBytes: memory.arrayBuffers,
    openDocs: openDocs(),
  };
}

function send(message: ControlMessage): void {
  process.send?.(message);
}

/** Tells the harness the server listens, and starts answering control requests. */
export function announceReady(port: number, openDocs: () => number | null): void {
  process.on("message", (raw: unknown) => {
    const request = raw as ControlRequest;
    try {
      if (request.cmd === "gc") collectGarbage();
      if (request.cmd === "resetPeak") writeFileSync("/proc/self/clear_refs", "5");
      send({ kind: "reply", id: request.id, stats: snapshot(openDocs) });
    } catch (error) {
      send({ kind: "error", id: request.id, message: String(error) });
    }
  });
  send({ kind: "ready", port });
}

/** Parses `--name=value` arguments of a launcher. */
export function launcherArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([^=]+)=(.*)$/.exec(arg);
    if (match) args.set(match[1]!, match[2]!);
  }
  return args;
}
