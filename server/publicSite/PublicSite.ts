import type { Meeting } from "../../shared/model";
import { Meeting as MeetingSchema } from "../../shared/model";
import { danishToday } from "../../shared/model";
import type { CommitteeRow, PublicationSummary, PublicSearchHit, Store } from "../store";
import { danishStems } from "./danishStems";
import type { PublicDocument } from "./PublicDocument";
import { parsePublicDocument } from "./PublicDocument";
import { committeeSlugs, meetingSlugs } from "./publicPaths";

export interface PublicCommittee {
  id: string;
  name: string;
  slug: string;
}

export interface PublicMeeting {
  meeting: Meeting;
  slug: string;
  /** Today or later, in Danish time. */
  coming: boolean;
  /** The current (not replaced) agenda and minutes, when published. */
  dagsorden: PublicationSummary | null;
  referat: PublicationSummary | null;
  /** Every publication of the meeting, newest first, replaced ones included. */
  publications: PublicationSummary[];
}

/** A search hit with the addresses it is shown under. */
export interface PublicHit extends PublicSearchHit {
  committee: PublicCommittee;
  meetingSlug: string;
  meetingTitle: string;
}

/** The longest search the site answers; longer input is cut, not refused. */
export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_LIMIT = 50;

/**
 * What the public site reads: committees and their meetings (date, place and title are public
 * — a committee's meeting plan is), and of each meeting only what is published. Texts come from
 * publications, never from the live documents.
 */
export class PublicSite {
  constructor(private readonly store: Store) {}

  async committees(): Promise<PublicCommittee[]> {
    const rows = await this.store.meetings.listCommittees();
    const slugs = committeeSlugs(rows);
    return rows
      .map((row) => ({ id: row.id, name: row.name, slug: slugs.get(row.id)! }))
      .sort((a, b) => a.name.localeCompare(b.name, "da"));
  }

  /** A committee by its slug or its id, or null. */
  async committee(key: string): Promise<PublicCommittee | null> {
    const all = await this.committees();
    return all.find((c) => c.slug === key) ?? all.find((c) => c.id === key) ?? null;
  }

  /** The committee's meetings, newest first. */
  async meetings(committee: Pick<CommitteeRow, "id">): Promise<PublicMeeting[]> {
    const rows = await this.store.meetings.listMeetings(committee.id);
    const slugs = meetingSlugs(rows);
    const publications = await this.store.publications.listPublications(committee.id);
    const today = danishToday();
    return rows
      .map((row) => {
        const meeting = MeetingSchema.parse(JSON.parse(row.data));
        const own = publications
          .filter((p) => p.meetingId === row.id)
          .sort((a, b) => b.publishedAt - a.publishedAt);
        const current = (kind: PublicationSummary["kind"]) =>
          own.find((p) => p.kind === kind && p.replacedBy === null) ?? null;
        return {
          meeting,
          slug: slugs.get(row.id)!,
          coming: meeting.date >= today,
          dagsorden: current("dagsorden"),
          referat: current("referat"),
          publications: own,
        };
      })
      .sort(
        (a, b) =>
          b.meeting.date.localeCompare(a.meeting.date) ||
          b.meeting.startTime.localeCompare(a.meeting.startTime),
      );
  }

  async meeting(committee: PublicCommittee, slug: string): Promise<PublicMeeting | null> {
    return (await this.meetings(committee)).find((m) => m.slug === slug) ?? null;
  }

  /** What the site shows of a publication, or null for one published before the site had it. */
  async document(publicationId: string): Promise<PublicDocument | null> {
    const json = await this.store.publications.getPublicContent(publicationId);
    return json === null ? null : parsePublicDocument(json);
  }

  /**
   * Public items of current publications with every word of the query. An item found in both
   * the agenda and the minutes is shown once, from the minutes.
   */
  async search(query: string): Promise<PublicHit[]> {
    const text = query.slice(0, SEARCH_MAX_LENGTH).trim();
    const stems = danishStems(text);
    if (stems.length === 0) return [];
    const hits = await this.store.publications.searchPublished({ text, stems }, SEARCH_LIMIT * 2);
    const committees = new Map((await this.committees()).map((c) => [c.id, c]));
    const meetingCache = new Map<string, PublicMeeting[]>();
    const seen = new Map<string, PublicHit>();
    for (const hit of hits) {
      const committee = committees.get(hit.committeeId);
      if (!committee) continue;
      let meetings = meetingCache.get(committee.id);
      if (!meetings) {
        meetings = await this.meetings(committee);
        meetingCache.set(committee.id, meetings);
      }
      const meeting = meetings.find((m) => m.meeting.id === hit.meetingId);
      if (!meeting) continue;
      const key = `${hit.meetingId}/${hit.itemId}`;
      const earlier = seen.get(key);
      if (earlier && !(earlier.kind === "dagsorden" && hit.kind === "referat")) continue;
      seen.set(key, {
        ...hit,
        committee,
        meetingSlug: meeting.slug,
        meetingTitle: meeting.meeting.title,
      });
    }
    return [...seen.values()].slice(0, SEARCH_LIMIT);
  }
}
