import { CLOSED_IN_TITLE, matchAgendaLine } from "./matchAgendaLine";
import type { AgendaLine } from "./matchAgendaLine";
import type { SourceLine } from "./splitSourceLines";
import type { AgendaStructure } from "./findAgendaStructure";

/**
 * Published agendas usually open with a table of contents: a heading ("Indhold",
 * "Indholdsfortegnelse", "Dagsorden"), then the sections and items as numbered lines, often with
 * page numbers or dot leaders ("2.3. Budget 2026 ........ 6"), titles wrapped over two lines. Its
 * lines have the shape of the agenda's headings, so it has to be found before the structure is.
 *
 * A contents block starts at such a heading followed by an entry, or at a numbered line, and
 * takes entries, page references and wrapped title lines until the numbering goes back (the
 * agenda itself starts again at 1) or a line is none of these. It never reaches the agenda's
 * first heading that has a case line or a field heading under it. A block counts when it has
 * two numbered entries, or a heading, or dot leaders.
 *
 * Whether it really was a table of contents is for the parser to judge (`contentsConfirmed`):
 * the agenda after it must have the same numbers, with text. When it does not, the block was
 * the agenda — an overview with no item text, or a document whose body the parser cannot read
 * — and is read as it is, only without its page references.
 *
 * Contents lines without a number but with dot leaders are layout wherever they stand and are
 * dropped in either reading.
 */

export interface ContentsReading {
  /** The lines with the contents blocks marked as noise. */
  without: SourceLine[];
  /** The lines with the contents blocks kept as text, without page numbers and dot leaders. */
  kept: SourceLine[];
  /** The numbers of the blocks' entries as printed, without the final period: "2", "2.3". */
  numbers: string[];
  /** A block is headed "Indhold"/"Indholdsfortegnelse" or has page numbers: not an overview. */
  printedAsContents: boolean;
  /** Entries marked "(lukket punkt)" in the contents, by number ("2.2"). */
  closedNumbers: string[];
}

/** Only "Indhold…" says contents; "Dagsorden" as often heads an overview that is the agenda. */
const INDHOLD = /^indhold/i;
const CONTENTS_HEADING =
  /^(?:indhold(?:sfortegnelse|sliste)?|dagsorden(?:spunkter)?|oversigt over (?:punkter|sager))(?:\s+side)?\s*:?$/i;
/** Column heads over the page numbers: "Side", "Punkt Side". */
const COLUMN_HEADS = /^(?:(?:punkt|pkt\.?|nr\.?|emne|titel|sag)\s+)*side\s*:?$/i;
const LEADERS_PAGE = /\s*(?:(?:\.\s?){4,}|…+|_{3,})\s*(?:side\s*|s\.\s*)?(\d{1,3})$/i;
const PLAIN_PAGE = /\s+(?:side\s+|s\.\s*)?(\d{1,3})$/i;
const PAGE_ONLY = /^\d{1,3}$/;
/** A wrapped title line ends no sentence. */
const TITLE_LINE = /^.{1,120}$/;
const SENTENCE_END = /[.:;]$/;
/** Titles wrap onto at most this many lines after the numbered one. */
const MAX_CONTINUATION = 2;

type LineRole = "heading" | "columns" | "entry" | "pageRef" | "continuation";

interface ContentsLine {
  /** Index into the source lines. */
  index: number;
  role: LineRole;
  /** The text without dot leaders and page number, when it has them. */
  bare: string;
  /** The page number printed after dot leaders, or after a space (then less certain). */
  page: number | null;
  leaders: boolean;
}

interface Block {
  lines: ContentsLine[];
  numbers: string[];
  /** The numbers of entries whose title (on any of its lines) says "(lukket punkt)". */
  closed: string[];
  /** The text position of its last line. */
  last: number;
}

