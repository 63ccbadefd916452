import type { Page } from "playwright-core";

/**
 * Waits until the editor has focus and its own (ProseMirror) selection is the browser's, as it
 * is a moment after a click: a key pressed then acts where the person sees the caret.
 */
export async function waitForSettledSelection(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      type View = {
        state: { selection: { anchor: number; head: number } };
        posAtDOM(node: Node, offset: number): number;
      };
      const dom = document.querySelector<HTMLElement & { editor?: { view: View } }>(".ProseMirror");
      const view = dom?.editor?.view;
      const selection = document.getSelection();
      if (!view || !selection?.anchorNode || !selection.focusNode) return false;
      if (document.activeElement !== dom) return false;
      try {
        return (
          view.posAtDOM(selection.anchorNode, selection.anchorOffset) ===
            view.state.selection.anchor &&
          view.posAtDOM(selection.focusNode, selection.focusOffset) === view.state.selection.head
        );
      } catch {
        return false;
      }
    },
    undefined,
    { timeout: 10_000 },
  );
}
