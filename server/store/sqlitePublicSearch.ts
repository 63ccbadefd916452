import type Database from "better-sqlite3";
import type { PublicationRow, PublicContent, PublicSearchHit, PublicSearchQuery } from "./Store";

interface HitDbRow {
  publication_id: string;
  committee_id: string;
  meeting_id: string;
  meeting_date: string;
  kind: string;
  item_id: string;
  item_number: string;
  title: string;
  body: string;
}

/**
 * The public site's content and search index in SQLite. `public_search` holds each public item
 * of a current publication; `public_search_fts` (contentless FTS5, same rowid) its Danish
 * stems. Writes run inside the publication store's transaction.
 */
export function sqlitePublicSearch(db: Database.Database) {
  const insertContent = db.prepare(
    "INSERT INTO publication_contents (publication_id, content) VALUES (?, ?)",
  );
  const getContent = db.prepare<[string], { content: string }>(
    "SELECT content FROM publication_contents WHERE publication_id = ?",
  );
  const insertEntry = db.prepare(`
    INSERT INTO public_search (publication_id, committee_id, meeting_id, meeting_date, kind,
      item_id, item_number, title, body)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertStems = db.prepare("INSERT INTO public_search_fts (rowid, stems) VALUES (?, ?)");
  const entryIds = db.prepare<[string], { id: number }>(
    "SELECT id FROM public_search WHERE publication_id = ?",
  );
  const deleteStems = db.prepare("DELETE FROM public_search_fts WHERE rowid = ?");
  const deleteEntries = db.prepare("DELETE FROM public_search WHERE publication_id = ?");
  const search = db.prepare<[string, number], HitDbRow>(`
    SELECT s.publication_id, s.committee_id, s.meeting_id, s.meeting_date, s.kind, s.item_id,
      s.item_number, s.title, s.body
    FROM public_search_fts f JOIN public_search s ON s.id = f.rowid
    WHERE public_search_fts MATCH ?
    ORDER BY f.rank, s.meeting_date DESC
    LIMIT ?`);

  return {
    /**
     * Takes the replaced publication out of the index and puts this one's public items in (a
     * publication made without content is not searchable, and neither is what it replaced).
     */
    save(
      publication: PublicationRow,
      content: PublicContent | null,
      replaces: string | null,
    ): void {
      if (replaces !== null) {
        for (const { id } of entryIds.all(replaces)) deleteStems.run(id);
        deleteEntries.run(replaces);
      }
      if (content === null) return;
      insertContent.run(publication.id, content.json);
      for (const entry of content.entries) {
        const { lastInsertRowid } = insertEntry.run(
          publication.id,
          publication.committeeId,
          publication.meetingId,
          publication.meetingDate,
          publication.kind,
          entry.itemId,
          entry.itemNumber,
          entry.title,
          entry.body,
        );
        insertStems.run(lastInsertRowid, entry.stems);
      }
    },
    getContent(publicationId: string): string | null {
      return getContent.get(publicationId)?.content ?? null;
    },
    search(query: PublicSearchQuery, limit: number): PublicSearchHit[] {
      // Stems are letters and digits only, so quoting each one is the whole escaping; quoted
      // strings side by side must all match.
      const terms = query.stems.filter((stem) => /^[\p{L}\p{N}]+$/u.test(stem));
      if (terms.length === 0) return [];
      return search.all(terms.map((stem) => `"${stem}"`).join(" "), limit).map(hit);
    },
  };
}

function hit(row: HitDbRow): PublicSearchHit {
  return {
    publicationId: row.publication_id,
    committeeId: row.committee_id,
    meetingId: row.meeting_id,
    meetingDate: row.meeting_date,
    kind: row.kind as PublicSearchHit["kind"],
    itemId: row.item_id,
    itemNumber: row.item_number,
    title: row.title,
    body: row.body,
  };
}
