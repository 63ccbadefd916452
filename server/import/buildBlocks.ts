import type { Block } from "./Block";
import { dehyphenate } from "./dehyphenate";
import { orderedListLabel } from "./orderedListLabel";
import type { LineMode, TextLine, Token } from "./tokenizeLines";

/**
 * Builds a field's rich text from its lines. Paragraph breaks come from the tokens; inside a
 * run of lines without a break, a new block starts at
 *
 * - a dash or bullet ("–", "-", "•") after a line that ended a sentence, or in a list: a list item;
 * - "1." / "1)" / "a)" starting a list after a finished line, or continuing one in sequence;
 * - the attachment marker "./.", which always opens a paragraph;
 * - a line starting with a capital after a short line: a printed line stops short only at the
 *   end of a paragraph (wrapped text only; in paragraph mode every line is its own block).
 *
 * Three or more one-line paragraphs in a row are kept as one paragraph of lines (a table or a
 * list without markers). A short line with no closing punctuation followed by a paragraph or
 * list is an inline sub-heading ("Årsrapport 2024"); one with nothing after it stays a paragraph,
 * with a warning.
 */

export interface FieldBlocks {
  blocks: Block[];
  warnings: string[];
}

export interface BuildContext {
  mode: LineMode;
  width: number;
  /** For warnings: "Punkt 2.3 (Sagsfremstilling)". */
  label: string;
}

interface Unit {
  kind: "paragraph" | "bullet" | "ordered";
  lines: TextLine[];
  /** Lines kept apart, as a paragraph with line breaks. */
  keepLines?: boolean;
  ordinal?: number;
  style?: "decimal" | "alpha";
  delimiter?: "." | ")";
  /** First unit of its paragraph-break-separated group. */
  groupStart: boolean;
  groupSize: number;
}

const BULLET = /^(?:[–—•·▪●■◦*]|-(?!-))\s+(\S.*)$/;
const ORDERED_DECIMAL = /^(\d{1,2})([.)])\s+(\S.*)$/;
const ORDERED_ALPHA = /^([a-zæøå])\)\s+(\S.*)$/;
const MARKER = /^\.\/\.+\s*/;
const NOT_A_LIST_ITEM =
  /^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|halvår|kvartal|behandling)\b/i;
