/**
 * The store contract: every Store implementation runs this same suite (SQLite now; PostgreSQL
 * with DATABASE_URL when the scale-out store lands).
 */
import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../server/store";
import { StoreError } from "../../server/store";

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const handler = (u: Uint8Array) => (captured = u);
  doc.on("update", handler);
  doc.getText("t").insert(doc.getText("t").length, text);
  doc.off("update", handler);
  return captured!;
}

export function describeStoreContract(
  name: string,
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>,
): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it("creates a document once and refuses a second create", async () => {
      await store.docs.createDoc("item:a", new Uint8Array([0, 0]));
      expect(await store.docs.docExists("item:a")).toBe(true);
      await expect(store.docs.createDoc("item:a", new Uint8Array([0, 0]))).rejects.toBeInstanceOf(
        StoreError,
      );
      expect(await store.docs.docExists("item:b")).toBe(false);
      expect(await store.docs.loadDoc("item:b")).toBeNull();
    });

    it("appends updates in order with increasing sequence numbers and loads them back", async () => {
      const doc = new Y.Doc();
      await store.docs.createDoc("item:a", Y.encodeStateAsUpdate(doc));
      const first = textUpdate(doc, "Hej ");
      const second = textUpdate(doc, "verden");
      expect(await store.docs.appendUpdates("item:a", [first])).toBe(1);
      expect(await store.docs.appendUpdates("item:a", [second])).toBe(2);
      const loaded = (await store.docs.loadDoc("item:a"))!;
      expect(loaded.lastSeq).toBe(2);
      expect(loaded.updates).toEqual([first, second]);
      const replay = new Y.Doc();
      for (const part of [loaded.snapshot!, ...loaded.updates]) Y.applyUpdate(replay, part);
      expect(replay.getText("t").toString()).toBe("Hej verden");
    });

    it("refuses to append to a document that does not exist", async () => {
      await expect(
        store.docs.appendUpdates("item:none", [new Uint8Array([0, 0])]),
      ).rejects.toBeInstanceOf(StoreError);
    });

    it("compacts the log through a sequence number and keeps later updates", async () => {
      const doc = new Y.Doc();
      await store.docs.createDoc("item:a", Y.encodeStateAsUpdate(doc));
      for (let i = 0; i < 10; i++)
        await store.docs.appendUpdates("item:a", [textUpdate(doc, String(i))]);
      const snapshotAt7 = new Y.Doc();
      const loaded = (await store.docs.loadDoc("item:a"))!;
      for (const part of [loaded.snapshot!, ...loaded.updates.slice(0, 7)])
        Y.applyUpdate(snapshotAt7, part);
      await store.docs.compact("item:a", Y.encodeStateAsUpdate(snapshotAt7), 7);
      expect(await store.docs.countUpdates("item:a")).toBe(3);
      const after = (await store.docs.loadDoc("item:a"))!;
      const replay = new Y.Doc();
      for (const part of [after.snapshot!, ...after.updates]) Y.applyUpdate(replay, part);
      expect(replay.getText("t").toString()).toBe("0123456789");
      expect(after.lastSeq).toBe(10);
      // An older compaction arriving late changes nothing.
      await store.docs.compact("item:a", new Uint8Array([0, 0]), 3);
      expect(await store.docs.countUpdates("item:a")).toBe(3);
    });

    it("keeps users, sessions, meetings, items, attachments, audit entries and settings", async () => {
      await store.users.createUser({
        id: "u1",
        email: "A@x.dk",
        name: "A",
        initials: "a",
        color: "#000",
        passwordHash: null,
        active: true,
      });
      expect((await store.users.getUserByEmail("a@x.dk"))?.id).toBe("u1");
      await expect(
        store.users.createUser({
          id: "u2",
          email: "a@x.dk",
          name: "B",
          initials: "b",
          color: "#000",
          passwordHash: null,
          active: true,
        }),
      ).rejects.toBeInstanceOf(StoreError);
      await store.sessions.createSession({
        id: "s1",
        userId: "u1",
        csrfToken: "c",
        createdAt: 1,
        expiresAt: 10,
      });
      expect((await store.sessions.getSession("s1"))?.userId).toBe("u1");
      expect(await store.sessions.deleteExpiredSessions(11)).toBe(1);
      expect(await store.sessions.getSession("s1")).toBeNull();
      await store.meetings.createCommittee({ id: "c1", name: "KKR Syddanmark", template: null });
      await store.meetings.createMeeting({
        id: "m1",
        committeeId: "c1",
        date: "2025-09-03",
        version: 0,
        data: "{}",
        createdAt: 1,
      });
      expect(
        await store.meetings.saveMeeting(
          {
            id: "m1",
            committeeId: "c1",
            date: "2025-09-04",
            version: 1,
            data: '{"v":1}',
            createdAt: 1,
          },
          0,
        ),
      ).toBe(true);
      // A save against a stale version is refused.
      expect(
        await store.meetings.saveMeeting(
          { id: "m1", committeeId: "c1", date: "2025-09-05", version: 1, data: "{}", createdAt: 1 },
          0,
        ),
      ).toBe(false);
      expect(await store.meetings.getMeeting("m1")).toMatchObject({
        version: 1,
        date: "2025-09-04",
        data: '{"v":1}',
      });
      await store.meetings.addItem("i1", "m1", 1);
      expect(await store.meetings.itemMeeting("i1")).toBe("m1");
      expect(await store.meetings.itemMeeting("nope")).toBeNull();
      await store.attachments.createAttachment({
        id: "a1",
        itemId: "i1",
        filename: "bilag.pdf",
        contentType: "application/pdf",
        size: 3,
        sha256: "a".repeat(64),
        createdBy: "u1",
        createdAt: 1,
        deletedAt: null,
      });
      expect(await store.attachments.listAttachments("i1")).toHaveLength(1);
      await store.attachments.markAttachmentDeleted("a1", 2);
      expect(await store.attachments.listAttachments("i1")).toHaveLength(0);
      await store.audit.appendAudit({
        at: 1,
        userId: "u1",
        action: "item.delete",
        meetingId: "m1",
        itemId: "i1",
        details: { reason: "x" },
      });
      expect(await store.audit.listAudit({ meetingId: "m1" })).toMatchObject([
        { action: "item.delete", details: { reason: "x" } },
      ]);
      await store.settings.setSetting("k", "v1");
      await store.settings.setSetting("k", "v2");
      expect(await store.settings.getSetting("k")).toBe("v2");
    });
  });
}
