import { ITEM_FIELDS } from "../../shared/editor";
import { formatDanishDate, formatHeaderDate, formatOfficers, hasFile } from "../../shared/model";
import type { AgendaItem } from "../../shared/model";
import type { ExportInput } from "./ExportInput";
import type {
  ExportAttachment,
  ExportField,
  ExportItem,
  ExportModel,
  ExportSection,
} from "./ExportModel";
import { EXPORT_LABELS, recordLines } from "./exportLabels";
import { childNodes, hasContent, proseMirrorToBlocks } from "./proseMirrorToBlocks";

/**
 * The one place where the public/internal rule is applied; every renderer draws from its
 * result. Deleted sections and items never appear (they have no number either). A closed item
 * (lukket punkt) keeps its number and title in every variant and is marked as closed; in a
 * public export it keeps nothing else: no case line, no body, no Beslutning, no bilag — not even
 * the bilag's file names. A bilag marked not public (`notPublic`), or known by name only
 * (`missingFile`), is left out of the public version the same way. Comments live in their own documents and are not part of the input.
 */
export function prepareExport(input: ExportInput): ExportModel {
  const { document, kind, variant } = input;
  const { meeting } = document;
  const sections: ExportSection[] = [];
  for (const section of meeting.agenda.sections) {
    const number = document.numbers[section.id];
    if (section.deleted || number === undefined) continue;
    const items: ExportItem[] = [];
    for (const item of section.items) {
      const itemNumber = document.numbers[item.id];
      if (item.deleted || itemNumber === undefined) continue;
      items.push(prepareItem(input, item, itemNumber));
    }
    sections.push({ id: section.id, number, title: section.title, items });
  }
  return {
    kind,
    variant,
    documentTitle: kind === "referat" ? EXPORT_LABELS.referat : EXPORT_LABELS.dagsorden,
    committee: document.committee.name,
    meetingTitle: meeting.title,
    date: meeting.date,
    dateText: formatDanishDate(meeting.date),
    timeText: meeting.endTime ? `${meeting.startTime}–${meeting.endTime}` : meeting.startTime,
    place: meeting.place,
    runningHeader: `${document.committee.name} | ${formatHeaderDate(meeting.date)}`,
    attendance: kind === "referat" ? attendanceOf(input) : null,
    sections,
    record: input.record ?? null,
    recordLines: input.record ? recordLines(input.record) : [],
  };
}

function prepareItem(input: ExportInput, item: AgendaItem, number: string): ExportItem {
  const body = input.document.bodies[item.id];
  const closed = item.closed || marksItselfClosed(body);
  const withheld = closed && input.variant === "public";
  const header = {
    id: item.id,
    number,
    title: item.title,
    closed,
    withheld,
  };
  if (withheld) return { ...header, caseLine: null, fields: [], attachments: [] };

  // The public version lists a bilag only if it has its file (a name alone has nothing to
  // publish) and the secretariat has not chosen to keep it out — then not even its name.
  const listed = item.attachments.filter(
    (attachment) => input.variant !== "public" || (hasFile(attachment) && !attachment.notPublic),
  );
  const attachments: ExportAttachment[] = listed.map((attachment, index) => ({
    id: attachment.id,
    number: index + 1,
    filename: attachment.filename,
    missingFile: !hasFile(attachment),
    contentType: hasFile(attachment) ? attachment.contentType : null,
    size: hasFile(attachment) ? attachment.size : null,
  }));
  const known = new Set(attachments.map((attachment) => attachment.id));
  const resolve = (id: string | null) => (id !== null && known.has(id) ? id : null);

  const fieldNodes = new Map<string, unknown>();
  for (const node of childNodes(body)) {
    const type = (node as { type?: unknown }).type;
    if (typeof type === "string" && !fieldNodes.has(type)) fieldNodes.set(type, node);
  }
  const fields: ExportField[] = ITEM_FIELDS.map((field) => ({
    name: field.name,
    label: field.label,
    blocks: proseMirrorToBlocks(childNodes(fieldNodes.get(field.name)), resolve),
  }));
  if (input.kind === "referat") {
    const blocks = proseMirrorToBlocks(input.beslutninger[item.id] ?? [], resolve);
    // Who left for this item is part of its decision record, under the Beslutning.
    const notPresent = input.document.meeting.attendance?.notPresentForItem[item.id] ?? [];
    if (notPresent.length > 0) {
      const text = `${EXPORT_LABELS.notPresentForItem}: ${notPresent.join(", ")}.`;
      blocks.push({
        type: "paragraph",
        content: [{ type: "text", text, bold: false, italic: true, href: null }],
      });
    }
    fields.push({ name: "beslutning", label: EXPORT_LABELS.beslutning, blocks });
  }
  return {
    ...header,
    caseLine: caseLine(item),
    fields: fields.filter((field) => hasContent(field.blocks)),
    attachments,
  };
}

const CLOSED_MARKER = /^\(?lukket punkt\)?\.?$/i;

/**
 * Whether an item's body says it is closed: a paragraph "Lukket punkt" of its own, as imports
 * made before closed items were recognised left our exports' marker in the text. Such an item is
 * treated as closed, so its body can never be published by mistake.
 */
function marksItselfClosed(body: unknown): boolean {
  return childNodes(body).some((field) =>
    childNodes(field).some(
      (block) =>
        (block as { type?: unknown }).type === "paragraph" &&
        CLOSED_MARKER.test(inlineText(block).trim()),
    ),
  );
}

function inlineText(node: unknown): string {
  return childNodes(node)
    .map((child) => {
      const text = (child as { text?: unknown }).text;
      return typeof text === "string" ? text : "";
    })
    .join("");
}

/** The front page's attendance: the input's override, else the meeting's own; null when empty. */
function attendanceOf(input: ExportInput): ExportModel["attendance"] {
  const source = input.attendance ?? input.document.meeting.attendance;
  if (!source || (source.present.length === 0 && source.absent.length === 0)) return null;
  const substitutes = source.substitutes ?? [];
  const present = source.present.map((name) => {
    const replaces = substitutes.find((substitute) => substitute.name === name)?.replaces;
    return replaces ? `${name} (${EXPORT_LABELS.substituteFor} ${replaces})` : name;
  });
  return { present, absent: [...source.absent] };
}

/** "SAG-2025-03188 mlal/anjh", as printed under the item title. */
export function caseLine(item: Pick<AgendaItem, "caseNumber" | "officers">): string | null {
  const line = [item.caseNumber ?? "", formatOfficers(item.officers)]
    .filter((part) => part !== "")
    .join(" ");
  return line === "" ? null : line;
}
