import { Extension } from "@tiptap/core";
import type { EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { Plugin, PluginKey, Selection } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { ITEM_FIELDS } from "../../shared/editor";
import { stepSpansFields } from "./fieldSelectionTransforms";

const fieldNames: readonly string[] = ITEM_FIELDS.map((field) => field.name);

/** Depth of the field nodes: the doc's children. */
const FIELD_DEPTH = 1;

/**
 * Guards the item body's fixed structure in the editor.
 *
 * The schema makes the three fields mandatory and isolating, so ProseMirror's own Backspace and
 * Delete commands never join across a field boundary. But when no command applies (the caret at
 * the very start or end of a field), the key falls through to the browser's native
 * contenteditable deletion, which happily merges the field bodies in the DOM; ProseMirror then
 * parses that back and fits it to the schema by shifting every later field's content up one
 * field. So deletions that reach the browser at a field boundary are cancelled here, at
 * `beforeinput`, which covers every key combination and input method that deletes.
 *
 * As a last line of defence, any local transaction whose result would not have exactly the
 * fields in order, or that changes content across a field boundary in one step (which moves
 * text from one field into another), is refused, so a bug elsewhere cannot send a broken body
 * to the server. FieldSelection turns a person's edits of a selection spanning fields into
 * per-field steps before they get here. Remote changes (from Yjs) are never refused: the
 * editor must mirror the shared doc.
 */
export const FieldGuard = Extension.create({
  name: "fieldGuard",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("fieldGuard"),
        props: {
          handleDOMEvents: {
            beforeinput(view, event) {
              const direction = deletionDirection(event.inputType);
              if (direction === null) return false;
              // The browser deletes at the DOM caret, which can be ahead of the editor state
              // (a click's selectionchange not yet read when the key arrives): check both.
              const domPos = domCaretPosition(view);
              const atBoundary =
                atFieldBoundary(view.state, direction) ||
                (domPos !== null && atFieldBoundary(view.state, direction, domPos));
              if (!atBoundary) return false;
              event.preventDefault();
              return true;
            },
          },
        },
        filterTransaction(tr) {
          if (!tr.docChanged) return true;
          const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
          if (sync?.isChangeOrigin) return true;
          for (let i = 0; i < tr.steps.length; i++) {
            if (stepSpansFields(tr.docs[i]!, tr.steps[i]!)) return false;
          }
          const doc = tr.doc;
          if (doc.childCount !== fieldNames.length) return false;
          for (let i = 0; i < fieldNames.length; i++) {
            if (doc.child(i).type.name !== fieldNames[i]) return false;
          }
          return true;
        },
      }),
    ];
  },
});

function deletionDirection(inputType: string): "backward" | "forward" | null {
  if (!inputType.startsWith("delete")) return null;
  if (inputType.endsWith("Backward")) return "backward";
  if (inputType.endsWith("Forward")) return "forward";
  return null;
}

/** The DOM selection's position in the doc when it is a caret inside the editor, else null. */
function domCaretPosition(view: EditorView): number | null {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection?.isCollapsed || selection.anchorNode === null) return null;
  if (!view.dom.contains(selection.anchorNode)) return null;
  try {
    return view.posAtDOM(selection.anchorNode, selection.anchorOffset);
  } catch {
    return null;
  }
}

/**
 * A caret (the selection's, or the given position) is at the first (backward) or last
 * (forward) position of a field.
 */
export function atFieldBoundary(
  state: EditorState,
  direction: "backward" | "forward",
  caret?: number,
): boolean {
  const { selection, doc } = state;
  if (caret === undefined && !selection.empty) return false;
  const $pos = doc.resolve(caret ?? selection.from);
  if ($pos.depth <= FIELD_DEPTH) return false;
  const edge =
    direction === "backward"
      ? Selection.findFrom(doc.resolve($pos.start(FIELD_DEPTH)), 1, true)
      : Selection.findFrom(doc.resolve($pos.end(FIELD_DEPTH)), -1, true);
  return edge !== null && edge.from === $pos.pos;
}