const FINISHED = /[.!?:;]["'”’)]*$/;
const STARTS_LIKE_NEW = /^["'«„“(]?[\p{Lu}\p{N}]/u;
const MAX_HEADING_LENGTH = 120;

export function buildBlocks(tokens: readonly Token[], context: BuildContext): FieldBlocks {
  const warnings: string[] = [];
  const units: Unit[] = [];
  for (const group of splitGroups(tokens)) {
    const segmented = segmentGroup(group, units[units.length - 1], context, warnings);
    const groupUnits = keepShortLineRuns(segmented, context);
    groupUnits.forEach((unit, index) => {
      unit.groupStart = index === 0;
      unit.groupSize = groupUnits.length;
    });
    units.push(...groupUnits);
  }
  const headings = findHeadings(units, context, warnings);
  return { blocks: toBlocks(units, headings), warnings };
}

function splitGroups(tokens: readonly Token[]): TextLine[][] {
  const groups: TextLine[][] = [[]];
  for (const token of tokens) {
    if (token.kind === "break") groups.push([]);
    else groups[groups.length - 1]!.push(token);
  }
  return groups.filter((group) => group.length > 0);
}

/** `before`: the last unit of the previous group, which a numbered list may continue. */
function segmentGroup(
  lines: readonly TextLine[],
  before: Unit | undefined,
  context: BuildContext,
  warnings: string[],
) {
  const units: Unit[] = [];
  const open = (kind: Unit["kind"], line: TextLine, extra: Partial<Unit> = {}) =>
    units.push({ kind, lines: [line], groupStart: false, groupSize: 0, ...extra });

  lines.forEach((line, index) => {
    const previous = index > 0 ? lines[index - 1]! : null;
    const current = units[units.length - 1];
    const afterFinished =
      previous === null || FINISHED.test(previous.text) || isShort(previous, context);

    const bullet = BULLET.exec(line.text);
    if (bullet) {
      if (afterFinished || current?.kind === "bullet") {
        open("bullet", { ...line, text: bullet[1]! });
        return;
      }
      warnings.push(
        `${context.label}: en linje, der begynder med en tankestreg midt i en sætning, er læst som fortsat tekst ("${line.text.slice(0, 40)}").`,
      );
    }
    const ordered = matchOrdered(line.text);
    if (ordered) {
      const listSoFar = current ?? before;
      const continues =
        listSoFar?.kind === "ordered" &&
        listSoFar.style === ordered.style &&
        listSoFar.delimiter === ordered.delimiter &&
        ordered.ordinal === listSoFar.ordinal! + 1;
      if (continues || (ordered.ordinal === 1 && afterFinished)) {
        open("ordered", { ...line, text: ordered.text }, ordered);
        return;
      }
    }
    if (MARKER.test(line.text)) {
      open("paragraph", { ...line, text: line.text.replace(MARKER, "./. ") });
      return;
    }
    // A marker alone on its line belongs to the paragraph after it.
    const afterBareMarker = previous !== null && /^\.\/\.+$/.test(previous.text);
    const startsParagraph =
      current === undefined ||
      (!afterBareMarker &&
        previous !== null &&
        ((endsParagraph(previous, context) && STARTS_LIKE_NEW.test(line.text)) ||
          standsAlone(previous, line, lines[index + 1], context)));
    if (startsParagraph) open("paragraph", line);
    else current.lines.push(line);
  });
  return units;
}

function matchOrdered(
  text: string,
): { ordinal: number; style: "decimal" | "alpha"; delimiter: "." | ")"; text: string } | null {
  const decimal = ORDERED_DECIMAL.exec(text);
  // "1. januar 2025 overgik …", "1. halvår": a date or a period, not a list.
  if (decimal && !NOT_A_LIST_ITEM.test(decimal[3]!)) {
    const delimiter = decimal[2] === ")" ? ")" : ".";
    return { ordinal: Number(decimal[1]), style: "decimal", delimiter, text: decimal[3]! };
  }
  const alpha = ORDERED_ALPHA.exec(text);
  if (alpha) {
    const ordinal = "abcdefghijklmnopqrstuvwxyzæøå".indexOf(alpha[1]!) + 1;
    return { ordinal, style: "alpha", delimiter: ")", text: alpha[2]! };
  }
  return null;
}

/** A printed line that stops well short of the text width. */
function isShort(line: TextLine, context: BuildContext): boolean {
  return context.mode === "wrapped" && line.text.length < 0.72 * context.width;
}

function endsParagraph(line: TextLine, context: BuildContext): boolean {
  return isShort(line, context) && !/[,\-–]$/.test(line.text);
}

/**
 * A short unpunctuated line after a finished sentence and before more text stands alone (a
 * sub-heading that lost its blank line, typically at the top of a page), even though the line
 * before it was full.
 */
function standsAlone(
  previous: TextLine,
  line: TextLine,
  next: TextLine | undefined,
  context: BuildContext,
): boolean {
  return (
    next !== undefined &&
    /[.!?]["'”’)]*$/.test(previous.text) &&
    endsParagraph(line, context) &&
    !FINISHED.test(line.text) &&
    /^\p{Lu}/u.test(line.text) &&
    STARTS_LIKE_NEW.test(next.text)
  );
}

/**
 * Three or more short paragraphs in a row (each no longer than a short printed line): a table
 * or a list without markers, kept as lines of one paragraph rather than read as headings.
 */
function keepShortLineRuns(units: Unit[], context: BuildContext): Unit[] {
  if (context.mode !== "wrapped") return units;
  const result: Unit[] = [];
  let run: Unit[] = [];
  const flush = () => {
    if (run.length >= 3) {
      result.push({
        kind: "paragraph",
        lines: run.map((unit) => ({
          kind: "line",
          text: dehyphenate(unit.lines),
        })),
        keepLines: true,
        groupStart: false,
        groupSize: 0,
      });
    } else result.push(...run);
    run = [];
  };
  for (const unit of units) {
    const text = dehyphenate(unit.lines);
    const short =
      unit.kind === "paragraph" && text.length < 0.72 * context.width && !MARKER.test(text);
    if (short) run.push(unit);
    else {
      flush();
      result.push(unit);
    }
  }
  flush();
  return result;
}

function findHeadings(units: readonly Unit[], context: BuildContext, warnings: string[]) {
  const headings = units.map(() => false);
  for (let index = units.length - 1; index >= 0; index -= 1) {
    const unit = units[index]!;
    if (!looksLikeHeading(unit, context)) continue;
    const next = units[index + 1];
    const sameGroup = next !== undefined && !next.groupStart;
    const followed =
      next !== undefined &&
      (sameGroup || unit.groupSize === 1) &&
      (isProse(next) || (sameGroup && headings[index + 1]!));
    if (followed) headings[index] = true;
    else if (next === undefined && units.length > 1) {
      warnings.push(
        `${context.label}: "${dehyphenate(unit.lines)}" til sidst i feltet ligner en mellemoverskrift uden tekst under; den er bevaret som almindeligt afsnit.`,
      );
    }
  }
  if (units.some((unit) => unit.keepLines)) {
    warnings.push(
      `${context.label}: en række korte linjer (måske en tabel) er bevaret linje for linje.`,
    );
  }
  return headings;
}

function looksLikeHeading(unit: Unit, context: BuildContext): boolean {
  if (unit.kind !== "paragraph" || unit.keepLines || unit.lines.length > 2) return false;
  const text = dehyphenate(unit.lines);
  const last = unit.lines[unit.lines.length - 1]!;
  const short = context.mode === "wrapped" ? isShort(last, context) : text.length <= 80;
  return (
    short &&
    text.length >= 2 &&
    text.length <= MAX_HEADING_LENGTH &&
    /^[\p{Lu}\p{N}]/u.test(text) &&
    !/[.:;,!?]$/.test(text) &&
    !/[.!?]\s+\p{Lu}/u.test(text) &&
    // "Mads Skau, Haderslev" is a name in a list, not a heading.
    !text.includes(", ") &&
    !MARKER.test(text)
  );
}

function isProse(unit: Unit): boolean {
  if (unit.kind !== "paragraph") return true;
  const text = dehyphenate(unit.lines);
  return unit.lines.length >= 2 || FINISHED.test(text) || MARKER.test(text);
}

function toBlocks(units: readonly Unit[], headings: readonly boolean[]): Block[] {
  const blocks: Block[] = [];
  units.forEach((unit, index) => {
    const previous = blocks[blocks.length - 1];
    const text = dehyphenate(unit.lines);
    if (headings[index]) blocks.push({ kind: "heading", text });
    else if (unit.kind === "bullet") {
      if (previous?.kind === "bulletList") previous.items.push(text);
      else blocks.push({ kind: "bulletList", items: [text] });
    } else if (unit.kind === "ordered") {
      const continues =
        previous?.kind === "orderedList" &&
        previous.style === unit.style &&
        previous.start + previous.items.length === unit.ordinal;
      if (continues) previous.items.push(text);
      else {
        blocks.push({
          kind: "orderedList",
          start: unit.ordinal!,
          style: unit.style!,
          delimiter: unit.delimiter!,
          items: [text],
        });
      }
    } else if (unit.keepLines) {
      blocks.push({ kind: "paragraph", lines: unit.lines.map((line) => line.text) });
    } else blocks.push({ kind: "paragraph", lines: [text] });
  });
  // A "list" of one numbered line is a paragraph that happens to start with a number.
  return blocks.map((block) =>
    block.kind === "orderedList" && block.items.length === 1
      ? { kind: "paragraph", lines: [`${orderedListLabel(block, 0)} ${block.items[0]}`] }
      : block,
  );
}
