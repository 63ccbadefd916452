import {
  lazy,
  useCallback,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import type { AgendaItem, Meeting } from "../../shared/model/agenda";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { isRecordFrozen, roleMay } from "../../shared/permissions";
import { AgendaList } from "../agenda/AgendaList";
import type { DeletedEntry } from "../agenda/deletedEntry";
import { localToday, overdueFor } from "../agenda/isOverdue";
import { useAgendaCommands } from "../agenda/useAgendaCommands";
import { useAnnouncer } from "../agenda/useAnnouncer";
import { visibleSections } from "../agenda/agendaMoves";
import type { CommitteeMembership } from "../api/meetingTypes";
import type { SessionUser } from "../api/types";
import { MeetingHeader } from "../meetings/MeetingHeader";
import type { MeetingSyncSession } from "../meetings/MeetingSyncSession";
import { useMeetingSession } from "../meetings/meetingSessions";
import { MeetingActions } from "../phases/MeetingActions";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { MeetingBreadcrumb } from "../meetings/MeetingBreadcrumb";
import { LazyBoundary } from "../routing/LazyBoundary";
import { loadChunk } from "../routing/loadChunk";
import { fetchMeetingWithCommittee, pageLoadNotice, usePageLoad } from "./usePageLoad";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "../agenda/agenda.css";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "../meetings/meetings.css";

// The open item brings the editor; the agenda alone does not need it.
const MeetingItemPanel = lazy(async () => ({
  default: (await loadChunk(import("../meetings/MeetingItemPanel"))).MeetingItemPanel,
}));

const loadingItem = (
  <section className="item-pane item-pane-empty" aria-label="Punkt">
    <p className="muted" role="status">
      Henter punktet …
    </p>
  </section>
);

function itemFrame(notice: ReactNode) {
  return (
    <section className="item-pane item-pane-empty" aria-label="Punkt">
      {notice}
    </section>
  );
}

interface MeetingPageProps {
  id: string;
  /** The item open on the right, or null. */
  itemId: string | null;
  user: SessionUser;
  onUnauthenticated: () => void;
}

/** A meeting: its live agenda on the left, the open item on the right. */
export function MeetingPage({ id, itemId, user, onUnauthenticated }: MeetingPageProps) {
  const load = usePageLoad(id, fetchMeetingWithCommittee, onUnauthenticated);
  // The page's one connection to the meeting, shared with the open item's live status.
  const session = useMeetingSession(id);

  const notice = pageLoadNotice(load, {
    failedText: "Mødet kunne ikke hentes. Prøv at genindlæse siden.",
    loadingText: "Henter mødet …",
    ready: session !== null,
  });
  if (notice || load.status !== "loaded" || session === null) return notice;
  return (
    <MeetingWorkspace
      session={session}
      initial={load.value.meeting}
      committee={load.value.committee}
      itemId={itemId}
      user={user}
      onUnauthenticated={onUnauthenticated}
    />
  );
}

interface MeetingWorkspaceProps {
  session: MeetingSyncSession;
  initial: Meeting;
  committee: CommitteeMembership | null;
  itemId: string | null;
  user: SessionUser;
  onUnauthenticated: () => void;
}

function MeetingWorkspace(props: MeetingWorkspaceProps) {
  const { session, initial, committee, itemId, user, onUnauthenticated } = props;
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const presence = useSyncExternalStore(session.subscribePresence, session.getPresence);
  const live = snapshot.meeting;
  const meeting = live !== null && live.version >= initial.version ? live : initial;
  const role = committee?.role ?? null;
  // Approved minutes freeze the agenda too: no changes until they are reopened.
  const editable = roleMay(role, "editAgenda") && !isRecordFrozen(meeting.phase);
  const { run, error, clearError } = useAgendaCommands(meeting.id, session, onUnauthenticated);
  const { message, announce } = useAnnouncer();
  const [deleted, setDeleted] = useState<DeletedEntry | null>(null);
  const today = localToday();
  // Only those who can act on an item are told it is late (never readers).
  const showOverdue = (item: AgendaItem) =>
    overdueFor({ role, initials: user.initials }, item, meeting.deadline, today);
  useDocumentTitle(`${meeting.title}, ${formatDanishDate(meeting.date)}`);

  useEffect(() => {
    session.setPresence({ name: user.name, color: user.color, initials: user.initials }, itemId);
  }, [session, user, itemId]);

  useEffect(() => {
    if (snapshot.problem?.kind === "unauthenticated") onUnauthenticated();
  }, [snapshot.problem, onUnauthenticated]);

  const onDeleted = useCallback(
    (entry: DeletedEntry) => {
      setDeleted(entry);
      announce(`${entry.label} er slettet. Du kan fortryde.`);
    },
    [announce],
  );

  async function restore(entry: DeletedEntry) {
    const result = await run(
      entry.kind === "item"
        ? { type: "restoreItem", itemId: entry.id }
        : { type: "restoreSection", sectionId: entry.id },
    );
    if (result) {
      setDeleted(null);
      announce(`${entry.label} er gendannet.`);
    }
  }

  const overdueCount = visibleSections(meeting.agenda)
    .flatMap((section) => section.items)
    .filter((item) => showOverdue(item)).length;

  return (
    <main className="page page-wide meeting-page" id="main" data-item-open={itemId !== null}>
      <MeetingBreadcrumb meeting={meeting} committee={committee} />
      <MeetingHeader
        meeting={meeting}
        committeeName={committee?.name ?? ""}
        editable={editable}
        overdueCount={overdueCount}
        mayViewAudit={roleMay(role, "viewAudit")}
        run={run}
        announce={announce}
      />
      <MeetingActions
        meeting={meeting}
        role={role}
        announce={announce}
        onUnauthenticated={onUnauthenticated}
        onStepped={(stepped) => session.adopt(stepped)}
      />
      {snapshot.problem?.kind === "final" ? (
        <p className="notice notice-error" role="alert">
          Dagsordenen kan ikke følges live: {snapshot.problem.message}
        </p>
      ) : (
        !snapshot.connected && (
          <p className="notice connection-notice" role="status">
            Forbinder … Dagsordenen opdateres af sig selv, når forbindelsen er der.
          </p>
        )
      )}
      {error && (
        <div className="notice notice-error command-error" role="alert">
          <p>{error}</p>
          <button type="button" className="button button-small" onClick={clearError}>
            Luk
          </button>
        </div>
      )}
      {deleted && (
        <div className="notice undo-notice">
          <p>{deleted.label} er slettet.</p>
          <button
            type="button"
            className="button button-small"
            onClick={() => void restore(deleted)}
          >
            Fortryd
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => setDeleted(null)}
          >
            Luk
          </button>
        </div>
      )}
      <div className="meeting-layout">
        <section className="agenda-pane" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading" className="agenda-pane-heading">
            Dagsorden
          </h2>
          <AgendaList
            meeting={meeting}
            selectedItemId={itemId}
            editable={editable}
            showClosed={role !== "laeser"}
            presence={presence}
            isOverdue={showOverdue}
            run={run}
            announce={announce}
            onDeleted={onDeleted}
          />
        </section>
        {itemId ? (
          <LazyBoundary key={itemId} loading={loadingItem} frame={itemFrame}>
            <MeetingItemPanel
              meeting={meeting}
              itemId={itemId}
              user={user}
              role={role}
              editable={editable}
              isOverdue={showOverdue}
              run={run}
              announce={announce}
              onDeleted={onDeleted}
              onUnauthenticated={onUnauthenticated}
            />
          </LazyBoundary>
        ) : (
          <section className="item-pane item-pane-empty" aria-label="Punkt">
            <p className="muted">
              Vælg et punkt på dagsordenen for at læse{editable ? ", skrive og tilføje bilag" : ""}.
            </p>
          </section>
        )}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {message}
      </div>
    </main>
  );
}
