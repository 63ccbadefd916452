import type { ProseMirrorJson } from "../import";
import type { MeetingDocument } from "../meetings/readMeetingDocument";

export type ExportKind = "dagsorden" | "referat";

/** `public`: what is published; `internal`: everything, for the committee and the secretariat. */
export type ExportVariant = "public" | "internal";

/** Who attended, for the minutes' front page. */
export interface ExportAttendance {
  present: string[];
  absent: string[];
  /** Stedfortrædere among the present, with the member each replaces. */
  substitutes?: { name: string; replaces: string }[];
}

/** The meeting record a document is made from (`server/record`), as the document states it. */
export interface ExportRecord {
  /** SHA-256 of the meeting record: printed in the document and kept in its metadata. */
  hash: string;
  /** When the chair approved these minutes; null for an agenda, or minutes not approved. */
  approvedAt: number | null;
  /**
   * The date in the PDF's and Word file's metadata: the approval for a frozen record — so one
   * record always gives byte-identical files — else the time of rendering.
   */
  issuedAt: number;
}

/** What every export is made from: the stored meeting document and, for minutes, its decisions. */
export interface ExportInput {
  document: MeetingDocument;
  kind: ExportKind;
  variant: ExportVariant;
  /** Item id → the item's Beslutning as block nodes (referat only; ignored for a dagsorden). */
  beslutninger: Record<string, ProseMirrorJson[]>;
  /** Overrides the meeting's own attendance (`meeting.attendance`) on the front page. */
  attendance?: ExportAttendance;
  /** The record's hash and dates; without it the document states no hash. */
  record?: ExportRecord;
}
