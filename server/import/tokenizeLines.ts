import type { SourceLine } from "./splitSourceLines";

/**
 * Turns source lines into text lines and paragraph breaks, deciding two things about how the
 * text was extracted:
 *
 * - Spacing. Some extractions follow every line with an empty line and mark a paragraph break
 *   with a line holding only whitespace (or several empty lines); in those, a single empty line
 *   means nothing. Elsewhere any blank line is a break. Detected from how often a text line is
 *   followed by an empty one.
 * - Lines. In a PDF's text every line is a printed line, so a paragraph runs over several and
 *   words are hyphenated at line ends ("wrapped"); in a Word document every line is a paragraph
 *   ("paragraphs"). Detected from how long lines end: wrapped text ends them mid-sentence.
 *
 * Blank lines next to page furniture (a removed header, a page break) are not paragraph breaks
 * in single-spaced text: extraction tools put them around running heads.
 */

export type LineMode = "wrapped" | "paragraphs";

export interface TextLine {
  kind: "line";
  text: string;
}

export type Token = TextLine | { kind: "break" };

export interface Tokenized {
  tokens: Token[];
  mode: LineMode;
  /** Typical length of a full printed line (90th percentile), for telling short lines apart. */
  width: number;
}

export function tokenizeLines(lines: readonly SourceLine[], hint?: LineMode): Tokenized {
  const texts = lines.filter((line) => line.kind === "text").map((line) => line.text);
  const mode = hint ?? detectLineMode(texts);
  const doubled = isDoubleSpaced(lines);

  const tokens: Token[] = [];
  let pendingBreak = false;
  let emptyRun = 0;
  for (const line of lines) {
    switch (line.kind) {
      case "empty":
        emptyRun += 1;
        if (!doubled || emptyRun >= 2) pendingBreak = true;
        break;
      case "whitespace":
        pendingBreak = true;
        break;
      case "noise":
      case "pageBreak":
        emptyRun = 0;
        if (!doubled) pendingBreak = false;
        break;
      case "text": {
        const last = tokens[tokens.length - 1];
        if (last?.kind === "line" && (pendingBreak || mode === "paragraphs")) {
          tokens.push({ kind: "break" });
        }
        tokens.push({ kind: "line", text: line.text });
        pendingBreak = false;
        emptyRun = 0;
        break;
      }
    }
  }
  return {
    tokens,
    mode,
    width: percentile(
      texts.map((text) => text.length),
      0.9,
    ),
  };
}

function isDoubleSpaced(lines: readonly SourceLine[]): boolean {
  let text = 0;
  let followedByEmpty = 0;
  lines.forEach((line, index) => {
    if (line.kind !== "text" && line.kind !== "noise") return;
    text += 1;
    if (lines[index + 1]?.kind === "empty") followedByEmpty += 1;
  });
  return text > 0 && followedByEmpty / text > 0.6;
}

function detectLineMode(texts: readonly string[]): LineMode {
  const lengths = texts.map((text) => text.length);
  if (percentile(lengths, 0.75) > 120) return "paragraphs";
  const long = texts.filter((text) => text.length >= 40);
  // No printed line of an A4 page holds much more than 110 characters; a table row might.
  const overlong = lengths.filter((length) => length > 110).length;
  if (overlong >= Math.max(1, 0.1 * long.length)) return "paragraphs";
  if (long.length < 5) return "wrapped";
  const hyphenated = long.filter((text) => /\p{L}-$/u.test(text)).length / long.length;
  const unfinished = long.filter((text) => !/[.!?:;]["'”’)]*$/.test(text)).length / long.length;
  return hyphenated >= 0.03 || unfinished >= 0.5 ? "wrapped" : "paragraphs";
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * (sorted.length - 1)))] ?? 0;
}
