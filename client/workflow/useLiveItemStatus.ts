import { useEffect, useRef, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { formatDocName } from "../../shared/docName";
import type { ItemStatus } from "../../shared/model/agenda";
import {
  MEETING_DOC_ROOT,
  MEETING_DOC_STATE_KEY,
  type MeetingProjection,
} from "../../shared/model/meetingDoc";
import { syncOrigin } from "./syncOrigin";

function findStatus(meeting: MeetingProjection | undefined, itemId: string): ItemStatus | null {
  for (const section of meeting?.agenda.sections ?? []) {
    for (const item of section.items) if (item.id === itemId) return item.status;
  }
  return null;
}

/**
 * An item's workflow status as the meeting's live document says it: the server rewrites that
 * document after every accepted step, so everyone with the item open sees a step the moment it
 * is taken, whoever took it. Null until the document has arrived (or if it cannot be read).
 * `onChange` is called when a status arrives that differs from the last one.
 */
export function useLiveItemStatus(
  meetingId: string | null,
  itemId: string,
  onChange: (status: ItemStatus) => void,
): ItemStatus | null {
  const [live, setLive] = useState<{ meetingId: string; status: ItemStatus | null } | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (meetingId === null) return;
    const doc = new Y.Doc();
    // Read-only for every client: the stock provider only ever answers with empty updates.
    const provider = new WebsocketProvider(
      `${syncOrigin()}/sync`,
      formatDocName("meeting", meetingId),
      doc,
      { disableBc: true },
    );
    const root = doc.getMap(MEETING_DOC_ROOT);
    let last: ItemStatus | null = null;
    const read = () => {
      const status = findStatus(
        root.get(MEETING_DOC_STATE_KEY) as MeetingProjection | undefined,
        itemId,
      );
      setLive({ meetingId, status });
      if (status !== null && status !== last) {
        if (last !== null) onChangeRef.current(status);
        last = status;
      }
    };
    root.observe(read);
    return () => {
      root.unobserve(read);
      provider.destroy();
      doc.destroy();
    };
  }, [meetingId, itemId]);

  return live !== null && live.meetingId === meetingId ? live.status : null;
}
