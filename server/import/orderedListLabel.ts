import type { Block } from "./Block";

const LETTERS = "abcdefghijklmnopqrstuvwxyzæøå";

/** How the document printed item `index` of an ordered list: "3.", "c)". */
export function orderedListLabel(
  list: Extract<Block, { kind: "orderedList" }>,
  index: number,
): string {
  const ordinal = list.start + index;
  const label = list.style === "decimal" ? String(ordinal) : (LETTERS[ordinal - 1] ?? "?");
  return `${label}${list.delimiter}`;
}
