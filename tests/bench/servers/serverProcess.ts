/**
 * The harness side of a server child process: fork a launcher with tsx, wait for its ready
 * message, ask it for stats over IPC, stop it or kill it with SIGKILL.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildStats, ControlCommand, ControlMessage, ControlRequest } from "./childControl";

const serversDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(serversDir, "../../..");

/**
 * Extra Node options for every server child, from `BENCH_SERVER_EXEC_ARGV` (space-separated),
 * e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the servers under test. Profiles are
 * written when a child exits normally (a graceful stop), not after SIGKILL.
 */
function extraExecArgv(): string[] {
  return (process.env.BENCH_SERVER_EXEC_ARGV ?? "").split(" ").filter((arg) => arg.length > 0);
}

/** Children still running; killed if the harness exits without stopping them. */
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export class ServerProcess {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (stats: ChildStats) => void; reject: (error: Error) => void }
  >();
  private readonly exited: Promise<number | null>;
  private readonly output: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    live.add(child);
    this.exited = new Promise((resolve) =>
      child.once("exit", (code) => {
        live.delete(child);
        resolve(code);
      }),
    );
    child.on("message", (raw: unknown) => {
      const message = raw as ControlMessage;
      if (message.kind === "ready") return;
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.kind === "reply") waiter.resolve(message.stats);
      else waiter.reject(new Error(message.message));
    });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    void this.exited.then(() => {
      for (const waiter of this.pending.values()) waiter.reject(new Error("server exited"));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** What the server printed lately (for error reports). */
  recentOutput(): string {
    return this.output.join("").slice(-4000);
  }

  /** Forks `tests/bench/servers/<launcher>` and resolves once it has announced it listens. */
  static async start(
    launcher: string,
    args: string[],
    port: number,
    env: Record<string, string> = {},
  ): Promise<ServerProcess> {
    const child = fork(path.join(serversDir, launcher), [`--port=${port}`, ...args], {
      cwd: repoRoot,
      execArgv: ["--import", "tsx", "--expose-gc", ...extraExecArgv()],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: { ...process.env, ...env },
    });
    const server = new ServerProcess(child, port);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${launcher} not ready after 60 s`)), 60_000);
      child.on("message", (raw: unknown) => {
        if ((raw as ControlMessage).kind !== "ready") return;
        clearTimeout(timer);
        resolve();
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${launcher} exited (${code}) before ready:\n${server.recentOutput()}`));
      });
    });
    return server;
  }

  request(cmd: ControlCommand): Promise<ChildStats> {
    const id = this.nextId++;
    const message: ControlRequest = { id, cmd };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send(message);
    });
  }

  /** SIGKILL: no handler runs, nothing is flushed. */
  async kill(): Promise<void> {
    this.child.kill("SIGKILL");
    await this.exited;
  }

  /** SIGTERM, and SIGKILL if the server has not exited within `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
