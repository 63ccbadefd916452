import type { Meeting } from "../../shared/model/agenda";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import type { CommitteeMembership } from "../api/meetingTypes";
import { committeePath, meetingPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";

interface MeetingBreadcrumbProps {
  meeting: Pick<Meeting, "id" | "date">;
  committee: CommitteeMembership | null;
  /** A page under the meeting (e.g. "Referat"); without it the meeting is the current page. */
  current?: string;
}

/** Møder / committee / meeting date [/ page under the meeting]. */
export function MeetingBreadcrumb({ meeting, committee, current }: MeetingBreadcrumbProps) {
  const date = formatDanishDate(meeting.date);
  return (
    <nav className="breadcrumb" aria-label="Brødkrumme">
      <RouterLink href="/">Møder</RouterLink>
      <span aria-hidden="true"> / </span>
      {committee && (
        <>
          <RouterLink href={committeePath(committee.id)}>{committee.name}</RouterLink>
          <span aria-hidden="true"> / </span>
        </>
      )}
      {current === undefined ? (
        <span aria-current="page">{date}</span>
      ) : (
        <>
          <RouterLink href={meetingPath(meeting.id)}>{date}</RouterLink>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{current}</span>
        </>
      )}
    </nav>
  );
}
