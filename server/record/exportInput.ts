import { isRecordFrozen } from "../../shared/permissions";
import type { ExportInput, ExportKind, ExportRecord, ExportVariant } from "../exports/ExportInput";
import type { RecordSource } from "./meetingRecord";
import { meetingRecord, recordHash } from "./meetingRecord";

/**
 * What an export of `source` is made from, stating its record: the hash of what it shows, and its
 * dates (a frozen record's approval, so one record always gives the same files). Pure, so the
 * task pool can run it: hashing a 60-item record is milliseconds the event loop need not spend.
 */
export function exportInput(
  source: RecordSource,
  kind: ExportKind,
  variant: ExportVariant,
  now = Date.now(),
): ExportInput {
  const { meeting } = source.document;
  const approval = isRecordFrozen(meeting.phase) ? meeting.approval : null;
  const record: ExportRecord = {
    hash: recordHash(meetingRecord(source, kind)),
    approvedAt: kind === "referat" && approval ? approval.at : null,
    issuedAt: approval ? approval.at : now,
  };
  return {
    document: source.document,
    kind,
    variant,
    beslutninger: kind === "referat" ? source.beslutninger : {},
    record,
  };
}
