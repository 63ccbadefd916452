/** Shapes of the meeting endpoints' answers, as the client reads them (see docs/API.md). */
import type { Meeting, MeetingPhase } from "../../shared/model/agenda";
import type { Role } from "../../shared/roles";

/** A committee the signed-in person is a member of, with their role in it. */
export interface CommitteeMembership {
  id: string;
  name: string;
  role: Role;
}

/** One row of `GET /api/committees/:id/meetings`. */
export interface MeetingSummary {
  id: string;
  title: string;
  /** ISO date, "2025-09-03". */
  date: string;
  startTime: string;
  place: string;
  phase: MeetingPhase;
  itemCount: number;
}

/** `GET /api/meetings/:id`: the stored meeting, its derived numbers and its live document. */
export interface MeetingView extends Meeting {
  /** Section or item id → "2" or "2.10"; deleted entries have none. */
  numbers: Record<string, string>;
  /** "meeting:<id>" */
  doc: string;
}

/** A ProseMirror node as JSON. */
export interface ProseMirrorJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** `GET /api/meetings/:id/document`: everything the preview renders. */
export interface MeetingDocument {
  meeting: Meeting;
  committee: { id: string; name: string };
  numbers: Record<string, string>;
  /** Item id → its body as ProseMirror JSON. */
  bodies: Record<string, ProseMirrorJson | undefined>;
}

/** What the import parser made of a file (`POST /api/committees/:id/imports/preview`). */
export interface ParsedImport {
  committee: string | null;
  /** YYYY-MM-DD, or null when the file names no date. */
  meetingDate: string | null;
  kind: "dagsorden" | "referat";
  sections: ParsedImportSection[];
  warnings: string[];
}

export interface ParsedImportSection {
  number: string;
  title: string;
  items: ParsedImportItem[];
}

export interface ParsedImportItem {
  number: string;
  title: string;
  caseNumber: string | null;
  officers: string[];
  /** Plain text per field; null: no such heading in the file. */
  fields: Record<"baggrund" | "indstilling" | "sagsfremstilling" | "beslutning", string | null>;
  attachmentMarkers: number;
  /** Lukket punkt in the file: imported closed, so its text stays internal. */
  closed: boolean;
  /** Names in the item's list of bilag: imported as bilag without a file. */
  attachments: string[];
}
