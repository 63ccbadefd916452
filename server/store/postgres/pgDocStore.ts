import type { DocStore } from "../Store";
import { StoreError } from "../Store";
import type { PgDb } from "./PgDb";

const bytes = (value: Buffer | null): Uint8Array | null => (value ? new Uint8Array(value) : null);

export function pgDocStore(db: PgDb): DocStore {
  return {
    async createDoc(name, initialState) {
      try {
        await db.query(
          "INSERT INTO docs (name, snapshot, snapshot_seq, last_seq, bytes) VALUES ($1, $2, 0, 0, $3)",
          [name, initialState, initialState.byteLength],
        );
      } catch (error) {
        if ((error as { code?: string }).code === "23505") {
          throw new StoreError("doc_exists", `Document ${name} exists`);
        }
        throw error;
      }
    },
    async loadDoc(name) {
      // One statement, so the snapshot and the log belong together.
      const [row] = await db.query<{
        snapshot: Buffer | null;
        last_seq: number;
        bytes: number;
        updates: Buffer[] | null;
      }>(
        `SELECT snapshot, last_seq, bytes,
           (SELECT array_agg(data ORDER BY seq) FROM doc_updates WHERE doc = docs.name) AS updates
         FROM docs WHERE name = $1`,
        [name],
      );
      if (!row) return null;
      return {
        snapshot: bytes(row.snapshot),
        updates: (row.updates ?? []).map((update) => new Uint8Array(update)),
        lastSeq: row.last_seq,
        bytes: row.bytes,
      };
    },
    async docExists(name) {
      return (await db.query("SELECT 1 FROM docs WHERE name = $1", [name])).length > 0;
    },
    async appendUpdates(name, updates) {
      // One statement, one round trip: the row lock on `docs` orders appenders of every
      // instance, and the sequence numbers follow on from the document's last one. Prepared:
      // every batch of keystrokes runs it.
      const [row] = await db.prepared<{ last_seq: number }>(
        "doc_append_updates",
        `WITH bumped AS (
           UPDATE docs SET last_seq = last_seq + $2, bytes = bytes + $3 WHERE name = $1
           RETURNING last_seq
         ), inserted AS (
           INSERT INTO doc_updates (doc, seq, data)
           SELECT $1, bumped.last_seq - $2 + u.ord, u.data
           FROM bumped, unnest($4::bytea[]) WITH ORDINALITY AS u(data, ord)
         )
         SELECT last_seq FROM bumped`,
        [
          name,
          updates.length,
          updates.reduce((sum, update) => sum + update.byteLength, 0),
          updates,
        ],
      );
      if (!row) throw new StoreError("doc_not_found", `No document ${name}`);
      return row.last_seq;
    },
    async compact(name, snapshot, throughSeq) {
      await db.transaction(async (client) => {
        const { rows } = await client.query<{ snapshot_seq: number }>(
          "SELECT snapshot_seq FROM docs WHERE name = $1 FOR UPDATE",
          [name],
        );
        const row = rows[0];
        if (!row) throw new StoreError("doc_not_found", `No document ${name}`);
        if (throughSeq < row.snapshot_seq) return; // an older compaction; a newer one won
        await client.query("DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2", [
          name,
          throughSeq,
        ]);
        await client.query(
          `UPDATE docs SET snapshot = $2, snapshot_seq = $3,
             bytes = $4 + COALESCE((SELECT SUM(length(data)) FROM doc_updates WHERE doc = $1), 0)
           WHERE name = $1`,
          [name, snapshot, throughSeq, snapshot.byteLength],
        );
      });
    },
    async countUpdates(name) {
      const [row] = await db.query<{ n: number }>(
        "SELECT COUNT(*)::bigint AS n FROM doc_updates WHERE doc = $1",
        [name],
      );
      return row?.n ?? 0;
    },
    async deleteDoc(name) {
      await db.transaction(async (client) => {
        await client.query("DELETE FROM doc_updates WHERE doc = $1", [name]);
        await client.query("DELETE FROM docs WHERE name = $1", [name]);
      });
    },
    async listDocs(prefix) {
      const rows = await db.query<{ name: string }>(
        'SELECT name FROM docs WHERE starts_with(name, $1) ORDER BY name COLLATE "C"',
        [prefix],
      );
      return rows.map((row) => row.name);
    },
    async loadTail(name, afterSeq) {
      // Sequence numbers after the snapshot have no holes: appends and compaction are atomic.
      const [row] = await db.prepared<{
        snapshot: Buffer | null;
        snapshot_seq: number;
        last_seq: number;
        updates: Buffer[] | null;
      }>(
        "doc_load_tail",
        `SELECT CASE WHEN $2 < snapshot_seq THEN snapshot END AS snapshot, snapshot_seq, last_seq,
           (SELECT array_agg(data ORDER BY seq) FROM doc_updates
             WHERE doc = docs.name AND seq > GREATEST($2, docs.snapshot_seq)) AS updates
         FROM docs WHERE name = $1`,
        [name, afterSeq],
      );
      if (!row) return null;
      return {
        snapshot: bytes(row.snapshot),
        updates: (row.updates ?? []).map((update) => new Uint8Array(update)),
        firstSeq: Math.max(afterSeq, row.snapshot_seq) + 1,
        lastSeq: row.last_seq,
      };
    },
    async lastSeqs(names) {
      if (names.length === 0) return new Map();
      const rows = await db.query<{ name: string; last_seq: number }>(
        "SELECT name, last_seq FROM docs WHERE name = ANY($1)",
        [names],
      );
      return new Map(rows.map((row) => [row.name, row.last_seq]));
    },
  };
}
