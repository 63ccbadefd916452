import type { NotificationStore } from "../Store";
import { notificationFromDb } from "../notificationFromDb";
import type { NotificationDbRow as DbRow } from "../notificationFromDb";
import type { PgDb } from "./PgDb";

export function pgNotificationStore(db: PgDb): NotificationStore {
  return {
    async addNotification(n) {
      const rows = await db.query(
        `INSERT INTO notifications (id, user_id, kind, meeting_id, item_id, actor_id, text,
           dedupe_key, created_at, read_at, emailed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
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
        ],
      );
      return rows.length > 0;
    },
    async listNotifications(userId, limit) {
      const rows = await db.query<DbRow>(
        "SELECT * FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        [userId, limit],
      );
      return rows.map(notificationFromDb);
    },
    async countUnread(userId) {
      const rows = await db.query<{ count: string }>(
        "SELECT COUNT(*) AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL",
        [userId],
      );
      return Number(rows[0]?.count ?? 0);
    },
    async markRead(userId, ids, at) {
      const rows =
        ids === null
          ? await db.query(
              "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL RETURNING id",
              [at, userId],
            )
          : await db.query(
              `UPDATE notifications SET read_at = $1
               WHERE user_id = $2 AND id = ANY($3::text[]) AND read_at IS NULL RETURNING id`,
              [at, userId, [...ids]],
            );
      return rows.length;
    },
    async listUndigested(limit) {
      const rows = await db.query<DbRow>(
        `SELECT * FROM notifications WHERE read_at IS NULL AND emailed_at IS NULL
         ORDER BY created_at, id LIMIT $1`,
        [limit],
      );
      return rows.map(notificationFromDb);
    },
    async markEmailed(ids, at) {
      await db.query("UPDATE notifications SET emailed_at = $1 WHERE id = ANY($2::text[])", [
        at,
        [...ids],
      ]);
    },
  };
}
