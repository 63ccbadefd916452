import type { NotificationView } from "../../shared/model/notifications";
import { apiFetch } from "./apiFetch";

/** `GET /api/notifications`: the person's newest notifications and their unread count. */
export async function fetchNotifications(
  signal?: AbortSignal,
): Promise<{ notifications: NotificationView[]; unread: number }> {
  return apiFetch("/api/notifications", signal ? { signal } : {});
}

/** `POST /api/notifications/read`: the given ones (or all) read; resolves with the unread count. */
export async function markNotificationsRead(ids: readonly string[] | null): Promise<number> {
  const body = ids === null ? {} : { ids: [...ids] };
  return (await apiFetch<{ unread: number }>("/api/notifications/read", { method: "POST", body }))
    .unread;
}
