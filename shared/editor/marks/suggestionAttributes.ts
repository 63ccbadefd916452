import type { Attributes } from "@tiptap/core";
import { formatAuditTime } from "../../audit/formatAuditTime";

/**
 * What every suggestion mark carries: who suggested it, when, and which suggestion it belongs
 * to. A suggestion is all the text marked with one id (a replacement is a deletion and an
 * insertion sharing an id), so it is accepted or rejected as one.
 */
export interface SuggestionAttrs {
  /** The suggestion's id, unique per document; shared by the halves of a replacement. */
  id: string;
  /** The suggesting person's user id: what the server checks against the connection. */
  authorId: string;
  /** The person's name when they suggested it, shown without a lookup. */
  authorName: string;
  /** When it was suggested, ISO 8601 (the suggesting client's clock). */
  time: string;
}

export const SUGGESTION_ATTR_NAMES = ["id", "authorId", "authorName", "time"] as const;

const DATA_ATTRIBUTES: Record<(typeof SUGGESTION_ATTR_NAMES)[number], string> = {
  id: "data-id",
  authorId: "data-author-id",
  authorName: "data-author-name",
  time: "data-time",
};

/** TipTap attribute definitions: rendered by the marks themselves, read back from data-*. */
export function suggestionAttributeSpecs(): Attributes {
  const specs: Attributes = {};
  for (const name of SUGGESTION_ATTR_NAMES) {
    specs[name] = {
      default: null,
      rendered: false,
      parseHTML: (element) => element.getAttribute(DATA_ATTRIBUTES[name]),
    };
  }
  return specs;
}

/** Number of author colour classes (`suggestion-author-0` …) in the stylesheet. */
export const SUGGESTION_COLOR_COUNT = 8;

/**
 * An author's colour class, from their user id: stable across sessions and pages, and a class
 * rather than an inline style, which the content security policy does not allow.
 */
export function suggestionColorClass(authorId: string): string {
  let hash = 0;
  for (let i = 0; i < authorId.length; i++) hash = (hash * 31 + authorId.charCodeAt(i)) >>> 0;
  return `suggestion-author-${hash % SUGGESTION_COLOR_COUNT}`;
}

/** The tooltip: "Foreslået indsat af Anne Holm, 5. dec. 2026 kl. 09.14" (Danish time). */
export function suggestionTitle(kind: "insertion" | "deletion", attrs: Partial<SuggestionAttrs>) {
  const what = kind === "insertion" ? "Foreslået indsat" : "Foreslået slettet";
  const when = attrs.time ? formatSuggestionTime(attrs.time) : "";
  return `${what} af ${attrs.authorName ?? "ukendt"}${when ? `, ${when}` : ""}`;
}

export function formatSuggestionTime(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? "" : formatAuditTime(at);
}
