import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../server/store";
import { tempDataDir } from "./helpers/testServer";
import { describeStoreContract } from "./storeContract";

describeStoreContract("sqlite", async () => {
  const dataDir = tempDataDir();
  return {
    store: openSqliteStore({ dataDir }),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe("sqlite store: publications from before record integrity", () => {
  it("keeps a database's publications when their table gains record hashes and history", async () => {
    const dataDir = tempDataDir();
    try {
      // The table as it was: one row per meeting and kind, replaced in place.
      const db = new Database(path.join(dataDir, "dagsorden.sqlite"));
      db.exec(`CREATE TABLE publications (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, committee_id TEXT NOT NULL, kind TEXT NOT NULL,
        title TEXT NOT NULL, meeting_date TEXT NOT NULL, published_at INTEGER NOT NULL,
        published_by TEXT NOT NULL, html TEXT NOT NULL, pdf BLOB NOT NULL, docx BLOB NOT NULL,
        UNIQUE (meeting_id, kind)) STRICT`);
      db.prepare(
        "INSERT INTO publications VALUES ('p1', 'm1', 'c1', 'dagsorden', 'Dagsorden', '2025-09-03', 5, 'u1', '<p>x</p>', x'01', x'02')",
      ).run();
      db.close();

      const store = openSqliteStore({ dataDir });
      expect(await store.publications.listMeetingPublications("m1")).toMatchObject([
        { id: "p1", recordHash: "", replacedBy: null, sources: { items: {} } },
      ]);
      expect((await store.publications.getPublication("p1"))?.html).toBe("<p>x</p>");
      // Now a second publication of the same meeting and kind is kept beside it.
      const { html: _html, ...old } = (await store.publications.getPublication("p1"))!;
      await store.publications.savePublication(
        { ...old, id: "p2", publishedAt: 6, html: "<p>y</p>" },
        "p1",
      );
      expect(
        (await store.publications.listMeetingPublications("m1")).map((p) => p.replacedBy),
      ).toEqual([null, "p2"]);
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
