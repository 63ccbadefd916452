import type { Block } from "./Block";
import { blocksToProseMirror } from "./blocksToProseMirror";
import { blocksToText } from "./blocksToText";
import { buildBlocks } from "./buildBlocks";
import { dehyphenate } from "./dehyphenate";
import { findAgendaStructure } from "./findAgendaStructure";
import type { AgendaStructure, ItemSkeleton } from "./findAgendaStructure";
import { findMeetingInfo } from "./findMeetingInfo";
import { contentsConfirmed, findTableOfContents } from "./findTableOfContents";
import { importFailure } from "./ImportError";
import type { ImportResult } from "./ImportError";
import { attachmentEntryName } from "./matchAgendaLine";
import type { FieldName } from "./matchAgendaLine";
import type { ItemFieldTexts, ParsedItem, ParsedMeeting } from "./ParsedMeeting";
import { removePageNoise } from "./removePageNoise";
import { splitSourceLines } from "./splitSourceLines";
import type { SourceLine } from "./splitSourceLines";
import { tokenizeLines } from "./tokenizeLines";
import type { LineMode, Token } from "./tokenizeLines";

/**
 * The import parser: the extracted text of an agenda or minutes (from a PDF, a Word document or
 * a text file) to the meeting model. Each step is its own module:
 *
 * 1. splitSourceLines — lines, characters made uniform, blank lines told apart;
 * 2. removePageNoise — running headers, page numbers, stray link lines out;
 * 3. findTableOfContents — a contents list before the agenda out, if the agenda bears it out;
 * 4. tokenizeLines — text lines and paragraph breaks, after detecting how the text was spaced;
 * 5. findAgendaStructure — sections, items, case lines and fields;
 * 6. buildBlocks — each field's paragraphs, lists and sub-headings, de-hyphenated;
 * 7. findMeetingInfo — committee, meeting date, agenda or minutes.
 *
 * Doubts become Danish warnings in the result; a text with no agenda in it is an error, never
 * an empty result.
 */

export interface ParseOptions {
  /** What a line is, when the reader knows (a PDF's lines are printed lines); detected otherwise. */
  lineMode?: LineMode;
}

const FIELD_LABELS: Record<FieldName, string> = {
  baggrund: "Baggrund",
  indstilling: "Indstilling",
  sagsfremstilling: "Sagsfremstilling",
  beslutning: "Beslutning",
};
const BODY_FIELDS = ["baggrund", "indstilling", "sagsfremstilling"] as const;

export function parseAgendaText(
  text: string,
  options: ParseOptions = {},
): ImportResult<ParsedMeeting> {
  if (text.trim() === "") return importFailure("import_empty", "Filen indeholder ingen tekst.");
  const noise = removePageNoise(splitSourceLines(text));
  const contents = findTableOfContents(noise.lines);
  let reading = readStructure(contents.without, options.lineMode);
  let onlyContents = false;
  if (contents.numbers.length > 0 && !confirms(contents.numbers, reading.structure)) {
    // No agenda after the contents repeats their numbers: they were the agenda.
    reading = readStructure(contents.kept, options.lineMode);
    onlyContents = true;
  }
  const { structure, mode, width } = reading;
  if (structure === null) {
    return importFailure(
      "import_no_agenda",
      "Teksten ligner ikke en dagsorden eller et referat: der er ingen nummererede punkter " +
        '(som "2.1. Titel") med sagsnummer eller feltoverskrifter som Baggrund og Indstilling.',
    );
  }

  const warnings: string[] = [];
  const allItems = structure.sections.flatMap((section) => section.items);
  if (
    onlyContents &&
    contents.printedAsContents &&
    allItems.every((item) => item.caseNumber === null && item.fields.length === 0)
  ) {
    warnings.push(
      "Ingen af punkterne har sagsnummer eller feltoverskrifter; dokumentet indeholder måske kun en indholdsfortegnelse.",
    );
  }
  const sections = structure.sections.map((section) => ({
    number: section.section === 0 ? "" : String(section.section),
    title: section.title,
    items: section.items.map((item) =>
      parseItem(item, { mode, width }, contents.closedNumbers, warnings),
    ),
  }));
  const info = findMeetingInfo({
    headers: noise.headers,
    preamble: structure.preamble.map((line) => line.text),
    items: sections.flatMap((section) => section.items),
  });
  return {
    ok: true,
    value: {
      committee: info.committee,
      meetingDate: info.meetingDate,
      kind: info.kind,
      sections,
      warnings: [...info.warnings, ...structure.warnings, ...warnings],
    },
  };
}

function readStructure(lines: readonly SourceLine[], lineMode: LineMode | undefined) {
  const { tokens, mode, width } = tokenizeLines(lines, lineMode);
  return { structure: findStructure(tokens), mode, width };
}

