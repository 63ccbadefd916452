import type {
  FindingAcceptanceRow,
  PublicationRow,
  PublicationSources,
  PublicationStore,
  PublicationSummary,
} from "../Store";
import type { PgDb } from "./PgDb";
import { pgPublicSearch } from "./pgPublicSearch";

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

const publicationSummary = (row: PublicationDbRow): PublicationSummary => ({
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

/** Every publication is kept; a new one of the same meeting and kind marks the current replaced. */
export function pgPublicationStore(db: PgDb): PublicationStore {
  return {
    async savePublication(p, replaces, content) {
      await db.transaction(async (client) => {
        await client.query(
          `INSERT INTO publications (id, meeting_id, committee_id, kind, title, meeting_date,
             published_at, published_by, html, pdf, docx, record_hash, sources, replaced_by,
             replaced_at, reopened_at, reopen_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
          [
            p.id,
            p.meetingId,
            p.committeeId,
            p.kind,
            p.title,
            p.meetingDate,
            p.publishedAt,
            p.publishedBy,
            p.html,
            p.pdf,
            p.docx,
            p.recordHash,
            JSON.stringify(p.sources),
            p.replacedBy,
            p.replacedAt,
            p.reopenedAt,
            p.reopenReason,
          ],
        );
        if (replaces !== null) {
          await client.query(
            "UPDATE publications SET replaced_by = $1, replaced_at = $2 WHERE id = $3 AND replaced_by IS NULL",
            [p.id, p.publishedAt, replaces],
          );
        }
        await pgPublicSearch.save(client, p, content ?? null, replaces);
      });
    },
    getPublicContent(publicationId) {
      return pgPublicSearch.getContent(db, publicationId);
    },
    searchPublished(query, limit) {
      return pgPublicSearch.search(db, query, limit);
    },
    async listPublications(committeeId) {
      const rows = await db.query<PublicationDbRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM publications WHERE committee_id = $1
         ORDER BY meeting_date DESC, kind, published_at DESC`,
        [committeeId],
      );
      return rows.map(publicationSummary);
    },
    async listMeetingPublications(meetingId) {
      // `position` orders publications made in the same millisecond (SQLite's rowid).
      const rows = await db.query<PublicationDbRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM publications WHERE meeting_id = $1
         ORDER BY published_at DESC, position DESC`,
        [meetingId],
      );
      return rows.map(publicationSummary);
    },
    async getPublication(id) {
      const [row] = await db.query<PublicationDbRow>("SELECT * FROM publications WHERE id = $1", [
        id,
      ]);
      if (!row) return null;
      return {
        ...publicationSummary(row),
        html: row.html!,
        pdf: new Uint8Array(row.pdf!),
        docx: new Uint8Array(row.docx!),
      };
    },
    async markReopened(id, at, reason) {
      await db.query("UPDATE publications SET reopened_at = $1, reopen_reason = $2 WHERE id = $3", [
        at,
        reason,
        id,
      ]);
    },
    async saveAcceptance(row) {
      await db.query(
        `INSERT INTO finding_acceptances (meeting_id, key, kind, match, context, item_id, field,
           attachment_id, attachment_name, accepted_by, accepted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (meeting_id, key) DO UPDATE SET context = excluded.context,
           accepted_by = excluded.accepted_by, accepted_at = excluded.accepted_at`,
        [
          row.meetingId,
          row.key,
          row.kind,
          row.match,
          row.context,
          row.itemId,
          row.field,
          row.attachmentId,
          row.attachmentName,
          row.acceptedBy,
          row.acceptedAt,
        ],
      );
    },
    async removeAcceptance(meetingId, key) {
      const removed = await db.query<{ key: string }>(
        "DELETE FROM finding_acceptances WHERE meeting_id = $1 AND key = $2 RETURNING key",
        [meetingId, key],
      );
      return removed.length > 0;
    },
    async listAcceptances(meetingId) {
      const rows = await db.query<AcceptanceDbRow>(
        "SELECT * FROM finding_acceptances WHERE meeting_id = $1 ORDER BY accepted_at, key",
        [meetingId],
      );
      return rows.map(acceptance);
    },
  };
}
