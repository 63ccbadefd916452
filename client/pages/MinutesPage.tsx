import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { formatDocName } from "../../shared/docName";
import { CloseCode } from "../../shared/protocol";
import type { Attendance, Meeting } from "../../shared/model/agenda";
import { EMPTY_ATTENDANCE, MEETING_PHASE_LABELS } from "../../shared/model/agenda";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { numberAgenda } from "../../shared/model/numberAgenda";
import { roleMay } from "../../shared/permissions";
import { useAnnouncer } from "../agenda/useAnnouncer";
import { ApiError } from "../api/apiFetch";
import { fetchMeetingDocument } from "../api/meetingsApi";
import type { CommitteeMembership, ProseMirrorJson } from "../api/meetingTypes";
import { saveAttendance } from "../api/phasesApi";
import type { SessionUser } from "../api/types";
import { meetingTimeText } from "../meetings/meetingTimeText";
import { MeetingSyncSession } from "../meetings/MeetingSyncSession";
import { AttendancePanel } from "../minutes/AttendancePanel";
import { useCommitteeMembers } from "../minutes/useCommitteeMembers";
import { indstillingText } from "../minutes/indstillingText";
import { MinutesItem } from "../minutes/MinutesItem";
import { MinutesStatus } from "../minutes/MinutesStatus";
import { MeetingActions } from "../phases/MeetingActions";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { RefusalNotice } from "../items/RefusalNotice";
import { ItemSyncSession } from "../sync/ItemSyncSession";
import { MeetingBreadcrumb } from "../meetings/MeetingBreadcrumb";
import { wsOrigin } from "../sync/wsOrigin";
import {
  fetchMeetingWithCommittee,
  pageLoadNotice,
  usePageLoad,
  type MeetingWithCommittee,
} from "./usePageLoad";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "../minutes/minutes.css";

interface MinutesPageProps {
  id: string;
  user: SessionUser;
  onUnauthenticated: () => void;
}

interface MinutesLoad extends MeetingWithCommittee {
  committeeName: string;
  bodies: Record<string, ProseMirrorJson | undefined>;
}

async function fetchMinutesPage(id: string, signal: AbortSignal): Promise<MinutesLoad> {
  const [loaded, document] = await Promise.all([
    fetchMeetingWithCommittee(id, signal),
    fetchMeetingDocument(id, signal),
  ]);
  return { ...loaded, committeeName: document.committee.name, bodies: document.bodies };
}

/** A final close of the minutes document, in the minutes' words (the generic ones say "punkt"). */
function minutesProblemText(code: number, fallback: string): string {
  if (code === CloseCode.forbidden) return "Du har ikke adgang til referatet.";
  if (code === CloseCode.unknownDocument) return "Referatet findes ikke (længere).";
  if (code === CloseCode.invalidUpdate) {
    return "Serveren afviste en ændring, der ikke passer til en beslutnings opbygning. Genindlæs siden.";
  }
  return `Referatet kan ikke følges live: ${fallback}`;
}

/**
 * Minutes mode: every item's Beslutning co-written live in `minutes:<meetingId>` (one Y.Doc,
 * one socket, one editor per item), attendance, the phase steps and exports. The secretariat
 * writes while the meeting is held; everyone else watches; the chair approves.
 */
