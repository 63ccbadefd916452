import { useEffect, useState } from "react";
import type { AgendaItem, AttachmentEntry } from "../../shared/model/agenda";
import { ApiError } from "../api/apiFetch";
import { fetchAttachments } from "../api/attachmentsApi";

/**
 * An item's bilag. The live agenda (`meeting:` document) carries them for open items; it is
 * shared with readers, so it never carries a closed item's. Those are fetched for the people who
 * may read the item, again whenever the meeting changes (an upload changes it too).
 */
export function useItemAttachments(
  item: AgendaItem | undefined,
  meetingVersion: number,
  onUnauthenticated: () => void,
): readonly AttachmentEntry[] {
  const [fetched, setFetched] = useState<{ itemId: string; list: AttachmentEntry[] } | null>(null);
  const closed = item?.closed ?? false;
  const itemId = item?.id ?? null;
  useEffect(() => {
    if (!closed || itemId === null) return;
    let current = true;
    fetchAttachments(itemId).then(
      (list) => {
        if (current) setFetched({ itemId, list });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) onUnauthenticated();
        else console.error("loading the closed item's bilag failed", error);
      },
    );
    return () => {
      current = false;
    };
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- a new meeting version may be a new bilag
  }, [closed, itemId, meetingVersion, onUnauthenticated]);
  if (item === undefined) return [];
  if (!closed) return item.attachments;
  return fetched?.itemId === item.id ? fetched.list : [];
}
