import { useEffect, useState } from "react";
import { fetchPeople } from "../api/usersApi";
import type { CommitteeMember } from "./AttendancePanel";

/** The committee's members to pick attendance from; none while `committeeId` is null. */
export function useCommitteeMembers(committeeId: string | null): readonly CommitteeMember[] {
  const [members, setMembers] = useState<{ committeeId: string; list: CommitteeMember[] } | null>(
    null,
  );
  useEffect(() => {
    if (committeeId === null) return;
    const controller = new AbortController();
    fetchPeople(committeeId, controller.signal).then(
      (people) =>
        setMembers({
          committeeId,
          list: people.map((person) => ({ name: person.name, role: person.role })),
        }),
      (error: unknown) => {
        // Without the list, attendance can still be typed by name under "Andre deltagere".
        if (!controller.signal.aborted)
          console.warn("loading the committee's members failed", error);
      },
    );
    return () => controller.abort();
  }, [committeeId]);
  return members !== null && members.committeeId === committeeId ? members.list : [];
}
