import type { PublicationRow, PublicContent, PublicSearchHit, PublicSearchQuery } from "../Store";
import type { PgDb, Queryable } from "./PgDb";

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

/** The indexed expression: exactly the one in migration 5's GIN index, so the index is used. */
const DOCUMENT =
  "(setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', body), 'B'))";

/**
 * The public site's content and search index in PostgreSQL: each public item of a current
 * publication in `public_search`, searched with the `danish` text search configuration
 * (Snowball stemming, Danish stop words). Writes run inside the publication's transaction.
 */
export const pgPublicSearch = {
  async save(
    client: Queryable,
    publication: PublicationRow,
    content: PublicContent | null,
    replaces: string | null,
  ): Promise<void> {
    if (replaces !== null) {
      await client.query("DELETE FROM public_search WHERE publication_id = $1", [replaces]);
    }
    if (content === null) return;
    await client.query(
      "INSERT INTO publication_contents (publication_id, content) VALUES ($1, $2)",
      [publication.id, content.json],
    );
    for (const entry of content.entries) {
      await client.query(
        `INSERT INTO public_search (publication_id, committee_id, meeting_id, meeting_date, kind,
           item_id, item_number, title, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          publication.id,
          publication.committeeId,
          publication.meetingId,
          publication.meetingDate,
          publication.kind,
          entry.itemId,
          entry.itemNumber,
          entry.title,
          entry.body,
        ],
      );
    }
  },

  async getContent(db: PgDb, publicationId: string): Promise<string | null> {
    const [row] = await db.query<{ content: string }>(
      "SELECT content FROM publication_contents WHERE publication_id = $1",
      [publicationId],
    );
    return row?.content ?? null;
  },

  async search(db: PgDb, query: PublicSearchQuery, limit: number): Promise<PublicSearchHit[]> {
    // plainto_tsquery: every word must match, and the text is never read as query syntax.
    const rows = await db.query<HitDbRow>(
      `SELECT publication_id, committee_id, meeting_id, meeting_date, kind, item_id, item_number,
         title, body
       FROM public_search, plainto_tsquery('danish', $1) AS q
       WHERE ${DOCUMENT} @@ q
       ORDER BY ts_rank(${DOCUMENT}, q) DESC, meeting_date DESC
       LIMIT $2`,
      [query.text, limit],
    );
    return rows.map((row) => ({
      publicationId: row.publication_id,
      committeeId: row.committee_id,
      meetingId: row.meeting_id,
      meetingDate: row.meeting_date,
      kind: row.kind as PublicSearchHit["kind"],
      itemId: row.item_id,
      itemNumber: row.item_number,
      title: row.title,
      body: row.body,
    }));
  },
};
