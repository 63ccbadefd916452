import { useEffect, useState, type ReactElement } from "react";
import { ApiError, isNetworkError } from "../api/apiFetch";
import { fetchCommittees, fetchMeeting } from "../api/meetingsApi";
import type { CommitteeMembership } from "../api/meetingTypes";
import type { Meeting } from "../../shared/model/agenda";
import { NotFoundPage } from "./NotFoundPage";

export type PageLoad<T> =
  | { status: "loading" }
  | { status: "loaded"; value: T }
  | { status: "notFound" }
  | { status: "failed" };

/**
 * What a page shows comes from the server: `load(id)` when `id` changes (aborting the previous
 * load), sending a signed-out person to the login, and telling 404 from other failures. `load`
 * should be a module-level function, so that it does not restart the load on every render.
 */
export function usePageLoad<T>(
  id: string,
  load: (id: string, signal: AbortSignal) => Promise<T>,
  onUnauthenticated: () => void,
): PageLoad<T> {
  const [state, setState] = useState<PageLoad<T>>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    load(id, controller.signal).then(
      (value) => setState({ status: "loaded", value }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        if (error instanceof ApiError && error.status === 404) {
          return setState({ status: "notFound" });
        }
        if (!isNetworkError(error)) console.error(`loading ${id} failed`, error);
        setState({ status: "failed" });
      },
    );
    return () => controller.abort();
  }, [id, load, onUnauthenticated]);

  return state;
}

/**
 * The page for a load that is not (yet) loaded: not found, failed with `failedText`, or
 * `loadingText` while it loads (or while `ready` is false); null once there is something to show.
 */
export function pageLoadNotice(
  load: PageLoad<unknown>,
  {
    failedText,
    loadingText,
    ready = true,
  }: { failedText: string; loadingText: string; ready?: boolean },
): ReactElement | null {
  if (load.status === "notFound") return <NotFoundPage />;
  if (load.status === "failed") {
    return (
      <main className="page" id="main">
        <p className="notice notice-error" role="alert">
          {failedText}
        </p>
      </main>
    );
  }
  if (load.status === "loading" || !ready) {
    return (
      <main className="page" id="main">
        <p className="muted">{loadingText}</p>
      </main>
    );
  }
  return null;
}

export interface MeetingWithCommittee {
  meeting: Meeting;
  committee: CommitteeMembership | null;
}

/** A meeting and the signed-in person's membership of its committee. */
export async function fetchMeetingWithCommittee(
  id: string,
  signal: AbortSignal,
): Promise<MeetingWithCommittee> {
  const [meeting, committees] = await Promise.all([
    fetchMeeting(id, signal),
    fetchCommittees(signal),
  ]);
  return { meeting, committee: committees.find((c) => c.id === meeting.committeeId) ?? null };
}
