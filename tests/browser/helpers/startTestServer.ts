import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer, type RunningServer } from "../../../server/startServer";

export interface TestServer {
  server: RunningServer;
  dataDir: string;
  /** Closes the server (if still open) and deletes its data directory. */
  dispose(): Promise<void>;
}

/** The real server with demo data in a fresh temporary directory. The client must be built. */
export async function startTestServer(options: { port?: number } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "dagsorden-browser-"));
  const server = await startServer({ port: options.port ?? 0, dataDir, demo: true, quiet: true });
  return {
    server,
    dataDir,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
