import type Database from "better-sqlite3";
import type { MentionRow, ReviewStore, VersionRow, VersionStore } from "./Store";

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

export function sqliteReviewStore(db: Database.Database): ReviewStore {
  const insertMention = db.prepare(
    "INSERT INTO mentions (id, user_id, thread_id, item_id, meeting_id, by_user_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const mentionsFor = db.prepare<[string, number], MentionDbRow>(
    "SELECT * FROM mentions WHERE user_id = ? ORDER BY created_at DESC LIMIT ?",
  );
  const insertClient = db.prepare(
    "INSERT INTO doc_clients (doc, client_id, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
  );
  const clientsOf = db.prepare<[string], { client_id: number; user_id: string }>(
    "SELECT client_id, user_id FROM doc_clients WHERE doc = ?",
  );
  const recordClients = db.transaction((doc: string, clientIds: number[], userId: string) => {
    for (const id of clientIds) insertClient.run(doc, id, userId);
  });
  return {
    async addMention(m: MentionRow) {
      insertMention.run(
        m.id,
        m.userId,
        m.threadId,
        m.itemId,
        m.meetingId,
        m.byUserId,
        m.text,
        m.createdAt,
      );
    },
    async mentionsFor(userId, limit) {
      return mentionsFor.all(userId, limit).map((row) => ({
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
      recordClients(doc, clientIds, userId);
    },
    async docClients(doc) {
      return new Map(clientsOf.all(doc).map((row) => [row.client_id, row.user_id]));
    },
  };
}
