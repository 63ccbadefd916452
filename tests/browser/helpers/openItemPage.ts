import type { Browser, BrowserContext, Page } from "playwright-core";

export const DEMO_ITEM_ID = "demo-2-1";

export interface PersonPage {
  context: BrowserContext;
  page: Page;
}

/**
 * A person in their own browser context (own cookies and IndexedDB), signed in through the
 * login page, on an item's page with its editor mounted.
 */
export async function openItemPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  itemId = DEMO_ITEM_ID,
  options: {
    viewport?: { width: number; height: number };
    /** Runs before the page loads anything, e.g. to route its websockets. */
    prepare?: (page: Page) => Promise<void>;
  } = {},
): Promise<PersonPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${email}] page error:`, error));
  await options.prepare?.(page);
  await page.goto(`${baseUrl}/items/${itemId}`);
  // Signed out, the app sends you to the login page and back afterwards.
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode").fill("demo");
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForURL(`${baseUrl}/items/${itemId}`);
  await waitForEditor(page);
  return { context, page };
}

/**
 * Waits until the item body editor shows its three fields and the server has told the
 * connection its access (before that the editor is read-only).
 */
export async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll(".item-body section[data-field] > h2.field-heading").length === 3 &&
      document.querySelector('.item-layout:not([data-access="unknown"])') !== null,
  );
}
