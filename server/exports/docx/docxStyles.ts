import { AlignmentType, LevelFormat } from "docx";
import type { INumberingOptions, IStylesOptions } from "docx";

/** Word measures indents in twentieths of a point: 360 is a quarter inch. */
export const LIST_INDENT = 360;

export const LIST_REFERENCES = {
  dash: "dagsorden-dash",
  decimal: "dagsorden-decimal",
  alpha: "dagsorden-alpha",
} as const;

const FONT = "Arial";
const ACCENT = "14375E";
export const MUTED = "4A4A4A";
export const CLOSED = "8A1111";

/**
 * The DOCX export's styles: Word's own Title and Heading 1–4 (so the navigation pane, the table
 * of contents and screen readers know them), restyled like the documents; Danish as the
 * language of all text, so Word checks spelling in Danish and reads it aloud as Danish.
 */
export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 21, language: { value: "da-DK" } },
      paragraph: { spacing: { after: 120, line: 276 } },
    },
    title: {
      run: { font: FONT, size: 68, bold: true, color: "1A1A1A" },
      paragraph: { spacing: { after: 160 } },
    },
    heading1: {
      run: { font: FONT, size: 32, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 0, after: 280 }, keepNext: true },
    },
    heading2: {
      run: { font: FONT, size: 24, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 360, after: 60 }, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { font: FONT, size: 21, bold: true, color: "1A1A1A" },
      paragraph: { spacing: { before: 200, after: 60 }, keepNext: true },
    },
    heading4: {
      run: { font: FONT, size: 21, bold: true, italics: true, color: "1A1A1A" },
      paragraph: { spacing: { before: 120, after: 40 }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: "CaseLine",
      name: "Sagsnummer",
      basedOn: "Normal",
      next: "Normal",
      run: { color: MUTED },
      paragraph: { spacing: { after: 120 }, keepNext: true },
    },
    {
      id: "FrontCommittee",
      name: "Forside, udvalg",
      basedOn: "Normal",
      next: "Normal",
      run: { size: 44, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 2400, after: 200 } },
    },
    {
      id: "TOCHeading",
      name: "TOC Heading",
      basedOn: "Normal",
      next: "Normal",
      run: { size: 32, bold: true, color: ACCENT },
      paragraph: { spacing: { after: 280 } },
    },
  ],
};

function levels(
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: (level: number) => string,
) {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } },
    },
  }));
}

export const DOCX_NUMBERING: INumberingOptions = {
  config: [
    { reference: LIST_REFERENCES.dash, levels: levels(LevelFormat.BULLET, () => "–") },
    {
      reference: LIST_REFERENCES.decimal,
      levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`),
    },
    {
      reference: LIST_REFERENCES.alpha,
      levels: levels(LevelFormat.LOWER_LETTER, (level) => `%${level + 1}.`),
    },
  ],
};
