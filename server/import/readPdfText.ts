import { importFailure } from "./ImportError";
import type { ImportResult } from "./ImportError";

/**
 * A PDF's text, one printed line per line, pages separated by form feeds, with an empty line
 * where the vertical gap between two lines is clearly larger than the document's usual line
 * spacing (a paragraph break). pdf.js gives positioned text pieces, not lines: pieces whose
 * baselines are within a fraction of the font size form one line, ordered left to right, with a
 * space where the horizontal gap between two pieces is wider than a thin space.
 *
 * A PDF without the closing "%%EOF" near its end is refused as cut off: pdf.js would repair it
 * and give whatever pages survived, and a partial agenda must not pass for a whole one.
 */

interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PrintedLine {
  y: number;
  size: number;
  pieces: PositionedText[];
}

/**
 * How pdf.js is loaded. The worker pool passes a loader that imports it natively: through tsx
 * (which the server runs under) pdf.js and its fake worker would cost some 250 MB of memory in
 * transformed source and source maps, per worker.
 */
export type LoadPdfjs = () => Promise<typeof import("pdfjs-dist/legacy/build/pdf.mjs")>;

export interface PdfReadOptions {
  maxPages?: number;
  loadPdfjs?: LoadPdfjs;
}

const importPdfjs: LoadPdfjs = () => import("pdfjs-dist/legacy/build/pdf.mjs");

/** More pages than any agenda with its appendices; a longer PDF is refused before its text is read. */
export const PDF_MAX_PAGES = 500;

/** A gap this many times the usual line spacing is a paragraph break. */
const PARAGRAPH_GAP = 1.4;

export async function readPdfText(
  bytes: Uint8Array,
  { maxPages = PDF_MAX_PAGES, loadPdfjs = importPdfjs }: PdfReadOptions = {},
): Promise<ImportResult<string>> {
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes("%%EOF")) {
    return importFailure(
      "import_truncated",
      "PDF-filen er ufuldstændig (afskåret): slutmærket %%EOF mangler.",
    );
  }
  const pdfjs = await loadPdfjs();
  let pages: PrintedLine[][];
  try {
    const document = await pdfjs.getDocument({
      // pdf.js takes ownership of the buffer it is given.
      data: new Uint8Array(bytes),
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
    }).promise;
    if (document.numPages > maxPages) {
      const count = document.numPages;
      await document.destroy();
      return importFailure(
        "import_too_large",
        `PDF-filen har ${count} sider; der kan højst indlæses ${maxPages} sider.`,
      );
    }
    pages = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(toLines(content.items.flatMap(positioned)));
    }
    await document.destroy();
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") {
      return importFailure("import_unreadable", "PDF-filen er beskyttet med adgangskode.");
    }
    const detail = error instanceof Error ? error.message : String(error);
    return importFailure("import_unreadable", `PDF-filen kan ikke læses (${detail}).`);
  }

  const usual = usualLineSpacing(pages);
  const text = pages
    .map((lines) =>
      lines
        .flatMap((line, index) => {
          const previous = lines[index - 1];
          const gap = previous === undefined ? 0 : previous.y - line.y;
          const printed = joinPieces(line.pieces);
          return gap > PARAGRAPH_GAP * usual ? ["", printed] : [printed];
        })
        .join("\n"),
    )
    .join("\f");
  if (text.replace(/\f/g, "").trim() === "") {
    return importFailure(
      "import_empty",
      "PDF-filen indeholder ingen tekst (måske er den scannet som billeder).",
    );
  }
  return { ok: true, value: text };
}

function positioned(item: unknown): PositionedText[] {
  if (typeof item !== "object" || item === null || !("str" in item)) return [];
  const piece = item as { str: string; transform: number[]; width: number; height: number };
  const [a = 0, b = 0, , , x = 0, y = 0] = piece.transform;
  const size = Math.hypot(a, b) || piece.height || 1;
  return [{ text: piece.str, x, y, width: piece.width, size }];
}

/** Pieces top to bottom; a piece joins a line when its baseline is within 40 % of the font size. */
function toLines(pieces: PositionedText[]): PrintedLine[] {
  const lines: PrintedLine[] = [];
  const sorted = [...pieces].sort((first, second) => second.y - first.y || first.x - second.x);
  for (const piece of sorted) {
    if (piece.text === "") continue;
    const line = lines.find((candidate) => Math.abs(candidate.y - piece.y) <= 0.4 * piece.size);
    if (line) {
      line.pieces.push(piece);
      line.size = Math.max(line.size, piece.size);
    } else lines.push({ y: piece.y, size: piece.size, pieces: [piece] });
  }
  lines.sort((first, second) => second.y - first.y);
  for (const line of lines) line.pieces.sort((first, second) => first.x - second.x);
  return lines.filter((line) => joinPieces(line.pieces).trim() !== "");
}

function joinPieces(pieces: readonly PositionedText[]): string {
  let text = "";
  let end: number | null = null;
  for (const piece of pieces) {
    const gap = end === null ? 0 : piece.x - end;
    const spaced = /\s$/.test(text) || /^\s/.test(piece.text);
    if (end !== null && !spaced && gap > 0.15 * piece.size) text += " ";
    text += piece.text;
    end = piece.x + piece.width;
  }
  return text;
}

/** The median distance between consecutive lines of a page: the body text's line spacing. */
function usualLineSpacing(pages: readonly PrintedLine[][]): number {
  const gaps = pages
    .flatMap((lines) => lines.slice(1).map((line, index) => lines[index]!.y - line.y))
    .filter((gap) => gap > 0)
    .sort((first, second) => first - second);
  return gaps[Math.floor(gaps.length / 2)] ?? Number.POSITIVE_INFINITY;
}
