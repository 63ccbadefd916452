import type { Migration } from "../Migration";

/**
 * The PostgreSQL schema, version by version: the same versions under the same names as
 * `../sqliteMigrations.ts`. Times are milliseconds since the epoch (BIGINT, read as numbers).
 * A new table is a new version at the end of both lists; never edit a released one.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "baseline",
    sql: `
CREATE TABLE docs (
  name TEXT PRIMARY KEY,
  snapshot BYTEA,
  snapshot_seq BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  bytes BIGINT NOT NULL
);

CREATE TABLE doc_updates (
  doc TEXT NOT NULL REFERENCES docs(name),
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (doc, seq)
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  initials TEXT NOT NULL,
  color TEXT NOT NULL,
  password_hash TEXT,
  active BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE UNIQUE INDEX users_by_email ON users (lower(email));

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE committees (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  template TEXT
);

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  committee_id TEXT NOT NULL REFERENCES committees(id),
  date TEXT NOT NULL,
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX meetings_by_committee ON meetings (committee_id, date);

CREATE TABLE items (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  created_at BIGINT NOT NULL
);

CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  deleted_at BIGINT
);

CREATE TABLE audit_log (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  meeting_id TEXT,
  item_id TEXT,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_by_meeting ON audit_log (meeting_id, seq);

CREATE TABLE memberships (
  user_id TEXT NOT NULL REFERENCES users(id),
  committee_id TEXT NOT NULL REFERENCES committees(id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, committee_id)
);

CREATE TABLE invites (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  expires_at BIGINT NOT NULL
);

CREATE TABLE versions (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_by TEXT,
  created_at BIGINT NOT NULL,
  content_hash TEXT NOT NULL,
  state BYTEA NOT NULL,
  -- Insertion order, for versions created in the same millisecond (SQLite's rowid).
  position BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX versions_by_doc ON versions (doc, created_at);

CREATE TABLE mentions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  meeting_id TEXT NOT NULL,
  by_user_id TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX mentions_by_user ON mentions (user_id, created_at);

CREATE TABLE doc_clients (
  doc TEXT NOT NULL,
  client_id BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (doc, client_id)
);

CREATE TABLE publications (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL,
  committee_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  meeting_date TEXT NOT NULL,
  published_at BIGINT NOT NULL,
  published_by TEXT NOT NULL,
  html TEXT NOT NULL,
  pdf BYTEA NOT NULL,
  docx BYTEA NOT NULL,
  UNIQUE (meeting_id, kind)
);
CREATE INDEX publications_by_committee ON publications (committee_id, meeting_date);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Bilag, by content: every instance reads them from here (SQLite keeps them as files).
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  bytes BYTEA NOT NULL
);
`,
  },
  {
    version: 2,
    name: "login_failures",
    sql: `
CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failures_by_key ON login_failures (key, at);
`,
  },
  {
    version: 3,
    name: "publications_kept",
    // Every publication is kept (no longer one per meeting and kind), with the record hash it
    // states, the versions it was made from, what replaced it and whether its minutes were
    // reopened; existing ones get an empty record hash. `position` orders publications made in
    // the same millisecond, as SQLite's rowid does. Personal-data acceptances are stored.
    sql: `
ALTER TABLE publications DROP CONSTRAINT IF EXISTS publications_meeting_id_kind_key;
ALTER TABLE publications
  ADD COLUMN record_hash TEXT NOT NULL DEFAULT '',
  ADD COLUMN sources TEXT NOT NULL DEFAULT '{"meetingVersion":0,"items":{},"minutes":null}',
  ADD COLUMN replaced_by TEXT,
  ADD COLUMN replaced_at BIGINT,
  ADD COLUMN reopened_at BIGINT,
  ADD COLUMN reopen_reason TEXT,
  ADD COLUMN position BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE publications ALTER COLUMN record_hash DROP DEFAULT, ALTER COLUMN sources DROP DEFAULT;
CREATE INDEX publications_by_meeting ON publications (meeting_id, published_at);

CREATE TABLE finding_acceptances (
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
  accepted_at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, key)
);
`,
  },
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
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  emailed_at BIGINT
);
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
    // current publications, searched with PostgreSQL's Danish stemming through an expression
    // index (the same expression as `pgPublicSearch.ts`), so the columns match SQLite's.
    sql: `
CREATE TABLE publication_contents (
  publication_id TEXT PRIMARY KEY,
  content TEXT NOT NULL
);
CREATE TABLE public_search (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  publication_id TEXT NOT NULL,
  committee_id TEXT NOT NULL,
  meeting_id TEXT NOT NULL,
  meeting_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  item_number TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX public_search_by_publication ON public_search (publication_id);
CREATE INDEX public_search_document ON public_search USING GIN (
  (setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', body), 'B'))
);
`,
  },
];
