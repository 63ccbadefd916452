/**
 * The meeting record: everything a published agenda or minutes shows, defined once. The
 * meeting's details (title, date, times, place), its live sections and items in order, each
 * item's header (title, case number, officers, closed flag), its body, its list of bilag (name,
 * type, size and content hash; a bilag known by name only: its name, marked without a file)
 * and, for minutes, its Beslutning and the attendance with its stedfortrædere.
 *
 * Approving the minutes freezes exactly this (`isRecordFrozen`), and its hash — SHA-256 of the
 * canonical JSON of the record — is what the approval, the exports and every publication state,
 * so anyone can recompute it (`GET /api/meetings/:id/record`) and compare. What is not here is
 * deliberately not part of the record: workflow status, comments, deleted entries, the
 * deadline, and which bilag the public version leaves out (a publication decision).
 */
import { createHash } from "node:crypto";
import { hasFile } from "../../shared/model";
import type { AttachmentEntry, Attendance } from "../../shared/model";
import type { ExportKind } from "../exports/ExportInput";
import type { ProseMirrorJson } from "../import";
import type { MeetingDocument } from "../meetings/readMeetingDocument";
import { canonicalJson } from "../versions/canonicalJson";

/** Bumped whenever what the record holds changes, so old and new hashes never compare equal. */
export const RECORD_FORMAT = 1;

export type RecordAttachment =
  | { id: string; filename: string; contentType: string; size: number; sha256: string }
  | { id: string; filename: string; missingFile: true };

/**
 * Who attended, as the minutes state it. `substitutes` is there only when someone stood in:
 * records approved before stedfortrædere were recorded had no such key, and an attendance
 * without any must keep giving the hash their approval recorded.
 */
export interface RecordAttendance {
  present: string[];
  absent: string[];
  notPresentForItem: Record<string, string[]>;
  substitutes?: { name: string; replaces: string }[];
}

export interface RecordItem {
  id: string;
  title: string;
  caseNumber: string | null;
  officers: string[];
  closed: boolean;
  /** The item body (Baggrund, Indstilling, Sagsfremstilling) as ProseMirror JSON. */
  body: unknown;
  attachments: RecordAttachment[];
  /** Minutes only: the Beslutning's blocks ([] when none is written). */
  beslutning?: ProseMirrorJson[];
}

export interface RecordSection {
  id: string;
  title: string;
  items: RecordItem[];
}

export interface MeetingRecord {
  format: typeof RECORD_FORMAT;
  kind: ExportKind;
  meeting: {
    id: string;
    committeeId: string;
    title: string;
    date: string;
    startTime: string;
    endTime: string | null;
    place: string;
  };
  sections: RecordSection[];
  /** Minutes only. */
  attendance?: RecordAttendance;
}

/** What the record is read from: the whole meeting document and the minutes' Beslutninger. */
export interface RecordSource {
  document: MeetingDocument;
  /** Item id → Beslutning blocks (`readBeslutninger`; items without one are absent). */
  beslutninger: Record<string, ProseMirrorJson[]>;
}

/**
 * The record of a meeting as an agenda (`dagsorden`: no Beslutninger, no attendance) or as
 * minutes (`referat`). Picks every field explicitly, so nothing reaches the hash by accident.
 */
export function meetingRecord(source: RecordSource, kind: ExportKind): MeetingRecord {
  const { meeting, bodies } = source.document;
  const minutes = kind === "referat";
  const sections: RecordSection[] = meeting.agenda.sections
    .filter((section) => !section.deleted)
    .map((section) => ({
      id: section.id,
      title: section.title,
      items: section.items
        .filter((item) => !item.deleted)
        .map((item) => ({
          id: item.id,
          title: item.title,
          caseNumber: item.caseNumber,
          officers: [...item.officers],
          closed: item.closed,
          body: bodies[item.id] ?? null,
          attachments: item.attachments.map(recordAttachment),
          ...(minutes ? { beslutning: source.beslutninger[item.id] ?? [] } : {}),
        })),
    }));
  return {
    format: RECORD_FORMAT,
    kind,
    meeting: {
      id: meeting.id,
      committeeId: meeting.committeeId,
      title: meeting.title,
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      place: meeting.place,
    },
    sections,
    ...(minutes ? { attendance: recordAttendance(meeting.attendance) } : {}),
  };
}

function recordAttachment(entry: AttachmentEntry): RecordAttachment {
  if (!hasFile(entry)) return { id: entry.id, filename: entry.filename, missingFile: true };
  const { id, filename, contentType, size, sha256 } = entry;
  return { id, filename, contentType, size, sha256 };
}

function recordAttendance(attendance: Attendance): RecordAttendance {
  const { present, absent, notPresentForItem, substitutes } = attendance;
  return {
    present: [...present],
    absent: [...absent],
    notPresentForItem: { ...notPresentForItem },
    ...(substitutes.length > 0
      ? { substitutes: substitutes.map(({ name, replaces }) => ({ name, replaces })) }
      : {}),
  };
}

/** SHA-256 (hex) of the record's canonical JSON: equal records, equal hashes, always. */
export function recordHash(record: MeetingRecord): string {
  return createHash("sha256").update(canonicalJson(record)).digest("hex");
}
