/**
 * Launches the reference server of the y-websocket protocol, `@y/websocket-server` 0.1.1, exactly
 * as `npx y-websocket` runs it: its own `src/server.js`, configured the way it documents, by the
 * environment variables HOST, PORT and (for LevelDB persistence) YPERSISTENCE, which its
 * `utils.js` reads once at import. Nothing of the server is re-implemented here.
 *
 *   --port=N  --persistence=memory|leveldb  --data-dir=DIR
 */
import net from "node:net";
import path from "node:path";
import { announceReady, launcherArgs } from "./childControl";

const args = launcherArgs(process.argv.slice(2));
const port = Number(args.get("port"));
const persistence = args.get("persistence") ?? "memory";
const dataDir = args.get("data-dir") ?? "";

process.env.HOST = "127.0.0.1";
process.env.PORT = String(port);
if (persistence === "leveldb") process.env.YPERSISTENCE = path.join(dataDir, "leveldb");
else delete process.env.YPERSISTENCE;

// The package exports only ./utils and ./callback; its server entry is reached by file path.
const serverEntry = new URL(
  "../../../node_modules/@y/websocket-server/src/server.js",
  import.meta.url,
);
await import(serverEntry.href);
// The same module instance server.js uses (same file URL), so `docs` is the live registry.
const { docs } = await import("@y/websocket-server/utils");

await waitForPort(port);
announceReady(port, () => docs.size);

/** server.js only logs when it listens; poll the port instead of parsing its output. */
async function waitForPort(target: number): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(target, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
