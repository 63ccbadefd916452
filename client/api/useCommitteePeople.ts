import { useEffect, useState } from "react";
import { isNetworkError } from "./apiFetch";
import { fetchPeople } from "./usersApi";

export type CommitteePerson = Awaited<ReturnType<typeof fetchPeople>>[number];

const NONE: readonly CommitteePerson[] = [];

/**
 * The committee's active members with their roles (`GET …/people`); empty while loading, when
 * the request fails (the forms that use it still work without the list), or when `committeeId`
 * is null.
 */
export function useCommitteePeople(committeeId: string | null): readonly CommitteePerson[] {
  const [loaded, setLoaded] = useState<{
    committeeId: string;
    people: readonly CommitteePerson[];
  } | null>(null);
  useEffect(() => {
    if (committeeId === null) return;
    const controller = new AbortController();
    fetchPeople(committeeId, controller.signal).then(
      (people) => setLoaded({ committeeId, people }),
      (error: unknown) => {
        if (!controller.signal.aborted && !isNetworkError(error))
          console.warn("loading the committee's members failed", error);
      },
    );
    return () => controller.abort();
  }, [committeeId]);
  return loaded !== null && loaded.committeeId === committeeId ? loaded.people : NONE;
}
