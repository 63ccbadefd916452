import type Database from "better-sqlite3";
import type { VersionRow, VersionStore } from "./Store";

interface VersionDbRow {
  id: string;
  doc: string;
  name: string;
  kind: string;
  created_by: string | null;
  created_at: number;
  content_hash: string;
  state?: Buffer;
}

export function sqliteVersionStore(db: Database.Database): VersionStore {
  const insert = db.prepare(
    "INSERT INTO versions (id, doc, name, kind, created_by, created_at, content_hash, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const list = db.prepare<[string], VersionDbRow>(
    "SELECT id, doc, name, kind, created_by, created_at, content_hash FROM versions WHERE doc = ? ORDER BY created_at, rowid",
  );
  const get = db.prepare<[string], VersionDbRow>("SELECT * FROM versions WHERE id = ?");
  const meta = (row: VersionDbRow) => ({
    id: row.id,
    doc: row.doc,
    name: row.name,
    kind: row.kind as VersionRow["kind"],
    createdBy: row.created_by,
    createdAt: row.created_at,
    contentHash: row.content_hash,
  });
  return {
    async createVersion(v) {
      insert.run(v.id, v.doc, v.name, v.kind, v.createdBy, v.createdAt, v.contentHash, v.state);
    },
    async listVersions(doc) {
      return list.all(doc).map(meta);
    },
    async getVersion(id) {
      const row = get.get(id);
      return row ? { ...meta(row), state: new Uint8Array(row.state!) } : null;
    },
  };
}
