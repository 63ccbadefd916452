import type { CommitteeRow, MeetingRow } from "../store";

/**
 * The public site's addresses: `/offentlig/<udvalg>` and `/offentlig/<udvalg>/<dato>`, made from
 * the committee's name and the meeting's date so a citizen can read and share them. They do not
 * depend on publications, so republishing keeps every address (items are anchors on the meeting
 * page, bilag are addressed by their id). A committee is also found by its id, which the API
 * hands out (`committeeUrl`).
 */
export const PUBLIC_ROOT = "/offentlig";

/** Words under /offentlig that are routes of their own, never a committee. */
const RESERVED = new Set(["dokumenter", "soeg", "publikationer.atom"]);

export function slugify(text: string): string {
  return text
    .toLocaleLowerCase("da-DK")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

/** Each committee's slug; two committees of the same name are told apart by id. */
export function committeeSlugs(committees: readonly CommitteeRow[]): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>(RESERVED);
  for (const committee of [...committees].sort((a, b) => a.id.localeCompare(b.id))) {
    const base = slugify(committee.name) || "udvalg";
    const slug = taken.has(base) ? `${base}-${slugify(committee.id)}` : base;
    taken.add(slug);
    slugs.set(committee.id, slug);
  }
  return slugs;
}

/** Each meeting's slug: its date, and for a second meeting that day "-2" (by creation). */
export function meetingSlugs(meetings: readonly MeetingRow[]): Map<string, string> {
  const slugs = new Map<string, string>();
  const perDate = new Map<string, number>();
  const ordered = [...meetings].sort(
    (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
  for (const meeting of ordered) {
    const n = (perDate.get(meeting.date) ?? 0) + 1;
    perDate.set(meeting.date, n);
    slugs.set(meeting.id, n === 1 ? meeting.date : `${meeting.date}-${n}`);
  }
  return slugs;
}

export const publicPaths = {
  committee: (slug: string) => `${PUBLIC_ROOT}/${slug}`,
  meeting: (committeeSlug: string, meetingSlug: string) =>
    `${PUBLIC_ROOT}/${committeeSlug}/${meetingSlug}`,
  bilag: (committeeSlug: string, meetingSlug: string, attachmentId: string) =>
    `${PUBLIC_ROOT}/${committeeSlug}/${meetingSlug}/bilag/${encodeURIComponent(attachmentId)}`,
  calendar: (committeeSlug: string) => `${PUBLIC_ROOT}/${committeeSlug}/moeder.ics`,
  committeeFeed: (committeeSlug: string) => `${PUBLIC_ROOT}/${committeeSlug}/publikationer.atom`,
  feed: () => `${PUBLIC_ROOT}/publikationer.atom`,
  search: () => `${PUBLIC_ROOT}/soeg`,
  document: (publicationId: string) =>
    `${PUBLIC_ROOT}/dokumenter/${encodeURIComponent(publicationId)}`,
};

/** "punkt-2-3": an item's anchor on its meeting page, from its number. */
export function itemAnchor(number: string): string {
  return `punkt-${number.replace(/\./g, "-")}`;
}
