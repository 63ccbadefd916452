import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import {
  deleteAcrossFields,
  flattenFields,
  replaceAcrossFields,
  rewriteDeletionAcrossFields,
  selectAllStep,
  spansFields,
} from "./fieldSelectionTransforms";

/**
 * The selection semantics of an item body's fixed fields (docs/EDITOR.md), wired to every way
 * a person changes a selection's content: Ctrl+A, the deleting keys, Enter, typing (and input
 * methods), paste, cut and commands. The transforms themselves are pure, in
 * fieldSelectionTransforms.ts. Ahead of TipTap's keymaps (priority), so a cross-field selection
 * is dealt with before any of them acts on it.
 */
export const FieldSelection = Extension.create({
  name: "fieldSelection",
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      "Mod-a": ({ editor }) => {
        editor.view.dispatch(selectAllStep(editor.state));
        return true;
      },
    };
  },

  // Cut and any command that deletes a selection spanning fields: ProseMirror's one-step
  // deletion, redone field by field.
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
    const rewritten =
      sync?.isChangeOrigin || !transaction.docChanged
        ? null
        : rewriteDeletionAcrossFields(state, transaction);
    next(rewritten ?? transaction);
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("fieldSelection"),
        props: {
          transformPasted: (slice) => flattenFields(slice),
          handlePaste(view, _event, slice) {
            const tr = replaceAcrossFields(view.state, slice);
            if (tr === null) return false;
            view.dispatch(tr.setMeta("paste", true).scrollIntoView());
            return true;
          },
          // ProseMirror types over a selection that is not inside one paragraph itself (on
          // keypress), asking this first.
          handleTextInput(view, from, to, text) {
            if (!spansFields(view.state.doc, from, to)) return false;
            const tr = replaceAcrossFields(view.state, text);
            if (tr === null) return false;
            view.dispatch(tr.scrollIntoView());
            return true;
          },
          handleKeyDown(view, event) {
            if (!selectionSpansFields(view)) return false;
            if (event.key === "Backspace" || event.key === "Delete") {
              dispatchDeletion(view);
              return true;
            }
            // Enter (with any modifier) acts at the caret once the selection is cleared.
            if (event.key === "Enter") dispatchDeletion(view);
            return false;
          },
          handleDOMEvents: {
            // Typing and input methods reach the editor as beforeinput: the browser's own
            // replacement of a selection spanning the non-editable headings is never let happen.
            beforeinput(view, event) {
              if (!selectionSpansFields(view)) return false;
              const type = event.inputType;
              if (type === "insertFromPaste" || type === "insertFromDrop") return false;
              if (!type.startsWith("insert") && !type.startsWith("delete")) return false;
              event.preventDefault();
              if ((type === "insertText" || type === "insertReplacementText") && event.data) {
                const tr = replaceAcrossFields(view.state, event.data);
                if (tr) view.dispatch(tr.scrollIntoView());
                return true;
              }
              const tr = deleteAcrossFields(view.state);
              if (tr === null) return true;
              if (type === "insertParagraph") tr.split(tr.selection.from);
              view.dispatch(tr.scrollIntoView());
              return true;
            },
            // An input method replaces the selection itself; clear it field by field first.
            compositionstart(view) {
              if (selectionSpansFields(view)) dispatchDeletion(view);
              return false;
            },
          },
        },
      }),
    ];
  },
});

function selectionSpansFields(view: EditorView): boolean {
  const { from, to } = view.state.selection;
  return spansFields(view.state.doc, from, to);
}

function dispatchDeletion(view: EditorView): void {
  const tr = deleteAcrossFields(view.state);
  if (tr === null) return;
  view.dispatch(tr.scrollIntoView());
}
