/**
 * HTML as text the parser reads, one paragraph per line: mammoth's HTML for a Word document,
 * and HTML pages such as our own HTML export. For Word, the HTML rather than mammoth's raw
 * text, because the raw text drops list markers: bulleted and numbered paragraphs come back
 * here as "– item" and "1. item" lines. Tables become one line per row; empty paragraphs become
 * empty lines; a definition list's term and description share a line ("Dato 3. september
 * 2025"); the page's head, styles and scripts are left out. Both sources are regular,
 * well-formed HTML, so a tag scanner is enough.
 */

const TAG_OR_TEXT = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(\/?)>|([^<]+)/g;
const BLOCKS = new Set([
  ...["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt"],
  ...["div", "section", "article", "header", "footer", "nav", "main", "caption", "blockquote"],
]);
/** Elements whose content is no text of the page. */
const SKIPPED = new Set(["head", "style", "script", "template"]);
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

export function htmlToText(html: string): string {
  const lines: string[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  let line: string | null = null;
  /** A list item's marker is on the line, with no text after it yet. */
  let markerOnly = false;
  let skipping: string | null = null;
  let row: string[] | null = null;
  let cell: string[] | null = null;

  const flush = () => {
    if (line === null) return;
    const text = line.replace(/\s+/g, " ").trim();
    if (cell !== null) {
      if (text !== "") cell.push(text);
    } else lines.push(text);
    line = null;
  };

  for (const match of html.matchAll(TAG_OR_TEXT)) {
    const [, closing, rawName, , text] = match;
    if (skipping !== null) {
      if (closing && rawName?.toLowerCase() === skipping) skipping = null;
      continue;
    }
    if (text !== undefined) {
      // Indentation and newlines between tags are no text of their own.
      if (line === null && text.trim() === "") continue;
      line = (line ?? "") + decodeEntities(text);
      if (text.trim() !== "") markerOnly = false;
      continue;
    }
    const name = rawName!.toLowerCase();
    if (SKIPPED.has(name) && !closing) {
      skipping = name;
      continue;
    }
    // A paragraph inside a list item (HTML pages write <li><p>…</p></li>) continues its line.
    if (name === "p" && markerOnly) {
      if (!closing) continue;
    }
    if (name === "dd") {
      if (!closing) line = `${line ?? ""} `;
      continue;
    }
    if (name === "ul" || name === "ol") {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: name === "ol", count: 0 });
    } else if (name === "li" && !closing) {
      flush();
      const list = lists[lists.length - 1];
      if (list) list.count += 1;
      line = list?.ordered ? `${list.count}. ` : "– ";
      markerOnly = true;
    } else if (BLOCKS.has(name)) {
      flush();
      if (!closing && name !== "li") line = "";
    } else if (name === "br") {
      flush();
      line = "";
    } else if (name === "tr") {
      flush();
      if (closing && row !== null) {
        lines.push(row.join(" "));
        row = null;
      } else if (!closing) row = [];
    } else if (name === "td" || name === "th") {
      flush();
      if (closing && cell !== null) {
        row?.push(cell.join(" "));
        cell = null;
      } else if (!closing) cell = [];
    }
  }
  flush();
  return lines.join("\n");
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) {
      return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    }
    if (body.startsWith("#")) return String.fromCodePoint(Number(body.slice(1)));
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}
