import { useMemo } from "react";
import { useCommitteePeople } from "../api/useCommitteePeople";
import type { CommitteeMember } from "./AttendancePanel";

/**
 * The committee's members to pick attendance from; none while `committeeId` is null. Without
 * the list, attendance can still be typed by name under "Andre deltagere".
 */
export function useCommitteeMembers(committeeId: string | null): readonly CommitteeMember[] {
  const people = useCommitteePeople(committeeId);
  return useMemo(() => people.map(({ name, role }) => ({ name, role })), [people]);
}
