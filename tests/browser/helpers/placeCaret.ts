import type { Page } from "playwright-core";
import type { ItemFieldName } from "../../../shared/editor";

/**
 * Puts the caret at the very start or end of a field's body by clicking its first line's start
 * or its last line's end (Home/End alone only reach the visual line's ends).
 */
export async function placeCaret(
  page: Page,
  field: ItemFieldName,
  where: "start" | "end",
): Promise<void> {
  const blocks = page.locator(`.item-body section[data-field="${field}"] > .field-body > *`);
  const block = where === "start" ? blocks.first() : blocks.last();
  const box = await block.boundingBox();
  if (box === null) throw new Error(`${field} has no visible block`);
  await block.click({
    position: where === "start" ? { x: 1, y: 4 } : { x: box.width - 1, y: box.height - 4 },
  });
  await page.keyboard.press(where === "start" ? "Home" : "End");
  await waitForCaret(page, field, where);
}

/**
 * Waits until the editor has focus and both the browser's selection and the editor's own
 * (ProseMirror state) selection are in `field` — at its start or end if `where` is given.
 *
 * Both matter: ProseMirror adopts the browser's selection a moment after a click or a focus
 * change (and after a focus it may first restore its own). On a loaded machine, a key pressed
 * in between acts on the editor's previous selection — at the document's start after the first
 * focus — and the text lands in another field.
 */
export async function waitForCaret(
  page: Page,
  field: ItemFieldName,
  where?: "start" | "end",
): Promise<void> {
  await page.waitForFunction(
    ([name, at]) => {
      const dom = document.querySelector<HTMLElement & { editor?: EditorLike }>(".ProseMirror");
      const selection = document.getSelection();
      const node = selection?.anchorNode ?? null;
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      if (dom === null || document.activeElement !== dom || element === null) return false;
      if (element.closest(`section[data-field="${name}"]`) === null) return false;
      const $from = dom.editor?.state.selection.$from;
      if (!$from || $from.depth < 2 || $from.node(1).type.name !== name) return false;
      if (at === "start") return $from.index(1) === 0 && $from.parentOffset === 0;
      if (at === "end") {
        return (
          $from.index(1) === $from.node(1).childCount - 1 &&
          $from.parentOffset === $from.parent.content.size
        );
      }
      return true;
    },
    [field, where ?? null] as const,
    { timeout: 10_000 },
  );
}

/** The part of TipTap's editor (which TipTap puts on its DOM element) these waits read. */
interface EditorLike {
  state: {
    selection: {
      $from: {
        depth: number;
        parentOffset: number;
        parent: { content: { size: number } };
        node(depth: number): { type: { name: string }; childCount: number };
        index(depth: number): number;
      };
    };
  };
}
