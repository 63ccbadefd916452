import { useEffect } from "react";
import type { SessionUser } from "../api/types";
import { useMeetingSession } from "./meetingSessions";

/**
 * Tells everyone following the meeting (the agenda's "who is here") that this person has an
 * item open, for as long as the component lives — on the item page as on the meeting page.
 */
export function useMeetingPresence(
  meetingId: string | null,
  user: SessionUser,
  itemId: string | null,
): void {
  const session = useMeetingSession(meetingId);
  useEffect(() => {
    if (session === null) return;
    session.setPresence({ name: user.name, color: user.color, initials: user.initials }, itemId);
  }, [session, user, itemId]);
}
