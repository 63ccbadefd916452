/**
 * Local typing written to Yjs at the caret, from the editor's own steps.
 *
 * The Yjs binding (@tiptap/y-tiptap, like y-prosemirror) does not look at what changed: it
 * compares each changed paragraph's text before and after (`updateYText`: lib0's
 * `simpleDiff`, the longest common prefix first) and inserts the difference there. When the
 * typed letter is the one the text continues with — "e" typed before "entes" — the common
 * prefix runs past the caret, so the letter is inserted one (or more) letters later. Alone,
 * the text reads the same; but Yjs anchors an insertion to its neighbours, so the person's
 * letters end up hanging off letters that were there before instead of off each other, and
 * whatever someone else inserted at the same place concurrently lands in the middle of their
 * run ("syddans[eregff <nkdeeg]k eain kv a>ke").
 *
 * So before the binding compares, the text steps of the transactions since it last ran —
 * insertions and deletions inside one paragraph, which is what typing, deleting, input
 * methods and plain pastes are — are applied to the paragraph's Y.XmlText at exactly their
 * positions. The binding's comparison then finds the texts equal and only settles formatting
 * (marks) and everything else (structure), as before. A step that is not plain text stops the
 * exact path; the binding's comparison does the rest, as it always did.
 */
import type { Node as PmNode, ResolvedPos } from "@tiptap/pm/model";
import { ReplaceStep, type Step } from "@tiptap/pm/transform";
import * as Y from "yjs";

/** One local transaction: its steps, the document before each, and the one after. */
export interface StepRecord {
  steps: readonly Step[];
  docs: readonly PmNode[];
  after: PmNode;
}

interface TextSpot {
  text: Y.XmlText;
  /** Offset of the position inside `text`. */
  offset: number;
  /** Characters in `text` from the offset to its end. */
  rest: number;
}

/**
 * Where a position inside a paragraph lies in Yjs: the Y.XmlText holding that run of text,
 * and the offset in it. The binding keeps one Y.XmlText per run of text between inline nodes
 * (a line break, a bilag marker), and one Y.XmlElement per node. Null when the Yjs content does
 * not have exactly that shape (then the exact path is not taken).
 */
function locate(fragment: Y.XmlFragment, $pos: ResolvedPos): TextSpot | null {
  const block = $pos.parent;
  if (!block.inlineContent) return null;
  let element: Y.XmlFragment = fragment;
  for (let depth = 0; depth < $pos.depth; depth++) {
    const child: unknown = element.get($pos.index(depth));
    if (!(child instanceof Y.XmlElement) || child.nodeName !== $pos.node(depth + 1).type.name) {
      return null;
    }
    element = child;
  }
  const yChildren = element.toArray();
  const offset = $pos.parentOffset;
  let start = 0;
  let yIndex = 0;
  let index = 0;
  while (index < block.childCount) {
    const node = block.child(index);
    const yChild = yChildren[yIndex++];
    if (!node.isText) {
      if (!(yChild instanceof Y.XmlElement) || yChild.nodeName !== node.type.name) return null;
      start += node.nodeSize;
      index++;
      continue;
    }
    let length = 0;
    while (index < block.childCount && block.child(index).isText) {
      length += block.child(index).nodeSize;
      index++;
    }
    if (!(yChild instanceof Y.XmlText) || yChild.length !== length) return null;
    if (offset >= start && offset <= start + length) {
      return { text: yChild, offset: offset - start, rest: start + length - offset };
    }
    start += length;
  }
  return null;
}

/** Applies one step to Yjs if it is plain text inside one paragraph; false when it is not. */
function applyTextStep(fragment: Y.XmlFragment, doc: PmNode, step: Step): boolean {
  if (!(step instanceof ReplaceStep)) return false;
  const { from, to, slice } = step;
  if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
  let inserted = "";
  let plain = true;
  slice.content.forEach((node) => {
    if (node.isText) inserted += node.text ?? "";
    else plain = false;
  });
  if (!plain) return false;
  const $from = doc.resolve(from);
  if (!$from.sameParent(doc.resolve(to))) return false;
  const spot = locate(fragment, $from);
  if (spot === null || to - from > spot.rest) return false;
  if (to > from) spot.text.delete(spot.offset, to - from);
  // Formatting is left to the binding's comparison, which follows (and sets the marks).
  if (inserted !== "") spot.text.insert(spot.offset, inserted);
  return true;
}

/**
 * Applies the plain-text steps of `records` (consecutive local transactions, starting from
 * the document Yjs holds) to `fragment` at their exact positions, stopping at the first step
 * that is anything else. Call inside the binding's Yjs transaction, before its comparison.
 * Returns how many steps were applied.
 */
export function applyTextSteps(fragment: Y.XmlFragment, records: readonly StepRecord[]): number {
  let applied = 0;
  for (const record of records) {
    for (let i = 0; i < record.steps.length; i++) {
      if (!applyTextStep(fragment, record.docs[i]!, record.steps[i]!)) return applied;
      applied++;
    }
  }
  return applied;
}

/**
 * The records form one chain from `synced` (the document Yjs holds) to `doc` (the editor's
 * now): only then do their steps describe exactly how Yjs must change.
 */
export function chainsFrom(
  records: readonly StepRecord[],
  synced: PmNode | null,
  doc: PmNode,
): boolean {
  if (synced === null || records.length === 0) return false;
  let current = synced;
  for (const record of records) {
    if (record.docs[0] !== current) return false;
    current = record.after;
  }
  return current === doc;
}
