import { useCallback, useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { NotificationView } from "../../shared/model/notifications";
import {
  USER_DOC_CHANGED_KEY,
  USER_DOC_ROOT,
  USER_DOC_UNREAD_KEY,
} from "../../shared/model/notifications";
import { isNetworkError } from "../api/apiFetch";
import { fetchNotifications, markNotificationsRead } from "../api/notificationsApi";
import { destroyProvider } from "../sync/destroyProvider";
import { watchConnection } from "../sync/watchConnection";
import { wsOrigin } from "../sync/wsOrigin";

export interface Notifications {
  items: readonly NotificationView[];
  unread: number;
  markRead: (ids: readonly string[] | null) => Promise<void>;
}

/**
 * The signed-in person's notifications: the list from the server, kept current by their own
 * channel (`user:<id>`, read-only, the unread count and a change stamp). Every change on the
 * channel fetches the list again, so what is shown is what the server lets the person read.
 */
export function useNotifications(userId: string): Notifications {
  const [items, setItems] = useState<readonly NotificationView[]>([]);
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      fetchNotifications(controller.signal).then(
        (result) => {
          setItems(result.notifications);
          setUnread(result.unread);
        },
        (error: unknown) => {
          if (!controller.signal.aborted && !isNetworkError(error))
            console.warn("loading notifications failed", error);
        },
      );
    const doc = new Y.Doc();
    let provider: WebsocketProvider | null = null;
    let stopWatching: (() => void) | null = null;
    // The list first: it also makes sure the channel exists before it is opened.
    void load().then(() => {
      if (controller.signal.aborted) return;
      provider = new WebsocketProvider(`${wsOrigin()}/sync`, `user:${userId}`, doc, {
        disableBc: true,
        connect: false,
      });
      stopWatching = watchConnection(provider);
    });
    const root = doc.getMap(USER_DOC_ROOT);
    let seen: unknown = undefined;
    const onChange = () => {
      const count = root.get(USER_DOC_UNREAD_KEY);
      if (typeof count === "number") setUnread(count);
      const changed = root.get(USER_DOC_CHANGED_KEY);
      if (changed !== seen) {
        seen = changed;
        void load();
      }
    };
    root.observe(onChange);
    return () => {
      controller.abort();
      root.unobserve(onChange);
      stopWatching?.();
      if (provider) destroyProvider(provider);
      doc.destroy();
    };
  }, [userId]);

  const markRead = useCallback(async (ids: readonly string[] | null) => {
    try {
      setUnread(await markNotificationsRead(ids));
      setItems((current) =>
        current.map((item) =>
          ids === null || ids.includes(item.id) ? { ...item, read: true } : item,
        ),
      );
    } catch (error) {
      if (!isNetworkError(error)) console.warn("marking notifications read failed", error);
    }
  }, []);

  return { items, unread, markRead };
}
