import type { Browser, BrowserContext, Locator, Page } from "playwright-core";

export const DEMO_MEETING_ID = "demo-2025-09-03";

export interface SignedInPage {
  context: BrowserContext;
  page: Page;
}

/**
 * A person in their own browser context (own cookies and IndexedDB), signed in through the
 * login page, which sends them on to `path`.
 */
export async function signInTo(
  browser: Browser,
  baseUrl: string,
  email: string,
  path = "/",
): Promise<SignedInPage> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${email}] page error:`, error));
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode").fill("demo");
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForURL(`${baseUrl}${path}`);
  return { context, page };
}

/** A section's items as the agenda shows them: "2.1. Title" (number and title only). */
export async function agendaItems(page: Page, sectionTitle: string): Promise<string[]> {
  return page.evaluate((title) => {
    const sections = Array.from(document.querySelectorAll<HTMLElement>(".agenda-section"));
    const section = sections.find((s) =>
      s.querySelector(".section-heading")?.textContent?.endsWith(` ${title}`),
    );
    if (!section) return [];
    return Array.from(section.querySelectorAll(".agenda-item-title")).map((t) =>
      (t.textContent ?? "").replace(/\s+/g, " ").trim(),
    );
  }, sectionTitle);
}

/** The agenda item row whose title is exactly `title`. */
export function agendaRow(page: Page, title: string) {
  return page.locator("li.agenda-item").filter({
    has: page.locator(".agenda-item-title", { hasText: new RegExp(`^\\S+ ${escape(title)}$`) }),
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Drags with the mouse from one element to a point in another (native drag and drop). The drag
 * starts before the target is scrolled into view: scrolling first (as `locator.dragTo` does)
 * would start the drag on whatever then lies under the pointer.
 */
export async function dragWithMouse(
  page: Page,
  source: Locator,
  target: Locator,
  at: { x: number; y: number } | "center" = "center",
): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  if (from === null) throw new Error("the drag source is not visible");
  const start = { x: from.x + Math.min(60, from.width / 2), y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + 6, { steps: 2 });
  await target.scrollIntoViewIfNeeded();
  const to = await target.boundingBox();
  if (to === null) throw new Error("the drop target is not visible");
  const point =
    at === "center"
      ? { x: to.x + to.width / 2, y: to.y + to.height / 2 }
      : { x: to.x + at.x, y: to.y + at.y };
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.mouse.up();
}

/** Sends one agenda command from the page, as the signed-in person (with the CSRF token). */
export async function sendCommand(page: Page, meetingId: string, command: unknown) {
  return page.evaluate(
    async ({ id, body }) => {
      const token = /(?:^|; )dagsorden_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? "";
      const response = await fetch(`/api/meetings/${id}/commands`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": decodeURIComponent(token) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    { id: meetingId, body: command },
  );
}