export function findTableOfContents(lines: readonly SourceLine[]): ContentsReading {
  const texts = lines.flatMap((line, index) => (line.kind === "text" ? [index] : []));
  // Shapes of the lines as printed: a page number is no part of a heading's shape, and
  // stripping one could take the number off a case line ("Sagsnr.: 123").
  const shapes = new Map(texts.map((index) => [index, matchAgendaLine(lines[index]!.text)]));
  const bodyStart = firstBodyHeading(texts, shapes);

  const blocks: Block[] = [];
  for (let position = 0; position < bodyStart; position += 1) {
    const block = readBlock(position, texts, bodyStart, lines, shapes);
    if (block === null) continue;
    blocks.push(block);
    position = block.last;
  }

  const inBlock = new Map(blocks.flatMap((block) => block.lines.map((line) => [line.index, line])));
  const paged = new Set(blocks.filter(hasPageNumbers).flatMap((block) => block.lines));
  const mark = (keep: boolean) =>
    lines.map((line, index): SourceLine => {
      if (line.kind !== "text") return line;
      const unnumbered = shapes.get(index)?.kind === "text";
      const contents = inBlock.get(index);
      if (contents === undefined) {
        return unnumbered && LEADERS_PAGE.test(line.text) ? { ...line, kind: "noise" } : line;
      }
      if (!keep) return { ...line, kind: "noise" };
      switch (contents.role) {
        case "heading":
          return line;
        case "columns":
        case "pageRef":
          return { ...line, kind: "noise" };
        case "entry":
          if (unnumbered && contents.leaders) return { ...line, kind: "noise" };
          break;
        case "continuation":
          break;
      }
      const strip = contents.page !== null && (contents.leaders || paged.has(contents));
      return strip ? { ...line, text: contents.bare } : line;
    });
  return {
    without: mark(false),
    kept: mark(true),
    numbers: blocks.flatMap((block) => block.numbers),
    closedNumbers: blocks.flatMap((block) => block.closed),
    printedAsContents: blocks.some(
      (block) =>
        hasPageNumbers(block) ||
        block.lines.some(
          (line) => line.leaders || (line.role === "heading" && INDHOLD.test(line.bare)),
        ),
    ),
  };
}

/**
 * Whether the agenda read without the contents bears them out: it has item text, it starts
 * again at the contents' first number, and at least half of the contents' numbers are its
 * headings' (closed items are listed in contents and left out of published agendas). A section
 * the parser opened without a heading (an item without one above it) is no heading.
 */
export function contentsConfirmed(numbers: readonly string[], structure: AgendaStructure): boolean {
  const items = structure.sections.flatMap((section) => section.items);
  if (!items.some((item) => item.caseNumber !== null || item.fields.length > 0)) return false;
  const headings = new Set([
    ...structure.sections
      .filter((section) => section.title !== "")
      .map((section) => String(section.section)),
    ...items.map((item) => item.number),
  ]);
  const matching = numbers.filter((number) => headings.has(number)).length;
  return numbers.length > 0 && headings.has(numbers[0]!) && matching * 2 >= numbers.length;
}

/**
 * The text position of the agenda's first heading with a case line or field heading under its
 * title (or of its section heading right above it): contents never reach past it.
 */
function firstBodyHeading(texts: readonly number[], shapes: ReadonlyMap<number, AgendaLine>) {
  for (let position = 0; position < texts.length; position += 1) {
    const shape = shapes.get(texts[position]!)!;
    if (shape.kind !== "section" && shape.kind !== "item") continue;
    for (let after = position + 1; after <= position + 1 + MAX_CONTINUATION; after += 1) {
      const next = after < texts.length ? shapes.get(texts[after]!)! : null;
      if (next?.kind === "case" || next?.kind === "field") {
        const above = position > 0 ? shapes.get(texts[position - 1]!)! : null;
        const underSection =
          shape.kind === "item" && above?.kind === "section" && above.section === shape.section;
        return underSection ? position - 1 : position;
      }
      if (next?.kind !== "text") break;
    }
  }
  return texts.length;
}

