import type { BlobStore } from "../Store";
import type { PgDb } from "./PgDb";

/** Bilag by content (BYTEA by SHA-256), so every instance of a cluster reads the same files. */
export function pgBlobStore(db: PgDb): BlobStore {
  return {
    async putBlob(sha256, bytes) {
      await db.query(
        "INSERT INTO blobs (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING",
        [sha256, bytes],
      );
    },
    async getBlob(sha256) {
      const [row] = await db.query<{ bytes: Buffer }>("SELECT bytes FROM blobs WHERE sha256 = $1", [
        sha256,
      ]);
      return row ? new Uint8Array(row.bytes) : null;
    },
  };
}
