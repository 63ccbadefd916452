import type { Mark } from "@tiptap/pm/model";
import type { SuggestionAttrs } from "../editor/marks/suggestionAttributes";

export type SuggestionKind = "insertion" | "deletion";

/** The suggestion mark of a run of content, if any (the marks exclude each other). */
export function suggestionMarkOf(
  marks: readonly Mark[],
): { kind: SuggestionKind; attrs: SuggestionAttrs } | null {
  for (const mark of marks) {
    const name = mark.type.name;
    if (name === "insertion" || name === "deletion") {
      return { kind: name, attrs: mark.attrs as SuggestionAttrs };
    }
  }
  return null;
}

export function isSuggestionMark(mark: Mark): boolean {
  return mark.type.name === "insertion" || mark.type.name === "deletion";
}
