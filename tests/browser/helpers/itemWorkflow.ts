import type { Page } from "playwright-core";

/** The status the workflow bar shows ("Kladde", "Godkendt", …). */
export async function statusText(page: Page): Promise<string> {
  return ((await page.locator(".workflow-bar .status-badge").textContent()) ?? "").trim();
}

/** Waits until the workflow bar shows a status. */
export async function waitForStatus(page: Page, status: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.querySelector(".workflow-bar .status-badge")?.textContent === wanted,
    status,
    { timeout },
  );
}

/** Takes a workflow step from the bar; a step that asks (a dialog) is confirmed, with a reason. */
export async function takeStep(page: Page, label: string, reason?: string): Promise<void> {
  await page.locator(".workflow-actions").getByRole("button", { name: label }).click();
  const dialog = page.getByRole("dialog", { name: label });
  if (reason === undefined && (await dialog.count()) === 0) return;
  if (reason !== undefined) await dialog.getByRole("textbox").fill(reason);
  await dialog.getByRole("button", { name: label }).click();
}
