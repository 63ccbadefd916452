import type { Browser, BrowserContext, Page } from "playwright-core";

/**
 * A person in their own browser context (own cookies and IndexedDB), signed in through the
 * login page and left on `path`.
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  path = "/",
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${email}] page error:`, error));
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode").fill("demo");
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForURL(`${baseUrl}${path}`);
  return { context, page };
}
