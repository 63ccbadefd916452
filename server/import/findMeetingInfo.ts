import { findDanishDates } from "./findDanishDates";
import type { AgendaKind, ItemFieldTexts } from "./ParsedMeeting";
import { formatDanishDate } from "../../shared/model/formatDanishDate";

/**
 * The committee, the meeting date and whether the document is an agenda or minutes, from what
 * the text shows, most reliable source first:
 *
 * - committee: running headers ("KKR Syddanmark | 11-11-2020"), then the front page ("Referat
 *   for Økonomiudvalget"), then the body — the body that recommends ("Det indstilles, at KKR
 *   Syddanmark godkender …") or meets ("møde i KKR Syddanmark den …"), the most frequent name
 *   said at least twice;
 * - date: running headers, then a date on the front page next to "møde", "dato", "dagsorden" or
 *   "referat". Dates in the body are of other meetings (the previous minutes, the next meeting),
 *   so they only bracket the date in a warning;
 * - kind: minutes when an item has a written Beslutning or the front page says "Referat".
 */

export interface MeetingInfoSources {
  headers: readonly string[];
  preamble: readonly string[];
  items: readonly { title: string; fields: ItemFieldTexts }[];
}

export interface MeetingInfo {
  committee: string | null;
  meetingDate: string | null;
  kind: AgendaKind;
  warnings: string[];
}

const HEADER = /^(.+?)\s*\|\s*(.+)$/;
const FRONT_PAGE_COMMITTEE = [
  /^(?:dagsorden|referat)\s+(?:for|fra|til)\s+(?:mødet?\s+i\s+)?(.+?)(?:\s+(?:den|d\.)\s+\d.*|\s+\d.*)?$/i,
  /^(?:udvalg|mødeforum|forum)\s*:\s*(.+)$/i,
  /^møde i\s+(.+?)(?:\s+(?:den|d\.)\s+\d.*)?$/i,
];
const RECOMMENDS =
  /(?:indstilles|indstiller)(?:\s+over for\s+[^,]+)?,?\s+at\s+((?:\S+\s*){1,8})/giu;
const MEETS = /møde(?:t)?\s+i\s+((?:\S+\s*){1,8})/giu;
const NOT_A_NAME = new Set([
  "Det",
  "Der",
  "Den",
  "De",
  "Sagen",
  "Punktet",
  "Forvaltningen",
  "Administrationen",
  "Direktionen",
  "Udvalget",
  "Formanden",
]);
/** A line that is only a name: capitalised, short, no digits, no sentence. */
const NAME_LINE = /^\p{Lu}[\p{L} &-]{1,60}$/u;
const DATE_CONTEXT = /møde|dato|dagsorden|referat|tidspunkt|\btid\b|afholdes|\bkl\./i;

export function findMeetingInfo(sources: MeetingInfoSources): MeetingInfo {
  const warnings: string[] = [];

  const committee = committeeFromHeaders(sources.headers) ?? committeeFromText(sources);
  if (committee === null) warnings.push("Udvalgets navn fremgår ikke tydeligt af teksten.");

  // A table of contents on the front page names other meetings' dates in item titles.
  const frontPage = sources.preamble.filter(
    (line) => !/^\d{1,2}(?:\.\d{1,2})?\.?\s+\p{Lu}/u.test(line),
  );
  let meetingDate = mostFrequent(
    sources.headers.flatMap((header) => findDanishDates(header).map((date) => date.iso)),
  );
  meetingDate ??=
    frontPage.filter((line) => DATE_CONTEXT.test(line)).flatMap((line) => findDanishDates(line))[0]
      ?.iso ?? null;
  if (meetingDate === null) {
    // Any other date on the front page is likely the meeting's, but not certainly.
    meetingDate = frontPage.flatMap((line) => findDanishDates(line))[0]?.iso ?? null;
    if (meetingDate !== null) {
      warnings.push(
        `Mødedatoen ${formatDanishDate(meetingDate)} er den første dato på forsiden; kontrollér den.`,
      );
    }
  }
  if (meetingDate === null) warnings.push(missingDateWarning(sources.items));

  const beslutninger = sources.items.map((item) => item.fields.beslutning);
  const written = beslutninger.some((text) => text !== null && text !== "");
  const saysReferat = sources.preamble.some((line) => /^referat\b/i.test(line));
  const kind: AgendaKind = written || saysReferat ? "referat" : "dagsorden";
  if (!written && beslutninger.some((text) => text !== null)) {
    warnings.push("Dokumentet har Beslutning-overskrifter, men ingen af dem har tekst.");
  }
  return { committee, meetingDate, kind, warnings };
}

