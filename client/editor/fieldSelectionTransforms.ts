/**
 * Selection semantics for a document of fixed fields (docs/EDITOR.md), as pure transforms of
 * ProseMirror state: no DOM, so they are unit-tested on their own.
 *
 * ProseMirror's own replace fits whatever is left after a deletion into one node: deleting from
 * the middle of Baggrund to the middle of Sagsfremstilling joins the two cut paragraphs in
 * Baggrund and empties Indstilling, and the caret after replacing the whole document lands at
 * its very end. Here a selection that spans fields is instead cleared field by field — every
 * field keeps its place and at least an empty paragraph — and whatever replaces it goes in at
 * the selection's start, in the field where it starts. Nothing outside the selection moves.
 */
import { Fragment, Slice, type Node as PmNode, type ResolvedPos } from "@tiptap/pm/model";
import {
  AllSelection,
  Selection,
  TextSelection,
  type EditorState,
  type Transaction,
} from "@tiptap/pm/state";
import { ReplaceAroundStep, ReplaceStep, type Step } from "@tiptap/pm/transform";
import { ITEM_FIELDS } from "../../shared/editor";

const fieldNames: ReadonlySet<string> = new Set(ITEM_FIELDS.map((field) => field.name));

/** Meta key marking transactions made here, so the field guard lets them through. */
export const FIELD_SELECTION_META = "fieldSelection";

interface FieldRange {
  /** The field's index among the document's children. */
  index: number;
  /** First and last position inside the field's content. */
  start: number;
  end: number;
}

/** Each field's content range, in document order. */
function fieldRanges(doc: PmNode): FieldRange[] {
  const ranges: FieldRange[] = [];
  doc.forEach((field, offset, index) => {
    ranges.push({ index, start: offset + 1, end: offset + 1 + field.content.size });
  });
  return ranges;
}

/**
 * The field a position is in. Positions between fields (or at the document's edges, as an
 * AllSelection's are) count as in the field that follows, or the last one at the end.
 */
export function fieldIndexAt(doc: PmNode, pos: number): number {
  const $pos = doc.resolve(pos);
  if ($pos.depth >= 1) return $pos.index(0);
  return Math.min($pos.index(0), doc.childCount - 1);
}

/** The range lies in more than one field. */
export function spansFields(doc: PmNode, from: number, to: number): boolean {
  return fieldIndexAt(doc, from) !== fieldIndexAt(doc, to);
}

/** The first and last cursor positions inside a field's content. */
function fieldTextEdges(doc: PmNode, range: FieldRange): { from: number; to: number } {
  const first = Selection.findFrom(doc.resolve(range.start), 1, true);
  const last = Selection.findFrom(doc.resolve(range.end), -1, true);
  return { from: first?.from ?? range.start, to: last?.to ?? range.end };
}

/**
 * Ctrl+A: selects the content of the field the selection is in; when that is already selected
 * (or the selection spans fields), the whole item. Never null: the key is always handled.
 */
export function selectAllStep(state: EditorState): Transaction {
  const { doc, selection } = state;
  const index = fieldIndexAt(doc, selection.from);
  const range = fieldRanges(doc)[index];
  const wholeField =
    range !== undefined && !spansFields(doc, selection.from, selection.to)
      ? fieldTextEdges(doc, range)
      : null;
  if (
    wholeField === null ||
    selection instanceof AllSelection ||
    (selection.from <= wholeField.from && selection.to >= wholeField.to)
  ) {
    return state.tr.setSelection(new AllSelection(doc));
  }
  return state.tr.setSelection(
    TextSelection.between(doc.resolve(wholeField.from), doc.resolve(wholeField.to)),
  );
}

/**
 * Clears `from`–`to` field by field: each field loses only what lies inside the range and keeps
 * at least an empty paragraph. Returns the position where the range started, mapped.
 */
function clearAcross(tr: Transaction, from: number, to: number): number {
  const { schema } = tr.doc.type;
  const touched = fieldRanges(tr.doc).filter((range) => range.end > from && range.start < to);
  // Last field first, so the positions of the fields before stay valid.
  for (let i = touched.length - 1; i >= 0; i--) {
    const range = touched[i]!;
    const start = Math.max(from, range.start);
    const end = Math.min(to, range.end);
    const edges = fieldTextEdges(tr.doc, range);
    if (start <= edges.from && end >= edges.to) {
      tr.replaceWith(range.start, range.end, schema.nodes.paragraph!.create());
    } else if (start < end) {
      tr.delete(start, end);
    }
  }
  const first = touched[0];
  // Where the selection started, or the first field's start if it started before it.
  const startPos = first === undefined ? from : Math.max(from, first.start);
  return tr.mapping.map(startPos, -1);
}

