import { existsSync } from "node:fs";

/**
 * The PDF exports' fonts. Liberation Sans (Debian's `fonts-liberation`, metric-compatible with
 * Arial) is embedded when the machine has it: embedded fonts are what PDF/UA asks for, and they
 * carry every character. Without it, pdfkit's built-in Helvetica is used; its WinAnsi encoding
 * covers Danish (æ ø å, – and ’), so the text is the same, only the font is not embedded.
 */
export type FontStyle = "regular" | "bold" | "italic" | "boldItalic";

const LIBERATION = "/usr/share/fonts/truetype/liberation";

const EMBEDDED: Record<FontStyle, string> = {
  regular: `${LIBERATION}/LiberationSans-Regular.ttf`,
  bold: `${LIBERATION}/LiberationSans-Bold.ttf`,
  italic: `${LIBERATION}/LiberationSans-Italic.ttf`,
  boldItalic: `${LIBERATION}/LiberationSans-BoldItalic.ttf`,
};

const BUILT_IN: Record<FontStyle, string> = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
};

let embeddedAvailable: boolean | null = null;

/** Font names for `doc.font()`: file paths of the embedded font, or the built-in font's names. */
export function pdfFonts(): Record<FontStyle, string> {
  embeddedAvailable ??= Object.values(EMBEDDED).every((file) => existsSync(file));
  return embeddedAvailable ? EMBEDDED : BUILT_IN;
}

export function fontStyle(bold: boolean, italic: boolean): FontStyle {
  if (bold) return italic ? "boldItalic" : "bold";
  return italic ? "italic" : "regular";
}
