import type {
  AttachmentRow,
  AttachmentStore,
  AuditEntry,
  AuditStore,
  CommitteeRow,
  MeetingRow,
  MeetingStore,
} from "../Store";
import type { PgDb } from "./PgDb";

interface MeetingDbRow {
  id: string;
  committee_id: string;
  date: string;
  version: number;
  data: string;
  created_at: number;
}

const toMeeting = (row: MeetingDbRow): MeetingRow => ({
  id: row.id,
  committeeId: row.committee_id,
  date: row.date,
  version: row.version,
  data: row.data,
  createdAt: row.created_at,
});

export function pgMeetingStore(db: PgDb): MeetingStore {
  return {
    async createCommittee(c) {
      await db.query("INSERT INTO committees (id, name, template) VALUES ($1, $2, $3)", [
        c.id,
        c.name,
        c.template,
      ]);
    },
    async getCommittee(id) {
      const [row] = await db.query<CommitteeRow>(
        "SELECT id, name, template FROM committees WHERE id = $1",
        [id],
      );
      return row ?? null;
    },
    async listCommittees() {
      return db.query<CommitteeRow>(
        'SELECT id, name, template FROM committees ORDER BY name COLLATE "C"',
      );
    },
    async setTemplate(committeeId, template) {
      await db.query("UPDATE committees SET template = $1 WHERE id = $2", [template, committeeId]);
    },
    async createMeeting(m) {
      await db.query(
        "INSERT INTO meetings (id, committee_id, date, version, data, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        [m.id, m.committeeId, m.date, m.version, m.data, m.createdAt],
      );
    },
    async getMeeting(id) {
      const [row] = await db.query<MeetingDbRow>("SELECT * FROM meetings WHERE id = $1", [id]);
      return row ? toMeeting(row) : null;
    },
    async listMeetings(committeeId) {
      const rows = await db.query<MeetingDbRow>(
        "SELECT * FROM meetings WHERE committee_id = $1 ORDER BY date DESC, created_at DESC",
        [committeeId],
      );
      return rows.map(toMeeting);
    },
    async saveMeeting(m, expectedVersion) {
      const rows = await db.query(
        "UPDATE meetings SET date = $1, version = $2, data = $3 WHERE id = $4 AND version = $5 RETURNING id",
        [m.date, m.version, m.data, m.id, expectedVersion],
      );
      return rows.length === 1;
    },
    async addItem(itemId, meetingId, createdAt) {
      await db.query("INSERT INTO items (id, meeting_id, created_at) VALUES ($1, $2, $3)", [
        itemId,
        meetingId,
        createdAt,
      ]);
    },
    async itemMeeting(itemId) {
      const [row] = await db.query<{ meeting_id: string }>(
        "SELECT meeting_id FROM items WHERE id = $1",
        [itemId],
      );
      return row?.meeting_id ?? null;
    },
  };
}

interface AttachmentDbRow {
  id: string;
  item_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  created_by: string;
  created_at: number;
  deleted_at: number | null;
}

const toAttachment = (row: AttachmentDbRow): AttachmentRow => ({
  id: row.id,
  itemId: row.item_id,
  filename: row.filename,
  contentType: row.content_type,
  size: row.size,
  sha256: row.sha256,
  createdBy: row.created_by,
  createdAt: row.created_at,
  deletedAt: row.deleted_at,
});

export function pgAttachmentStore(db: PgDb): AttachmentStore {
  return {
    async createAttachment(a) {
      await db.query(
        `INSERT INTO attachments (id, item_id, filename, content_type, size, sha256, created_by, created_at, deleted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)`,
        [a.id, a.itemId, a.filename, a.contentType, a.size, a.sha256, a.createdBy, a.createdAt],
      );
    },
    async getAttachment(id) {
      const [row] = await db.query<AttachmentDbRow>("SELECT * FROM attachments WHERE id = $1", [
        id,
      ]);
      return row ? toAttachment(row) : null;
    },
    async listAttachments(itemId) {
      const rows = await db.query<AttachmentDbRow>(
        'SELECT * FROM attachments WHERE item_id = $1 AND deleted_at IS NULL ORDER BY created_at, id COLLATE "C"',
        [itemId],
      );
      return rows.map(toAttachment);
    },
    async markAttachmentDeleted(id, at) {
      await db.query("UPDATE attachments SET deleted_at = $1 WHERE id = $2", [at, id]);
    },
    async replaceAttachment(a) {
      await db.query(
        "UPDATE attachments SET filename = $1, content_type = $2, size = $3, sha256 = $4 WHERE id = $5",
        [a.filename, a.contentType, a.size, a.sha256, a.id],
      );
    },
  };
}

interface AuditDbRow {
  seq: number;
  at: number;
  user_id: string | null;
  action: string;
  meeting_id: string | null;
  item_id: string | null;
  details: string;
}

export function pgAuditStore(db: PgDb): AuditStore {
  return {
    async appendAudit(e) {
      await db.query(
        "INSERT INTO audit_log (at, user_id, action, meeting_id, item_id, details) VALUES ($1, $2, $3, $4, $5, $6)",
        [e.at, e.userId, e.action, e.meetingId, e.itemId, JSON.stringify(e.details)],
      );
    },
    async listAudit(filter) {
      const rows = filter.meetingId
        ? await db.query<AuditDbRow>("SELECT * FROM audit_log WHERE meeting_id = $1 ORDER BY seq", [
            filter.meetingId,
          ])
        : await db.query<AuditDbRow>("SELECT * FROM audit_log ORDER BY seq");
      return rows.map((row): AuditEntry => ({
        seq: row.seq,
        at: row.at,
        userId: row.user_id,
        action: row.action,
        meetingId: row.meeting_id,
        itemId: row.item_id,
        details: JSON.parse(row.details) as Record<string, unknown>,
      }));
    },
  };
}
