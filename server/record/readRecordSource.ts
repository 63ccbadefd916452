import { readBeslutninger } from "../exports/readBeslutninger";
import type { MeetingService } from "../meetings/MeetingService";
import { readMeetingDocument } from "../meetings/readMeetingDocument";
import type { SyncServer } from "../sync/SyncServer";
import type { RecordSource } from "./meetingRecord";

/**
 * Reads what the record is made of from the live, committed documents: the meeting with every
 * item body, and the minutes' Beslutninger. Exports and the record's hash come from one such
 * read, so a document and the hash it states always belong together.
 */
export async function readRecordSource(
  meetings: MeetingService,
  sync: SyncServer,
  meetingId: string,
): Promise<RecordSource> {
  const document = await readMeetingDocument(meetings, sync, meetingId);
  const beslutninger = await readBeslutninger(sync, document.meeting);
  return { document, beslutninger };
}
