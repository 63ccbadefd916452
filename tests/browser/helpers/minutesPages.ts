import type { Locator, Page } from "playwright-core";

/** An item's Beslutning editor in minutes mode. */
export function beslutningEditor(page: Page, itemId: string): Locator {
  return page.locator(`.beslutning-body[data-item-id="${itemId}"]`);
}

/**
 * An item's Beslutning as the person sees it, paragraphs joined by newlines, without remote
 * caret labels (part of the DOM, and so of innerText) or the empty-editor placeholder.
 */
export async function beslutningText(page: Page, itemId: string): Promise<string> {
  return page.evaluate((id) => {
    const body = document.querySelector(`.beslutning-body[data-item-id="${id}"]`);
    if (!(body instanceof HTMLElement)) return "";
    const copy = body.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return Array.from(copy.children)
      .map((block) => (block.textContent ?? "").trim())
      .filter((text) => text !== "")
      .join("\n");
  }, itemId);
}

/** Waits until an item's Beslutning reads exactly `expected` (or matches it). */
export async function waitForBeslutning(
  page: Page,
  itemId: string,
  expected: string | RegExp,
): Promise<void> {
  await page.waitForFunction(
    ({ id, source, flags, exact }) => {
      const body = document.querySelector(`.beslutning-body[data-item-id="${id}"]`);
      if (!(body instanceof HTMLElement)) return false;
      const copy = body.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      const text = Array.from(copy.children)
        .map((block) => (block.textContent ?? "").trim())
        .filter((line) => line !== "")
        .join("\n");
      return exact !== null ? text === exact : new RegExp(source, flags).test(text);
    },
    typeof expected === "string"
      ? { id: itemId, source: "", flags: "", exact: expected }
      : { id: itemId, source: expected.source, flags: expected.flags, exact: null },
  );
}

/** Takes a phase step from the page: the step's button, then the same label in the dialog. */
export async function takePhaseStep(page: Page, label: string): Promise<void> {
  await page
    .getByRole("group", { name: "Mødets fase" })
    .getByRole("button", { name: label })
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: label }).click();
  await dialog.waitFor({ state: "hidden" });
}
