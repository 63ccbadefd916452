import { formatDocName } from "../../shared/docName";
import type { Meeting } from "../../shared/model";
import { numberAgenda } from "../../shared/model";
import type { SyncServer } from "../sync/SyncServer";
import type { MeetingService } from "./MeetingService";
import { acceptedBodyOf } from "./acceptedBodyCache";

/** Everything needed to render a whole meeting document (preview, exports). */
export interface MeetingDocument {
  meeting: Meeting;
  committee: { id: string; name: string };
  numbers: Record<string, string>;
  /** Item id → body as ProseMirror JSON (live state, committed; accepted text only). */
  bodies: Record<string, unknown>;
}

export async function readMeetingDocument(
  meetings: MeetingService,
  sync: SyncServer,
  meetingId: string,
): Promise<MeetingDocument> {
  const meeting = await meetings.meeting(meetingId);
  const committee = await meetings.committee(meeting.committeeId);
  const bodies: Record<string, unknown> = {};
  for (const section of meeting.agenda.sections) {
    if (section.deleted) continue;
    for (const item of section.items) {
      if (item.deleted) continue;
      const doc = await sync.registry.get(formatDocName("item", item.id));
      if (!doc) continue;
      try {
        await doc.whenSettled();
        bodies[item.id] = acceptedBodyOf(doc.doc);
      } finally {
        sync.registry.release(doc);
      }
    }
  }
  return {
    meeting,
    committee: { id: committee.id, name: committee.name },
    numbers: Object.fromEntries(numberAgenda(meeting.agenda)),
    bodies,
  };
}
