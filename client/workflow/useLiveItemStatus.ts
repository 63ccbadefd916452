import { useEffect, useRef, useSyncExternalStore } from "react";
import type { ItemStatus, Meeting, MeetingPhase } from "../../shared/model/agenda";
import { useMeetingSession } from "../meetings/meetingSessions";
import type { MeetingSnapshot } from "../meetings/MeetingSyncSession";

function findStatus(meeting: Meeting | null, itemId: string): ItemStatus | null {
  for (const section of meeting?.agenda.sections ?? []) {
    for (const item of section.items) if (item.id === itemId) return item.status;
  }
  return null;
}

const NO_SNAPSHOT: MeetingSnapshot = { meeting: null, connected: false, problem: null };
const noSubscription = () => () => {};

/** What the meeting's live document says about one item: its status and the meeting's phase. */
export interface LiveItemState {
  status: ItemStatus | null;
  /** `referat_godkendt` freezes every item of the meeting (`isRecordFrozen`). */
  meetingPhase: MeetingPhase | null;
}

/**
 * An item's workflow status and its meeting's phase as the meeting's live document says them:
 * the server rewrites that document after every accepted step, so everyone with the item open
 * sees a step the moment it is taken, whoever took it. Read through the page's one connection to
 * the meeting. Nulls until the document has arrived (or if it cannot be read). `onChange` is
 * called when a status arrives that differs from the last one.
 */
export function useLiveItemStatus(
  meetingId: string | null,
  itemId: string,
  onChange: (status: ItemStatus) => void,
): LiveItemState {
  const session = useMeetingSession(meetingId);
  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getSnapshot ?? (() => NO_SNAPSHOT),
  );
  const status = findStatus(snapshot.meeting, itemId);
  const onChangeRef = useRef(onChange);
  const last = useRef<ItemStatus | null>(null);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    if (status === null || status === last.current) return;
    if (last.current !== null) onChangeRef.current(status);
    last.current = status;
  }, [status]);
  return { status, meetingPhase: snapshot.meeting?.phase ?? null };
}
