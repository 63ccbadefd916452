import { TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

/**
 * Makes the editor state's selection match the DOM's. ProseMirror reads keyboard selection
 * changes (Shift+Home, …) from `selectionchange`, which arrives a task later and is ignored
 * once the editor has lost focus; so a selection made just before focus moves to the toolbar
 * would be lost, and "Fed" would act on a stale caret. Only text selections are synced: node
 * and cell selections have no faithful DOM form to read back.
 */
export function syncSelectionFromDOM(view: EditorView): void {
  const current = view.state.selection;
  if (!(current instanceof TextSelection)) return;
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom || dom.anchorNode === null || dom.focusNode === null) return;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return;
  }
  if (current.anchor === anchor && current.head === head) return;
  const { doc } = view.state;
  view.dispatch(
    view.state.tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head))),
  );
}
