import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer, type RunningServer } from "../../../server/startServer";
import { findFreePort } from "./findFreePort";

export interface TestServer {
  /** Stable across restarts: the port is fixed when the test server is created. */
  readonly url: string;
  /** The current data directory (a restart with fresh data moves to a new one). */
  readonly dataDir: string;
  /** The running server, or null while stopped. */
  readonly current: RunningServer | null;
  /** Closes the server; pages see their sockets close and go offline. */
  stop(): Promise<void>;
  /**
   * Starts a new server on the same port and data directory; with `freshData`, on a new empty
   * one instead (as if the server's data were reset: same document names, new documents).
   */
  restart(options?: { freshData?: boolean }): Promise<void>;
  /** Stops the server (if running) and deletes its data directory. */
  dispose(): Promise<void>;
}

/**
 * The real server with demo data in a fresh temporary directory, on a port picked once so a
 * restart comes back where the pages' providers reconnect. The client must be built first.
 */
export async function startTestServer(): Promise<TestServer> {
  const dataDirs = [newDataDir()];
  const port = await findFreePort();
  const start = () => startServer({ port, dataDir: dataDirs.at(-1)!, demo: true, quiet: true });
  let current: RunningServer | null = await start();
  return {
    url: current.url,
    get dataDir() {
      return dataDirs.at(-1)!;
    },
    get current() {
      return current;
    },
    async stop() {
      await current?.close();
      current = null;
    },
    async restart(options = {}) {
      if (current !== null) throw new Error("the test server is already running");
      if (options.freshData) dataDirs.push(newDataDir());
      current = await start();
    },
    async dispose() {
      await current?.close();
      current = null;
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function newDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "dagsorden-browser-"));
}
