import type { Browser } from "playwright-core";
import { apiAs } from "./apiAs";
import { DEMO_ITEM_ID } from "./openItemPage";

/**
 * Takes the demo item through the workflow to approval, as the people whose steps they are
 * (over HTTP, not on screen): sent to review, signed off, approved.
 */
export async function approveItem(
  browser: Browser,
  baseUrl: string,
  itemId = DEMO_ITEM_ID,
): Promise<void> {
  const steps: [string, string][] = [
    ["sagsbehandler@demo.dk", "sendToReview"],
    ["direktoer@demo.dk", "signOff"],
    ["formand@demo.dk", "approve"],
  ];
  for (const [email, transition] of steps) {
    const person = await apiAs(browser, baseUrl, email);
    await person.post(`/api/items/${itemId}/transitions`, { transition });
    await person.close();
  }
}
