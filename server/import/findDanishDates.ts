/**
 * Dates as Danish documents write them — "3. september 2025", "d. 17. juni 2025", "3. sep.
 * 2025", "11-11-2020", "11.11.2020", "2020-11-11" — as ISO dates, in order of appearance.
 * Impossible dates (31. juni) are skipped.
 */

export interface FoundDate {
  iso: string;
  index: number;
}

const MONTHS: Record<string, number> = {
  januar: 1,
  februar: 2,
  marts: 3,
  april: 4,
  maj: 5,
  juni: 6,
  juli: 7,
  august: 8,
  september: 9,
  oktober: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  dec: 12,
};

const WRITTEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})\.\s*(${Object.keys(MONTHS).join("|")})\.?\s+(\d{4})(?!\d)`,
  "giu",
);
const NUMERIC = /(?<![\d.-])(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})(?![\d])/g;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

export function findDanishDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(WRITTEN)) {
    const month = MONTHS[match[2]!.toLowerCase()]!;
    push(found, Number(match[3]), month, Number(match[1]), match.index);
  }
  for (const match of text.matchAll(ISO)) {
    push(found, Number(match[1]), Number(match[2]), Number(match[3]), match.index);
  }
  for (const match of text.matchAll(NUMERIC)) {
    const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    push(found, year, Number(match[2]), Number(match[1]), match.index);
  }
  return found.sort((a, b) => a.index - b.index);
}

function push(found: FoundDate[], year: number, month: number, day: number, index: number) {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    year >= 1900 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!valid) return;
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!found.some((other) => other.index === index)) found.push({ iso, index });
}
