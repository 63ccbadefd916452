/**
 * Field-by-field comparison of two item bodies. Each field of the older body is replaced by the
 * newer one in a single step; prosemirror-changeset then diffs the replaced content down to
 * words, which is what a reader wants marked: the words inserted and deleted.
 */
import type { Node as PMNode } from "@tiptap/pm/model";
import { Slice } from "@tiptap/pm/model";
import { ReplaceStep } from "@tiptap/pm/transform";
import { ChangeSet } from "prosemirror-changeset";
import { ITEM_FIELDS } from "../../shared/editor";
import type { ItemFieldName } from "../../shared/editor";
import { itemBodySchema } from "../../shared/editor";

export interface RedlineSegment {
  kind: "equal" | "insert" | "delete";
  text: string;
}

export type Redline = Record<ItemFieldName, { changed: boolean; segments: RedlineSegment[] }>;

export function redline(before: unknown, after: unknown): Redline {
  const schema = itemBodySchema();
  const a = schema.nodeFromJSON(before);
  const b = schema.nodeFromJSON(after);
  const result = {} as Redline;
  ITEM_FIELDS.forEach((field, index) => {
    result[field.name] = compareField(a.child(index), b.child(index));
  });
  return result;
}

function text(node: PMNode, from: number, to: number): string {
  return node.textBetween(from, to, "\n", (leaf) =>
    leaf.type.name === "attachmentMarker" ? "./." : "\n",
  );
}

interface Range {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

const WORD = /[\p{L}\p{N}]/u;

function isWordChar(node: PMNode, from: number, to: number): boolean {
  if (from < 0 || to > node.content.size) return false;
  return WORD.test(node.textBetween(from, to, "\n"));
}

/**
 * The diff is per character; people read changes per word. Widen each change to whole words
 * (the text just outside a change is the same in both versions, so both sides move together),
 * then merge changes that now touch.
 */
function toWords(a: PMNode, b: PMNode, changes: readonly Range[]): Range[] {
  const widened = changes.map((c) => {
    let { fromA, toA, fromB, toB } = c;
    // Only a change that starts or ends inside a word is widened ("godkend|er").
    const startsInWord =
      (toA > fromA && isWordChar(a, fromA, fromA + 1)) ||
      (toB > fromB && isWordChar(b, fromB, fromB + 1));
    const endsInWord =
      (toA > fromA && isWordChar(a, toA - 1, toA)) || (toB > fromB && isWordChar(b, toB - 1, toB));
    if (startsInWord) {
      while (isWordChar(a, fromA - 1, fromA) && isWordChar(b, fromB - 1, fromB)) {
        fromA -= 1;
        fromB -= 1;
      }
    }
    if (endsInWord) {
      while (isWordChar(a, toA, toA + 1) && isWordChar(b, toB, toB + 1)) {
        toA += 1;
        toB += 1;
      }
    }
    return { fromA, toA, fromB, toB };
  });
  const merged: Range[] = [];
  for (const range of widened) {
    const last = merged[merged.length - 1];
    if (last && range.fromB <= last.toB && range.fromA <= last.toA) {
      last.toA = Math.max(last.toA, range.toA);
      last.toB = Math.max(last.toB, range.toB);
    } else merged.push({ ...range });
  }
  return merged;
}

function compareField(a: PMNode, b: PMNode): { changed: boolean; segments: RedlineSegment[] } {
  const step = new ReplaceStep(0, a.content.size, new Slice(b.content, 0, 0));
  const changes = toWords(a, b, ChangeSet.create(a).addSteps(b, [step.getMap()], null).changes);
  const segments: RedlineSegment[] = [];
  const push = (kind: RedlineSegment["kind"], value: string) => {
    if (!value) return;
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += value;
    else segments.push({ kind, text: value });
  };
  let positionB = 0;
  for (const change of changes) {
    push("equal", text(b, positionB, change.fromB));
    push("delete", text(a, change.fromA, change.toA));
    push("insert", text(b, change.fromB, change.toB));
    positionB = change.toB;
  }
  push("equal", text(b, positionB, b.content.size));
  return { changed: changes.length > 0, segments };
}
