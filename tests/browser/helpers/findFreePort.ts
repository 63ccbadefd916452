import { createServer } from "node:net";

/**
 * A port that was free a moment ago, for tests that must restart a server on the same port
 * (port 0 would pick a new one, and the page's provider reconnects to the old URL).
 */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
}
