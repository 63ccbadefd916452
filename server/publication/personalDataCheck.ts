/**
 * Finds personal data in plain text before it is published: CPR numbers, e-mail addresses and
 * Danish phone numbers. It is a net for mistakes, not a guarantee: it errs towards finding
 * (a person looks at every finding), but it must stay quiet on what every agenda is full of —
 * case numbers (SAG-2025-01413), dates (03-09-2025, 2025-09-03), amounts (1.005.800 kr.,
 * 12.345.678), year ranges (2024-2027) and times (10.00-13.00).
 *
 * CPR: DDMMYY-XXXX or DDMMYYXXXX whose first six digits are a real calendar date, the century
 * taken from the seventh digit as the CPR office assigns it. No modulus-11 check: numbers issued
 * since 2007 need not pass it. Phone: eight digits starting with 2–9, optionally after +45 or
 * 0045, written 12345678, 1234 5678 or 12 34 56 78.
 */

import { ITEM_FIELDS } from "../../shared/editor";
import type { ItemFieldName } from "../../shared/editor";
import { hasFile } from "../../shared/model";
import type { AgendaItem } from "../../shared/model";
import type { ProseMirrorJson } from "../import";
import type { MeetingDocument } from "../meetings/readMeetingDocument";
import { proseMirrorText } from "./proseMirrorText";

export type PersonalDataKind = "cpr" | "email" | "phone";

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The text as found, e.g. "010190-1234". */
  match: string;
  /** Offset of the match in the text searched. */
  index: number;
  /** The match with some text either side, on one line, for showing the finding in place. */
  context: string;
}

const DIGIT_BEFORE = String.raw`(?<![\p{N}])(?<!\p{N}[.,])`;
const DIGIT_AFTER = String.raw`(?![\p{N}])(?![.,]\p{N})`;

/** Six digits, an optional hyphen (or the hyphens PDFs turn it into), four digits. */
const CPR = new RegExp(
  String.raw`${DIGIT_BEFORE}(\d{2})(\d{2})(\d{2})[-\u2010\u2011\u2013]?(\d{4})${DIGIT_AFTER}`,
  "gu",
);

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]*[\p{L}\p{N}_%+-])?@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

const SPACE = "[ \\u00a0]";
const PHONE = new RegExp(
  String.raw`${DIGIT_BEFORE}(?<!\p{N}${SPACE})(?<!\+)((?:\+|00)45${SPACE}?)?` +
    String.raw`([2-9]\d${SPACE}\d{2}${SPACE}\d{2}${SPACE}\d{2}|[2-9]\d{3}${SPACE}\d{4}|[2-9]\d{7})` +
    String.raw`${DIGIT_AFTER}(?!${SPACE}\p{N})`,
  "gu",
);

/** An amount: a number right before "kr.", "mio.", "%", … or right after "kr." or "DKK". */
const AMOUNT_AFTER = /^\s?(kr\b|kr\.|mio\b|mia\b|dkk\b|%|pct\b|procent\b)/iu;
const AMOUNT_BEFORE = /(\bkr\.?|\bdkk)\s?$/iu;

export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const add = (kind: PersonalDataKind, match: string, index: number) =>
    findings.push({ kind, match, index, context: contextOf(text, index, match.length) });

  for (const match of text.matchAll(CPR)) {
    const [whole, day, month, year, serial] = match;
    if (isCprDate(Number(day), Number(month), Number(year), Number(serial))) {
      add("cpr", whole, match.index);
    }
  }
  for (const match of text.matchAll(EMAIL)) add("email", match[0], match.index);
  for (const match of text.matchAll(PHONE)) {
    const number = match[2]!;
    const start = match.index;
    const end = start + match[0].length;
    if (AMOUNT_AFTER.test(text.slice(end, end + 10))) continue;
    if (AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 5), start))) continue;
    if (isTwoYears(number)) continue;
    // Ten digits that are a CPR number are that, not a phone number inside it.
    if (findings.some((f) => f.kind === "cpr" && f.index < end && start < f.index + f.match.length))
      continue;
    add("phone", match[0], start);
  }
  return findings.sort((first, second) => first.index - second.index);
}

/**
 * The century of a CPR number from its year and the first digit of its serial number, as the
 * CPR office assigns them; then whether day and month make a real date in that year.
 */
