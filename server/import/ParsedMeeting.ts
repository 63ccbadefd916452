/**
 * What the import parser makes of an agenda or minutes document. The plain-text `fields` are
 * for people and tests; `body` and `beslutning` are the same text as ProseMirror JSON for the
 * item body schema (`shared/editor`) and the minutes, ready to be stored.
 */

export type AgendaKind = "dagsorden" | "referat";

/** A ProseMirror node as JSON (`Node.toJSON()` shape). */
export interface ProseMirrorJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/**
 * Field text as plain text, blocks separated by a blank line. `null`: the item has no such
 * heading; `""`: the heading is there with nothing under it.
 */
export interface ItemFieldTexts {
  baggrund: string | null;
  indstilling: string | null;
  sagsfremstilling: string | null;
  beslutning: string | null;
}

export interface ParsedItem {
  /** "2.10": section and position, as printed. */
  number: string;
  /** One line, de-hyphenated. */
  title: string;
  caseNumber: string | null;
  /** Initials as written: "lar/chch/anjh" gives ["lar", "chch", "anjh"]. */
  officers: string[];
  /** Lukket punkt: marked "Lukket punkt" under its heading or "(lukket punkt)" after its title. */
  closed: boolean;
  /** The names in the item's list of bilag ("Bilag 1: notat.pdf" gives "notat.pdf"). */
  attachments: string[];
  fields: ItemFieldTexts;
  /** Paragraphs starting with the attachment marker `./.`, in all fields. */
  attachmentMarkers: number;
  /** doc > baggrund, indstilling, sagsfremstilling; an absent or empty field holds one empty paragraph. */
  body: ProseMirrorJson;
  /** The Beslutning field as block nodes, or null when the item has none. */
  beslutning: ProseMirrorJson[] | null;
}

export interface ParsedSection {
  number: string;
  title: string;
  items: ParsedItem[];
}

export interface ParsedMeeting {
  committee: string | null;
  /** YYYY-MM-DD */
  meetingDate: string | null;
  kind: AgendaKind;
  sections: ParsedSection[];
  /** Danish, one per doubt the parser had; the import UI shows them. */
  warnings: string[];
}
