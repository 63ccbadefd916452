import type { NotificationRow } from "./Store";

/** A `notifications` row as both dialects return it (PostgreSQL's BIGINTs may come as text). */
export interface NotificationDbRow {
  id: string;
  user_id: string;
  kind: string;
  meeting_id: string | null;
  item_id: string | null;
  actor_id: string | null;
  text: string;
  dedupe_key: string | null;
  created_at: number;
  read_at: number | null;
  emailed_at: number | null;
}

export const notificationFromDb = (row: NotificationDbRow): NotificationRow => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  meetingId: row.meeting_id,
  itemId: row.item_id,
  actorId: row.actor_id,
  text: row.text,
  dedupeKey: row.dedupe_key,
  createdAt: Number(row.created_at),
  readAt: row.read_at === null ? null : Number(row.read_at),
  emailedAt: row.emailed_at === null ? null : Number(row.emailed_at),
});