function confirms(numbers: readonly string[], structure: AgendaStructure | null): boolean {
  return structure !== null && contentsConfirmed(numbers, structure);
}

/**
 * Sections and items, or null. Without any "2.1."-style item the agenda may be numbered flat
 * ("1.", "2.", …); that reading counts only if most of its items have a case line or fields, since
 * a plain numbered list has neither.
 */
function findStructure(tokens: readonly Token[]): AgendaStructure | null {
  const nested = findAgendaStructure(tokens);
  if (nested.sections.some((section) => section.items.length > 0)) return nested;
  const flat = findAgendaStructure(tokens, { flat: true });
  const items = flat.sections.flatMap((section) => section.items);
  const confirmed = items.filter((item) => item.caseNumber !== null || item.fields.length > 0);
  return items.length > 0 && confirmed.length * 2 >= items.length ? flat : null;
}

function parseItem(
  item: ItemSkeleton,
  layout: { mode: LineMode; width: number },
  closedNumbers: readonly string[],
  warnings: string[],
): ParsedItem {
  const number = item.number;
  const fieldTokens = new Map<FieldName, Token[]>(
    item.fields.map((field) => [field.field, field.tokens]),
  );
  const bilag = readAttachmentList(item.attachmentTokens ?? []);
  if (bilag.rest.length > 0) {
    const into = fieldTokens.get("sagsfremstilling") ?? [];
    fieldTokens.set("sagsfremstilling", [...into, { kind: "break" }, ...bilag.rest]);
    warnings.push(`Punkt ${number}: tekst efter bilagslisten er lagt i Sagsfremstilling.`);
  }
  if (item.looseTokens.some((token) => token.kind === "line")) {
    const into = fieldTokens.get("sagsfremstilling") ?? [];
    fieldTokens.set("sagsfremstilling", [...item.looseTokens, { kind: "break" }, ...into]);
    warnings.push(
      `Punkt ${number}: tekst uden feltoverskrift før ${item.fields.length > 0 ? "første felt" : "punktets slutning"} er lagt i Sagsfremstilling.`,
    );
  }

  const blocks = new Map<FieldName, Block[]>();
  for (const [field, tokens] of fieldTokens) {
    const built = buildBlocks(tokens, {
      ...layout,
      label: `Punkt ${number} (${FIELD_LABELS[field]})`,
    });
    blocks.set(field, built.blocks);
    warnings.push(...built.warnings);
  }
  const textOf = (field: FieldName) => {
    const fieldBlocks = blocks.get(field);
    return fieldBlocks === undefined ? null : blocksToText(fieldBlocks);
  };
  const fields: ItemFieldTexts = {
    baggrund: textOf("baggrund"),
    indstilling: textOf("indstilling"),
    sagsfremstilling: textOf("sagsfremstilling"),
    beslutning: textOf("beslutning"),
  };
  const beslutning = blocks.get("beslutning");
  return {
    number,
    title: dehyphenate(item.titleLines),
    caseNumber: item.caseNumber,
    officers: item.officers,
    closed: item.closed || closedNumbers.includes(number),
    attachments: bilag.names,
    fields,
    attachmentMarkers: [...blocks.values()]
      .flat()
      .reduce((sum, block) => sum + markersIn(block), 0),
    body: {
      type: "doc",
      content: BODY_FIELDS.map((field) => ({
        type: field,
        content: blocksToProseMirror(blocks.get(field) ?? []),
      })),
    },
    beslutning: beslutning === undefined ? null : blocksToProseMirror(beslutning),
  };
}

/**
 * The bilag names of a list read under a "Bilag" heading: one per entry line ("– Bilag 1:
 * notat.pdf"), a wrapped name's further lines joined to it. Lines after a paragraph break that
 * start no entry are no part of the list: they are given back as `rest`.
 */
function readAttachmentList(tokens: readonly Token[]): { names: string[]; rest: Token[] } {
  const names: string[] = [];
  let open = false;
  for (const [index, token] of tokens.entries()) {
    if (token.kind === "break") {
      open = false;
      continue;
    }
    const name = attachmentEntryName(token.text);
    if (name !== null) {
      names.push(name);
      open = true;
    } else if (open) {
      names[names.length - 1] = `${names[names.length - 1]!} ${token.text.trim()}`;
    } else {
      return { names, rest: tokens.slice(index) };
    }
  }
  return { names, rest: [] };
}

/** Attachment markers open paragraphs, sometimes sub-headings or list items. */
function markersIn(block: Block): number {
  const texts =
    block.kind === "paragraph"
      ? block.lines.slice(0, 1)
      : block.kind === "heading"
        ? [block.text]
        : block.items;
  return texts.filter((text) => text.startsWith("./.")).length;
}
