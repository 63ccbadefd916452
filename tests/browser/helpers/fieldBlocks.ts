import type { Page } from "playwright-core";
import type { ItemFieldName } from "../../../shared/editor";

/**
 * A field's blocks (paragraphs, sub-headings, list items …) as text, in order, without remote
 * caret labels.
 */
export async function fieldBlocks(page: Page, field: ItemFieldName): Promise<string[]> {
  return page.evaluate((name) => {
    const body = document.querySelector(`.item-body section[data-field="${name}"] > .field-body`);
    if (!(body instanceof HTMLElement)) return [];
    const copy = body.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return Array.from(copy.children).map((block) => block.textContent ?? "");
  }, field);
}
