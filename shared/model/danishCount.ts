/**
 * Danish nouns the UI counts, singular and plural ("1 dokument", "2 dokumenter"). Named once so
 * no page writes "1 dokumenter".
 */
export const DANISH_NOUNS = {
  dokument: ["dokument", "dokumenter"],
  moede: ["møde", "møder"],
  punkt: ["punkt", "punkter"],
  bilag: ["bilag", "bilag"],
  resultat: ["resultat", "resultater"],
  udvalg: ["udvalg", "udvalg"],
} as const satisfies Record<string, readonly [string, string]>;

export type DanishNoun = keyof typeof DANISH_NOUNS;

/** "1 punkt", "0 punkter", "2 punkter": Danish uses the singular for exactly one. */
export function danishCount(count: number, noun: DanishNoun): string {
  const [singular, plural] = DANISH_NOUNS[noun];
  return `${count} ${count === 1 ? singular : plural}`;
}
