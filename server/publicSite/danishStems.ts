import snowball from "snowball-stemmers";

const stemmer = snowball.newStemmer("danish");

/** Words as the search sees them: runs of letters and digits, in lower case (æ, ø, å kept). */
export function searchWords(text: string): string[] {
  return text.toLocaleLowerCase("da-DK").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The Snowball Danish stems of a text's words ("beslutninger" → "beslutning", "kommunerne" →
 * "kommun"), so a search for one form finds the others. SQLite's FTS5 has no Danish stemmer;
 * the same algorithm is PostgreSQL's `danish` configuration.
 */
export function danishStems(text: string): string[] {
  return searchWords(text).map((word) => stemmer.stem(word));
}
