import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BlobStore } from "./Store";

/**
 * Blobs as files named by their hash under `dir` (the SQLite store's `DATA_DIR/attachments`),
 * in the layout bilag have had from the start, so existing data directories keep working.
 */
export function fileBlobStore(dir: string): BlobStore {
  const pathOf = (sha256: string) => path.join(dir, sha256.slice(0, 2), sha256);
  return {
    async putBlob(sha256, bytes) {
      const target = pathOf(sha256);
      if (existsSync(target)) return;
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves a half-written file under its hash.
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
    },
    async getBlob(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (error) {
        if ((error as { code?: string }).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}
