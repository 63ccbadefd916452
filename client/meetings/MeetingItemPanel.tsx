import type { Editor } from "@tiptap/core";
import {
  useEffect,
  useId,
  useState,
  useSyncExternalStore,
  type MouseEvent,
  type ReactNode,
} from "react";
import { formatDocName } from "../../shared/docName";
import type { Meeting } from "../../shared/model/agenda";
import { numberAgenda } from "../../shared/model/numberAgenda";
import { positionOf, stepPosition, visibleSections } from "../agenda/agendaMoves";
import type { DeletedEntry } from "../agenda/deletedEntry";
import { ItemBadges } from "../agenda/ItemBadges";
import { isOverdue } from "../agenda/isOverdue";
import type { RunCommand } from "../agenda/useAgendaCommands";
import { attachmentUrl } from "../api/attachmentsApi";
import type { SessionUser } from "../api/types";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel";
import { ItemEditor } from "../editor/ItemEditor";
import { SaveStatus } from "../editor/SaveStatus";
import { caseLine } from "../pages/caseLine";
import { itemPath, meetingPath, navigate } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { ItemSyncSession } from "../sync/ItemSyncSession";
import { AccessNotice, useItemWorkflow, WorkflowBar } from "../workflow";
import { ItemHeaderForm } from "./ItemHeaderForm";
import { wsOrigin } from "../sync/wsOrigin";

interface MeetingItemPanelProps {
  meeting: Meeting;
  itemId: string;
  user: SessionUser;
  /** The person may change the agenda (secretariat). */
  editable: boolean;
  today: string;
  run: RunCommand;
  announce: (text: string) => void;
  onDeleted: (entry: DeletedEntry) => void;
  onUnauthenticated: () => void;
}

/**
 * The open item on the meeting page: its header (edited in place by the secretariat), its
 * bilag, and the co-written body in the same editor as the item page.
 */
export function MeetingItemPanel(props: MeetingItemPanelProps) {
  const { meeting, itemId, editable, run, announce } = props;
  const headingId = useId();
  const [session, setSession] = useState<ItemSyncSession | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [editingHeader, setEditingHeader] = useState(false);
  const [targetSection, setTargetSection] = useState("");

  useEffect(() => {
    const created = new ItemSyncSession({
      docName: formatDocName("item", itemId),
      wsOrigin: wsOrigin(),
    });
    // The session (sockets, IndexedDB) lives as long as this effect; see ItemPage.
    // oxlint-disable-next-line react/set-state-in-effect
    setSession(created);
    return () => {
      created.destroy();
      setSession(null);
    };
  }, [itemId]);

  const sections = visibleSections(meeting.agenda);
  const section = sections.find((s) => s.items.some((i) => i.id === itemId));
  const item = section?.items.find((i) => i.id === itemId);
  if (!section || !item) {
    return (
      <section className="item-pane item-pane-empty" aria-label="Punkt">
        <p className="notice" role="status">
          Punktet findes ikke (længere) på denne dagsorden.{" "}
          <RouterLink href={meetingPath(meeting.id)}>Luk punktet</RouterLink>
        </p>
      </section>
    );
  }

  const numbers = numberAgenda(meeting.agenda);
  const number = numbers.get(item.id) ?? "";
  const heading = `${number}. ${item.title}`;
  const position = positionOf(meeting.agenda, item.id);
  const up = position && stepPosition(meeting.agenda, item.id, position, "up");
  const down = position && stepPosition(meeting.agenda, item.id, position, "down");

  async function moveTo(to: { sectionId: string; index: number }, how: string) {
    const result = await run({
      type: "moveItem",
      itemId,
      toSectionId: to.sectionId,
      toIndex: to.index,
    });
    if (!result) return;
    const after = numberAgenda(result.meeting.agenda).get(itemId);
    announce(`«${item!.title}» er flyttet ${how}${after ? ` og er nu punkt ${after}` : ""}.`);
  }

  async function remove() {
    const result = await run({ type: "deleteItem", itemId });
    if (!result) return;
    props.onDeleted({ kind: "item", id: itemId, label: `Punkt ${heading}` });
    navigate(meetingPath(meeting.id));
  }

  // A `./.` marker in the text downloads its bilag when clicked.
  function onBodyClick(event: MouseEvent<HTMLDivElement>) {
    const marker = (event.target as HTMLElement).closest<HTMLElement>("[data-attachment-marker]");
    const id = marker?.dataset.attachmentId;
    if (!id || !item!.attachments.some((a) => a.id === id)) return;
    const link = document.createElement("a");
    link.href = attachmentUrl(id);
    link.download = marker.dataset.label ?? "";
    link.click();
  }

  return (
    <section className="item-pane" aria-labelledby={headingId}>
      <header className="item-pane-header">
        <h2 id={headingId}>{heading}</h2>
        {caseLine(item) !== "" && <p className="case-line">{caseLine(item)}</p>}
        <ItemBadges item={item} overdue={isOverdue(item, meeting.deadline, props.today)} />
        <div className="item-pane-actions">
          <RouterLink href={itemPath(item.id)} className="button button-small">
            Åbn punktets side
          </RouterLink>
          {editable && !editingHeader && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setEditingHeader(true)}
            >
              Ret oplysninger
            </button>
          )}
          {editable && (
            <>
              <button
                type="button"
                className="button button-small"
                disabled={!up}
                onClick={() => up && void moveTo(up, "op")}
              >
                Flyt op
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={!down}
                onClick={() => down && void moveTo(down, "ned")}
              >
                Flyt ned
              </button>
              <span className="move-to-section">
                <label htmlFor={`${headingId}-section`} className="visually-hidden">
                  Flyt til sektion
                </label>
                <select
                  id={`${headingId}-section`}
                  value={targetSection}
                  onChange={(event) => setTargetSection(event.target.value)}
                >
                  <option value="">Flyt til sektion …</option>
                  {sections
                    .filter((s) => s.id !== section.id)
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {numbers.get(s.id)}. {s.title}
                      </option>
                    ))}
                </select>
                <button
                  type="button"
                  className="button button-small"
                  disabled={targetSection === ""}
                  onClick={() => {
                    const target = sections.find((s) => s.id === targetSection);
                    if (!target) return;
                    setTargetSection("");
                    void moveTo(
                      { sectionId: target.id, index: target.items.length },
                      `til ${target.title}`,
                    );
                  }}
                >
                  Flyt
                </button>
              </span>
              <button
                type="button"
                className="button button-small button-danger"
                onClick={() => void remove()}
              >
                Slet punkt
              </button>
            </>
          )}
        </div>
      </header>
      {editingHeader && (
        <ItemHeaderForm
          item={item}
          run={run}
          onDone={(saved) => {
            setEditingHeader(false);
            if (saved) announce("Punktets oplysninger er gemt.");
          }}
        />
      )}
      {session && (
        <ItemBody
          itemId={item.id}
          session={session}
          user={props.user}
          label={heading}
          onEditorChange={setEditor}
          onBodyClick={onBodyClick}
          onUnauthenticated={props.onUnauthenticated}
        >
          {(access) => (
            <AttachmentsPanel
              itemId={item.id}
              attachments={item.attachments}
              canChange={access === "write"}
              editor={access === "write" ? editor : null}
              announce={announce}
              onUnauthenticated={props.onUnauthenticated}
            />
          )}
        </ItemBody>
      )}
    </section>
  );
}

