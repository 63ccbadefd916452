import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { waitFor } from "./waitFor";

/** The server as a separate process (`tsx server/main.ts --demo`), so a test can SIGKILL it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function spawnServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  startTimeoutMs = 60_000,
): Promise<ServerProcess> {
  const root = path.resolve(import.meta.dirname, "../../..");
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", "--demo"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Not left running if the test process ends without its teardown.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      return fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    { timeoutMs: startTimeoutMs, message: "server process healthy" },
  ).catch((error: unknown) => {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}; its output: ${output}`);
  });
  return { url, child, output: () => output, exited };
}
