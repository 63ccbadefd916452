import { attachmentEntryName, CLOSED_IN_TITLE, matchAgendaLine } from "./matchAgendaLine";
import type { AgendaLine, FieldName } from "./matchAgendaLine";
import type { TextLine, Token } from "./tokenizeLines";

/**
 * Finds sections, items and fields in the token stream.
 *
 * A heading-shaped line counts only if what follows bears it out, judged from the end of the
 * document backwards: an item heading is real when its title is followed by a case line or a
 * field heading, or by another real heading (an item with no text, like "5.1. Eventuelt"), or
 * ends the document; a section heading is real when followed by a real item of the same section
 * or by the next real section (a section with no items). A numbered list in a field ("1. …",
 * "2. …" followed by prose) fails that test however much it looks like sections.
 *
 * Then, reading forwards, numbers must go up: sections by one (a gap is warned about), items
 * within their section (a gap is a closed item left out, warned about). If a heading goes back
 * to an earlier number while nothing so far had any text, what came before was a table of
 * contents, and parsing starts again there.
 *
 * Agendas numbered "1.", "2.", … without sections (common in municipal committees) are read in
 * `flat` mode: each such heading is an item, all in one section without number or title.
 */

export interface FieldSkeleton {
  field: FieldName;
  tokens: Token[];
}

export interface ItemSkeleton {
  /** As printed, without the final period: "2.10", or "7" in a flat agenda. */
  number: string;
  section: number;
  item: number;
  titleLines: TextLine[];
  caseNumber: string | null;
  officers: string[];
  /** Text in the item before its first field heading. */
  looseTokens: Token[];
  fields: FieldSkeleton[];
  /** "Lukket punkt" under the heading, or "(lukket punkt)" after its title. */
  closed: boolean;
  /** The lines under a "Bilag" heading (the item's list of bilag), or null. */
  attachmentTokens: Token[] | null;
}

export interface SectionSkeleton {
  /** 0 for the one unnumbered section of a flat agenda. */
  section: number;
  title: string;
  items: ItemSkeleton[];
}

export interface AgendaStructure {
  /** Lines before the first section: front page, mission statement, table of contents. */
  preamble: TextLine[];
  sections: SectionSkeleton[];
  warnings: string[];
}

const MAX_TITLE_CONTINUATION = 2;