export function MinutesPage({ id, user, onUnauthenticated }: MinutesPageProps) {
  const load = usePageLoad(id, fetchMinutesPage, onUnauthenticated);
  const [meetingSession, setMeetingSession] = useState<MeetingSyncSession | null>(null);
  const [minutesSession, setMinutesSession] = useState<ItemSyncSession | null>(null);

  // Both sessions are sockets that live as long as this effect (see ItemPage).
  useEffect(() => {
    const meeting = new MeetingSyncSession({ meetingId: id, wsOrigin: wsOrigin() });
    const minutes = new ItemSyncSession({
      docName: formatDocName("minutes", id),
      wsOrigin: wsOrigin(),
      readyWhen: "synced",
    });
    // oxlint-disable-next-line react/set-state-in-effect
    setMeetingSession(meeting);
    setMinutesSession(minutes);
    return () => {
      meeting.destroy();
      minutes.destroy();
      setMeetingSession(null);
      setMinutesSession(null);
    };
  }, [id]);

  const notice = pageLoadNotice(load, {
    failedText: "Referatet kunne ikke hentes. Prøv at genindlæse siden.",
    loadingText: "Henter referatet …",
    ready: meetingSession !== null && minutesSession !== null,
  });
  if (notice || load.status !== "loaded" || meetingSession === null || minutesSession === null) {
    return notice;
  }
  return (
    <MinutesWorkspace
      meetingSession={meetingSession}
      minutesSession={minutesSession}
      initial={load.value.meeting}
      committee={load.value.committee}
      committeeName={load.value.committeeName}
      bodies={load.value.bodies}
      user={user}
      onUnauthenticated={onUnauthenticated}
    />
  );
}

interface MinutesWorkspaceProps {
  meetingSession: MeetingSyncSession;
  minutesSession: ItemSyncSession;
  initial: Meeting;
  committee: CommitteeMembership | null;
  committeeName: string;
  bodies: Record<string, ProseMirrorJson | undefined>;
  user: SessionUser;
  onUnauthenticated: () => void;
}

