import type {
  Agenda,
  AgendaItem,
  Attendance,
  MeetingDetails,
  MeetingPhase,
  MinutesApproval,
  Section,
} from "./agenda";
import type { AgendaCommand, InternalAgendaCommand } from "./agendaCommands";
import { hasFile } from "./agenda";
import { AgendaError } from "./agendaCommands";

export interface CommandContext {
  /** Makes ids for created sections and items. */
  newId: () => string;
}

export interface CommandResult {
  agenda: Agenda;
  details: Partial<MeetingDetails> & {
    phase?: MeetingPhase;
    attendance?: Attendance;
    approval?: MinutesApproval | null;
  };
  /** Id of the section or item the command created, if any. */
  createdId?: string;
}

/**
 * Applies one command to an agenda, purely: returns a new agenda (the input is not changed) or
 * throws `AgendaError`. Indexes in commands count visible (not deleted) entries — what the
 * person moving things sees.
 */
export function applyAgendaCommand(
  agenda: Agenda,
  command: AgendaCommand | InternalAgendaCommand,
  context: CommandContext,
): CommandResult {
  // Agendas are plain JSON data, so a JSON round trip is a faithful deep copy.
  const next = JSON.parse(JSON.stringify(agenda)) as Agenda;
  switch (command.type) {
    case "updateMeeting":
      return { agenda: next, details: command.details };
    case "createSection": {
      const section: Section = {
        id: context.newId(),
        title: command.title,
        items: [],
        deleted: false,
      };
      insertVisible(next.sections, section, command.index ?? visibleCount(next.sections));
      return { agenda: next, details: {}, createdId: section.id };
    }
    case "renameSection":
      liveSection(next, command.sectionId).title = command.title;
      return { agenda: next, details: {} };
    case "moveSection": {
      const section = liveSection(next, command.sectionId);
      next.sections.splice(next.sections.indexOf(section), 1);
      insertVisible(next.sections, section, command.toIndex);
      return { agenda: next, details: {} };
    }
    case "deleteSection":
      liveSection(next, command.sectionId).deleted = true;
      return { agenda: next, details: {} };
    case "restoreSection": {
      const section = findSection(next, command.sectionId);
      if (!section.deleted) throw new AgendaError("not_deleted", "Sektionen er ikke slettet");
      section.deleted = false;
      return { agenda: next, details: {} };
    }
    case "createItem": {
      const section = liveSection(next, command.sectionId);
      const item: AgendaItem = {
        id: context.newId(),
        title: command.title,
        caseNumber: command.caseNumber ?? null,
        officers: command.officers ?? [],
        status: "kladde",
        closed: command.closed ?? false,
        attachments: [],
        deleted: false,
        ...(command.deadline ? { deadline: command.deadline } : {}),
      };
      insertVisible(section.items, item, command.index ?? visibleCount(section.items));
      return { agenda: next, details: {}, createdId: item.id };
    }
    case "updateItem": {
      const { item } = liveItem(next, command.itemId);
      if (command.title !== undefined) item.title = command.title;
      if (command.caseNumber !== undefined) item.caseNumber = command.caseNumber;
      if (command.officers !== undefined) item.officers = command.officers;
      if (command.deadline !== undefined) item.deadline = command.deadline;
      if (command.closed !== undefined) item.closed = command.closed;
      return { agenda: next, details: {} };
    }
    case "moveItem": {
      const { item, section } = liveItem(next, command.itemId);
      const target = liveSection(next, command.toSectionId);
      section.items.splice(section.items.indexOf(item), 1);
      insertVisible(target.items, item, command.toIndex);
      return { agenda: next, details: {} };
    }
    case "deleteItem":
      liveItem(next, command.itemId).item.deleted = true;
      return { agenda: next, details: {} };
    case "restoreItem": {
      const { item, section } = findItem(next, command.itemId);
      if (!item.deleted) throw new AgendaError("not_deleted", "Punktet er ikke slettet");
      if (section.deleted) throw new AgendaError("section_deleted", "Gendan først sektionen");
      item.deleted = false;
      return { agenda: next, details: {} };
    }
    case "addAttachment": {
      // A file for a bilag known by name only takes its place; any other file is added last.
      const { attachments } = liveItem(next, command.itemId).item;
      const index = attachments.findIndex((entry) => entry.id === command.attachment.id);
      if (index < 0) attachments.push(command.attachment);
      else if (!hasFile(attachments[index]!)) attachments[index] = command.attachment;
      else throw new AgendaError("attachment_exists", "Bilaget har allerede en fil");
      return { agenda: next, details: {} };
    }
    case "replaceAttachment": {
      const { item } = liveItem(next, command.itemId);
      const index = item.attachments.findIndex((a) => a.id === command.attachment.id);
      const current = item.attachments[index];
      // A bilag known by name only gets its first file by upload into the entry, not by replacing.
      if (!current || !hasFile(current))
        throw new AgendaError("attachment_not_found", "Bilaget findes ikke");
      // Same id and place (its `./.` markers keep pointing at it), same publication choice.
      const notPublic = current.notPublic;
      item.attachments[index] = { ...command.attachment, ...(notPublic ? { notPublic } : {}) };
      return { agenda: next, details: {} };
    }
    case "setAttachmentPublic": {
      const { item } = findItem(next, command.itemId);
      const attachment = item.attachments.find((a) => a.id === command.attachmentId);
      // A bilag without its file is never published, so there is no choice to make for it.
      if (!attachment || !hasFile(attachment))
        throw new AgendaError("attachment_not_found", "Bilaget findes ikke");
      if (command.public) delete attachment.notPublic;
      else attachment.notPublic = true;
      return { agenda: next, details: {} };
    }
    case "removeAttachment": {
      const { item } = findItem(next, command.itemId);
      const index = item.attachments.findIndex((a) => a.id === command.attachmentId);
      if (index < 0) throw new AgendaError("attachment_not_found", "Bilaget findes ikke");
      item.attachments.splice(index, 1);
      return { agenda: next, details: {} };
    }
    case "setAttendance":
      return { agenda: next, details: { attendance: command.attendance } };
    case "setPhase":
      return { agenda: next, details: { phase: command.phase } };
    case "setApproval":
      return { agenda: next, details: { approval: command.approval } };
    case "setItemStatus":
      liveItem(next, command.itemId).item.status = command.status;
      return { agenda: next, details: {} };
  }
}

