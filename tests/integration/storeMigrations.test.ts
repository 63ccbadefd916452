import path from "node:path";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../server/store";
import { openPostgresStore } from "../../server/store/postgres/PostgresStore";
import { POSTGRES_MIGRATIONS } from "../../server/store/postgres/postgresMigrations";
import { SQLITE_MIGRATIONS } from "../../server/store/sqliteMigrations";
import { SQLITE_SCHEMA } from "../../server/store/sqliteSchema";
import type { TestDatabase } from "./helpers/postgres";
import { createTestDatabase } from "./helpers/postgres";
import { tempDataDir } from "./helpers/testServer";

/** Tables only one dialect has, and why. */
const DIALECT_ONLY = new Set([
  // SQLite keeps bilag as files under DATA_DIR/attachments.
  "blobs",
  // SQLite's own bookkeeping for AUTOINCREMENT.
  "sqlite_sequence",
  // SQLite's full-text index of the public search and its own tables; PostgreSQL has an
  // expression index on public_search instead.
  "public_search_fts",
  "public_search_fts_config",
  "public_search_fts_data",
  "public_search_fts_docsize",
  "public_search_fts_idx",
]);

describe("store migrations", () => {
  let database: TestDatabase;
  const dataDirs: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase("dagsorden_migrations");
  });
  afterAll(async () => {
    await database?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("numbers the same migrations under the same names for SQLite and PostgreSQL", () => {
    expect(POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name }))).toEqual(
      SQLITE_MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
  });

  it("opens a SQLite file from before versioned migrations, keeps its data and migrates it", async () => {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    const old = new Database(path.join(dataDir, "dagsorden.sqlite"));
    old.exec(SQLITE_SCHEMA);
    old
      .prepare("INSERT INTO users (id, email, name, initials, color) VALUES (?, ?, ?, ?, ?)")
      .run("u1", "a@x.dk", "A", "a", "#000");
    old.close();

    const store = openSqliteStore({ dataDir });
    expect((await store.users.getUser("u1"))?.email).toBe("a@x.dk");
    await store.loginFailures.recordLoginFailure(["account:a@x.dk"], 1);
    await store.close();
    // Opening again applies nothing twice.
    const again = openSqliteStore({ dataDir });
    await again.close();
    const check = new Database(path.join(dataDir, "dagsorden.sqlite"));
    expect(
      check.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all(),
    ).toEqual(SQLITE_MIGRATIONS.map(({ version, name }) => ({ version, name })));
    check.close();
  });

  it("keeps the publications of a PostgreSQL database from before they were all kept", async () => {
    const old = await createTestDatabase("dagsorden_migrations_old");
    try {
      // The database as the releases before record integrity left it: migrations 1 and 2.
      const client = new Client({ connectionString: old.url });
      await client.connect();
      await client.query(`CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
      for (const migration of POSTGRES_MIGRATIONS.slice(0, 2)) {
        await client.query(migration.sql);
        await client.query("INSERT INTO schema_migrations VALUES ($1, $2, 0)", [
          migration.version,
          migration.name,
        ]);
      }
      await client.query(
        `INSERT INTO publications (id, meeting_id, committee_id, kind, title, meeting_date,
           published_at, published_by, html, pdf, docx)
         VALUES ('p1', 'm1', 'c1', 'dagsorden', 'Dagsorden', '2025-09-03', 5, 'u1', '<p>x</p>',
           '\\x01', '\\x02')`,
      );
      await client.end();

      const store = await openPostgresStore({ connectionString: old.url });
      try {
        expect(await store.publications.listMeetingPublications("m1")).toMatchObject([
          { id: "p1", recordHash: "", replacedBy: null, sources: { items: {} } },
        ]);
        // A second publication of the same meeting and kind is now kept beside it.
        const { html: _html, ...first } = (await store.publications.getPublication("p1"))!;
        await store.publications.savePublication(
          { ...first, id: "p2", publishedAt: 6, html: "<p>y</p>" },
          "p1",
        );
        expect(
          (await store.publications.listMeetingPublications("m1")).map((p) => [p.id, p.replacedBy]),
        ).toEqual([
          ["p2", null],
          ["p1", "p2"],
        ]);
      } finally {
        await store.close();
      }
    } finally {
      await old.drop();
    }
  });

  it("has the same tables and columns in both dialects", async () => {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    (await openSqliteStore({ dataDir })).close();
    const sqlite = new Database(path.join(dataDir, "dagsorden.sqlite"));
    const sqliteTables = new Map<string, string[]>();
    for (const { name } of sqlite
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()) {
      const columns = sqlite
        .prepare<[], { name: string }>(`PRAGMA table_info(${name})`)
        .all()
        .map((c) => c.name);
      // PostgreSQL orders versions and publications by an identity column where SQLite has
      // its rowid.
      sqliteTables.set(
        name,
        name === "versions" || name === "publications" ? [...columns, "position"] : columns,
      );
    }
    sqlite.close();

    const store = await openPostgresStore({ connectionString: database.url });
    await store.close();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    await client.end();
    const pgTables = new Map<string, string[]>();
    for (const row of rows)
      pgTables.set(row.table_name, [...(pgTables.get(row.table_name) ?? []), row.column_name]);

    const strip = (tables: Map<string, string[]>) =>
      Object.fromEntries([...tables].filter(([name]) => !DIALECT_ONLY.has(name)).sort());
    expect(strip(pgTables)).toEqual(strip(sqliteTables));
  });
});
