import type { Page } from "playwright-core";
import type { ItemFieldName } from "../../../shared/editor";

/**
 * Puts the caret `offset` characters into the first text node of a field that contains
 * `text` (counted from the start of `text`), as a click there would, and waits until the
 * editor's own selection is there.
 */
export async function placeCaretAt(
  page: Page,
  field: ItemFieldName,
  text: string,
  offset: number,
): Promise<void> {
  const expected = await page.evaluate(
    ({ name, wanted, at }) => {
      type View = { posAtDOM(node: Node, offset: number): number };
      const dom = document.querySelector<HTMLElement & { editor?: { view: View } }>(".ProseMirror");
      const body = document.querySelector(`.item-body section[data-field="${name}"] > .field-body`);
      if (!dom?.editor || !body) throw new Error(`no field ${name}`);
      dom.focus();
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const start = node.textContent?.indexOf(wanted) ?? -1;
        if (start < 0) continue;
        const selection = document.getSelection()!;
        selection.collapse(node, start + at);
        return dom.editor.view.posAtDOM(node, start + at);
      }
      throw new Error(`"${wanted}" is not in one text node of ${name}`);
    },
    { name: field, wanted: text, at: offset },
  );
  // ProseMirror reads the DOM selection a task later (selectionchange): wait until it has.
  await page.waitForFunction((pos) => {
    type WithEditor = HTMLElement & {
      editor?: { state: { selection: { head: number; empty: boolean } } };
    };
    const selection = document.querySelector<WithEditor>(".ProseMirror")?.editor?.state.selection;
    return selection?.empty === true && selection.head === pos;
  }, expected);
}
