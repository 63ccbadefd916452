import type { Node as PmNode } from "@tiptap/pm/model";
import { Fragment, Slice } from "@tiptap/pm/model";
import { AllSelection, EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import {
  deleteAcrossFields,
  flattenFields,
  replaceAcrossFields,
  rewriteDeletionAcrossFields,
  selectAllStep,
  stepSpansFields,
} from "../../../client/editor/fieldSelectionTransforms";
import { itemBodySchema } from "../../../shared/editor";

const schema = itemBodySchema();
const p = (text: string) => schema.node("paragraph", null, text ? [schema.text(text)] : []);

function item(content: [string[], string[], string[]]): PmNode {
  return schema.node("doc", null, [
    schema.node("baggrund", null, content[0].map(p)),
    schema.node("indstilling", null, content[1].map(p)),
    schema.node("sagsfremstilling", null, content[2].map(p)),
  ]);
}

const DOC = item([["Baggrund et", "Baggrund to"], ["Indstilling et"], ["Sags et", "Sags to"]]);

/** Each field's paragraphs as text. */
function fields(doc: PmNode): string[][] {
  const result: string[][] = [];
  doc.forEach((field) => {
    const blocks: string[] = [];
    field.forEach((block) => blocks.push(block.textContent));
    result.push(blocks);
  });
  return result;
}

/** The position just before `offset` characters into the first paragraph containing `text`. */
function posIn(doc: PmNode, text: string, offset: number): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent === text) found = pos + 1 + offset;
    return found < 0;
  });
  if (found < 0) throw new Error(`no paragraph "${text}"`);
  return found;
}

function stateWith(from: number, to: number, doc = DOC): EditorState {
  const state = EditorState.create({ doc });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, from, to)));
}

/** The field and text of the caret after a transaction. */
function caret(state: EditorState): { field: string; before: string } {
  const { $from } = state.selection;
  return {
    field: $from.node(1).type.name,
    before: $from.parent.textContent.slice(0, $from.parentOffset),
  };
}

describe("selection semantics of an item body's fixed fields", () => {
  it("Ctrl+A selects the current field's content, and a second Ctrl+A the whole item", () => {
    const inside = stateWith(posIn(DOC, "Indstilling et", 3), posIn(DOC, "Indstilling et", 3));
    const once = inside.apply(selectAllStep(inside));
    expect(once.selection).toBeInstanceOf(TextSelection);
    expect(once.doc.textBetween(once.selection.from, once.selection.to)).toBe("Indstilling et");
    const twice = once.apply(selectAllStep(once));
    expect(twice.selection).toBeInstanceOf(AllSelection);
  });

  it("Ctrl+A in a field of several paragraphs selects all of them and nothing of the next field", () => {
    const inside = stateWith(posIn(DOC, "Sags to", 2), posIn(DOC, "Sags to", 2));
    const selected = inside.apply(selectAllStep(inside));
    expect(selected.doc.textBetween(selected.selection.from, selected.selection.to, "|")).toBe(
      "Sags et|Sags to",
    );
  });

  it("deleting a selection across fields clears the selected part of each field and keeps every field", () => {
    const state = stateWith(posIn(DOC, "Baggrund to", 5), posIn(DOC, "Sags et", 2));
    const tr = deleteAcrossFields(state)!;
    const after = state.apply(tr);
    expect(fields(after.doc)).toEqual([["Baggrund et", "Baggr"], [""], ["gs et", "Sags to"]]);
    expect(caret(after)).toEqual({ field: "baggrund", before: "Baggr" });
  });

  it("deleting everything (a second Ctrl+A) leaves three empty fields and the caret in the first", () => {
    const state = EditorState.create({ doc: DOC });
    const all = state.apply(state.tr.setSelection(new AllSelection(DOC)));
    const after = all.apply(deleteAcrossFields(all)!);
    expect(fields(after.doc)).toEqual([[""], [""], [""]]);
    expect(caret(after)).toEqual({ field: "baggrund", before: "" });
  });

  it("typing over the whole item puts every letter in the first field", () => {
    const state = EditorState.create({ doc: DOC });
    let current = state.apply(state.tr.setSelection(new AllSelection(DOC)));
    current = current.apply(replaceAcrossFields(current, "N")!);
    current = current.apply(current.tr.insertText("y"));
    expect(fields(current.doc)).toEqual([["Ny"], [""], [""]]);
  });

  it("typing over a selection from a field's start to the next field's end keeps what is outside", () => {
    const state = stateWith(posIn(DOC, "Indstilling et", 0), posIn(DOC, "Sags to", 7));
    const after = state.apply(replaceAcrossFields(state, "Z")!);
    expect(fields(after.doc)).toEqual([["Baggrund et", "Baggrund to"], ["Z"], [""]]);
    expect(caret(after)).toEqual({ field: "indstilling", before: "Z" });
  });

  it("pasted paragraphs land in the field where the selection starts", () => {
    const state = stateWith(posIn(DOC, "Baggrund et", 8), posIn(DOC, "Indstilling et", 11));
    const pasted = new Slice(Fragment.from([p("Ny A"), p("Ny B")]), 0, 0);
    const after = state.apply(replaceAcrossFields(state, pasted)!);
    expect(fields(after.doc)).toEqual([
      ["Baggrund", "Ny A", "Ny B"],
      [" et"],
      ["Sags et", "Sags to"],
    ]);
  });

  it("flattens pasted field sections into plain blocks", () => {
    const copied = schema.node("doc", null, [
      schema.node("baggrund", null, [p("A")]),
      schema.node("indstilling", null, [p("B")]),
      schema.node("sagsfremstilling", null, [p("C")]),
    ]);
    const flat = flattenFields(new Slice(copied.content, 2, 2));
    const texts: string[] = [];
    flat.content.forEach((node) => texts.push(`${node.type.name}:${node.textContent}`));
    expect(texts).toEqual(["paragraph:A", "paragraph:B", "paragraph:C"]);
    expect([flat.openStart, flat.openEnd]).toEqual([1, 1]);
  });

  it("redoes ProseMirror's own cross-field deletion (cut, commands) with these semantics", () => {
    const state = stateWith(posIn(DOC, "Baggrund to", 5), posIn(DOC, "Sags et", 2));
    const native = state.tr.deleteSelection().setMeta("uiEvent", "cut");
    // What ProseMirror would do: join the cut paragraphs in Baggrund and empty Indstilling.
    expect(fields(native.doc)).toEqual([["Baggrund et", "Baggrgs et"], [""], ["Sags to"]]);
    expect(stepSpansFields(state.doc, native.steps[0]!)).toBe(true);
    const rewritten = rewriteDeletionAcrossFields(state, native)!;
    expect(rewritten.getMeta("uiEvent")).toBe("cut");
    const deleted = state.apply(rewritten);
    expect(fields(deleted.doc)).toEqual([["Baggrund et", "Baggr"], [""], ["gs et", "Sags to"]]);
    // Typing over it is not a deletion: handled where the text comes in, not here.
    expect(rewriteDeletionAcrossFields(state, state.tr.insertText("Q"))).toBeNull();
  });

  it("leaves edits inside one field to ProseMirror", () => {
    const state = stateWith(posIn(DOC, "Sags et", 1), posIn(DOC, "Sags to", 2));
    expect(deleteAcrossFields(state)).toBeNull();
    const native = state.tr.deleteSelection();
    expect(rewriteDeletionAcrossFields(state, native)).toBeNull();
    expect(stepSpansFields(state.doc, native.steps[0]!)).toBe(false);
  });
});
