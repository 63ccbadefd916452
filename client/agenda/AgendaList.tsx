import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
} from "react";
import type { AgendaItem, Meeting } from "../../shared/model/agenda";
import { numberAgenda } from "../../shared/model/numberAgenda";
import type { ItemPresence } from "../meetings/MeetingSyncSession";
import { AgendaItemRow } from "./AgendaItemRow";
import { AgendaSectionHeader } from "./AgendaSectionHeader";
import { AddItemForm } from "./AddItemForm";
import { AddSectionForm } from "./AddSectionForm";
import {
  agendaWithItemAt,
  dropCommand,
  moveCommand,
  positionOf,
  stepPosition,
  visibleSections,
  type ItemPosition,
} from "./agendaMoves";
import type { DeletedEntry } from "./deletedEntry";
import { useOfficerCandidates } from "../officers/useOfficerCandidates";
import type { RunCommand } from "./useAgendaCommands";

interface AgendaListProps {
  meeting: Meeting;
  selectedItemId: string | null;
  /** The person may change the agenda (secretariat). */
  editable: boolean;
  /** Readers never see closed items. */
  showClosed: boolean;
  presence: ReadonlyMap<string, ItemPresence[]>;
  /** Whether to show the person that an item is past its deadline (`overdueFor`). */
  isOverdue: (item: AgendaItem) => boolean;
  run: RunCommand;
  announce: (text: string) => void;
  onDeleted: (entry: DeletedEntry) => void;
}

/** A keyboard move in progress: the item is lifted and shown where it would land. */
interface Grab {
  itemId: string;
  title: string;
  position: ItemPosition;
  dropping: boolean;
}

interface DropTarget {
  sectionId: string;
  /** Before the n-th visible item as shown; the section's item count: at its end. */
  beforeIndex: number;
}

const ITEM_DRAG_TYPE = "application/x-dagsorden-item";

/**
 * The agenda as numbered sections and items. The secretariat reorders items by dragging them
 * (native HTML5 drag and drop) or with the keyboard: on an item's move handle, Space lifts
 * it, arrow keys move it (across sections too), Space drops and Escape cancels; every step is
 * announced in a live region. Moves are `moveItem` commands; the numbers come from positions.
 */
