import { useMemo } from "react";
import { mayBeOfficer } from "../../shared/permissions";
import { useCommitteePeople } from "../api/useCommitteePeople";

export interface OfficerCandidate {
  id: string;
  name: string;
  initials: string;
}

/**
 * The committee's members who may be an item's officers (everyone but readers), sorted by
 * name; empty while loading or when `committeeId` is null.
 */
export function useOfficerCandidates(committeeId: string | null): readonly OfficerCandidate[] {
  const people = useCommitteePeople(committeeId);
  return useMemo(
    () =>
      people
        .filter((person) => mayBeOfficer(person.role))
        .map(({ id, name, initials }) => ({ id, name, initials }))
        .sort((a, b) => a.name.localeCompare(b.name, "da")),
    [people],
  );
}
