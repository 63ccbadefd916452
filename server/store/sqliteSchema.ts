/**
 * The SQLite schema as it was before numbered migrations: migration 1 ("baseline") of
 * `sqliteMigrations.ts`. Every statement is idempotent, so a file from then opens safely. Never
 * change it: a later table or column is a new migration there (and in PostgreSQL's list).
 */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (
  name TEXT PRIMARY KEY,
  snapshot BLOB,
  snapshot_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  bytes INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS doc_updates (
  doc TEXT NOT NULL REFERENCES docs(name),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (doc, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  initials TEXT NOT NULL,
  color TEXT NOT NULL,
  password_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS committees (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  template TEXT
) STRICT;

CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY,
  committee_id TEXT NOT NULL REFERENCES committees(id),
  date TEXT NOT NULL,
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS meetings_by_committee ON meetings (committee_id, date);

CREATE TABLE IF NOT EXISTS items (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS attachments (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  meeting_id TEXT,
  item_id TEXT,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS audit_by_meeting ON audit_log (meeting_id, seq);

CREATE TABLE IF NOT EXISTS memberships (
  user_id TEXT NOT NULL REFERENCES users(id),
  committee_id TEXT NOT NULL REFERENCES committees(id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, committee_id)
) STRICT;

CREATE TABLE IF NOT EXISTS invites (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS versions (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  state BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS versions_by_doc ON versions (doc, created_at);

CREATE TABLE IF NOT EXISTS mentions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  meeting_id TEXT NOT NULL,
  by_user_id TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS mentions_by_user ON mentions (user_id, created_at);

CREATE TABLE IF NOT EXISTS doc_clients (
  doc TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (doc, client_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS publications (
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
  UNIQUE (meeting_id, kind)
) STRICT;
CREATE INDEX IF NOT EXISTS publications_by_committee ON publications (committee_id, meeting_date);

CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
