import type Database from "better-sqlite3";
import type {
  FindingAcceptanceRow,
  PublicationRow,
  PublicationSources,
  PublicationStore,
  PublicationSummary,
  PublicContent,
} from "./Store";
import { sqlitePublicSearch } from "./sqlitePublicSearch";

interface PublicationDbRow {
  id: string;
  meeting_id: string;
  committee_id: string;
  kind: string;
  title: string;
  meeting_date: string;
  published_at: number;
  published_by: string;
  record_hash: string;
  sources: string;
  replaced_by: string | null;
  replaced_at: number | null;
  reopened_at: number | null;
  reopen_reason: string | null;
  html?: string;
  pdf?: Buffer;
  docx?: Buffer;
}

interface AcceptanceDbRow {
  meeting_id: string;
  key: string;
  kind: string;
  match: string;
  context: string;
  item_id: string;
  field: string;
  attachment_id: string | null;
  attachment_name: string | null;
  accepted_by: string;
  accepted_at: number;
}

const SUMMARY_COLUMNS =
  "id, meeting_id, committee_id, kind, title, meeting_date, published_at, published_by, record_hash, sources, replaced_by, replaced_at, reopened_at, reopen_reason";

const summary = (row: PublicationDbRow): PublicationSummary => ({
  id: row.id,
  meetingId: row.meeting_id,
  committeeId: row.committee_id,
  kind: row.kind as PublicationRow["kind"],
  title: row.title,
  meetingDate: row.meeting_date,
  publishedAt: row.published_at,
  publishedBy: row.published_by,
  recordHash: row.record_hash,
  sources: JSON.parse(row.sources) as PublicationSources,
  replacedBy: row.replaced_by,
  replacedAt: row.replaced_at,
  reopenedAt: row.reopened_at,
  reopenReason: row.reopen_reason,
});

const acceptance = (row: AcceptanceDbRow): FindingAcceptanceRow => ({
  meetingId: row.meeting_id,
  key: row.key,
  kind: row.kind as FindingAcceptanceRow["kind"],
  match: row.match,
  context: row.context,
  itemId: row.item_id,
  field: row.field,
  attachmentId: row.attachment_id,
  attachmentName: row.attachment_name,
  acceptedBy: row.accepted_by,
  acceptedAt: row.accepted_at,
});

export function sqlitePublicationStore(db: Database.Database): PublicationStore {
  const insert = db.prepare(`
    INSERT INTO publications (id, meeting_id, committee_id, kind, title, meeting_date, published_at,
      published_by, record_hash, sources, replaced_by, replaced_at, reopened_at, reopen_reason, html, pdf, docx)
    VALUES (@id, @meetingId, @committeeId, @kind, @title, @meetingDate, @publishedAt, @publishedBy,
      @recordHash, @sources, @replacedBy, @replacedAt, @reopenedAt, @reopenReason, @html, @pdf, @docx)`);
  const replace = db.prepare(
    "UPDATE publications SET replaced_by = ?, replaced_at = ? WHERE id = ? AND replaced_by IS NULL",
  );
  const reopen = db.prepare(
    "UPDATE publications SET reopened_at = ?, reopen_reason = ? WHERE id = ?",
  );
  const list = db.prepare<[string], PublicationDbRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM publications WHERE committee_id = ? ORDER BY meeting_date DESC, kind, published_at DESC`,
  );
  const byMeeting = db.prepare<[string], PublicationDbRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM publications WHERE meeting_id = ? ORDER BY published_at DESC, rowid DESC`,
  );
  const get = db.prepare<[string], PublicationDbRow>("SELECT * FROM publications WHERE id = ?");
  const upsertAcceptance = db.prepare(`
    INSERT INTO finding_acceptances (meeting_id, key, kind, match, context, item_id, field,
      attachment_id, attachment_name, accepted_by, accepted_at)
    VALUES (@meetingId, @key, @kind, @match, @context, @itemId, @field, @attachmentId,
      @attachmentName, @acceptedBy, @acceptedAt)
    ON CONFLICT (meeting_id, key) DO UPDATE SET context = excluded.context,
      accepted_by = excluded.accepted_by, accepted_at = excluded.accepted_at`);
  const deleteAcceptance = db.prepare(
    "DELETE FROM finding_acceptances WHERE meeting_id = ? AND key = ?",
  );
  const listAcceptances = db.prepare<[string], AcceptanceDbRow>(
    "SELECT * FROM finding_acceptances WHERE meeting_id = ? ORDER BY accepted_at, key",
  );
  const publicSearch = sqlitePublicSearch(db);
  const save = db.transaction(
    (p: PublicationRow, replaces: string | null, content: PublicContent | undefined) => {
      insert.run({
        ...p,
        sources: JSON.stringify(p.sources),
        pdf: Buffer.from(p.pdf),
        docx: Buffer.from(p.docx),
      });
      if (replaces !== null) replace.run(p.id, p.publishedAt, replaces);
      publicSearch.save(p, content ?? null, replaces);
    },
  );
  return {
    async savePublication(p, replaces, content) {
      save(p, replaces, content);
    },
    async getPublicContent(publicationId) {
      return publicSearch.getContent(publicationId);
    },
    async searchPublished(query, limit) {
      return publicSearch.search(query, limit);
    },
    async listPublications(committeeId) {
      return list.all(committeeId).map(summary);
    },
    async listMeetingPublications(meetingId) {
      return byMeeting.all(meetingId).map(summary);
    },
    async getPublication(id) {
      const row = get.get(id);
      if (!row) return null;
      return {
        ...summary(row),
        html: row.html!,
        pdf: new Uint8Array(row.pdf!),
        docx: new Uint8Array(row.docx!),
      };
    },
    async markReopened(id, at, reason) {
      reopen.run(at, reason, id);
    },
    async saveAcceptance(row) {
      upsertAcceptance.run(row);
    },
    async removeAcceptance(meetingId, key) {
      return deleteAcceptance.run(meetingId, key).changes > 0;
    },
    async listAcceptances(meetingId) {
      return listAcceptances.all(meetingId).map(acceptance);
    },
  };
}
