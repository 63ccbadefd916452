import type { Page } from "playwright-core";

/** The save status indicator's text ("Forbundet", "Gemmer …", "Gemt", "Offline – …"). */
export async function saveStatusText(page: Page): Promise<string> {
  return (await page.locator(".save-status").textContent())?.trim() ?? "";
}
