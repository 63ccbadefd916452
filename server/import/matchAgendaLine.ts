/**
 * What one line of an agenda could be, by its shape alone: a section heading ("2. Regional-
 * politiske sager"), an item heading ("2.10. Title"), the case line under an item title
 * ("SAG-2025-00639 lar/chch/anjh"), a field heading ("Baggrund", "Beslutning i Økonomiudvalget
 * den 3. marts 2025"), or text. Whether a heading-shaped line really is one is decided from its
 * neighbours (findAgendaStructure); a numbered list in a field looks just like sections.
 */

export type FieldName = "baggrund" | "indstilling" | "sagsfremstilling" | "beslutning";

export type AgendaLine =
  | { kind: "section"; section: number; title: string }
  | { kind: "item"; section: number; item: number; title: string }
  | { kind: "case"; caseNumber: string; officers: string[]; rest: string }
  /** `rest`: text after "Beslutning:" on the heading's own line. */
  | { kind: "field"; field: FieldName; rest: string }
  /** "Lukket punkt" on a line of its own: the item is closed (our exports print it so). */
  | { kind: "closed" }
  /** "Bilag" on a line of its own: the item's list of bilag may follow. */
  | { kind: "attachments" }
  | { kind: "text" };

/** "2.2. Siden sidst (lukket punkt)": a title or contents entry marked closed. */
export const CLOSED_IN_TITLE = /\s*\(lukket punkt\)\s*$/i;
const CLOSED_LINE = /^\(?lukket punkt\)?\.?$/i;
const ATTACHMENTS_HEADING = /^(?:bilag|bilagsliste|bilagsoversigt)\s*:?$/i;
/**
 * One entry of a bilag list, as our exports ("– Bilag 2: notat.pdf") and published agendas
 * ("Bilag 2 - notat", "• notat.pdf") print them; group 1 is the name.
 */
const ATTACHMENT_ENTRY = /^(?:[–•-]\s*)?(?:bilag\s+\d{1,3}\s*[:.)–-]?\s+)(\S.*)$|^[–•-]\s+(\S.*)$/i;

const MISSING_FILE = /\s*\(fil mangler\)\s*$/i;

/** The bilag name of a list entry line, or null when the line is no entry. */
export function attachmentEntryName(text: string): string | null {
  const match = ATTACHMENT_ENTRY.exec(text.trim());
  // Our internal exports mark a bilag whose file was never uploaded.
  return match ? (match[1] ?? match[2]!).replace(MISSING_FILE, "").trim() : null;
}

const TITLE_START = /^["'«„“(]?[\p{Lu}\p{N}]/u;
const ITEM = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/;
const SECTION = /^(\d{1,2})\.\s+(\S.*)$/;
const KL_CASE = /^(SAG-\d{4}-\d{3,7})(?:\s+(.*))?$/i;
const LABELLED_CASE =
  /^(?:sagsnr|sags nr|sag nr|j\.? ?nr|journalnr)\.?:?\s*(\S*\d\S*)(?:\s+(.*))?$/i;
const OFFICER = /^\p{L}{2,5}$/u;
const FIELD_WORDS: Record<string, FieldName> = {
  // Municipal agendas open an item with a summary where KL's have Baggrund.
  resume: "baggrund",
  resumé: "baggrund",
  baggrund: "baggrund",
  indstilling: "indstilling",
  sagsfremstilling: "sagsfremstilling",
  beslutning: "beslutning",
};
const FIELD_HEADING =
  /^(Baggrund|Indstilling|Sagsfremstilling|Beslutning|Resum[eé]|BAGGRUND|INDSTILLING|SAGSFREMSTILLING|BESLUTNING|RESUM[EÉ])\s*(?::\s*(.*))?$/;
/** "Direktionens indstilling", "Forvaltningens indstilling". */
const OWNED_INDSTILLING = /^\p{Lu}\p{Ll}+s indstilling:?$/u;
/** "Beslutning i Økonomiudvalget den 3. marts 2025" and the like, without the sentence's period. */
const DATED_BESLUTNING = /^Beslutning (?:i|på|fra|truffet|den|d\.) .{1,90}$/;

export function matchAgendaLine(text: string): AgendaLine {
  if (CLOSED_LINE.test(text.trim())) return { kind: "closed" };
  if (ATTACHMENTS_HEADING.test(text.trim())) return { kind: "attachments" };
  const item = ITEM.exec(text);
  if (item && TITLE_START.test(item[3]!)) {
    return { kind: "item", section: Number(item[1]), item: Number(item[2]), title: item[3]! };
  }
  const section = SECTION.exec(text);
  if (section && TITLE_START.test(section[2]!) && section[2]!.length <= 120) {
    return { kind: "section", section: Number(section[1]), title: section[2]! };
  }
  const caseLine = KL_CASE.exec(text) ?? LABELLED_CASE.exec(text);
  if (caseLine) {
    const words = (caseLine[2] ?? "").split(/\s+/).filter((word) => word !== "");
    const officers = words.flatMap((word) => word.split(/[/,]/)).filter((part) => part !== "");
    if (officers.every((initials) => OFFICER.test(initials))) {
      return { kind: "case", caseNumber: caseLine[1]!, officers, rest: "" };
    }
    return { kind: "case", caseNumber: caseLine[1]!, officers: [], rest: words.join(" ") };
  }
  const heading = FIELD_HEADING.exec(text);
  if (heading) {
    const field = FIELD_WORDS[heading[1]!.toLowerCase()]!;
    return { kind: "field", field, rest: heading[2] ?? "" };
  }
  if (OWNED_INDSTILLING.test(text)) return { kind: "field", field: "indstilling", rest: "" };
  // A sentence ends in a period; a heading may only end in a date's.
  if (DATED_BESLUTNING.test(text) && (!/[.!?]$/.test(text) || /\d\.$/.test(text))) {
    return { kind: "field", field: "beslutning", rest: "" };
  }
  return { kind: "text" };
}