export function AgendaList(props: AgendaListProps) {
  const { meeting, editable, run, announce } = props;
  const instructionsId = useId();
  const officerCandidates = useOfficerCandidates(editable ? meeting.committeeId : null);
  const [liftedItem, setGrab] = useState<Grab | null>(null);
  const [dragItemId, setDragItemId] = useState<string | null>(null);
  const [dropTarget, setDropTargetState] = useState<DropTarget | null>(null);
  // The drop reads the last dragover's target from here: state may not have rendered yet.
  const dropTargetRef = useRef<DropTarget | null>(null);
  const setDropTarget = (target: DropTarget | null) => {
    dropTargetRef.current = target;
    setDropTargetState(target);
  };
  const listRef = useRef<HTMLDivElement>(null);

  // Someone else may delete the lifted item: then there is nothing left to move.
  const grabGone =
    liftedItem !== null &&
    !liftedItem.dropping &&
    positionOf(meeting.agenda, liftedItem.itemId) === null;
  const grab = grabGone ? null : liftedItem;
  useEffect(() => {
    if (grabGone && liftedItem) {
      announce(`«${liftedItem.title}» er slettet af en anden og kan ikke flyttes.`);
    }
  }, [grabGone, liftedItem, announce]);

  const agenda = grab
    ? agendaWithItemAt(meeting.agenda, grab.itemId, grab.position)
    : meeting.agenda;
  const numbers = numberAgenda(agenda);
  const sections = visibleSections(agenda);

  // A lifted item moving into another section is a new element: keep the focus on its handle.
  useLayoutEffect(() => {
    if (!grab) return;
    const handle = listRef.current?.querySelector<HTMLElement>(
      `[data-move-handle="${CSS.escape(grab.itemId)}"]`,
    );
    if (handle && document.activeElement !== handle) handle.focus();
  }, [grab]);

  function placeText(itemId: string, position: ItemPosition): string {
    const preview = agendaWithItemAt(meeting.agenda, itemId, position);
    const number = numberAgenda(preview).get(itemId) ?? "";
    const section = preview.sections.find((s) => s.id === position.sectionId);
    return `${number}${section ? ` i ${section.title}` : ""}`;
  }

  async function drop(current: Grab) {
    const command = moveCommand(meeting.agenda, current.itemId, current.position);
    if (command === null) {
      setGrab(null);
      announce(`«${current.title}» er sluppet uden at være flyttet.`);
      return;
    }
    setGrab({ ...current, dropping: true });
    const result = await run(command);
    setGrab(null);
    announce(
      result
        ? `«${current.title}» er flyttet til ${placeText(current.itemId, current.position)}.`
        : `«${current.title}» kunne ikke flyttes.`,
    );
  }

  function onHandleKeyDown(event: KeyboardEvent<HTMLButtonElement>, itemId: string, title: string) {
    const key = event.key;
    if (grab === null || grab.itemId !== itemId) {
      if (key !== " " && key !== "Enter") return;
      event.preventDefault();
      const position = positionOf(meeting.agenda, itemId);
      if (position === null) return;
      setGrab({ itemId, title, position, dropping: false });
      announce(
        `«${title}» er løftet, på plads ${placeText(itemId, position)}. ` +
          "Brug pil op og pil ned til at flytte, mellemrum for at slippe, Escape for at fortryde.",
      );
      return;
    }
    if (grab.dropping) {
      event.preventDefault();
      return;
    }
    if (key === "ArrowUp" || key === "ArrowDown") {
      event.preventDefault();
      const next = stepPosition(
        meeting.agenda,
        itemId,
        grab.position,
        key === "ArrowUp" ? "up" : "down",
      );
      if (next === null) {
        announce(key === "ArrowUp" ? "Øverst på dagsordenen." : "Nederst på dagsordenen.");
        return;
      }
      setGrab({ ...grab, position: next });
      announce(`Plads ${placeText(itemId, next)}.`);
    } else if (key === " " || key === "Enter") {
      event.preventDefault();
      void drop(grab);
    } else if (key === "Escape") {
      event.preventDefault();
      setGrab(null);
      announce(`Flytning af «${title}» er fortrudt.`);
    } else if (key === "Tab") {
      setGrab(null);
      announce(`Flytning af «${title}» er fortrudt.`);
    }
  }

  // --- mouse: native drag and drop ---

  function onDragStart(event: DragEvent<HTMLLIElement>, itemId: string, title: string) {
    if (!editable || grab) {
      event.preventDefault();
      return;
    }
    event.dataTransfer.setData(ITEM_DRAG_TYPE, itemId);
    event.dataTransfer.setData("text/plain", title);
    event.dataTransfer.effectAllowed = "move";
    setDragItemId(itemId);
  }

  function onItemDragOver(event: DragEvent<HTMLLIElement>, sectionId: string, index: number) {
    if (dragItemId === null) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = "move";
    const box = event.currentTarget.getBoundingClientRect();
    const beforeIndex = event.clientY < box.top + box.height / 2 ? index : index + 1;
    const current = dropTargetRef.current;
    if (current?.sectionId !== sectionId || current.beforeIndex !== beforeIndex) {
      setDropTarget({ sectionId, beforeIndex });
    }
  }

  function onSectionDragOver(event: DragEvent<HTMLElement>, sectionId: string, count: number) {
    if (dragItemId === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const current = dropTargetRef.current;
    if (current?.sectionId !== sectionId || current.beforeIndex !== count) {
      setDropTarget({ sectionId, beforeIndex: count });
    }
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    if (dragItemId === null) return;
    event.preventDefault();
    const target = dropTargetRef.current;
    const itemId = dragItemId;
    setDragItemId(null);
    setDropTarget(null);
    if (target === null) return;
    const command = dropCommand(meeting.agenda, itemId, target.sectionId, target.beforeIndex);
    if (command === null) return;
    const title = visibleSections(meeting.agenda)
      .flatMap((section) => section.items)
      .find((item) => item.id === itemId)?.title;
    void run(command).then((result) => {
      if (result && title !== undefined) {
        announce(
          `«${title}» er flyttet til ${placeText(itemId, {
            sectionId: command.toSectionId,
            index: command.toIndex,
          })}.`,
        );
      }
    });
  }

  function onDragEnd() {
    setDragItemId(null);
    setDropTarget(null);
  }

  return (
    <div className="agenda-list" ref={listRef} data-dragging={dragItemId !== null || undefined}>
      {editable && (
        <p id={instructionsId} className="visually-hidden">
          Tryk mellemrum for at løfte punktet. Flyt det med pil op og pil ned, også til en anden
          sektion. Tryk mellemrum igen for at slippe det, eller Escape for at fortryde.
        </p>
      )}
      {grab && (
        // Seen by sighted keyboard users; screen readers hear the live region instead.
        <p className="move-hint" aria-hidden="true">
          Flytter punktet: pil op og ned flytter, mellemrum slipper, Escape fortryder.
        </p>
      )}
      {sections.length === 0 && <p className="muted">Dagsordenen har ingen sektioner endnu.</p>}
      {sections.map((section) => {
        const items = section.items.filter((item) => props.showClosed || !item.closed);
        const sectionNumber = numbers.get(section.id) ?? "";
        const dropAtEnd =
          dropTarget?.sectionId === section.id && dropTarget.beforeIndex === items.length;
        return (
          <section
            key={section.id}
            className="agenda-section"
            aria-labelledby={`section-heading-${section.id}`}
            data-section-id={section.id}
            onDragOver={(event) => onSectionDragOver(event, section.id, items.length)}
            onDrop={onDrop}
          >
            <AgendaSectionHeader
              meeting={meeting}
              section={section}
              number={sectionNumber}
              editable={editable}
              run={run}
              announce={announce}
              onDeleted={props.onDeleted}
            />
            {items.length === 0 ? (
              <p className={`agenda-empty${dropAtEnd ? " drop-here" : ""}`}>
                Ingen punkter i denne sektion.
              </p>
            ) : (
              <ol className={`agenda-items${dropAtEnd ? " drop-at-end" : ""}`}>
                {items.map((item, index) => (
                  <AgendaItemRow
                    key={item.id}
                    meetingId={meeting.id}
                    item={item}
                    number={numbers.get(item.id) ?? ""}
                    selected={item.id === props.selectedItemId}
                    editable={editable}
                    grabbed={grab?.itemId === item.id}
                    dragging={dragItemId === item.id}
                    dropBefore={
                      dropTarget?.sectionId === section.id && dropTarget.beforeIndex === index
                    }
                    overdue={props.isOverdue(item)}
                    presence={props.presence.get(item.id) ?? []}
                    instructionsId={instructionsId}
                    onHandleKeyDown={(event) => onHandleKeyDown(event, item.id, item.title)}
                    onDragStart={(event) => onDragStart(event, item.id, item.title)}
                    onDragOver={(event) => onItemDragOver(event, section.id, index)}
                    onDragEnd={onDragEnd}
                  />
                ))}
              </ol>
            )}
            {editable && (
              <AddItemForm
                sectionId={section.id}
                sectionLabel={`${sectionNumber}. ${section.title}`}
                candidates={officerCandidates}
                run={run}
                announce={announce}
              />
            )}
          </section>
        );
      })}
      {editable && <AddSectionForm run={run} announce={announce} />}
    </div>
  );
}
