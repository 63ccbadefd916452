import type { MeetingPhase } from "../../shared/model/agenda";
import { meetingDayReached } from "../../shared/model/meetingDay";

/**
 * Whether the minutes are being taken or done: from the meeting day once the agenda is sent
 * (live, during the meeting), after the meeting is declared held, and once approved. The
 * server decides who may write (`docAccess`); this decides what the pages offer.
 */
export function minutesOpen(phase: MeetingPhase, meetingDate: string, now = new Date()): boolean {
  return (
    phase === "afholdt" ||
    phase === "referat_godkendt" ||
    (phase === "dagsorden_udsendt" && meetingDayReached(meetingDate, now))
  );
}
