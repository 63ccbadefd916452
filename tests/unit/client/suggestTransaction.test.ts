import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { toSuggestion } from "../../../client/editor/suggestTransaction";
import { checkSuggestion, listSuggestions } from "../../../shared/suggestions";
import { ANNE, body, text } from "../suggestions/suggestionDocs";

let counter = 0;
const options = {
  person: ANNE,
  // A new moment for every edit, as in real typing.
  now: () => new Date(Date.UTC(2026, 11, 5, 9, 0, counter++)).toISOString(),
  newId: () => `n${++counter}`,
};

/** The position of `needle` in the Sagsfremstilling of `state` (its first occurrence). */
function posOf(state: EditorState, needle: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const at = (node.text ?? "").indexOf(needle);
    if (at >= 0 && state.doc.resolve(pos).node(1).type.name === "sagsfremstilling") {
      found = pos + at;
    }
    return false;
  });
  if (found < 0) throw new Error(`${needle} not found`);
  return found;
}

function stateWith(...paragraphs: Parameters<typeof body>): EditorState {
  return EditorState.create({ doc: body(...paragraphs) });
}

/** Applies the rewritten transaction and checks the server would accept the change. */
function suggest(
  state: EditorState,
  edit: (state: EditorState) => ReturnType<EditorState["tr"]["insertText"]>,
) {
  const rewritten = toSuggestion(edit(state), state, options);
  expect(rewritten).not.toBeNull();
  const next = state.apply(rewritten!);
  expect(checkSuggestion(state.doc, next.doc, ANNE)).toEqual({ ok: true });
  return next;
}

describe("suggest mode's rewrite of local edits", () => {
  it("typed text becomes her insertion; continued typing joins the same suggestion", () => {
    let state = stateWith(["Kommunen afsætter 2 mio. kr."]);
    const at = posOf(state, " 2 mio");
    state = suggest(state, (s) => s.tr.insertText(" kun", at));
    const cursor = state.selection.from;
    state = suggest(state, (s) => s.tr.insertText("!", cursor));
    expect(text(state.doc)).toBe("Kommunen afsætter kun! 2 mio. kr.");
    const list = listSuggestions(state.doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: "insertion", inserted: " kun!", authorId: ANNE.id });
    // One run of text with one mark, not one per keystroke.
    const runs: string[] = [];
    state.doc.descendants((node) => {
      if (node.isText && node.marks.some((m) => m.type.name === "insertion")) runs.push(node.text!);
    });
    expect(runs).toEqual([" kun!"]);
  });

  it("deleted text stays, marked as her deletion; Backspace moves the caret before it", () => {
    let state = stateWith(["Kommunen afsætter 2 mio. kr."]);
    const end = posOf(state, " kr.") + 4;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
    state = suggest(state, (s) => s.tr.delete(end - 1, end));
    expect(text(state.doc)).toBe("Kommunen afsætter 2 mio. kr.");
    expect(state.selection.from).toBe(end - 1);
    state = suggest(state, (s) => s.tr.delete(end - 2, end - 1));
    const list = listSuggestions(state.doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: "deletion", deleted: "r." });
  });

  it("typing over a selection is a replacement: old text struck, new text after it, one id", () => {
    let state = stateWith(["Kommunen afsætter 2 mio. kr."]);
    const from = posOf(state, "2 mio");
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, from + 1)));
    state = suggest(state, (s) => s.tr.insertText("3"));
    expect(text(state.doc)).toBe("Kommunen afsætter 23 mio. kr.");
    expect(listSuggestions(state.doc)).toMatchObject([
      { kind: "replacement", deleted: "2", inserted: "3" },
    ]);
  });

  it("deleting her own suggested text withdraws it", () => {
    let state = stateWith(["Kommunen ", { text: "gerne ", ins: ANNE.id }, "afsætter."]);
    const from = posOf(state, "gerne ");
    state = suggest(state, (s) => s.tr.delete(from, from + "gerne ".length));
    expect(text(state.doc)).toBe("Kommunen afsætter.");
    expect(listSuggestions(state.doc)).toEqual([]);
  });

  it("a new paragraph or formatting cannot be suggested: the edit is dropped", () => {
    const state = stateWith(["Kommunen afsætter 2 mio. kr."]);
    const at = posOf(state, " 2 mio");
    expect(toSuggestion(state.tr.split(at), state, options)).toBeNull();
    const bold = state.schema.marks["bold"]!.create();
    expect(toSuggestion(state.tr.addMark(at, at + 3, bold), state, options)).toBeNull();
  });
});
