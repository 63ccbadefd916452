import axe from "axe-core";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

/** axe-core's violations on the page as it is now, as "rule: first offending element" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the page's CSP refuses inline scripts.
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    () =>
      (
        window as unknown as { axe: { run(): Promise<AxeResults> } }
      ).axe.run() as Promise<AxeResults>,
  );
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ") ?? ""}`,
  );
}
