import type { ProseMirrorJson } from "../import";
import type { MeetingDocument } from "../meetings/readMeetingDocument";

export type ExportKind = "dagsorden" | "referat";

/** `public`: what is published; `internal`: everything, for the committee and the secretariat. */
export type ExportVariant = "public" | "internal";

/** Who attended, for the minutes' front page. */
export interface ExportAttendance {
  present: string[];
  absent: string[];
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
}