/** A cursor position at or near `pos`, inside a field. */
function caretNear(doc: PmNode, pos: number): Selection {
  const $pos: ResolvedPos = doc.resolve(pos);
  if ($pos.parent.inlineContent) return TextSelection.create(doc, pos);
  return Selection.findFrom($pos, 1, true) ?? Selection.near($pos);
}

/**
 * Deleting a selection that spans fields: each field keeps its heading and what lies outside
 * the selection; the caret goes where the selection started. Null when the selection is inside
 * one field (ProseMirror's own deletion is right there).
 */
export function deleteAcrossFields(state: EditorState): Transaction | null {
  const { from, to } = state.selection;
  if (!spansFields(state.doc, from, to)) return null;
  const tr = state.tr;
  const caret = clearAcross(tr, from, to);
  return tr.setSelection(caretNear(tr.doc, caret)).setMeta(FIELD_SELECTION_META, true);
}

/**
 * Replacing a selection that spans fields with typed text or pasted content: cleared as in
 * `deleteAcrossFields`, then the content goes in at the selection's start, in that field, and
 * the caret after it. Null when the selection is inside one field.
 */
export function replaceAcrossFields(
  state: EditorState,
  content: string | Slice,
): Transaction | null {
  const tr = deleteAcrossFields(state);
  if (tr === null) return null;
  insertAtCaret(tr, content);
  return tr;
}

function insertAtCaret(tr: Transaction, content: string | Slice): void {
  const at = tr.selection.from;
  if (typeof content === "string") {
    if (content === "") return;
    tr.insertText(content, at);
    tr.setSelection(TextSelection.create(tr.doc, at + content.length));
    return;
  }
  const slice = flattenFields(content);
  if (slice.size === 0) return;
  const before = tr.steps.length;
  tr.replaceRange(at, at, slice);
  let end = at;
  for (let i = before; i < tr.steps.length; i++) {
    tr.steps[i]!.getMap().forEach((_from, _to, _newFrom, newTo) => (end = newTo));
  }
  tr.setSelection(Selection.near(tr.doc.resolve(end), -1));
}

/**
 * Pasted content with field nodes (copied across fields, or a whole item) as plain blocks, so
 * it lands in the field where the selection starts instead of being spread over the fields.
 */
export function flattenFields(slice: Slice): Slice {
  const { content } = slice;
  let hasField = false;
  content.forEach((node) => {
    if (fieldNames.has(node.type.name)) hasField = true;
  });
  if (!hasField) return slice;
  const blocks: PmNode[] = [];
  content.forEach((node) => {
    if (fieldNames.has(node.type.name)) node.content.forEach((block) => blocks.push(block));
    else blocks.push(node);
  });
  const first = content.firstChild;
  const last = content.lastChild;
  const openStart =
    first && fieldNames.has(first.type.name) ? Math.max(0, slice.openStart - 1) : slice.openStart;
  const openEnd =
    last && fieldNames.has(last.type.name) ? Math.max(0, slice.openEnd - 1) : slice.openEnd;
  return new Slice(Fragment.from(blocks), openStart, openEnd);
}

/**
 * A local transaction that is ProseMirror's own deletion of a selection spanning fields (cut,
 * or any command that deletes the selection), redone as `deleteAcrossFields`; null when the
 * transaction is anything else.
 */
export function rewriteDeletionAcrossFields(
  state: EditorState,
  tr: Transaction,
): Transaction | null {
  if (tr.steps.length !== 1 || tr.getMeta(FIELD_SELECTION_META) || tr.before !== state.doc) {
    return null;
  }
  if (!spansFields(state.doc, state.selection.from, state.selection.to)) return null;
  if (!tr.doc.eq(state.tr.deleteSelection().doc)) return null;
  const rewritten = deleteAcrossFields(state);
  if (rewritten === null) return null;
  for (const key of ["uiEvent", "addToHistory"]) {
    const value: unknown = tr.getMeta(key);
    if (value !== undefined) rewritten.setMeta(key, value);
  }
  if (tr.scrolledIntoView) rewritten.scrollIntoView();
  return rewritten;
}

/** A local step that changes content in more than one field (the field guard refuses it). */
export function stepSpansFields(doc: PmNode, step: Step): boolean {
  if (!(step instanceof ReplaceStep) && !(step instanceof ReplaceAroundStep)) return false;
  return step.from !== step.to && spansFields(doc, step.from, step.to);
}
