import type { Page } from "playwright-core";

/** The status indicator's text ("Forbundet", "Gemmer …", "Gemt", "Offline – …"). */
export async function saveStatusText(page: Page): Promise<string> {
  return (await page.getByRole("status").textContent())?.trim() ?? "";
}
