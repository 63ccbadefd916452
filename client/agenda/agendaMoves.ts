/**
 * Where an agenda item can go, as pure functions over the agenda the person sees. Positions
 * count visible (not deleted) sections and items, like the `moveItem` command: `index` is the
 * place the item takes in its target section once it has left its old one.
 */
import type { Agenda, AgendaItem, Section } from "../../shared/model/agenda";
import type { AgendaCommand } from "../../shared/model/agendaCommands";

export interface ItemPosition {
  sectionId: string;
  index: number;
}

type MoveItemCommand = Extract<AgendaCommand, { type: "moveItem" }>;

export function visibleSections(agenda: Agenda): Section[] {
  return agenda.sections
    .filter((section) => !section.deleted)
    .map((section) => ({ ...section, items: section.items.filter((item) => !item.deleted) }));
}

/** The item's visible section and index, or null when it is deleted or unknown. */
export function positionOf(agenda: Agenda, itemId: string): ItemPosition | null {
  for (const section of visibleSections(agenda)) {
    const index = section.items.findIndex((item) => item.id === itemId);
    if (index >= 0) return { sectionId: section.id, index };
  }
  return null;
}

/**
 * The command for dropping an item before the `beforeIndex`-th visible item of a section as
 * shown (the dragged item still in its old place; `beforeIndex` = count: at the end); null
 * when the drop leaves it where it is.
 */
export function dropCommand(
  agenda: Agenda,
  itemId: string,
  sectionId: string,
  beforeIndex: number,
): MoveItemCommand | null {
  const from = positionOf(agenda, itemId);
  if (from === null) return null;
  let toIndex = beforeIndex;
  if (from.sectionId === sectionId && beforeIndex > from.index) toIndex -= 1;
  if (from.sectionId === sectionId && toIndex === from.index) return null;
  return { type: "moveItem", itemId, toSectionId: sectionId, toIndex };
}

/**
 * One keyboard step up or down from a position: within the section, then across into the
 * end of the section above or the start of the section below (empty sections included, so an
 * item can be moved into them). Null at the agenda's top or bottom.
 */
export function stepPosition(
  agenda: Agenda,
  itemId: string,
  position: ItemPosition,
  direction: "up" | "down",
): ItemPosition | null {
  const sections = visibleSections(agenda);
  const sectionIndex = sections.findIndex((section) => section.id === position.sectionId);
  if (sectionIndex < 0) return null;
  // How many places a section offers to the moving item: its items without the item itself.
  const places = (section: Section) => section.items.filter((item) => item.id !== itemId).length;
  const current = sections[sectionIndex]!;
  if (direction === "up") {
    if (position.index > 0) return { sectionId: current.id, index: position.index - 1 };
    const above = sections[sectionIndex - 1];
    return above ? { sectionId: above.id, index: places(above) } : null;
  }
  if (position.index < places(current)) return { sectionId: current.id, index: position.index + 1 };
  const below = sections[sectionIndex + 1];
  return below ? { sectionId: below.id, index: 0 } : null;
}

/** The agenda with the item shown at a position (for a keyboard move not yet dropped). */
export function agendaWithItemAt(agenda: Agenda, itemId: string, position: ItemPosition): Agenda {
  const sections = agenda.sections.map((section) => ({ ...section, items: [...section.items] }));
  let moving: AgendaItem | undefined;
  for (const section of sections) {
    const index = section.items.findIndex((item) => item.id === itemId);
    if (index >= 0) [moving] = section.items.splice(index, 1);
  }
  const target = sections.find((section) => section.id === position.sectionId);
  if (!moving || !target) return agenda;
  // Insert so that it becomes the index-th visible item.
  let seen = 0;
  let at = target.items.length;
  for (let i = 0; i < target.items.length; i++) {
    if (target.items[i]!.deleted) continue;
    if (seen === position.index) {
      at = i;
      break;
    }
    seen += 1;
  }
  target.items.splice(at, 0, moving);
  return { sections };
}

/** The command that moves an item to a position; null when it is already there. */
export function moveCommand(
  agenda: Agenda,
  itemId: string,
  position: ItemPosition,
): MoveItemCommand | null {
  const from = positionOf(agenda, itemId);
  if (from === null) return null;
  if (from.sectionId === position.sectionId && from.index === position.index) return null;
  return { type: "moveItem", itemId, toSectionId: position.sectionId, toIndex: position.index };
}
