/**
 * The neutral model every renderer (HTML, DOCX, PDF) draws from. `prepareExport` makes it once
 * from an `ExportInput`, applying the public/internal rule there, so the three formats cannot
 * differ in what they leave out. Renderers only lay it out: they never see ProseMirror JSON,
 * closed flags to obey or deleted items to skip.
 */
import type { ExportKind, ExportRecord, ExportVariant } from "./ExportInput";

export type ExportInline =
  | { type: "text"; text: string; bold: boolean; italic: boolean; href: string | null }
  | { type: "break" }
  /** The documents' `./.`: points to one of the item's bilag (null when it is no longer there). */
  | { type: "attachment"; label: string; attachmentId: string | null };

export interface ExportTableCell {
  header: boolean;
  colspan: number;
  rowspan: number;
  blocks: ExportBlock[];
}

export type ExportBlock =
  | { type: "paragraph"; content: ExportInline[] }
  /** A sub-heading inside a field ("Årsrapport 2024"). */
  | { type: "heading"; content: ExportInline[] }
  | {
      type: "list";
      ordered: boolean;
      start: number;
      /** Ordered lists only: "1." or "a." labels. */
      numbering: "decimal" | "alpha";
      items: ExportBlock[][];
    }
  | { type: "table"; rows: ExportTableCell[][] };

export type ExportFieldName = "baggrund" | "indstilling" | "sagsfremstilling" | "beslutning";

export interface ExportField {
  name: ExportFieldName;
  /** As the documents print it: "Baggrund", "Indstilling", "Sagsfremstilling", "Beslutning". */
  label: string;
  blocks: ExportBlock[];
}

export interface ExportAttachment {
  id: string;
  /** Position in the item's list of bilag, from 1. */
  number: number;
  filename: string;
  /** A bilag known by name only (imported): listed in internal exports, never published. */
  missingFile: boolean;
  /** Null when the file is missing. */
  contentType: string | null;
  size: number | null;
}

export interface ExportItem {
  id: string;
  /** "2.3" */
  number: string;
  title: string;
  /** "SAG-2025-03188 mlal/anjh", or null when the item has no case number and no officers. */
  caseLine: string | null;
  /** Lukket punkt: printed with its title in every variant. */
  closed: boolean;
  /** Closed in a public export: only number, title and the closed marker are left. */
  withheld: boolean;
  /** Non-empty fields in document order; Beslutning last, in minutes only. */
  fields: ExportField[];
  attachments: ExportAttachment[];
}

export interface ExportSection {
  id: string;
  /** "2" */
  number: string;
  title: string;
  items: ExportItem[];
}

export interface ExportModel {
  kind: ExportKind;
  variant: ExportVariant;
  /** "Dagsorden" or "Referat". */
  documentTitle: string;
  committee: string;
  meetingTitle: string;
  /** ISO date, "2025-09-03". */
  date: string;
  /** "3. september 2025" */
  dateText: string;
  /** "10:00–13:00", or "10:00" when the end is not set. */
  timeText: string;
  place: string;
  /** "KKR Syddanmark | 03-09-2025" */
  runningHeader: string;
  attendance: { present: string[]; absent: string[] } | null;
  sections: ExportSection[];
  /** The record it was made from; null when the caller gave none. */
  record: ExportRecord | null;
  /** "Indholdets fingeraftryk (SHA-256): …" and, for approved minutes, when they were approved. */
  recordLines: string[];
}
