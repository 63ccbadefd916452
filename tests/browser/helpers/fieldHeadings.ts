import type { Page } from "playwright-core";

/** The item body's field headings as shown, in document order. */
export async function fieldHeadings(page: Page): Promise<string[]> {
  return page.$$eval(".item-body h2.field-heading", (headings) =>
    headings.map((heading) => heading.textContent ?? ""),
  );
}
