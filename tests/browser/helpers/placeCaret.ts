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
  // On a loaded machine the editor may take a moment to take focus and adopt the browser's
  // selection; typing before that would go nowhere. Wait until the caret is in this field.
  await page.waitForFunction(
    (name) => {
      const selection = document.getSelection();
      const node = selection?.anchorNode ?? null;
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      return (
        document.activeElement?.classList.contains("ProseMirror") === true &&
        element !== null &&
        element.closest(`section[data-field="${name}"]`) !== null
      );
    },
    field,
    { timeout: 10_000 },
  );
}