function isCprDate(day: number, month: number, yy: number, serial: number): boolean {
  const seventh = Math.floor(serial / 1000);
  let century: number;
  if (seventh <= 3) century = 1900;
  else if (seventh === 4 || seventh === 9) century = yy <= 36 ? 2000 : 1900;
  else century = yy <= 57 ? 2000 : 1800;
  const year = century + yy;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** "2024 2027": two years side by side in a table or a list, not a phone number. */
function isTwoYears(number: string): boolean {
  const groups = /^(\d{4})[ \u00a0](\d{4})$/u.exec(number);
  if (!groups) return false;
  return [groups[1], groups[2]].every((group) => /^(19|20)\d\d$/.test(group!));
}

const CONTEXT = 40;

function contextOf(text: string, index: number, length: number): string {
  const start = Math.max(0, index - CONTEXT);
  const end = Math.min(text.length, index + length + CONTEXT);
  const before = start > 0 ? "…" : "";
  const after = end < text.length ? "…" : "";
  return `${before}${text.slice(start, end)}${after}`.replace(/\s+/g, " ").trim();
}

export type CheckedField = "title" | ItemFieldName | "beslutning" | "bilag";

/** One finding where it is: the item, the field or bilag, and whether the public sees it. */
export interface LocatedFinding extends PersonalDataFinding {
  itemId: string;
  /** "2.3" */
  itemNumber: string;
  itemTitle: string;
  field: CheckedField;
  /** For findings in a bilag: which one, and its file name. */
  attachmentId?: string;
  attachmentName?: string;
  /**
   * Whether the text is in the public version. A closed item's title is; its body, Beslutning
   * and bilag are not — they are checked all the same, for the internal version.
   */
  published: boolean;
}

/**
 * Checks everything of a meeting that an export can hold: each item's title, its fields, its
 * Beslutning, and each bilag's file name and text (`attachmentTexts`, from
 * `extractAttachmentText`). Deleted sections and items are left out, as the exports leave them
 * out. Findings come in agenda order, then field order, then position in the text.
 */
export function checkMeetingForPersonalData(
  document: MeetingDocument,
  beslutninger: Record<string, ProseMirrorJson[]>,
  attachmentTexts: Record<string, string>,
): LocatedFinding[] {
  const findings: LocatedFinding[] = [];
  for (const { item, number } of agendaItems(document)) {
    const at = (field: CheckedField, text: string, extra: Partial<LocatedFinding> = {}) => {
      const published = extra.published ?? (field === "title" || !item.closed);
      for (const finding of findPersonalData(text)) {
        findings.push({
          ...finding,
          itemId: item.id,
          itemNumber: number,
          itemTitle: item.title,
          field,
          ...extra,
          published,
        });
      }
    };
    at("title", item.title);
    const fields = fieldNodes(document.bodies[item.id]);
    for (const field of ITEM_FIELDS) at(field.name, proseMirrorText(fields.get(field.name)));
    at("beslutning", proseMirrorText({ content: beslutninger[item.id] ?? [] }));
    for (const attachment of item.attachments) {
      const text = `${attachment.filename}\n${attachmentTexts[attachment.id] ?? ""}`;
      const extra = { attachmentId: attachment.id, attachmentName: attachment.filename };
      // A bilag without its file is listed in internal exports only.
      at("bilag", text, hasFile(attachment) ? extra : { ...extra, published: false });
    }
  }
  return findings;
}

/**
 * The bilag the check could not read: no text was given for them (an image, a spreadsheet, a
 * scanned PDF, a file that would not open). A person has to look at these before publishing.
 * Closed items' bilag are left out: they are not published.
 */
export function uncheckedAttachments(
  document: MeetingDocument,
  attachmentTexts: Record<string, string>,
): { itemId: string; itemNumber: string; attachmentId: string; filename: string }[] {
  return agendaItems(document).flatMap(({ item, number }) =>
    item.closed
      ? []
      : item.attachments
          .filter(hasFile)
          .filter((attachment) => (attachmentTexts[attachment.id] ?? "").trim() === "")
          .map((attachment) => ({
            itemId: item.id,
            itemNumber: number,
            attachmentId: attachment.id,
            filename: attachment.filename,
          })),
  );
}

function agendaItems(document: MeetingDocument): { item: AgendaItem; number: string }[] {
  return document.meeting.agenda.sections
    .filter((section) => !section.deleted)
    .flatMap((section) => section.items)
    .flatMap((item) => {
      const number = document.numbers[item.id];
      return item.deleted || number === undefined ? [] : [{ item, number }];
    });
}

function fieldNodes(body: unknown): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  const content = (body as { content?: unknown } | null)?.content;
  if (!Array.isArray(content)) return fields;
  for (const node of content) {
    const type = (node as { type?: unknown } | null)?.type;
    if (typeof type === "string" && !fields.has(type)) fields.set(type, node);
  }
  return fields;
}