interface ItemBodyProps {
  itemId: string;
  session: ItemSyncSession;
  user: SessionUser;
  label: string;
  onEditorChange: (editor: Editor | null) => void;
  onBodyClick: (event: MouseEvent<HTMLDivElement>) => void;
  onUnauthenticated: () => void;
  children: (access: string | null) => ReactNode;
}

/** Workflow, bilag, save status, access notices and the editor, as on the item page. */
function ItemBody(props: ItemBodyProps) {
  const { session } = props;
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const { access, problem, ready, saveState } = snapshot;
  const { onUnauthenticated } = props;
  const workflow = useItemWorkflow(props.itemId, session, onUnauthenticated);

  useEffect(() => {
    if (problem?.kind === "unauthenticated") onUnauthenticated();
  }, [problem, onUnauthenticated]);

  const editable = access === "write" && problem === null;
  return (
    <div className="item-pane-body" data-access={access ?? "unknown"}>
      {/* Status and the workflow steps this person may take (the item page has the same). */}
      <WorkflowBar workflow={workflow} />
      {props.children(problem === null ? access : null)}
      <div className="item-statusbar">
        <SaveStatus state={saveState} />
      </div>
      {problem?.kind === "final" && (
        <p className="notice notice-error" role="alert">
          {problem.message}
        </p>
      )}
      {problem === null && <AccessNotice access={access} status={workflow.status} />}
      {/* Clicks on ./. markers download their bilag; keyboard users have the list above. */}
      <div className="marker-links" onClick={props.onBodyClick}>
        {ready ? (
          <ItemEditor
            session={session}
            user={props.user}
            editable={editable}
            label={props.label}
            onEditorChange={props.onEditorChange}
          />
        ) : (
          <p className="muted loading">
            {saveState.connection === "connected"
              ? "Henter punktets tekst …"
              : "Punktets tekst kan ikke hentes, før der er forbindelse til serveren."}
          </p>
        )}
      </div>
    </div>
  );
}
