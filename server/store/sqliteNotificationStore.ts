import type Database from "better-sqlite3";
import type { NotificationStore } from "./Store";
import { notificationFromDb } from "./notificationFromDb";
import type { NotificationDbRow } from "./notificationFromDb";

export function sqliteNotificationStore(db: Database.Database): NotificationStore {
  const insert = db.prepare(
    `INSERT INTO notifications (id, user_id, kind, meeting_id, item_id, actor_id, text, dedupe_key,
       created_at, read_at, emailed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const list = db.prepare<[string, number], NotificationDbRow>(
    "SELECT * FROM notifications WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
  );
  const unread = db.prepare<[string], { count: number }>(
    "SELECT COUNT(*) AS count FROM notifications WHERE user_id = ? AND read_at IS NULL",
  );
  const readAll = db.prepare(
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
  );
  const readOne = db.prepare(
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL",
  );
  const undigested = db.prepare<[number], NotificationDbRow>(
    `SELECT * FROM notifications WHERE read_at IS NULL AND emailed_at IS NULL
     ORDER BY created_at, rowid LIMIT ?`,
  );
  const emailed = db.prepare("UPDATE notifications SET emailed_at = ? WHERE id = ?");
  return {
    async addNotification(n) {
      const result = insert.run(
        n.id,
        n.userId,
        n.kind,
        n.meetingId,
        n.itemId,
        n.actorId,
        n.text,
        n.dedupeKey,
        n.createdAt,
        n.readAt,
        n.emailedAt,
      );
      return result.changes > 0;
    },
    async listNotifications(userId, limit) {
      return list.all(userId, limit).map(notificationFromDb);
    },
    async countUnread(userId) {
      return unread.get(userId)?.count ?? 0;
    },
    async markRead(userId, ids, at) {
      if (ids === null) return readAll.run(at, userId).changes;
      return db.transaction(() =>
        ids.reduce((sum, id) => sum + readOne.run(at, userId, id).changes, 0),
      )();
    },
    async listUndigested(limit) {
      return undigested.all(limit).map(notificationFromDb);
    },
    async markEmailed(ids, at) {
      db.transaction(() => {
        for (const id of ids) emailed.run(at, id);
      })();
    },
  };
}