function MinutesWorkspace(props: MinutesWorkspaceProps) {
  const { meetingSession, minutesSession, initial, committee, committeeName, bodies, user } = props;
  const { onUnauthenticated } = props;
  const live = useSyncExternalStore(meetingSession.subscribe, meetingSession.getSnapshot);
  const minutes = useSyncExternalStore(minutesSession.subscribe, minutesSession.getSnapshot);
  const meeting =
    live.meeting !== null && live.meeting.version >= initial.version ? live.meeting : initial;
  const role = committee?.role ?? null;
  const { message, announce } = useAnnouncer();
  const [activeItem, setActiveItem] = useState<string | null>(null);
  const [attendanceError, setAttendanceError] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const phase = meeting.phase;
  const attendance = meeting.attendance ?? EMPTY_ATTENDANCE;
  useDocumentTitle(`Referat: ${meeting.title}, ${formatDanishDate(meeting.date)}`);

  // Text the server refused (typed while the chair approved) stays shown for copying until
  // dismissed; the editors stay read-only after a refusal, as the item editors do.
  const [refusalDismissed, setRefusalDismissed] = useState(false);
  const editable =
    minutes.access === "write" &&
    minutes.problem === null &&
    minutes.ready &&
    minutes.refusal === null;
  const attendanceEditable =
    roleMay(role, "editAgenda") && (phase === "dagsorden_udsendt" || phase === "afholdt");
  const members = useCommitteeMembers(attendanceEditable ? meeting.committeeId : null);

  useEffect(() => {
    if (minutes.problem?.kind === "unauthenticated" || live.problem?.kind === "unauthenticated") {
      onUnauthenticated();
    }
  }, [minutes.problem, live.problem, onUnauthenticated]);

  // A phase change made elsewhere (the chair approving while the secretariat writes) is said
  // aloud; one made here is announced by the step itself.
  const shownPhase = useRef(phase);
  useEffect(() => {
    if (shownPhase.current === phase) return;
    shownPhase.current = phase;
    announce(
      phase === "referat_godkendt"
        ? "Referatet er godkendt og låst."
        : `Mødets fase er nu: ${MEETING_PHASE_LABELS[phase]}.`,
    );
  }, [phase, announce]);

  // A link to one item's Beslutning (#beslutning-<id>) scrolls there once the items are shown.
  useEffect(() => {
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    target?.scrollIntoView({ block: "start" });
  }, []);

  const onAttendanceChange = useCallback(
    async (next: Attendance, announcement: string): Promise<boolean> => {
      setAttendanceError(null);
      try {
        meetingSession.adopt(await saveAttendance(meeting.id, next));
        announce(announcement);
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) onUnauthenticated();
        console.error("saving attendance failed", error);
        setAttendanceError(
          error instanceof ApiError ? error.message : "Fremmødet kunne ikke gemmes. Prøv igen.",
        );
        return false;
      }
    },
    [meeting.id, meetingSession, announce, onUnauthenticated],
  );

  const onStepped = useCallback(
    (next: Meeting) => {
      meetingSession.adopt(next);
      shownPhase.current = next.phase;
    },
    [meetingSession],
  );
  // After a step, focus goes on from what it changed: the minutes' status.
  const focusStatus = useCallback(() => statusRef.current, []);

  // Readers see the minutes once approved; until then the server refuses them the document.
  const notYetForReaders = role === "laeser" && phase !== "referat_godkendt";
  const numbers = numberAgenda(meeting.agenda);
  const sections = meeting.agenda.sections.filter((section) => !section.deleted);
  const showClosed = role !== "laeser";

  return (
    <main className="page minutes-page" id="main">
      <MeetingBreadcrumb meeting={meeting} committee={committee} current="Referat" />
      <header className="minutes-header">
        <p className="minutes-committee">{committeeName}</p>
        <h1>Referat: {meeting.title}</h1>
        <p className="minutes-when">
          {meetingTimeText(meeting)}
          {meeting.place.trim() !== "" && <>, {meeting.place}</>}
        </p>
      </header>
      <MeetingActions
        meeting={meeting}
        role={role}
        announce={announce}
        onUnauthenticated={onUnauthenticated}
        onStepped={onStepped}
        focusAfterStep={focusStatus}
        onMinutesPage
      />
      <MinutesStatus
        ref={statusRef}
        phase={phase}
        meetingDate={meeting.date}
        role={role}
        access={minutes.access}
        saveState={minutes.saveState}
        approval={meeting.approval}
      />
      {minutes.refusal !== null && !refusalDismissed && (
        <RefusalNotice refusal={minutes.refusal} onDismiss={() => setRefusalDismissed(true)} />
      )}
      {minutes.problem?.kind === "final" && !notYetForReaders && (
        <p className="notice notice-error" role="alert">
          {minutesProblemText(minutes.problem.code, minutes.problem.message)}
        </p>
      )}
      {!live.connected && live.problem === null && (
        <p className="notice" role="status">
          Forbinder … Fase og fremmøde opdateres af sig selv, når forbindelsen er der.
        </p>
      )}
      {attendanceError !== null && (
        <p className="notice notice-error" role="alert">
          {attendanceError}
        </p>
      )}
      {(phase === "afholdt" || phase === "referat_godkendt" || attendanceEditable) && (
        <AttendancePanel
          attendance={attendance}
          members={members}
          editable={attendanceEditable}
          onChange={onAttendanceChange}
        />
      )}
      <div className="minutes-sections" hidden={notYetForReaders}>
        {sections.map((section) => {
          const items = section.items.filter(
            (item) => !item.deleted && (showClosed || !item.closed),
          );
          return (
            <section
              key={section.id}
              className="minutes-section"
              aria-labelledby={`section-heading-${section.id}`}
            >
              <h2 id={`section-heading-${section.id}`}>
                {numbers.get(section.id)}. {section.title}
              </h2>
              {items.length === 0 && <p className="muted">Ingen punkter.</p>}
              {items.map((item) => (
                <MinutesItem
                  key={item.id}
                  meetingId={meeting.id}
                  item={item}
                  number={numbers.get(item.id) ?? ""}
                  committeeName={committeeName}
                  indstilling={indstillingText(bodies[item.id])}
                  session={minutesSession}
                  user={user}
                  editable={editable}
                  active={activeItem === item.id}
                  onActivate={setActiveItem}
                  attendance={attendance}
                  attendanceEditable={attendanceEditable}
                  onAttendanceChange={onAttendanceChange}
                  announce={announce}
                />
              ))}
            </section>
          );
        })}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {message}
      </div>
    </main>
  );
}
