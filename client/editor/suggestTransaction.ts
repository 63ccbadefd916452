/**
 * Suggest mode's rewrite of a local transaction: what the person typed or deleted becomes a
 * suggestion instead of a change, in exactly the form the server accepts (`checkSuggestion`).
 *
 * Each replace step of the transaction is applied to the document before it, mapped: inline
 * content it inserts is inserted with the person's insertion mark (after the range it
 * replaces, so a replacement reads "old new"); the range it removes stays, its text marked
 * with the person's deletion mark — except the person's own suggested insertions, which are
 * really removed (withdrawn), and other people's suggestions, which stay as they are. Anything
 * else — formatting, new paragraphs, splitting or joining blocks — cannot be suggested: the
 * transaction is dropped (null).
 */
import type { Mark, MarkType, Node as PmNode, Slice } from "@tiptap/pm/model";
import { Fragment } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { TextSelection } from "@tiptap/pm/state";
import { ReplaceStep } from "@tiptap/pm/transform";
import type { SuggestionAttrs } from "../../shared/editor";

export interface SuggestingPerson {
  id: string;
  name: string;
}

export interface SuggestOptions {
  person: SuggestingPerson;
  /** ISO time stamped on new suggestions. */
  now: () => string;
  newId: () => string;
}

/** The inline content of a slice with no structure of its own, or null. */
function inlineContent(slice: Slice): Fragment | null {
  if (slice.openStart !== slice.openEnd) return null;
  let content = slice.content;
  for (let depth = 0; depth < slice.openStart; depth++) {
    if (content.childCount !== 1) return null;
    content = content.firstChild!.content;
  }
  let inline = true;
  content.forEach((node) => {
    if (!node.isInline) inline = false;
  });
  return inline ? content : null;
}

function suggestionOf(marks: readonly Mark[]): { kind: string; attrs: SuggestionAttrs } | null {
  const mark = marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");
  return mark ? { kind: mark.type.name, attrs: mark.attrs as SuggestionAttrs } : null;
}

/**
 * The person's own suggestion of this kind right at `pos`, to continue: same id and time, so
 * the marks are equal and the text stays one run (one suggestion, not one per keystroke).
 */
function ownAt(doc: PmNode, pos: number, kind: string, personId: string): SuggestionAttrs | null {
  if (pos < 0 || pos > doc.content.size) return null;
  const $pos = doc.resolve(pos);
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    const mark = node && suggestionOf(node.marks);
    if (mark && mark.kind === kind && mark.attrs.authorId === personId) return mark.attrs;
  }
  return null;
}

function withMark(content: Fragment, mark: Mark): Fragment {
  const nodes: PmNode[] = [];
  content.forEach((node) => {
    const plain = node.marks.filter(
      (m) => m.type.name !== "insertion" && m.type.name !== "deletion",
    );
    nodes.push(node.mark(mark.addToSet(plain)));
  });
  return Fragment.fromArray(nodes);
}

/** A position in the document before step `index` of `tr`, in the document before `tr`. */
function mapBack(tr: Transaction, index: number, pos: number, assoc: number): number {
  let mapped = pos;
  for (let j = index - 1; j >= 0; j--) mapped = tr.mapping.maps[j]!.invert().map(mapped, assoc);
  return mapped;
}

export function toSuggestion(
  tr: Transaction,
  state: EditorState,
  options: SuggestOptions,
): Transaction | null {
  const { person } = options;
  const schema = state.schema;
  const insertion = schema.marks["insertion"] as MarkType;
  const deletion = schema.marks["deletion"] as MarkType;
  const out = state.tr;
  let cursor: number | null = null;
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    if (!(step instanceof ReplaceStep)) return null;
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
    const inserted = slice.size > 0 ? inlineContent(slice) : Fragment.empty;
    if (inserted === null) return null;
    // From the document before this step to the original document, then to `out`'s.
    const back = (pos: number, assoc: number) => mapBack(tr, i, pos, assoc);
    const start = out.mapping.map(back(from, 1), 1);
    const end = Math.max(start, out.mapping.map(back(to, -1), -1));
    const replacing = end > start && inserted.size > 0;
    const sharedId = replacing ? options.newId() : null;
    const time = options.now();

    // The removed range: marked deleted, the person's own insertions withdrawn.
    const mapsBefore = out.mapping.maps.length;
    if (end > start) {
      const continued = sharedId
        ? null
        : (ownAt(out.doc, start, "deletion", person.id) ??
          ownAt(out.doc, end, "deletion", person.id));
      const mark = deletion.create(
        continued ?? {
          id: sharedId ?? options.newId(),
          authorId: person.id,
          authorName: person.name,
          time,
        },
      );
      const withdrawn: [number, number][] = [];
      out.doc.nodesBetween(start, end, (node, pos) => {
        if (!node.isInline) return true;
        const segmentFrom = Math.max(pos, start);
        const segmentTo = Math.min(pos + node.nodeSize, end);
        const existing = suggestionOf(node.marks);
        if (existing?.kind === "insertion" && existing.attrs.authorId === person.id) {
          withdrawn.push([segmentFrom, segmentTo]);
        } else if (!existing) {
          out.addMark(segmentFrom, segmentTo, mark);
        }
        return false;
      });
      for (let w = withdrawn.length - 1; w >= 0; w--)
        out.delete(withdrawn[w]![0], withdrawn[w]![1]);
    }
    const after = out.mapping.slice(mapsBefore).map(end, 1);

    if (inserted.size > 0) {
      const continued = sharedId ? null : ownAt(out.doc, after, "insertion", person.id);
      const mark = insertion.create(
        continued ?? {
          id: sharedId ?? options.newId(),
          authorId: person.id,
          authorName: person.name,
          time,
        },
      );
      out.insert(after, withMark(inserted, mark));
      cursor = after + inserted.size;
    } else if (end > start) {
      // Backspace moves before what it struck through; Delete (and a selection) after it.
      const backspace = state.selection.empty && state.selection.head === back(to, -1);
      cursor = backspace ? out.mapping.slice(mapsBefore).map(start, -1) : after;
    }
  }
  if (cursor !== null) out.setSelection(TextSelection.create(out.doc, cursor));
  if (tr.scrolledIntoView) out.scrollIntoView();
  for (const key of ["addToHistory", "uiEvent", "paste"]) {
    const meta: unknown = tr.getMeta(key);
    if (meta !== undefined) out.setMeta(key, meta);
  }
  return out;
}
