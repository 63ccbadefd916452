import type { MeetingDetails } from "../../shared/model";
import type { ParsedMeeting } from "../import";
import { ApiError } from "../http/ApiError";
import type { Store } from "../store";
import type { MeetingService } from "./MeetingService";
import { meetingFromImport } from "./meetingFromImport";

/**
 * Picks the committee a parsed document belongs to: the one named, else the one whose name the
 * document shows, else the only one there is. Null when that is ambiguous.
 */
export async function resolveCommittee(
  meetings: MeetingService,
  parsed: ParsedMeeting,
  requested: string | null,
): Promise<string | null> {
  const committees = await meetings.listCommittees();
  if (requested) {
    const match = committees.find(
      (c) => c.id === requested || c.name.toLowerCase() === requested.toLowerCase(),
    );
    return match?.id ?? null;
  }
  const named = parsed.committee
    ? committees.find((c) => c.name.toLowerCase() === parsed.committee!.toLowerCase())
    : undefined;
  if (named) return named.id;
  return committees.length === 1 ? committees[0]!.id : null;
}

/** Creates a meeting from a parsed document, refusing documents with nothing to import. */
export async function importIntoCommittee(
  meetings: MeetingService,
  store: Store,
  parsed: ParsedMeeting,
  committeeId: string,
  details: Partial<MeetingDetails>,
  userId: string | null,
) {
  const items = parsed.sections.reduce((n, s) => n + s.items.length, 0);
  if (parsed.sections.length === 0 || items === 0) {
    throw new ApiError(422, "import_no_agenda", "Dokumentet indeholder ingen dagsordenspunkter");
  }
  if (!parsed.meetingDate && !details.date) {
    throw new ApiError(422, "import_date_missing", "Dokumentet viser ikke mødedatoen; angiv den");
  }
  const meeting = await meetingFromImport(meetings, store, parsed, {
    committeeId,
    details,
    userId,
  });
  await meetings.audit(userId, "meeting.import", meeting.id, null, {
    kind: parsed.kind,
    sections: parsed.sections.length,
    items,
    warnings: parsed.warnings.length,
  });
  return { meeting, items };
}
