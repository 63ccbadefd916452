import type { MentionRow, ReviewStore, VersionRow, VersionStore } from "../Store";
import type { PgDb } from "./PgDb";

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

const versionMeta = (row: VersionDbRow) => ({
  id: row.id,
  doc: row.doc,
  name: row.name,
  kind: row.kind as VersionRow["kind"],
  createdBy: row.created_by,
  createdAt: row.created_at,
  contentHash: row.content_hash,
});

export function pgVersionStore(db: PgDb): VersionStore {
  return {
    async createVersion(v) {
      await db.query(
        "INSERT INTO versions (id, doc, name, kind, created_by, created_at, content_hash, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [v.id, v.doc, v.name, v.kind, v.createdBy, v.createdAt, v.contentHash, v.state],
      );
    },
    async listVersions(doc) {
      const rows = await db.query<VersionDbRow>(
        "SELECT id, doc, name, kind, created_by, created_at, content_hash FROM versions WHERE doc = $1 ORDER BY created_at, position",
        [doc],
      );
      return rows.map(versionMeta);
    },
    async getVersion(id) {
      const [row] = await db.query<VersionDbRow>("SELECT * FROM versions WHERE id = $1", [id]);
      return row ? { ...versionMeta(row), state: new Uint8Array(row.state!) } : null;
    },
  };
}

interface MentionDbRow {
  id: string;
  user_id: string;
  thread_id: string;
  item_id: string;
  meeting_id: string;
  by_user_id: string;
  text: string;
  created_at: number;
}

export function pgReviewStore(db: PgDb): ReviewStore {
  return {
    async addMention(m: MentionRow) {
      await db.query(
        "INSERT INTO mentions (id, user_id, thread_id, item_id, meeting_id, by_user_id, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [m.id, m.userId, m.threadId, m.itemId, m.meetingId, m.byUserId, m.text, m.createdAt],
      );
    },
    async mentionsFor(userId, limit) {
      const rows = await db.query<MentionDbRow>(
        "SELECT * FROM mentions WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2",
        [userId, limit],
      );
      return rows.map((row) => ({
        id: row.id,
        userId: row.user_id,
        threadId: row.thread_id,
        itemId: row.item_id,
        meetingId: row.meeting_id,
        byUserId: row.by_user_id,
        text: row.text,
        createdAt: row.created_at,
      }));
    },
    async recordDocClients(doc, clientIds, userId) {
      await db.query(
        `INSERT INTO doc_clients (doc, client_id, user_id)
         SELECT $1, unnest($2::bigint[]), $3 ON CONFLICT DO NOTHING`,
        [doc, clientIds, userId],
      );
    },
    async docClients(doc) {
      const rows = await db.query<{ client_id: number; user_id: string }>(
        "SELECT client_id, user_id FROM doc_clients WHERE doc = $1",
        [doc],
      );
      return new Map(rows.map((row) => [row.client_id, row.user_id]));
    },
  };
}
