import type { DragEvent, KeyboardEvent } from "react";
import type { AgendaItem } from "../../shared/model/agenda";
import type { ItemPresence } from "../meetings/MeetingSyncSession";
import { meetingPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { ItemBadges } from "./ItemBadges";
import { PresenceDots } from "./PresenceDots";

interface AgendaItemRowProps {
  meetingId: string;
  item: AgendaItem;
  number: string;
  selected: boolean;
  editable: boolean;
  grabbed: boolean;
  dragging: boolean;
  dropBefore: boolean;
  overdue: boolean;
  presence: readonly ItemPresence[];
  instructionsId: string;
  onHandleKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onDragStart: (event: DragEvent<HTMLLIElement>) => void;
  onDragOver: (event: DragEvent<HTMLLIElement>) => void;
  onDragEnd: () => void;
}

/** One item of the agenda: its number and title (opening it on the right), badges, presence. */
export function AgendaItemRow(props: AgendaItemRowProps) {
  const { item, number, editable } = props;
  const classes = ["agenda-item"];
  if (props.selected) classes.push("is-selected");
  if (props.grabbed) classes.push("is-grabbed");
  if (props.dragging) classes.push("is-dragging");
  if (props.dropBefore) classes.push("drop-before");
  return (
    <li
      className={classes.join(" ")}
      data-item-id={item.id}
      draggable={editable}
      onDragStart={props.onDragStart}
      onDragOver={props.onDragOver}
      onDragEnd={props.onDragEnd}
    >
      {editable && (
        <button
          type="button"
          className="move-handle"
          data-move-handle={item.id}
          aria-label={`Flyt punkt ${number} ${item.title}`}
          aria-describedby={props.instructionsId}
          aria-pressed={props.grabbed}
          onKeyDown={props.onHandleKeyDown}
        >
          <HandleGlyph />
        </button>
      )}
      <RouterLink
        href={meetingPath(props.meetingId, item.id)}
        className="agenda-item-link"
        draggable={false}
        aria-current={props.selected ? "page" : undefined}
      >
        <span className="agenda-item-title">
          <span className="agenda-number">{number}.</span> {item.title}
        </span>
        <ItemBadges item={item} overdue={props.overdue} />
      </RouterLink>
      <PresenceDots people={props.presence} />
    </li>
  );
}

function HandleGlyph() {
  return (
    <svg viewBox="0 0 12 20" width="12" height="20" aria-hidden="true" focusable="false">
      {[4, 10, 16].map((y) => (
        <g key={y}>
          <circle cx="3.5" cy={y} r="1.6" fill="currentColor" />
          <circle cx="8.5" cy={y} r="1.6" fill="currentColor" />
        </g>
      ))}
    </svg>
  );
}
