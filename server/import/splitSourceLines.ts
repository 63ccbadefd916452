/**
 * First step of the parser: the extracted text as lines, with the characters extraction tools
 * disagree on made uniform, and what each blank line was. Double-spaced extractions (each line
 * followed by an empty one, paragraphs by a line holding a space) tell paragraphs apart only by
 * that difference, so it is kept.
 */

export type SourceLineKind = "text" | "empty" | "whitespace" | "pageBreak" | "noise";

export interface SourceLine {
  kind: SourceLineKind;
  /** Trimmed, whitespace runs collapsed; "" unless kind is text or noise. */
  text: string;
  page: number;
}

const LIGATURES: Record<string, string> = {
  "\uFB00": "ff",
  "\uFB01": "fi",
  "\uFB02": "fl",
  "\uFB03": "ffi",
  "\uFB04": "ffl",
  "\uFB05": "st",
  "\uFB06": "st",
};

export function splitSourceLines(extracted: string): SourceLine[] {
  const normalised = extracted
    .replace(/\r\n?/g, "\n")
    // A soft hyphen where a line breaks is hyphenation; anywhere else it is invisible.
    .replace(/\u00AD[ \t]*\n/g, "-\n")
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\uFB00-\uFB06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(/[\u2010\u2011]/g, "-")
    // Word's symbol-font bullets come out of PDFs as private-use characters.
    .replace(/[\uF0B7\uF0A7\uF076\uF0D8]/g, "•")
    .replace(/[\t\u00A0\u2007\u202F\u2000-\u200A\v]/g, " ");

  const lines: SourceLine[] = [];
  const pages = normalised.split("\f");
  pages.forEach((pageText, page) => {
    if (page > 0) lines.push({ kind: "pageBreak", text: "", page });
    for (const raw of pageText.split("\n")) {
      const text = raw.trim().replace(/ {2,}/g, " ");
      const kind: SourceLineKind = text !== "" ? "text" : raw === "" ? "empty" : "whitespace";
      lines.push({ kind, text, page });
    }
  });
  return lines;
}
