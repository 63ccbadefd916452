import { useEffect, useState } from "react";
import { mayBeOfficer } from "../../shared/permissions";
import { isNetworkError } from "../api/apiFetch";
import { fetchPeople } from "../api/usersApi";

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
  const [loaded, setLoaded] = useState<{ committeeId: string; list: OfficerCandidate[] } | null>(
    null,
  );
  useEffect(() => {
    if (committeeId === null) return;
    const controller = new AbortController();
    fetchPeople(committeeId, controller.signal).then(
      (people) =>
        setLoaded({
          committeeId,
          list: people
            .filter((person) => mayBeOfficer(person.role))
            .map(({ id, name, initials }) => ({ id, name, initials }))
            .sort((a, b) => a.name.localeCompare(b.name, "da")),
        }),
      (error: unknown) => {
        if (!controller.signal.aborted && !isNetworkError(error))
          console.warn("loading the committee's members failed", error);
      },
    );
    return () => controller.abort();
  }, [committeeId]);
  return loaded !== null && loaded.committeeId === committeeId ? loaded.list : [];
}
