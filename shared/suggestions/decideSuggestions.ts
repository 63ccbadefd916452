/**
 * Accepting and rejecting suggestions: pure transforms of an item body.
 *
 * Accepting an insertion keeps the text and drops the mark; accepting a deletion removes the
 * text. Rejecting does the opposite. A suggestion is everything marked with its id, so a
 * replacement (a deletion and an insertion sharing an id) is decided as one.
 */
import type { Node } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import type { SuggestionAttrs } from "../editor/marks/suggestionAttributes";
import { suggestionMarkOf } from "./suggestionMarks";

export type SuggestionDecision = "accept" | "reject";

interface Run {
  from: number;
  to: number;
  kind: "insertion" | "deletion";
  attrs: SuggestionAttrs;
}

function runsOf(doc: Node, decide: (attrs: SuggestionAttrs) => boolean): Run[] {
  const runs: Run[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const mark = suggestionMarkOf(node.marks);
    if (mark && decide(mark.attrs)) {
      runs.push({ from: pos, to: pos + node.nodeSize, kind: mark.kind, attrs: mark.attrs });
    }
    return false;
  });
  return runs;
}

/**
 * The body with the suggestions `decide` picks decided. Returns the same node when none is
 * picked.
 */
export function applyDecision(
  doc: Node,
  decide: (attrs: SuggestionAttrs) => boolean,
  decision: SuggestionDecision,
): Node {
  const runs = runsOf(doc, decide);
  if (runs.length === 0) return doc;
  const transform = new Transform(doc);
  const schema = doc.type.schema;
  // Marks first (positions do not move), then removals from the end (earlier ones stay valid).
  for (const run of runs) {
    const removesText = (run.kind === "deletion") === (decision === "accept");
    if (!removesText) transform.removeMark(run.from, run.to, schema.marks[run.kind]);
  }
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i]!;
    const removesText = (run.kind === "deletion") === (decision === "accept");
    if (removesText) transform.delete(run.from, run.to);
  }
  return transform.doc;
}

/** Decides the suggestions with these ids. */
export function decideSuggestions(
  doc: Node,
  ids: ReadonlySet<string>,
  decision: SuggestionDecision,
): Node {
  return applyDecision(doc, (attrs) => ids.has(attrs.id), decision);
}

/**
 * The body as if every open suggestion were rejected: open insertions dropped, open deletions
 * kept as text. What exports, publication, content hashes and the personal-data check read:
 * an open suggestion is never exported or published.
 */
export function acceptedBody(doc: Node): Node {
  return applyDecision(doc, () => true, "reject");
}
