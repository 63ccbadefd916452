/**
 * Joins the printed lines of one paragraph into one line, undoing hyphenation only where it is
 * a line-break artefact. A line ending in "fe-" followed by "bruar" was one word; but a hyphen
 * that belongs to the text stays:
 *
 * - before or after a digit: "2024-" + "2027", "DK2020-" + "indsatsen";
 * - after an abbreviation in capitals or a known lower-case one: "EU-kontor", "KKR-formand",
 *   "it-tilstanden";
 * - before a capital: "Faaborg-" + "Midtfyn";
 * - before "og"/"eller"/"samt"/"til" — a suspended compound, "social- og sundhedsområdet" —
 *   joined with a space;
 * - inside a web address: "…/moededatoer-dagsordener-" + "og-referater/".
 *
 * A line ending in a slash joins the next without a space ("februar/" + "marts").
 */

export interface LinePart {
  text: string;
}

const LOWERCASE_ABBREVIATIONS = new Set(["it", "e", "tv", "pc", "sms", "cpr", "mail", "web", "p"]);
const SUSPENDED_COMPOUND_NEXT = /^(?:og|eller|samt|til|&|og\/eller)(?:\s|$)/;

export function dehyphenate(lines: readonly (LinePart | string)[]): string {
  let result = "";
  for (const entry of lines) {
    const text = (typeof entry === "string" ? entry : entry.text).trim();
    if (text === "") continue;
    if (result === "") {
      result = text;
      continue;
    }
    const join = joinAfter(result, text);
    result = (join.dropHyphen ? result.slice(0, -1) : result) + join.separator + text;
  }
  return result;
}

interface Join {
  dropHyphen: boolean;
  separator: "" | " ";
}

const SPACE: Join = { dropHyphen: false, separator: " " };
const NO_SPACE: Join = { dropHyphen: false, separator: "" };
const UNHYPHENATE: Join = { dropHyphen: true, separator: "" };

/** How the text so far and the next printed line join. */
function joinAfter(sofar: string, next: string): Join {
  // Lines break after a slash too: "februar/" + "marts", ".../politik/" + "kkr/...".
  if (/\S\/$/.test(sofar)) return NO_SPACE;
  if (!sofar.endsWith("-") || /\s-$/.test(sofar)) return SPACE;
  const lastToken = /\S+$/.exec(sofar)?.[0] ?? "";
  if (/^(?:https?:\/\/|www\.)/i.test(lastToken)) return NO_SPACE;
  if (SUSPENDED_COMPOUND_NEXT.test(next)) return SPACE;
  const fragment = /([\p{L}\p{N}]+)-$/u.exec(sofar)?.[1];
  if (fragment === undefined) return NO_SPACE;
  if (/\p{N}$/u.test(fragment) || /^\p{N}/u.test(next)) return NO_SPACE;
  if (/\p{Lu}.*\p{Lu}/u.test(fragment)) return NO_SPACE;
  if (LOWERCASE_ABBREVIATIONS.has(fragment.toLowerCase())) return NO_SPACE;
  return /^\p{Ll}/u.test(next) ? UNHYPHENATE : NO_SPACE;
}