export function findAgendaStructure(
  tokens: readonly Token[],
  options: { flat?: boolean } = {},
): AgendaStructure {
  const shapes = tokens.map((token): AgendaLine => {
    const shape: AgendaLine =
      token.kind === "line" ? matchAgendaLine(token.text) : { kind: "text" };
    if (!options.flat) return shape;
    if (shape.kind === "section") {
      return { kind: "item", section: 0, item: shape.section, title: shape.title };
    }
    return shape.kind === "item" ? { kind: "text" } : shape;
  });
  const next = nextLineIndex(tokens);
  const titleEnd = tokens.map((_, index) => findTitleEnd(index, tokens, shapes, next));
  const real = findRealHeadings(tokens, shapes, next, titleEnd);

  const warnings: string[] = [];
  let preamble: TextLine[] = [];
  let sections: SectionSkeleton[] = [];
  let section: SectionSkeleton | null = null;
  let item: ItemSkeleton | null = null;
  let field: FieldSkeleton | null = null;
  /** The open item's bilag list while its lines are read. */
  let bilag: Token[] | null = null;
  let strayLines = 0;

  const restart = (index: number) => {
    warnings.push(
      "En indholdsfortegnelse (eller en gentagelse af dagsordenen) før selve punkterne er sprunget over.",
    );
    preamble = tokens.slice(0, index).filter((token): token is TextLine => token.kind === "line");
    sections = [];
    section = null;
    item = null;
  };

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const shape = shapes[index]!;
    if (token.kind === "line" && real[index]) {
      if (shape.kind === "section") {
        if (section !== null && shape.section <= section.section) {
          if (sections.every(isEmptySection)) restart(index);
          else {
            appendText(token);
            continue;
          }
        }
        if (section !== null && shape.section > section.section + 1) {
          warnings.push(`Afsnit ${section.section + 1} mangler i nummereringen.`);
        }
        section = { section: shape.section, title: token.text.replace(/^\d+\.\s*/, ""), items: [] };
        sections.push(section);
        item = null;
        field = null;
        continue;
      }
      if (shape.kind === "item") {
        const current: SectionSkeleton | null = section;
        const lastItem = current?.items[current.items.length - 1]?.item ?? 0;
        if (current !== null && shape.section === current.section && shape.item > lastItem) {
          if (shape.item > lastItem + 1) {
            warnings.push(
              `Punkt ${itemNumber(shape.section, lastItem + 1)}` +
                (shape.item > lastItem + 2 ? `–${itemNumber(shape.section, shape.item - 1)}` : "") +
                " mangler i nummereringen (måske lukkede punkter).",
            );
          }
        } else if (current === null && shape.section === 0) {
          warnings.push(
            "Dagsordenen har punkter uden afsnit; de er samlet i ét afsnit uden nummer og titel.",
          );
          section = { section: 0, title: "", items: [] };
          sections.push(section);
        } else if (current === null || shape.section > current.section) {
          warnings.push(
            `Punkt ${shape.section}.${shape.item} står uden en afsnitsoverskrift; afsnittet har fået en tom titel.`,
          );
          section = { section: shape.section, title: "", items: [] };
          sections.push(section);
        } else if (sections.every(isEmptySection)) {
          restart(index);
          section = { section: shape.section, title: "", items: [] };
          sections.push(section);
        } else {
          appendText(token);
          continue;
        }
        index = startItem(index);
        continue;
      }
    }
    if (section === null) {
      if (token.kind === "line") preamble.push(token);
      continue;
    }
    if (token.kind === "line" && shape.kind === "closed" && item !== null) {
      // The marker is a fact about the item, never text: wherever it stands in the item.
      (item as ItemSkeleton).closed = true;
      continue;
    }
    if (token.kind === "line" && shape.kind === "attachments" && item !== null) {
      const after = next[index]!;
      if (after !== -1 && attachmentEntryName((tokens[after] as TextLine).text) !== null) {
        const current: ItemSkeleton = item;
        current.attachmentTokens ??= [];
        field = null;
        bilag = current.attachmentTokens;
        continue;
      }
    }
    if (token.kind === "line" && shape.kind === "field" && item !== null) {
      const current: ItemSkeleton = item;
      if (current.fields.some((seen) => seen.field === shape.field)) {
        warnings.push(
          `Punkt ${current.number}: overskriften "${token.text}" står der to gange; den anden er læst som tekst.`,
        );
        appendText(token);
        continue;
      }
      field = { field: shape.field, tokens: [] };
      bilag = null;
      current.fields.push(field);
      if (shape.rest !== "") field.tokens.push({ ...token, text: shape.rest });
      continue;
    }
    appendText(token);
  }
  if (strayLines > 0) {
    warnings.push(
      `${strayLines} linje(r) mellem en afsnitsoverskrift og dets første punkt er udeladt.`,
    );
  }
  return { preamble, sections, warnings };

  function appendText(token: Token) {
    if (item === null) {
      if (token.kind === "line") strayLines += 1;
      return;
    }
    (bilag ?? field?.tokens ?? item.looseTokens).push(token);
  }

  /** Opens the item whose heading is at `index`; returns the index of its last header line. */
  function startItem(index: number): number {
    const shape = shapes[index] as Extract<AgendaLine, { kind: "item" }>;
    const end = titleEnd[index]!;
    const titleLines = tokens
      .slice(index, end + 1)
      .filter((token): token is TextLine => token.kind === "line")
      .map((line, position) =>
        position === 0 ? { ...line, text: line.text.replace(/^\d+(?:\.\d+)?\.?\s*/, "") } : line,
      );
    const lastTitleLine = titleLines[titleLines.length - 1]!;
    const closedInTitle = CLOSED_IN_TITLE.test(lastTitleLine.text);
    if (closedInTitle) {
      titleLines[titleLines.length - 1] = {
        ...lastTitleLine,
        text: lastTitleLine.text.replace(CLOSED_IN_TITLE, ""),
      };
    }
    item = {
      number: itemNumber(shape.section, shape.item),
      section: shape.section,
      item: shape.item,
      titleLines,
      caseNumber: null,
      officers: [],
      looseTokens: [],
      fields: [],
      closed: closedInTitle,
      attachmentTokens: null,
    };
    section!.items.push(item);
    field = null;
    bilag = null;
    // Under the title: the case line and the closed marker, in either order (a public export
    // of a closed item has the marker alone).
    let last = end;
    for (let header = 0; header < 2; header += 1) {
      const after = next[last]!;
      const below = after === -1 ? null : shapes[after]!;
      if (below?.kind === "closed") item.closed = true;
      else if (below?.kind === "case" && item.caseNumber === null) {
        item.caseNumber = below.caseNumber;
        item.officers = below.officers;
        if (below.rest !== "") {
          warnings.push(
            `Punkt ${item.number}: "${below.rest}" efter sagsnummeret er ikke læst som sagsbehandlere.`,
          );
        }
      } else break;
      last = after;
    }
    return last;
  }
}

