import type Database from "better-sqlite3";
import type { PublicationRow, PublicationStore, PublicationSummary } from "./Store";

interface PublicationDbRow {
  id: string;
  meeting_id: string;
  committee_id: string;
  kind: string;
  title: string;
  meeting_date: string;
  published_at: number;
  published_by: string;
  html?: string;
  pdf?: Buffer;
  docx?: Buffer;
}

const summary = (row: PublicationDbRow): PublicationSummary => ({
  id: row.id,
  meetingId: row.meeting_id,
  committeeId: row.committee_id,
  kind: row.kind as PublicationRow["kind"],
  title: row.title,
  meetingDate: row.meeting_date,
  publishedAt: row.published_at,
  publishedBy: row.published_by,
});

export function sqlitePublicationStore(db: Database.Database): PublicationStore {
  // Republishing replaces the meeting's document of that kind (same id stays stable).
  const upsert = db.prepare(`
    INSERT INTO publications (id, meeting_id, committee_id, kind, title, meeting_date, published_at, published_by, html, pdf, docx)
    VALUES (@id, @meetingId, @committeeId, @kind, @title, @meetingDate, @publishedAt, @publishedBy, @html, @pdf, @docx)
    ON CONFLICT (meeting_id, kind) DO UPDATE SET
      title = excluded.title, meeting_date = excluded.meeting_date, published_at = excluded.published_at,
      published_by = excluded.published_by, html = excluded.html, pdf = excluded.pdf, docx = excluded.docx`);
  const list = db.prepare<[string], PublicationDbRow>(
    "SELECT id, meeting_id, committee_id, kind, title, meeting_date, published_at, published_by FROM publications WHERE committee_id = ? ORDER BY meeting_date DESC, kind",
  );
  const get = db.prepare<[string], PublicationDbRow>("SELECT * FROM publications WHERE id = ?");
  return {
    async savePublication(p) {
      upsert.run({ ...p, pdf: Buffer.from(p.pdf), docx: Buffer.from(p.docx) });
    },
    async listPublications(committeeId) {
      return list.all(committeeId).map(summary);
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
  };
}
