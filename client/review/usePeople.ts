import { useEffect, useMemo, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { CommentThread } from "../../shared/model/comments";
import type { Role } from "../../shared/roles";
import { fetchMeetingForAudit } from "../api/auditApi";
import type { SessionUser } from "../api/types";
import { fetchMembers } from "../api/usersApi";

function awarenessPeople(awareness: Awareness): [string, string][] {
  const people: [string, string][] = [];
  for (const state of awareness.getStates().values()) {
    const user = (state as { user?: { id?: unknown; name?: unknown } }).user;
    if (typeof user?.id === "string" && typeof user.name === "string") {
      people.push([user.id, user.name]);
    }
  }
  return people;
}

/**
 * The people this page can name, by id: the committee's members for the secretariat (the only
 * role the members list is open to), and for everyone the people who have the item open and
 * those who have commented on it.
 */
export function usePeople(
  user: SessionUser,
  role: Role | null,
  meetingId: string | null,
  awareness: Awareness,
  threads: readonly CommentThread[],
): ReadonlyMap<string, string> {
  const [members, setMembers] = useState<[string, string][]>([]);
  const [present, setPresent] = useState(() => awarenessPeople(awareness));

  useEffect(() => {
    const refresh = () => setPresent(awarenessPeople(awareness));
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [awareness]);

  useEffect(() => {
    if (role !== "sekretariat" || meetingId === null) return;
    const controller = new AbortController();
    fetchMeetingForAudit(meetingId, controller.signal)
      .then(({ meeting }) => fetchMembers(meeting.committeeId, controller.signal))
      .then(
        (list) =>
          setMembers(
            list
              .filter((m) => m.user.active)
              .map((m): [string, string] => [m.user.id, m.user.name]),
          ),
        (error: unknown) => {
          if (!controller.signal.aborted) console.warn("loading committee members failed", error);
        },
      );
    return () => controller.abort();
  }, [role, meetingId]);

  return useMemo(() => {
    const people = new Map<string, string>(members);
    for (const [id, name] of present) people.set(id, name);
    for (const thread of threads) {
      for (const message of thread.messages) people.set(message.authorId, message.authorName);
    }
    people.set(user.id, user.name);
    return people;
  }, [members, present, threads, user]);
}
