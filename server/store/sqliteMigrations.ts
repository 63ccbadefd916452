import type Database from "better-sqlite3";
import type { Migration } from "./Migration";
import { pendingMigrations } from "./Migration";
import { SQLITE_SCHEMA } from "./sqliteSchema";

/**
 * The SQLite schema, version by version. Version 1 is the schema from before versioned
 * migrations; it is idempotent, so a data file from then opens, gets version 1 recorded and the
 * later versions applied. A new table is a new version at the end of this list and of
 * `postgres/postgresMigrations.ts`, under the same number and name; never edit a released one.
 */
/**
 * A SQLite migration: SQL, or a function when what to do depends on the file (SQLite has no
 * `ADD COLUMN IF NOT EXISTS`, and rebuilding a table is the only way to drop a constraint).
 */
export type SqliteMigration =
  Migration | (Pick<Migration, "version" | "name"> & { run(db: Database.Database): void });

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  { version: 1, name: "baseline", sql: SQLITE_SCHEMA },
  {
    version: 2,
    name: "login_failures",
    sql: `
CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_by_key ON login_failures (key, at);
`,
  },
  { version: 3, name: "publications_kept", run: keepPublications },
  {
    version: 4,
    name: "notifications",
    // What concerns one person (assigned, handed to, sent back, approved, mentioned, deadline
    // tomorrow), read or unread, and whether a daily digest carried it.
    sql: `
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  meeting_id TEXT,
  item_id TEXT,
  actor_id TEXT,
  text TEXT NOT NULL,
  dedupe_key TEXT,
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  emailed_at INTEGER
) STRICT;
CREATE INDEX notifications_by_user ON notifications (user_id, created_at);
CREATE UNIQUE INDEX notifications_dedupe ON notifications (user_id, dedupe_key)
  WHERE dedupe_key IS NOT NULL;
CREATE INDEX notifications_undigested ON notifications (created_at)
  WHERE read_at IS NULL AND emailed_at IS NULL;
`,
  },
  {
    version: 5,
    name: "public_site",
    // What the public site shows of a publication, and its search index: the public items of
    // current publications. SQLite has no Danish stemmer, so the server stems (snowball) and
    // FTS5 indexes the stems, with unicode61 keeping æ, ø and å as letters of their own.
    sql: `
CREATE TABLE publication_contents (
  publication_id TEXT PRIMARY KEY,
  content TEXT NOT NULL
) STRICT;
CREATE TABLE public_search (
  id INTEGER PRIMARY KEY,
  publication_id TEXT NOT NULL,
  committee_id TEXT NOT NULL,
  meeting_id TEXT NOT NULL,
  meeting_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  item_number TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;
CREATE INDEX public_search_by_publication ON public_search (publication_id);
CREATE VIRTUAL TABLE public_search_fts USING fts5(
  stems, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
`,
  },
];

/**
 * Record integrity: every publication is kept (no more one per meeting and kind), with the
 * record hash it states, the versions it was made from, what replaced it and whether its
 * minutes were reopened; personal-data acceptances are stored. Existing publications are kept,
 * with an empty record hash. A file written by a build from between record integrity and
 * numbered migrations already has the new columns and is left as it is.
 */
function keepPublications(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("PRAGMA table_info(publications)").all();
  if (!columns.some((column) => column.name === "record_hash")) {
    // New columns last, as PostgreSQL's ALTER TABLE … ADD COLUMN puts them.
    db.exec(`
DROP INDEX IF EXISTS publications_by_committee;
ALTER TABLE publications RENAME TO publications_legacy;
CREATE TABLE publications (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL,
  committee_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  meeting_date TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  published_by TEXT NOT NULL,
  html TEXT NOT NULL,
  pdf BLOB NOT NULL,
  docx BLOB NOT NULL,
  record_hash TEXT NOT NULL,
  sources TEXT NOT NULL,
  replaced_by TEXT,
  replaced_at INTEGER,
  reopened_at INTEGER,
  reopen_reason TEXT
) STRICT;
INSERT INTO publications (id, meeting_id, committee_id, kind, title, meeting_date, published_at,
  published_by, html, pdf, docx, record_hash, sources)
SELECT id, meeting_id, committee_id, kind, title, meeting_date, published_at, published_by, html,
  pdf, docx, '', '{"meetingVersion":0,"items":{},"minutes":null}'
FROM publications_legacy;
DROP TABLE publications_legacy;
CREATE INDEX publications_by_committee ON publications (committee_id, meeting_date);
`);
  }
  db.exec(`
CREATE INDEX IF NOT EXISTS publications_by_meeting ON publications (meeting_id, published_at);
CREATE TABLE IF NOT EXISTS finding_acceptances (
  meeting_id TEXT NOT NULL,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  match TEXT NOT NULL,
  context TEXT NOT NULL,
  item_id TEXT NOT NULL,
  field TEXT NOT NULL,
  attachment_id TEXT,
  attachment_name TEXT,
  accepted_by TEXT NOT NULL,
  accepted_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, key)
) STRICT, WITHOUT ROWID;
`);
}

/** Applies the pending migrations, each in its own transaction. */
export function migrateSqlite(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT`);
  // An immediate transaction: a second process opening the same file waits, then sees the
  // versions the first one recorded.
  db.transaction(() => {
    const applied = new Set(
      db
        .prepare<[], { version: number }>("SELECT version FROM schema_migrations")
        .all()
        .map((row) => row.version),
    );
    const record = db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
    );
    for (const migration of pendingMigrations(SQLITE_MIGRATIONS, applied)) {
      if ("sql" in migration) db.exec(migration.sql);
      else migration.run(db);
      record.run(migration.version, migration.name, Date.now());
    }
  }).immediate();
}
