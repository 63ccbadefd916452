import type { SourceLine } from "./splitSourceLines";

/**
 * Marks what the page layout added to the text and the document did not say: running headers
 * and footers ("KKR Syddanmark | 11-11-2020", "SIDE | 14", "Side 3 af 12", or both on one line
 * when they share a baseline), the targets of links printed at page ends, and — when page
 * breaks are known — any line that recurs at the top or bottom of many pages. Tables of contents
 * are findTableOfContents' concern. Marked lines become `noise`
 * rather than disappear, so the next step knows a page-furniture line stood there.
 */

export interface PageNoise {
  lines: SourceLine[];
  /** Running headers of the form "<name> | <date>", for finding committee and meeting date. */
  headers: string[];
  linkLines: number;
}

/** "KKR Syddanmark | 11-11-2020", "KKR Syddanmark | 11. november 2020". */
const HEADER_WITH_DATE =
  /^(.{2,80}?)\s*\|\s*(\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}\.\s*\p{L}{3,9}\.?\s+\d{4})$/u;
const PAGE_NUMBER = [
  /^(?:side|page|s\.)\s*\|?\s*\d{1,4}(?:\s*(?:af|of|\/)\s*\d{1,4})?$/i,
  /^[-–]\s*\d{1,4}\s*[-–]$/,
];
/** A page label sharing its line with a running head, on either side of it. */
const PAGE_LABEL_AROUND = [
  /\s+(?:side|page)\s*\|?\s*\d{1,4}(?:\s*(?:af|of|\/)\s*\d{1,4})?$/i,
  /^(?:side|page)\s*\|?\s*\d{1,4}(?:\s*(?:af|of|\/)\s*\d{1,4})?\s+/i,
];
const LINK_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
const FIELD_WORD = /^(?:baggrund|indstilling|sagsfremstilling|beslutning)$/i;

export function removePageNoise(input: readonly SourceLine[]): PageNoise {
  const headers: string[] = [];
  let linkLines = 0;
  const runningHeads = repeatedPageEdges(input);

  let afterLink = false;
  const lines = input.map((line): SourceLine => {
    if (line.kind !== "text") return line;
    // A printed link target too long for one line goes on in a second line without spaces.
    const linkGoesOn = afterLink && !line.text.includes(" ") && /[/%=#]/.test(line.text);
    afterLink = LINK_ONLY.test(line.text);
    if (linkGoesOn) return { ...line, kind: "noise" };
    const head = PAGE_LABEL_AROUND.reduce((text, label) => text.replace(label, ""), line.text);
    if (HEADER_WITH_DATE.test(head)) {
      headers.push(head);
      return { ...line, kind: "noise" };
    }
    if (LINK_ONLY.test(line.text)) {
      linkLines += 1;
      return { ...line, kind: "noise" };
    }
    if (PAGE_NUMBER.some((pattern) => pattern.test(line.text))) {
      return { ...line, kind: "noise" };
    }
    if (runningHeads.has(line)) return { ...line, kind: "noise" };
    return line;
  });
  return { lines, headers, linkLines };
}

/**
 * Lines at the top or bottom of a page whose text recurs at the edges of at least 3 pages and
 * 40 % of them: running heads and feet. Only known when the text carries page breaks.
 */
function repeatedPageEdges(lines: readonly SourceLine[]): Set<SourceLine> {
  const pages = new Map<number, SourceLine[]>();
  for (const line of lines) {
    if (line.kind !== "text") continue;
    const page = pages.get(line.page) ?? [];
    page.push(line);
    pages.set(line.page, page);
  }
  const result = new Set<SourceLine>();
  if (pages.size < 3) return result;
  const edgesByKey = new Map<string, SourceLine[]>();
  const pagesByKey = new Map<string, Set<number>>();
  for (const [page, pageLines] of pages) {
    const edges = new Set([...pageLines.slice(0, 2), ...pageLines.slice(-2)]);
    for (const line of edges) {
      // A field heading at the top of many pages is the document's own text.
      if (FIELD_WORD.test(line.text)) continue;
      const key = edgeKey(line.text);
      edgesByKey.set(key, [...(edgesByKey.get(key) ?? []), line]);
      pagesByKey.set(key, (pagesByKey.get(key) ?? new Set()).add(page));
    }
  }
  for (const [key, seenOn] of pagesByKey) {
    if (seenOn.size >= 3 && seenOn.size >= 0.4 * pages.size) {
      for (const line of edgesByKey.get(key) ?? []) result.add(line);
    }
  }
  return result;
}

/** Page numbers differ from page to page; the rest of a running head does not. */
function edgeKey(text: string): string {
  return text.replace(/\d+/g, "#");
}
