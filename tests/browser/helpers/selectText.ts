import type { Page } from "playwright-core";
import type { ItemFieldName } from "../../../shared/editor";

/**
 * Selects the first occurrence of `text` in a field of the item body, as a person dragging
 * over it would (a DOM selection, which the editor reads), whether the text is editable or not,
 * and waits until the editor's own selection is that text.
 */
export async function selectText(page: Page, field: ItemFieldName, text: string): Promise<void> {
  await page.evaluate(
    ({ name, wanted }) => {
      const body = document.querySelector(`.item-body section[data-field="${name}"] > .field-body`);
      if (!body) throw new Error(`no field ${name}`);
      // An editable editor reads the selection only while it has focus.
      body.closest<HTMLElement>(".ProseMirror")?.focus();
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in one text node of ${name}`);
    },
    { name: field, wanted: text },
  );
  // ProseMirror reads the DOM selection a task later (selectionchange): wait until it has.
  await page.waitForFunction((wanted) => {
    type WithEditor = Element & {
      editor?: {
        state: {
          selection: { from: number; to: number };
          doc: { textBetween(from: number, to: number): string };
        };
      };
    };
    const editor = (document.querySelector(".ProseMirror") as WithEditor | null)?.editor;
    if (!editor) return false;
    const { from, to } = editor.state.selection;
    return editor.state.doc.textBetween(from, to) === wanted;
  }, text);
}
