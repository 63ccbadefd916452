import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { beslutningSchema } from "../../shared/editor";
import type { Meeting, MeetingDetails } from "../../shared/model";
import type { ParsedMeeting } from "../import";
import type { Store } from "../store";
import type { ItemBodyJson } from "../items/createItem";
import type { MeetingService, NewMeetingSection } from "./MeetingService";
import { matchImportedOfficers, officerCandidates } from "./committeeOfficers";
import { newId } from "./newId";

export interface ImportTarget {
  committeeId: string;
  /** Details the document does not show (time, place) or that override what it shows. */
  details: Partial<MeetingDetails>;
  userId: string | null;
  /** Deterministic ids for demo data: item 2.1 becomes `<prefix>-2-1`. */
  idPrefix?: string;
  meetingId?: string;
}

/**
 * Creates a meeting from a parsed agenda or minutes document: its sections and items, each
 * item's body, and — for minutes — each item's Beslutning in the meeting's minutes document.
 */
export async function meetingFromImport(
  meetings: MeetingService,
  store: Store,
  parsed: ParsedMeeting,
  target: ImportTarget,
): Promise<Meeting> {
  const candidates = await officerCandidates(store, target.committeeId);
  const itemId = (number: string) =>
    target.idPrefix ? `${target.idPrefix}-${number.replace(/\./g, "-")}` : newId();
  const sections: NewMeetingSection[] = parsed.sections.map((section) => ({
    id: target.idPrefix ? `${target.idPrefix}-s${section.number}` : undefined,
    title: section.title,
    items: section.items.map((item) => ({
      id: itemId(item.number),
      title: item.title,
      caseNumber: item.caseNumber,
      officers: matchImportedOfficers(item.officers, candidates).officers,
      // The item stays closed, so its body stays internal (the public exports withhold it).
      closed: item.closed,
      attachmentNames: item.attachments,
      body: item.body as unknown as ItemBodyJson,
    })),
  }));
  const committee = await meetings.committee(target.committeeId);
  const details: MeetingDetails = {
    title: `Møde i ${parsed.committee ?? committee.name}`,
    date: parsed.meetingDate ?? new Date().toISOString().slice(0, 10),
    startTime: "09:00",
    endTime: null,
    place: "",
    ...target.details,
  };
  // Beslutning belongs to the minutes document, one fragment per item.
  const minutes = new Y.Doc();
  const schema = beslutningSchema();
  parsed.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      if (!item.beslutning || item.beslutning.length === 0) return;
      const id = sections[s]!.items[i]!.id!;
      prosemirrorJSONToYXmlFragment(
        schema,
        { type: "doc", content: item.beslutning },
        minutes.getXmlFragment(id),
      );
    });
  });
  const meeting = await meetings.createMeeting(
    target.committeeId,
    details,
    sections,
    target.userId,
    target.meetingId,
    Y.encodeStateAsUpdate(minutes),
  );
  minutes.destroy();
  return meeting;
}