function visibleCount(entries: readonly { deleted: boolean }[]): number {
  return entries.filter((entry) => !entry.deleted).length;
}

/** Inserts so that the entry becomes the `index`-th visible one. */
function insertVisible<T extends { deleted: boolean }>(
  entries: T[],
  entry: T,
  index: number,
): void {
  const visible = visibleCount(entries);
  if (index > visible) {
    throw new AgendaError(
      "index_out_of_range",
      `Placering ${index + 1} findes ikke (højst ${visible + 1})`,
    );
  }
  let seen = 0;
  for (let position = 0; position < entries.length; position++) {
    if (entries[position]!.deleted) continue;
    if (seen === index) {
      entries.splice(position, 0, entry);
      return;
    }
    seen += 1;
  }
  entries.push(entry);
}

function findSection(agenda: Agenda, id: string): Section {
  const section = agenda.sections.find((s) => s.id === id);
  if (!section) throw new AgendaError("section_not_found", "Sektionen findes ikke");
  return section;
}

function liveSection(agenda: Agenda, id: string): Section {
  const section = findSection(agenda, id);
  if (section.deleted) throw new AgendaError("section_deleted", "Sektionen er slettet");
  return section;
}

function findItem(agenda: Agenda, id: string): { item: AgendaItem; section: Section } {
  for (const section of agenda.sections) {
    const item = section.items.find((i) => i.id === id);
    if (item) return { item, section };
  }
  throw new AgendaError("item_not_found", "Punktet findes ikke");
}

function liveItem(agenda: Agenda, id: string): { item: AgendaItem; section: Section } {
  const found = findItem(agenda, id);
  if (found.item.deleted || found.section.deleted)
    throw new AgendaError("item_deleted", "Punktet er slettet");
  return found;
}