function committeeFromHeaders(headers: readonly string[]): string | null {
  return mostFrequent(headers.map((header) => HEADER.exec(header)?.[1]?.trim() ?? ""));
}

function committeeFromText(sources: MeetingInfoSources): string | null {
  const preamble = sources.preamble;
  for (const [index, line] of preamble.entries()) {
    for (const pattern of FRONT_PAGE_COMMITTEE) {
      const name = pattern.exec(line)?.[1];
      if (name !== undefined && /^\p{Lu}/u.test(name) && name.length <= 80) return name.trim();
    }
    // A front page titled "Dagsorden" or "Referat" names the committee on the line next to it,
    // alone or in the meeting's title ("Møde i KKR Syddanmark").
    if (/^(?:dagsorden|referat)$/i.test(line)) {
      for (const candidate of [preamble[index + 1], preamble[index - 1]]) {
        if (candidate === undefined) continue;
        const titled = FRONT_PAGE_COMMITTEE.map((pattern) => pattern.exec(candidate)?.[1]).find(
          (name) => name !== undefined && /^\p{Lu}/u.test(name),
        );
        if (titled !== undefined) return titled.trim();
        if (NAME_LINE.test(candidate)) return candidate;
      }
    }
  }
  const names: string[] = [];
  for (const item of sources.items) {
    const texts = [item.title, item.fields.baggrund ?? "", item.fields.indstilling ?? ""];
    const beslutning = item.fields.beslutning ?? "";
    // Minutes name the committee as the subject of the decision: "KKR Syddanmark godkendte …".
    const decided =
      /^((?:\S+\s+){1,6}?)(?:godkendte|tog|besluttede|drøftede|tiltrådte|udpegede)\b/u;
    const subject = decided.exec(beslutning)?.[1];
    if (subject !== undefined) {
      const name = leadingName(subject);
      if (name !== null) names.push(name);
    }
    for (const text of texts) {
      for (const pattern of [RECOMMENDS, MEETS]) {
        for (const match of text.matchAll(pattern)) {
          const name = leadingName(match[1]!);
          if (name !== null) names.push(name);
        }
      }
    }
  }
  const counts = countOf(names);
  // One name said once is evidence only when it is the only name there is.
  const minimum = counts.size === 1 ? 1 : 2;
  let best: string | null = null;
  for (const [name, count] of counts) {
    if (count < minimum) continue;
    const bestCount = best === null ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && name.length > best!.length)) best = name;
  }
  return best;
}

/** "KKR Syddanmark godkender …" gives "KKR Syddanmark"; "Børne- og Ungeudvalget tager …" its name. */
function leadingName(text: string): string | null {
  const words = text.split(/\s+/);
  const name: string[] = [];
  for (let index = 0; index < words.length && name.length < 6; index += 1) {
    const word = words[index]!;
    const capitalised = /^\p{Lu}[\p{L}\p{N}-]*$/u.test(word);
    const joins = word === "og" && /^\p{Lu}/u.test(words[index + 1] ?? "") && name.length > 0;
    if (!capitalised && !joins) break;
    name.push(word);
  }
  if (name.length === 0 || NOT_A_NAME.has(name[0]!)) return null;
  return name.join(" ");
}

function missingDateWarning(items: MeetingInfoSources["items"]): string {
  let previous: string | null = null;
  let following: string | null = null;
  for (const item of items) {
    const text = [item.title, item.fields.baggrund ?? ""].join("\n");
    if (/godkendelse af referat/i.test(item.title))
      previous ??= findDanishDates(text)[0]?.iso ?? null;
    if (/næste møde/i.test(item.title)) following ??= findDanishDates(text).at(-1)?.iso ?? null;
  }
  const bounds = [
    previous === null ? null : `efter ${formatDanishDate(previous)} (forrige møde)`,
    following === null ? null : `før ${formatDanishDate(following)} (næste møde)`,
  ].filter((bound) => bound !== null);
  return (
    "Mødedatoen fremgår ikke af teksten" +
    (bounds.length > 0 ? `; den ligger ${bounds.join(" og ")}.` : ".")
  );
}

function mostFrequent(values: readonly string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of countOf(values.filter((candidate) => candidate !== ""))) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function countOf(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
