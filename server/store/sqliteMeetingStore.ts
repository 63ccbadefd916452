import type Database from "better-sqlite3";
import type {
  AttachmentRow,
  AttachmentStore,
  AuditEntry,
  AuditStore,
  CommitteeRow,
  MeetingRow,
  MeetingStore,
} from "./Store";

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

export function sqliteMeetingStore(db: Database.Database): MeetingStore {
  const insertCommittee = db.prepare(
    "INSERT INTO committees (id, name, template) VALUES (?, ?, ?)",
  );
  const getCommittee = db.prepare<[string], CommitteeRow>(
    "SELECT id, name, template FROM committees WHERE id = ?",
  );
  const listCommittees = db.prepare<[], CommitteeRow>(
    "SELECT id, name, template FROM committees ORDER BY name",
  );
  const setTemplate = db.prepare("UPDATE committees SET template = ? WHERE id = ?");
  const insertMeeting = db.prepare(
    "INSERT INTO meetings (id, committee_id, date, version, data, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const getMeeting = db.prepare<[string], MeetingDbRow>("SELECT * FROM meetings WHERE id = ?");
  const listMeetings = db.prepare<[string], MeetingDbRow>(
    "SELECT * FROM meetings WHERE committee_id = ? ORDER BY date DESC, created_at DESC",
  );
  const saveMeeting = db.prepare(
    "UPDATE meetings SET date = ?, version = ?, data = ? WHERE id = ? AND version = ?",
  );
  const insertItem = db.prepare("INSERT INTO items (id, meeting_id, created_at) VALUES (?, ?, ?)");
  const itemMeeting = db.prepare<[string], { meeting_id: string }>(
    "SELECT meeting_id FROM items WHERE id = ?",
  );
  return {
    async createCommittee(c) {
      insertCommittee.run(c.id, c.name, c.template);
    },
    async getCommittee(id) {
      return getCommittee.get(id) ?? null;
    },
    async listCommittees() {
      return listCommittees.all();
    },
    async setTemplate(committeeId, template) {
      setTemplate.run(template, committeeId);
    },
    async createMeeting(m) {
      insertMeeting.run(m.id, m.committeeId, m.date, m.version, m.data, m.createdAt);
    },
    async getMeeting(id) {
      const row = getMeeting.get(id);
      return row ? toMeeting(row) : null;
    },
    async listMeetings(committeeId) {
      return listMeetings.all(committeeId).map(toMeeting);
    },
    async saveMeeting(m, expectedVersion) {
      return saveMeeting.run(m.date, m.version, m.data, m.id, expectedVersion).changes === 1;
    },
    async addItem(itemId, meetingId, createdAt) {
      insertItem.run(itemId, meetingId, createdAt);
    },
    async itemMeeting(itemId) {
      return itemMeeting.get(itemId)?.meeting_id ?? null;
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

export function sqliteAttachmentStore(db: Database.Database): AttachmentStore {
  const insert = db.prepare(
    "INSERT INTO attachments (id, item_id, filename, content_type, size, sha256, created_by, created_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
  );
  const get = db.prepare<[string], AttachmentDbRow>("SELECT * FROM attachments WHERE id = ?");
  const list = db.prepare<[string], AttachmentDbRow>(
    "SELECT * FROM attachments WHERE item_id = ? AND deleted_at IS NULL ORDER BY created_at, id",
  );
  const markDeleted = db.prepare("UPDATE attachments SET deleted_at = ? WHERE id = ?");
  const replace = db.prepare(
    "UPDATE attachments SET filename = ?, content_type = ?, size = ?, sha256 = ? WHERE id = ?",
  );
  return {
    async replaceAttachment(a) {
      replace.run(a.filename, a.contentType, a.size, a.sha256, a.id);
    },
    async createAttachment(a) {
      insert.run(
        a.id,
        a.itemId,
        a.filename,
        a.contentType,
        a.size,
        a.sha256,
        a.createdBy,
        a.createdAt,
      );
    },
    async getAttachment(id) {
      const row = get.get(id);
      return row ? toAttachment(row) : null;
    },
    async listAttachments(itemId) {
      return list.all(itemId).map(toAttachment);
    },
    async markAttachmentDeleted(id, at) {
      markDeleted.run(at, id);
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

export function sqliteAuditStore(db: Database.Database): AuditStore {
  const insert = db.prepare(
    "INSERT INTO audit_log (at, user_id, action, meeting_id, item_id, details) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const byMeeting = db.prepare<[string], AuditDbRow>(
    "SELECT * FROM audit_log WHERE meeting_id = ? ORDER BY seq",
  );
  const all = db.prepare<[], AuditDbRow>("SELECT * FROM audit_log ORDER BY seq");
  return {
    async appendAudit(e) {
      insert.run(e.at, e.userId, e.action, e.meetingId, e.itemId, JSON.stringify(e.details));
    },
    async listAudit(filter) {
      const rows = filter.meetingId ? byMeeting.all(filter.meetingId) : all.all();
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
