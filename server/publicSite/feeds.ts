import { Feed } from "feed";
import ical from "ical-generator";
import { formatDanishDate } from "../../shared/model";
import type { PublicationSummary } from "../store";
import type { PublicCommittee, PublicMeeting } from "./PublicSite";
import { publicPaths } from "./publicPaths";
import type { SiteSettings } from "./SiteSettings";

/**
 * The feeds of the public site: a committee's meetings as iCalendar (ical-generator), and what
 * is published as Atom (feed). Addresses are absolute, from the request's origin.
 */
export function meetingCalendar(
  settings: SiteSettings,
  origin: string,
  committee: PublicCommittee,
  meetings: PublicMeeting[],
): string {
  const calendar = ical({
    name: `${committee.name} – møder`,
    prodId: { company: "Dagsorden", product: "offentlig mødekalender", language: "DA" },
    url: origin + publicPaths.calendar(committee.slug),
  });
  for (const m of meetings) {
    const { meeting } = m;
    const start = copenhagenInstant(meeting.date, meeting.startTime);
    calendar.createEvent({
      id: `${meeting.id}@${new URL(origin).host}`,
      start,
      // Without an end time the meeting is shown with a start only.
      end: meeting.endTime ? copenhagenInstant(meeting.date, meeting.endTime) : null,
      summary: `${committee.name}: ${meeting.title}`,
      location: meeting.place || null,
      url: origin + publicPaths.meeting(committee.slug, m.slug),
      description: `${settings.name}. Dagsorden og referat: ${origin}${publicPaths.meeting(committee.slug, m.slug)}`,
    });
  }
  return calendar.toString();
}

/** Current publications, newest first, as an Atom feed. */
export function publicationsFeed(
  settings: SiteSettings,
  origin: string,
  title: string,
  selfPath: string,
  entries: {
    committee: PublicCommittee;
    meeting: PublicMeeting;
    publication: PublicationSummary;
  }[],
): string {
  const sorted = [...entries].sort((a, b) => b.publication.publishedAt - a.publication.publishedAt);
  const feed = new Feed({
    id: origin + selfPath,
    title,
    link: origin + "/offentlig",
    language: "da",
    updated: new Date(sorted[0]?.publication.publishedAt ?? 0),
    generator: "Dagsorden",
    feedLinks: { atom: origin + selfPath },
    author: { name: settings.name },
    copyright: settings.name,
  });
  for (const { committee, meeting, publication } of sorted) {
    const kind = publication.kind === "referat" ? "Referat" : "Dagsorden";
    feed.addItem({
      id: `${origin}${publicPaths.document(publication.id)}`,
      title: `${committee.name}: ${kind}, møde ${formatDanishDate(publication.meetingDate)}`,
      link: origin + publicPaths.meeting(committee.slug, meeting.slug),
      date: new Date(publication.publishedAt),
      published: new Date(publication.publishedAt),
      description: `${kind} til ${meeting.meeting.title}, ${formatDanishDate(publication.meetingDate)}. Dokumentet: ${origin}${publicPaths.document(publication.id)}`,
      author: [{ name: settings.name }],
    });
  }
  return feed.atom1();
}

/** A Danish local date and clock time ("2025-09-03", "10:00") as the instant it is. */
export function copenhagenInstant(date: string, time: string): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at that moment (+01:00 or +02:00), read back from Intl; a second pass settles
  // the hour around a change of summer time.
  let instant = asUtc - offsetMs(asUtc);
  instant = asUtc - offsetMs(instant);
  return new Date(instant);
}

const OFFSET = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Copenhagen",
  timeZoneName: "longOffset",
});

function offsetMs(at: number): number {
  const name = OFFSET.formatToParts(new Date(at)).find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  const sign = match[1] === "-" ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}