function itemNumber(section: number, item: number): string {
  return section === 0 ? String(item) : `${section}.${item}`;
}

function isEmptySection(section: SectionSkeleton): boolean {
  return section.items.every(
    (item) =>
      item.caseNumber === null &&
      item.fields.length === 0 &&
      item.looseTokens.every((token) => token.kind === "break"),
  );
}

/** For each token, the index of the next line token after it, or -1. */
function nextLineIndex(tokens: readonly Token[]): number[] {
  const result = Array.from({ length: tokens.length }, () => -1);
  let following = -1;
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    result[index] = following;
    if (tokens[index]!.kind === "line") following = index;
  }
  return result;
}

/**
 * The last token of an item heading's title. A title wraps onto at most two more lines, with no
 * paragraph break, and is followed by the case line, a field heading, another heading or the
 * end; otherwise the lines after the heading are text and the title is one line.
 */
function findTitleEnd(
  index: number,
  tokens: readonly Token[],
  shapes: readonly AgendaLine[],
  next: readonly number[],
): number {
  if (shapes[index]!.kind !== "item") return index;
  let end = index;
  for (let count = 0; count < MAX_TITLE_CONTINUATION; count += 1) {
    const candidate = end + 1;
    if (tokens[candidate]?.kind !== "line") break;
    // "3. Kvartal …" wrapped under a title looks like a section heading, but a real section is
    // never followed directly by a case line.
    const wrappedLikeSection =
      shapes[candidate]!.kind === "section" && shapes[candidate + 1]?.kind === "case";
    if (shapes[candidate]!.kind !== "text" && !wrappedLikeSection) break;
    end = candidate;
  }
  if (end === index) return index;
  const after = next[end]!;
  const closes = after === -1 || shapes[after]!.kind !== "text";
  return closes ? end : index;
}

function findRealHeadings(
  tokens: readonly Token[],
  shapes: readonly AgendaLine[],
  next: readonly number[],
  titleEnd: readonly number[],
): boolean[] {
  const real = tokens.map(() => false);
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const shape = shapes[index]!;
    if (tokens[index]!.kind !== "line") continue;
    if (shape.kind === "item") {
      const after = next[titleEnd[index]!]!;
      const followedBy = after === -1 ? null : shapes[after]!;
      real[index] =
        followedBy === null ||
        followedBy.kind === "case" ||
        followedBy.kind === "field" ||
        followedBy.kind === "closed" ||
        ((followedBy.kind === "item" || followedBy.kind === "section") && real[after]!);
    } else if (shape.kind === "section") {
      const after = next[index]!;
      const followedBy = after === -1 ? null : shapes[after]!;
      real[index] =
        followedBy === null ||
        (followedBy.kind === "item" && followedBy.section === shape.section && real[after]!) ||
        (followedBy.kind === "section" && followedBy.section === shape.section + 1 && real[after]!);
    }
  }
  return real;
}