function readBlock(
  start: number,
  texts: readonly number[],
  end: number,
  lines: readonly SourceLine[],
  shapes: ReadonlyMap<number, AgendaLine>,
): Block | null {
  const at = (position: number) => {
    const index = texts[position]!;
    return {
      index,
      text: lines[index]!.text,
      shape: shapes.get(index)!,
      sheet: lines[index]!.page,
    };
  };
  const found: ContentsLine[] = [];
  const numbers: string[] = [];
  const closed = new Set<string>();
  let position = start;
  const first = at(position);
  const headed = CONTENTS_HEADING.test(first.text);
  if (headed) {
    found.push({
      index: first.index,
      role: "heading",
      bare: first.text,
      page: null,
      leaders: false,
    });
    position += 1;
    while (position < end && COLUMN_HEADS.test(at(position).text)) {
      const columns = at(position);
      found.push({
        index: columns.index,
        role: "columns",
        bare: columns.text,
        page: null,
        leaders: false,
      });
      position += 1;
    }
  } else if (first.shape.kind !== "section" && first.shape.kind !== "item") return null;

  let lastOrder = -1;
  let continuation = 0;
  /** The role and sheet (page of the document) of the line before. */
  let previousRole: LineRole | null = null;
  let previousSheet = -1;
  for (; position < end; position += 1) {
    const line = at(position);
    const stripped = stripPage(line.text);
    const shape = line.shape;
    const inTitle: boolean = previousRole === "entry" || previousRole === "continuation";
    let role: LineRole;
    if (shape.kind === "section" || shape.kind === "item") {
      const order = shape.section * 1000 + (shape.kind === "item" ? shape.item : 0);
      if (order <= lastOrder) break;
      lastOrder = order;
      numbers.push(
        shape.kind === "item" ? `${shape.section}.${shape.item}` : String(shape.section),
      );
      role = "entry";
      continuation = 0;
    } else if (shape.kind !== "text") break;
    else if (PAGE_ONLY.test(line.text) && previousRole !== null) {
      // A right-aligned page number that extraction put on a line of its own.
      role = "pageRef";
      stripped.page = Number(line.text);
    } else if (stripped.leaders && (headed || numbers.length > 0)) {
      role = inTitle ? "continuation" : "entry";
    } else if (
      inTitle &&
      previousSheet === line.sheet &&
      continuation < MAX_CONTINUATION &&
      TITLE_LINE.test(stripped.bare) &&
      !SENTENCE_END.test(stripped.bare)
    ) {
      role = "continuation";
      continuation += 1;
    } else if (headed && stripped.page !== null && TITLE_LINE.test(stripped.bare)) role = "entry";
    else break;
    found.push({ index: line.index, role, ...stripped });
    const entryNumber = numbers[numbers.length - 1];
    if (entryNumber !== undefined && role !== "pageRef" && CLOSED_IN_TITLE.test(stripped.bare)) {
      closed.add(entryNumber);
    }
    previousRole = role;
    previousSheet = line.sheet;
  }

  // Wrapped lines after the last entry may as well be the text after the contents.
  while (found.length > 0 && found[found.length - 1]!.role === "continuation") {
    const last = found[found.length - 1]!;
    if (last.page !== null) break;
    found.pop();
  }
  const entries = found.filter((line) => line.role === "entry");
  const counts =
    numbers.length >= 2 ||
    (headed && entries.length > 0) ||
    found.some((line) => line.leaders && line.role !== "heading");
  return counts
    ? { lines: found, numbers, closed: [...closed], last: start + found.length - 1 }
    : null;
}

function stripPage(text: string): { bare: string; page: number | null; leaders: boolean } {
  const leaders = LEADERS_PAGE.exec(text);
  if (leaders)
    return { bare: text.slice(0, leaders.index), page: Number(leaders[1]), leaders: true };
  const plain = PLAIN_PAGE.exec(text);
  if (plain) return { bare: text.slice(0, plain.index), page: Number(plain[1]), leaders: false };
  return { bare: text, page: null, leaders: false };
}

/**
 * Whether a block's numbers after a space are page numbers: most of its entries have one, and
 * they never go down. "2.3. Valg efter § 17, stk. 4" alone among entries without is a title.
 */
function hasPageNumbers(block: Block): boolean {
  const groups: (number | null)[] = [];
  for (const line of block.lines) {
    if (line.role === "entry") groups.push(line.page);
    else if (line.role !== "heading" && line.role !== "columns" && groups.length > 0) {
      groups[groups.length - 1] ??= line.page;
    }
  }
  const pages = groups.filter((page) => page !== null);
  if (groups.length === 0 || pages.length * 5 < groups.length * 3) return false;
  return pages.every((page, index) => index === 0 || page >= pages[index - 1]!);
}
