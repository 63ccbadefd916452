import axe from "axe-core";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

export interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

/** axe-core's findings (its default rule set) for the page as it is now; empty when it passes. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ content: axe.source });
  }
  const results = await page.evaluate(
    () =>
      (
        window as unknown as { axe: { run(): Promise<AxeResults> } }
      ).axe.run() as Promise<AxeResults>,
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(" ")),
  }));
}
