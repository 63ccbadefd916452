import { useEffect, useState } from "react";
import { wsOrigin } from "../sync/wsOrigin";
import { MeetingSyncSession } from "./MeetingSyncSession";

/**
 * One `meeting:<id>` connection per page, however many parts of the page follow the meeting
 * (the agenda, an item's live status, presence). Sessions are counted; one nobody uses is
 * closed after a grace period, so the next page (or StrictMode's second effect) takes it over
 * instead of opening another socket.
 */
const GRACE_MS = 1_000;

interface Entry {
  session: MeetingSyncSession;
  users: number;
  closing: ReturnType<typeof setTimeout> | null;
}

const open = new Map<string, Entry>();

function acquire(meetingId: string): MeetingSyncSession {
  let entry = open.get(meetingId);
  if (!entry) {
    entry = {
      session: new MeetingSyncSession({ meetingId, wsOrigin: wsOrigin() }),
      users: 0,
      closing: null,
    };
    open.set(meetingId, entry);
  }
  if (entry.closing !== null) clearTimeout(entry.closing);
  entry.closing = null;
  entry.users++;
  return entry.session;
}

function release(meetingId: string): void {
  const entry = open.get(meetingId);
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  entry.closing = setTimeout(() => {
    if (entry.users > 0) return;
    open.delete(meetingId);
    entry.session.destroy();
  }, GRACE_MS);
}

/** The page's session of a meeting (null `meetingId`: none), shared by everyone on the page. */
export function useMeetingSession(meetingId: string | null): MeetingSyncSession | null {
  const [session, setSession] = useState<MeetingSyncSession | null>(null);
  useEffect(() => {
    if (meetingId === null) return;
    // The shared session is an external system; see ItemPage for why it is set here.
    // oxlint-disable-next-line react/set-state-in-effect
    setSession(acquire(meetingId));
    return () => {
      release(meetingId);
      setSession(null);
    };
  }, [meetingId]);
  return session;
}
