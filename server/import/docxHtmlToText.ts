/**
 * Mammoth's HTML for a Word document as text the parser reads, one paragraph per line. The HTML
 * rather than mammoth's raw text, because the raw text drops list markers: Word's bulleted and
 * numbered paragraphs come back here as "– item" and "1. item" lines. Tables become one line per
 * row; empty paragraphs become empty lines. Mammoth writes a small, regular subset of HTML, so a
 * tag scanner is enough.
 */

const TAG_OR_TEXT = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(\/?)>|([^<]+)/g;
const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"]);
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

export function docxHtmlToText(html: string): string {
  const lines: string[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  let line: string | null = null;
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
    if (text !== undefined) {
      line = (line ?? "") + decodeEntities(text);
      continue;
    }
    const name = rawName!.toLowerCase();
    if (name === "ul" || name === "ol") {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: name === "ol", count: 0 });
    } else if (name === "li" && !closing) {
      flush();
      const list = lists[lists.length - 1];
      if (list) list.count += 1;
      line = list?.ordered ? `${list.count}. ` : "– ";
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
