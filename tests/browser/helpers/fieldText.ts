import type { Page } from "playwright-core";
import type { ItemFieldName } from "../../../shared/editor";

/**
 * A field body's text as the person sees it, without remote caret labels (which are part of
 * the DOM, and so of innerText).
 */
export async function fieldText(page: Page, field: ItemFieldName): Promise<string> {
  return page.evaluate((name) => {
    const body = document.querySelector(`.item-body section[data-field="${name}"] > .field-body`);
    if (!(body instanceof HTMLElement)) return "";
    const copy = body.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent ?? "";
  }, field);
}
