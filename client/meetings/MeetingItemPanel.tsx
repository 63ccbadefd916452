import { useId, useState, type MouseEvent } from "react";
import type { AgendaItem, Meeting } from "../../shared/model/agenda";
import { hasFile } from "../../shared/model/agenda";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { numberAgenda } from "../../shared/model/numberAgenda";
import { positionOf, stepPosition, visibleSections } from "../agenda/agendaMoves";
import type { DeletedEntry } from "../agenda/deletedEntry";
import { ItemBadges } from "../agenda/ItemBadges";
import type { RunCommand } from "../agenda/useAgendaCommands";
import { attachmentUrl } from "../api/attachmentsApi";
import type { SessionUser } from "../api/types";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel";
import { useItemAttachments } from "../attachments/useItemAttachments";
import { ItemWorkspace } from "../items/ItemWorkspace";
import { useItemSession } from "../items/useItemSession";
import { caseLine } from "../pages/caseLine";
import { itemPath, meetingPath, navigate } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import type { Role } from "../../shared/roles";
import { isOfficerOf, isRecordFrozen, mayBeOfficer, mayHandOff } from "../../shared/permissions";
import { HandoffButton } from "../officers/HandoffButton";
import { useOfficerCandidates } from "../officers/useOfficerCandidates";
import { ItemHeaderForm } from "./ItemHeaderForm";

interface MeetingItemPanelProps {
  meeting: Meeting;
  itemId: string;
  user: SessionUser;
  /** The person's role in the meeting's committee. */
  role: Role | null;
  /** The person may change the agenda (secretariat). */
  editable: boolean;
  /** Whether to show the person that an item is past its deadline (`overdueFor`). */
  isOverdue: (item: AgendaItem) => boolean;
  run: RunCommand;
  announce: (text: string) => void;
  onDeleted: (entry: DeletedEntry) => void;
  onUnauthenticated: () => void;
}

/**
 * The open item on the meeting page: its header (edited in place by the secretariat), its
 * bilag, and the item's workspace — the same editor and review tools as the item page, laid
 * out so the text starts within the first screen.
 */
export function MeetingItemPanel(props: MeetingItemPanelProps) {
  const { meeting, itemId, editable, run, announce } = props;
  const headingId = useId();
  const [editingHeader, setEditingHeader] = useState(false);
  const [targetSection, setTargetSection] = useState("");
  // Officers are picked (secretariat) or handed on (officers) among these.
  const officerCandidates = useOfficerCandidates(
    mayBeOfficer(props.role) ? meeting.committeeId : null,
  );

  const sections = visibleSections(meeting.agenda);
  const section = sections.find((s) => s.items.some((i) => i.id === itemId));
  const item = section?.items.find((i) => i.id === itemId);
  // A reader never opens a closed item: the server would refuse it, and nothing of it is shown.
  const closedToReader = props.role === "laeser" && item?.closed === true;
  const attachments = useItemAttachments(
    closedToReader ? undefined : item,
    meeting.version,
    props.onUnauthenticated,
  );
  const { session, refusal, dismissRefusal } = useItemSession(
    item && !closedToReader ? itemId : null,
  );
  if (closedToReader) {
    return (
      <section className="item-pane item-pane-empty" aria-label="Punkt">
        <p className="notice" role="status" data-reason="item_closed">
          Punktet er et lukket punkt. Lukkede punkter kan ikke læses med din adgang.{" "}
          <RouterLink href={meetingPath(meeting.id)}>Luk punktet</RouterLink>
        </p>
      </section>
    );
  }
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
    if (!id || !attachments.some((a) => a.id === id && hasFile(a))) return;
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
        {item.deadline && (
          <p className="case-line item-deadline">
            Punktets frist for sagsfremstilling: {formatDanishDate(item.deadline)}
          </p>
        )}
        <ItemBadges item={item} overdue={props.isOverdue(item)} />
        <RouterLink href={itemPath(item.id)} className="item-pane-open">
          Åbn punktets side
        </RouterLink>
        <div className="item-pane-actions">
          {mayHandOff(props.role, isOfficerOf(props.user.initials, item.officers)) &&
            !isRecordFrozen(meeting.phase) && (
              <HandoffButton
                item={item}
                myInitials={props.user.initials}
                candidates={officerCandidates}
                announce={announce}
              />
            )}
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
          candidates={officerCandidates}
          meetingDeadline={meeting.deadline ?? null}
          run={run}
          onDone={(saved) => {
            setEditingHeader(false);
            if (saved) announce("Punktets oplysninger er gemt.");
          }}
        />
      )}
      {session && (
        <ItemWorkspace
          itemId={item.id}
          session={session}
          refusal={refusal}
          onDismissRefusal={dismissRefusal}
          user={props.user}
          label={heading}
          layout="pane"
          onUnauthenticated={props.onUnauthenticated}
          onTextClick={onBodyClick}
        >
          {(access, editor) => (
            <AttachmentsPanel
              itemId={item.id}
              attachments={attachments}
              canChange={access === "write"}
              editor={editor}
              announce={announce}
              onUnauthenticated={props.onUnauthenticated}
            />
          )}
        </ItemWorkspace>
      )}
    </section>
  );
}
