import type { Node } from "@tiptap/pm/model";
import type { SuggestionAttrs } from "../editor/marks/suggestionAttributes";
import { suggestionMarkOf } from "./suggestionMarks";

/** One open suggestion, as the review list shows it. */
export interface OpenSuggestion {
  id: string;
  /** "replacement": a deletion and an insertion with one id. */
  kind: "insertion" | "deletion" | "replacement";
  authorId: string;
  authorName: string;
  time: string;
  /** The field it is in ("sagsfremstilling"), or "" outside every field. */
  field: string;
  inserted: string;
  deleted: string;
  /** Some text before and after it in its paragraph. */
  before: string;
  after: string;
  /** Where it starts in the document (text order). */
  from: number;
  to: number;
}

const CONTEXT_CHARS = 30;

/** Every open suggestion in the body, in text order (by where it starts). */
export function listSuggestions(doc: Node): OpenSuggestion[] {
  const byId = new Map<string, OpenSuggestion>();
  const order: OpenSuggestion[] = [];
  let field = "";
  doc.descendants((node, pos, parent) => {
    if (parent === doc) field = node.type.name;
    if (!node.isInline) return true;
    const mark = suggestionMarkOf(node.marks);
    if (!mark) return false;
    const attrs: SuggestionAttrs = mark.attrs;
    const text = node.isText ? (node.text ?? "") : node.type.name === "hardBreak" ? "\n" : "./.";
    let entry = byId.get(attrs.id);
    if (!entry) {
      entry = {
        id: attrs.id,
        kind: mark.kind,
        authorId: attrs.authorId,
        authorName: attrs.authorName,
        time: attrs.time,
        field,
        inserted: "",
        deleted: "",
        before: "",
        after: "",
        from: pos,
        to: pos + node.nodeSize,
      };
      byId.set(attrs.id, entry);
      order.push(entry);
    } else if (entry.kind !== mark.kind) entry.kind = "replacement";
    if (mark.kind === "insertion") entry.inserted += text;
    else entry.deleted += text;
    entry.to = Math.max(entry.to, pos + node.nodeSize);
    return false;
  });
  for (const entry of order) {
    const $from = doc.resolve(entry.from);
    const $to = doc.resolve(entry.to);
    entry.before = doc.textBetween($from.start(), entry.from, " ", " ").slice(-CONTEXT_CHARS);
    entry.after = $to.sameParent($from)
      ? doc.textBetween(entry.to, $to.end(), " ", " ").slice(0, CONTEXT_CHARS)
      : "";
  }
  return order;
}
