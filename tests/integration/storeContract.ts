/**
 * The store contract: every Store implementation runs this same suite (store.sqlite.test.ts,
 * store.postgres.test.ts).
 */
import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../server/store";
import { danishStems } from "../../server/publicSite/danishStems";
import { StoreError } from "../../server/store";

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const handler = (u: Uint8Array) => (captured = u);
  doc.on("update", handler);
  doc.getText("t").insert(doc.getText("t").length, text);
  doc.off("update", handler);
  return captured!;
}

async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
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
      for (const id of ["s2", "s3", "s4"])
        await store.sessions.createSession({
          id,
          userId: "u1",
          csrfToken: "c",
          createdAt: 1,
          expiresAt: 100,
        });
      expect((await store.sessions.deleteUserSessions("u1", "s3")).sort()).toEqual(["s2", "s4"]);
      expect((await store.sessions.getSession("s3"))?.userId).toBe("u1");
      expect(await store.sessions.deleteUserSessions("u1", null)).toEqual(["s3"]);
      expect(await store.sessions.deleteUserSessions("u1", null)).toEqual([]);
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
      // New content under the same id: name, type, size and hash change; its place does not.
      await store.attachments.replaceAttachment({
        id: "a1",
        itemId: "i1",
        filename: "rettet.txt",
        contentType: "text/plain",
        size: 5,
        sha256: "b".repeat(64),
        createdBy: "u2",
        createdAt: 9,
        deletedAt: null,
      });
      expect(await store.attachments.getAttachment("a1")).toMatchObject({
        filename: "rettet.txt",
        contentType: "text/plain",
        size: 5,
        sha256: "b".repeat(64),
        createdBy: "u1",
        createdAt: 1,
      });
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

    it("keeps every publication, marks the one a new publication replaces, and keeps acceptances", async () => {
      const publication = (id: string, publishedAt: number) => ({
        id,
        meetingId: "m1",
        committeeId: "c1",
        kind: "referat" as const,
        title: "Referat: Møde",
        meetingDate: "2025-09-03",
        publishedAt,
        publishedBy: "u1",
        recordHash: id.repeat(64).slice(0, 64),
        sources: { meetingVersion: 3, items: { i1: "v1" }, minutes: "v2" },
        replacedBy: null,
        replacedAt: null,
        reopenedAt: null,
        reopenReason: null,
        html: `<p>${id}</p>`,
        pdf: new Uint8Array([1, 2, 3]),
        docx: new Uint8Array([4, 5]),
      });
      await store.publications.savePublication(publication("a", 10), null);
      await store.publications.markReopened("a", 15, "Forkert beslutning");
      await store.publications.savePublication(publication("b", 20), "a");
      expect(await store.publications.listMeetingPublications("m1")).toMatchObject([
        { id: "b", replacedBy: null, reopenedAt: null },
        {
          id: "a",
          replacedBy: "b",
          replacedAt: 20,
          reopenedAt: 15,
          reopenReason: "Forkert beslutning",
        },
      ]);
      expect(await store.publications.listPublications("c1")).toHaveLength(2);
      const stored = await store.publications.getPublication("a");
      expect(stored).toMatchObject({
        html: "<p>a</p>",
        sources: { meetingVersion: 3, items: { i1: "v1" }, minutes: "v2" },
      });
      expect([...stored!.pdf]).toEqual([1, 2, 3]);
      expect(await store.publications.getPublication("nope")).toBeNull();

      const acceptance = {
        meetingId: "m1",
        key: "k1",
        kind: "email" as const,
        match: "a@b.dk",
        context: "Skriv til a@b.dk",
        itemId: "i1",
        field: "baggrund",
        attachmentId: null,
        attachmentName: null,
        acceptedBy: "u1",
        acceptedAt: 5,
      };
      await store.publications.saveAcceptance(acceptance);
      await store.publications.saveAcceptance({ ...acceptance, acceptedBy: "u2", acceptedAt: 6 });
      expect(await store.publications.listAcceptances("m1")).toEqual([
        { ...acceptance, acceptedBy: "u2", acceptedAt: 6 },
      ]);
      expect(await store.publications.removeAcceptance("m1", "k1")).toBe(true);
      expect(await store.publications.removeAcceptance("m1", "k1")).toBe(false);
      expect(await store.publications.listAcceptances("m1")).toEqual([]);
    });

    it("searches the public items of current publications only, with Danish stemming", async () => {
      const publication = (id: string, publishedAt: number) => ({
        id,
        meetingId: "m1",
        committeeId: "c1",
        kind: "referat" as const,
        title: "Referat: Møde",
        meetingDate: "2025-09-03",
        publishedAt,
        publishedBy: "u1",
        recordHash: "",
        sources: { meetingVersion: 1, items: {}, minutes: null },
        replacedBy: null,
        replacedAt: null,
        reopenedAt: null,
        reopenReason: null,
        html: "",
        pdf: new Uint8Array(),
        docx: new Uint8Array(),
      });
      const content = (body: string) => ({
        json: JSON.stringify({ body }),
        entries: [
          {
            itemId: "i1",
            itemNumber: "2.1",
            title: "Klimatilpasning",
            body,
            stems: danishStems(`Klimatilpasning\n${body}`).join(" "),
          },
        ],
      });
      const search = (text: string) =>
        store.publications.searchPublished({ text, stems: danishStems(text) }, 10);

      await store.publications.savePublication(
        publication("a", 10),
        null,
        content("Beslutning: KKR Syddanmark godkendte vandløbsplanerne."),
      );
      // Another form of the word finds it: both dialects stem Danish.
      expect(await search("vandløbsplaner")).toMatchObject([
        { publicationId: "a", itemId: "i1", itemNumber: "2.1", meetingId: "m1", kind: "referat" },
      ]);
      expect(await search("godkendt vandløbsplan")).toHaveLength(1);
      expect(await search("vandløbsplaner kystbeskyttelse")).toEqual([]);
      expect(await store.publications.getPublicContent("a")).toBe(
        JSON.stringify({ body: "Beslutning: KKR Syddanmark godkendte vandløbsplanerne." }),
      );

      // Republished with other text: the old text is gone from the index, the new one is in.
      await store.publications.savePublication(
        publication("b", 20),
        "a",
        content("Beslutning: KKR Syddanmark udsatte sagen om kystbeskyttelsen."),
      );
      expect(await search("vandløbsplaner")).toEqual([]);
      expect(await search("kystbeskyttelse")).toMatchObject([{ publicationId: "b" }]);

      // Replaced by a publication without public content: nothing of the meeting is found.
      await store.publications.savePublication(publication("c", 30), "b");
      expect(await search("kystbeskyttelse")).toEqual([]);
      expect(await store.publications.getPublicContent("c")).toBeNull();

      // Query syntax of either engine is only text.
      for (const text of ['"', "vandløb* OR NEAR(a b)", "a & !b | c:*", "-", "'); DROP TABLE x"]) {
        expect(await search(text)).toEqual([]);
      }
    });

    it("reads what was stored after a sequence number, with the snapshot once it was compacted", async () => {
      const doc = new Y.Doc();
      await store.docs.createDoc("item:a", Y.encodeStateAsUpdate(doc));
      const updates = [];
      for (let i = 0; i < 6; i++) {
        const update = textUpdate(doc, String(i));
        updates.push(update);
        await store.docs.appendUpdates("item:a", [update]);
      }
      expect(await store.docs.loadTail("item:a", 4)).toEqual({
        snapshot: null,
        updates: updates.slice(4),
        firstSeq: 5,
        lastSeq: 6,
      });
      expect(await store.docs.loadTail("item:a", 6)).toMatchObject({ updates: [], lastSeq: 6 });
      await store.docs.compact("item:a", Y.encodeStateAsUpdate(doc), 5);
      const folded = (await store.docs.loadTail("item:a", 2))!;
      expect(folded.snapshot).not.toBeNull();
      expect(folded.updates).toEqual([updates[5]]);
      expect(folded.firstSeq).toBe(6);
      const replay = new Y.Doc();
      for (const part of [folded.snapshot!, ...folded.updates]) Y.applyUpdate(replay, part);
      expect(replay.getText("t").toString()).toBe("012345");
      expect(await store.docs.loadTail("item:none", 0)).toBeNull();
      await store.docs.createDoc("item:b", new Uint8Array([0, 0]));
      expect(await store.docs.lastSeqs(["item:a", "item:b", "item:none"])).toEqual(
        new Map([
          ["item:a", 6],
          ["item:b", 0],
        ]),
      );
    });

    it("gives every concurrent append its own sequence numbers, without holes", async () => {
      const doc = new Y.Doc();
      await store.docs.createDoc("item:a", Y.encodeStateAsUpdate(doc));
      const batches = Array.from({ length: 20 }, (_, i) => [
        textUpdate(doc, `a${i}`),
        textUpdate(doc, `b${i}`),
      ]);
      const lasts = await Promise.all(batches.map((b) => store.docs.appendUpdates("item:a", b)));
      expect([...lasts].sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => 2 * (i + 1)),
      );
      const loaded = (await store.docs.loadDoc("item:a"))!;
      expect(loaded.updates).toHaveLength(40);
      expect(loaded.lastSeq).toBe(40);
    });

    it("keeps the first value of a setting that several instances propose at once", async () => {
      const stored = await Promise.all(
        ["a", "b", "c"].map((value) => store.settings.setSettingIfAbsent("secret", value)),
      );
      expect(new Set(stored).size).toBe(1);
      expect(await store.settings.getSetting("secret")).toBe(stored[0]);
      expect(await store.settings.setSettingIfAbsent("secret", "d")).toBe(stored[0]);
    });

    it("keeps notifications per person: once per dedupe key, unread until read, digested once", async () => {
      const base = {
        kind: "assigned",
        meetingId: "m1",
        itemId: "i1",
        actorId: "u2",
        text: "Du er sat på punktet",
        dedupeKey: null,
        readAt: null,
        emailedAt: null,
      };
      expect(
        await store.notifications.addNotification({
          ...base,
          id: "n1",
          userId: "u1",
          createdAt: 10,
        }),
      ).toBe(true);
      expect(
        await store.notifications.addNotification({
          ...base,
          id: "n2",
          userId: "u1",
          createdAt: 20,
          kind: "deadline_tomorrow",
          dedupeKey: "deadline:i1:2026-11-20",
        }),
      ).toBe(true);
      expect(
        await store.notifications.addNotification({
          ...base,
          id: "n3",
          userId: "u1",
          createdAt: 30,
          dedupeKey: "deadline:i1:2026-11-20",
        }),
      ).toBe(false);
      expect(
        await store.notifications.addNotification({
          ...base,
          id: "n4",
          userId: "u3",
          createdAt: 40,
          dedupeKey: "deadline:i1:2026-11-20",
        }),
      ).toBe(true);
      expect((await store.notifications.listNotifications("u1", 10)).map((n) => n.id)).toEqual([
        "n2",
        "n1",
      ]);
      expect(await store.notifications.countUnread("u1")).toBe(2);
      expect((await store.notifications.listUndigested(10)).map((n) => n.id)).toEqual([
        "n1",
        "n2",
        "n4",
      ]);
      await store.notifications.markEmailed(["n1"], 50);
      expect((await store.notifications.listUndigested(10)).map((n) => n.id)).toEqual(["n2", "n4"]);
      // Someone else's id is not marked.
      expect(await store.notifications.markRead("u1", ["n2", "n4"], 60)).toBe(1);
      expect(await store.notifications.countUnread("u3")).toBe(1);
      expect(await store.notifications.markRead("u1", null, 70)).toBe(1);
      expect(await store.notifications.countUnread("u1")).toBe(0);
      expect((await store.notifications.listNotifications("u1", 10))[0]).toMatchObject({
        id: "n2",
        readAt: 60,
        emailedAt: null,
        createdAt: 20,
        meetingId: "m1",
      });
    });

    it("stores blobs once by their hash", async () => {
      const sha = "ab".repeat(32);
      expect(await store.blobs.getBlob(sha)).toBeNull();
      await store.blobs.putBlob(sha, new Uint8Array([1, 2, 3]));
      await store.blobs.putBlob(sha, new Uint8Array([1, 2, 3]));
      expect(await store.blobs.getBlob(sha)).toEqual(new Uint8Array([1, 2, 3]));
    });

    it("counts login failures per key within a window and clears them", async () => {
      await store.loginFailures.recordLoginFailure(["account:a", "address:1"], 100);
      await store.loginFailures.recordLoginFailure(["account:a", "address:1"], 200);
      await store.loginFailures.recordLoginFailure(["account:b", "address:1"], 300);
      expect(await store.loginFailures.loginFailuresSince("account:a", 0)).toEqual([100, 200]);
      expect(await store.loginFailures.loginFailuresSince("address:1", 150)).toEqual([200, 300]);
      await store.loginFailures.clearLoginFailures("account:a");
      expect(await store.loginFailures.loginFailuresSince("account:a", 0)).toEqual([]);
    });

    it("runs work under a named lock one at a time, and tryWithLock skips a held lock", async () => {
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = store.locks.withLock("compact:x", async () => {
        order.push("first in");
        await held;
        order.push("first out");
      });
      await waitUntil(() => order.includes("first in"));
      const second = store.locks.withLock("compact:x", async () => {
        order.push("second");
      });
      expect(await store.locks.tryWithLock("compact:x", async () => "ran")).toBeNull();
      expect(await store.locks.tryWithLock("compact:y", async () => "ran")).toBe("ran");
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["first in", "first out", "second"]);
      expect(await store.locks.tryWithLock("compact:x", async () => "ran")).toBe("ran");
    });

    it("keeps versions, mentions, writers and invites", async () => {
      await store.users.createUser({
        id: "u1",
        email: "a@x.dk",
        name: "A",
        initials: "a",
        color: "#000",
        passwordHash: null,
        active: true,
      });
      await store.users.updateUser("u1", { name: "Anne", active: false });
      expect(await store.users.getUser("u1")).toMatchObject({ name: "Anne", active: false });
      await store.users.createInvite("h", "u1", 100);
      expect(await store.users.takeInvite("h", 50)).toBe("u1");
      expect(await store.users.takeInvite("h", 50)).toBeNull();
      await store.meetings.createCommittee({ id: "c1", name: "KKR", template: null });
      await store.users.setMembership("u1", "c1", "formand");
      expect(await store.users.members("c1")).toEqual([
        { userId: "u1", committeeId: "c1", role: "formand" },
      ]);
      await store.users.setMembership("u1", "c1", null);
      expect(await store.users.memberships("u1")).toEqual([]);
      for (const id of ["v1", "v2"]) {
        await store.versions.createVersion({
          id,
          doc: "item:a",
          name: id,
          kind: "named",
          createdBy: "u1",
          createdAt: 5,
          contentHash: "h",
          state: new Uint8Array([0, 0]),
        });
      }
      expect((await store.versions.listVersions("item:a")).map((v) => v.id)).toEqual(["v1", "v2"]);
      expect((await store.versions.getVersion("v2"))?.state).toEqual(new Uint8Array([0, 0]));
      await store.review.recordDocClients("item:a", [1, 2], "u1");
      await store.review.recordDocClients("item:a", [2, 3], "u2");
      expect(await store.review.docClients("item:a")).toEqual(
        new Map([
          [1, "u1"],
          [2, "u1"],
          [3, "u2"],
        ]),
      );
      await store.review.addMention({
        id: "m1",
        userId: "u1",
        threadId: "t",
        itemId: "i",
        meetingId: "m",
        byUserId: "u2",
        text: "se her",
        createdAt: 1,
      });
      expect(await store.review.mentionsFor("u1", 10)).toHaveLength(1);
    });
  });
}
