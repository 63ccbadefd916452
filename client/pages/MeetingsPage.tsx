import { useEffect, useState } from "react";
import { MEETING_PHASE_LABELS } from "../../shared/model/agenda";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { roleMay } from "../../shared/permissions";
import { ROLE_LABELS } from "../../shared/roles";
import { localToday } from "../agenda/isOverdue";
import { ApiError } from "../api/apiFetch";
import { fetchCommittees, fetchMeetings } from "../api/meetingsApi";
import type { CommitteeMembership, MeetingSummary } from "../api/meetingTypes";
import { ImportPanel } from "../import/ImportPanel";
import { danishClock } from "../meetings/meetingTimeText";
import { NewMeetingForm } from "../meetings/NewMeetingForm";
import { committeePath, meetingPath, previewPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { NotFoundPage } from "./NotFoundPage";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "../meetings/meetings.css";

interface MeetingsPageProps {
  /** One committee's meetings; null: every committee the person is a member of. */
  committeeId: string | null;
  onUnauthenticated: () => void;
}

interface CommitteeMeetings {
  committee: CommitteeMembership;
  meetings: MeetingSummary[];
}

type Load =
  | { status: "loading" }
  | { status: "loaded"; committees: CommitteeMeetings[] }
  | { status: "failed" };

/** The start page: each committee's upcoming and past meetings; new and imported meetings. */
export function MeetingsPage({ committeeId, onUnauthenticated }: MeetingsPageProps) {
  const [load, setLoad] = useState<Load>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const committees = (await fetchCommittees(controller.signal)).filter(
        (c) => committeeId === null || c.id === committeeId,
      );
      const lists = await Promise.all(
        committees.map(async (committee) => ({
          committee,
          meetings: await fetchMeetings(committee.id, controller.signal),
        })),
      );
      setLoad({ status: "loaded", committees: lists });
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
      console.error("loading meetings failed", error);
      setLoad({ status: "failed" });
    });
    return () => controller.abort();
  }, [committeeId, onUnauthenticated]);

  const single = committeeId !== null && load.status === "loaded" ? load.committees[0] : null;
  useDocumentTitle(single ? single.committee.name : "Møder");

  if (committeeId !== null && load.status === "loaded" && load.committees.length === 0) {
    return <NotFoundPage />;
  }

  return (
    <main className="page meetings-page" id="main">
      {committeeId !== null && (
        <nav className="breadcrumb" aria-label="Brødkrumme">
          <RouterLink href="/">Møder</RouterLink>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{single?.committee.name ?? "Udvalg"}</span>
        </nav>
      )}
      <div className="meetings-title">
        <h1>{single ? single.committee.name : "Møder"}</h1>
        <RouterLink href="/punkter">Alle punkter</RouterLink>
      </div>
      {load.status === "loading" && <p className="muted">Henter møder …</p>}
      {load.status === "failed" && (
        <p className="notice notice-error" role="alert">
          Møderne kunne ikke hentes. Prøv at genindlæse siden.
        </p>
      )}
      {load.status === "loaded" && load.committees.length === 0 && (
        <p>Du er ikke medlem af noget udvalg endnu. Sekretariatet kan give dig adgang.</p>
      )}
      {load.status === "loaded" &&
        load.committees.map((entry) => (
          <CommitteeSection
            key={entry.committee.id}
            entry={entry}
            headingLevel={single ? "none" : "h2"}
            onUnauthenticated={onUnauthenticated}
          />
        ))}
    </main>
  );
}

interface CommitteeSectionProps {
  entry: CommitteeMeetings;
  headingLevel: "h2" | "none";
  onUnauthenticated: () => void;
}

function CommitteeSection({ entry, headingLevel, onUnauthenticated }: CommitteeSectionProps) {
  const { committee, meetings } = entry;
  const [panel, setPanel] = useState<"none" | "new" | "import">("none");
  const today = localToday();
  const upcoming = meetings
    .filter((m) => m.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date));
  const past = meetings.filter((m) => m.date < today).sort((a, b) => b.date.localeCompare(a.date));
  const mayCreate = roleMay(committee.role, "createMeeting");
  const headingId = `committee-${committee.id}`;

  return (
    <section className="committee" aria-labelledby={headingId}>
      <div className="committee-head">
        {headingLevel === "h2" ? (
          <h2 id={headingId}>
            <RouterLink href={committeePath(committee.id)}>{committee.name}</RouterLink>
          </h2>
        ) : (
          <p id={headingId} className="visually-hidden">
            {committee.name}
          </p>
        )}
        <span className="role-note">Din rolle: {ROLE_LABELS[committee.role]}</span>
        {mayCreate && panel === "none" && (
          <span className="committee-actions">
            <button type="button" className="button button-primary" onClick={() => setPanel("new")}>
              Nyt møde
            </button>
            <button type="button" className="button" onClick={() => setPanel("import")}>
              Importér fra fil
            </button>
          </span>
        )}
      </div>
      {panel === "new" && (
        <NewMeetingForm
          committee={committee}
          onCancel={() => setPanel("none")}
          onUnauthenticated={onUnauthenticated}
        />
      )}
      {panel === "import" && (
        <ImportPanel
          committee={committee}
          onClose={() => setPanel("none")}
          onUnauthenticated={onUnauthenticated}
        />
      )}
      <MeetingList
        heading="Kommende møder"
        level={headingLevel === "h2" ? "h3" : "h2"}
        meetings={upcoming}
        empty="Ingen kommende møder."
      />
      <MeetingList
        heading="Tidligere møder"
        level={headingLevel === "h2" ? "h3" : "h2"}
        meetings={past}
        empty="Ingen tidligere møder."
      />
    </section>
  );
}

function MeetingList({
  heading,
  level,
  meetings,
  empty,
}: {
  heading: string;
  level: "h2" | "h3";
  meetings: MeetingSummary[];
  empty: string;
}) {
  const Heading = level;
  return (
    <div className="meeting-list-group">
      <Heading className="meeting-list-heading">{heading}</Heading>
      {meetings.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="meeting-list">
          {meetings.map((meeting) => (
            <li key={meeting.id} className="meeting-card">
              <RouterLink href={meetingPath(meeting.id)} className="meeting-card-link">
                <span className="meeting-card-date">{formatDanishDate(meeting.date)}</span>
                <span className="meeting-card-title">{meeting.title}</span>
              </RouterLink>
              <span className="meeting-card-meta">
                kl. {danishClock(meeting.startTime)}
                {meeting.place ? `, ${meeting.place}` : ""} ·{" "}
                {meeting.itemCount === 1 ? "1 punkt" : `${meeting.itemCount} punkter`}
              </span>
              <span className="phase-badge" data-phase={meeting.phase}>
                {MEETING_PHASE_LABELS[meeting.phase]}
              </span>
              <RouterLink href={previewPath(meeting.id)} className="meeting-card-preview">
                Vis dagsorden
                <span className="visually-hidden"> for {formatDanishDate(meeting.date)}</span>
              </RouterLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
