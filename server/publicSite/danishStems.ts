import { createRequire } from "node:module";
import type snowball from "snowball-stemmers";

type Stemmer = ReturnType<typeof snowball.newStemmer>;

// Loaded on first use: the package holds every language's stemmer (about 850 KB of source),
// and a server that never publishes or searches has no use for it.
const require = createRequire(import.meta.url);
let stemmer: Stemmer | undefined;

function danishStemmer(): Stemmer {
  stemmer ??= (require("snowball-stemmers") as typeof snowball).newStemmer("danish");
  return stemmer;
}

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
  const danish = danishStemmer();
  return searchWords(text).map((word) => danish.stem(word));
}
