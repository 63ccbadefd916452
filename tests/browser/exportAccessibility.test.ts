import axe from "axe-core";
import type { AxeResults } from "axe-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMeetingHtml } from "../../server/exports";
import type { ExportInput } from "../../server/exports";
import { fixtureExportInput } from "../unit/exports/fixtureMeeting";
import { pdfPageTexts } from "../unit/exports/readExports";
import { launchBrowser } from "./helpers/launchBrowser";

/** Item 2.3 closed, and item 2.1 with two bilag that its text points to with `./.` markers. */
function exportInput(variant: ExportInput["variant"]): ExportInput {
  const input = fixtureExportInput({
    variant,
    change: (item) => {
      if (item.id === "demo-2-3") return { ...item, closed: true };
      if (item.id !== "demo-2-1") return item;
      return {
        ...item,
        attachments: ["Status på milepæle.pdf", "Slides fra Per Okkels.pptx"].map(
          (filename, i) => ({
            id: `bilag-${i + 1}`,
            filename,
            contentType: "application/pdf",
            size: 1000,
            sha256: "0".repeat(64),
          }),
        ),
      };
    },
  });
  const body = input.document.bodies["demo-2-1"] as {
    content: { type: string; content: unknown[] }[];
  };
  body.content[0]!.content.push({
    type: "paragraph",
    content: [
      { type: "attachmentMarker", attrs: { attachmentId: "bilag-1", label: "Status" } },
      { type: "text", text: " Se bilaget med " },
      { type: "text", text: "status", marks: [{ type: "bold" }] },
      { type: "text", text: " på " },
      { type: "text", text: "kl.dk", marks: [{ type: "link", attrs: { href: "https://kl.dk" } }] },
    ],
  });
  return input;
}

describe("the HTML export in real Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const variant of ["internal", "public"] as const) {
    it(`has no axe-core violations (${variant})`, async () => {
      const page = await browser.newPage();
      try {
        await page.setContent(renderMeetingHtml(exportInput(variant)));
        // Evaluated, not added as an inline <script>: the page's CSP refuses inline scripts.
        await page.evaluate(axe.source);
        const results = await page.evaluate(
          () =>
            (
              window as unknown as { axe: { run(): Promise<AxeResults> } }
            ).axe.run() as Promise<AxeResults>,
        );
        const violations = results.violations.map((violation) => ({
          id: violation.id,
          help: violation.help,
          nodes: violation.nodes.map((node) => node.target.join(" ")),
        }));
        expect(violations).toEqual([]);
        expect(results.passes.length).toBeGreaterThan(10);
        // The page's outline is what a screen reader navigates by.
        expect(await page.getAttribute("html", "lang")).toBe("da");
        expect(await page.locator("h1").count()).toBe(1);
        expect(await page.locator("nav[aria-label='Indhold'] a").count()).toBeGreaterThan(10);
        expect(await page.locator("a.bilag-marker").count()).toBe(1);
      } finally {
        await page.close();
      }
    });
  }

  it("prints the running header and SIDE | n in the page margins", async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(renderMeetingHtml(exportInput("public")));
      const pages = await pdfPageTexts(await page.pdf({ format: "A4" }));
      expect(pages.length).toBeGreaterThan(3);
      // The front page has neither; every other page has both.
      expect(pages[0]).not.toContain("SIDE |");
      pages.slice(1).forEach((text, index) => {
        expect(text).toContain("KKR Syddanmark | 03-09-2025");
        expect(text).toContain(`SIDE | ${index + 2}`);
      });
    } finally {
      await page.close();
    }
  });
});
