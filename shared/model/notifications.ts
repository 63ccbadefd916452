/**
 * Notifications: what concerns one person, kept per person (read/unread) and announced live on
 * their own channel, the `user:<id>` document. That document holds only the unread count and
 * when it last changed — the notifications themselves are read over HTTP, where readability of
 * each item is checked again.
 */
export const NOTIFICATION_KINDS = [
  "assigned",
  "handed",
  "sent_back",
  "approved",
  "mentioned",
  "deadline_tomorrow",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Short Danish names of the kinds (the bell's list, the e-mail digest). */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: "Sat på punkt",
  handed: "Givet videre til dig",
  sent_back: "Sendt tilbage",
  approved: "Godkendt",
  mentioned: "Nævnt",
  deadline_tomorrow: "Frist i morgen",
};

/** The map in the `user:<id>` document. */
export const USER_DOC_ROOT = "notifications";
/** Its keys: the unread count, and a stamp that changes with every new or read notification. */
export const USER_DOC_UNREAD_KEY = "unread";
export const USER_DOC_CHANGED_KEY = "changed";

/** A notification as `GET /api/notifications` returns it. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  text: string;
  meetingId: string | null;
  itemId: string | null;
  createdAt: number;
  read: boolean;
}

/** "1 ulæst notifikation" / "3 ulæste notifikationer". */
export function unreadText(count: number): string {
  return count === 1 ? "1 ulæst notifikation" : `${count} ulæste notifikationer`;
}
