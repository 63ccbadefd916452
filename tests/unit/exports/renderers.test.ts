import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ExportError,
  renderDecisionExtract,
  renderMeetingDocx,
  renderMeetingHtml,
  renderMeetingPdf,
} from "../../../server/exports";
import type { ExportInput } from "../../../server/exports";
import { fixtureExportInput } from "./fixtureMeeting";
import { docxText, pdfPageTexts, pdfTagging } from "./readExports";

/** From item 2.3's Baggrund, which is closed in these tests. */
const CLOSED_BODY = "Fælleskommunalt Sundhedssekretariat har udarbejdet et årsregnskab";
const CLOSED_TITLE = "Det fælleskommunale sundhedssekretariats regnskab og årsrapport";
const CLOSED_BILAG = "Regnskab 2024 for sundhedssekretariatet.pdf";

function input(variant: ExportInput["variant"]): ExportInput {
  return fixtureExportInput({
    variant,
    change: (item) => {
      if (item.id === "demo-2-3") {
        return {
          ...item,
          closed: true,
          attachments: [
            {
              id: "regnskab",
              filename: CLOSED_BILAG,
              contentType: "application/pdf",
              size: 1,
              sha256: "0".repeat(64),
            },
          ],
        };
      }
      if (item.id === "demo-2-2")
        return { ...item, title: 'Siden sidst <script>alert("x")</script>' };
      return item;
    },
  });
}

/** What every format must show of the fixture's minutes, as text. */
const EXPECTED_TEXT = [
  "1. Godkendelse af referat",
  "2. Regionalpolitiske sager",
  "2.1. Temadrøftelse om sundhedsreformen",
  "2.9. Orientering om Socialtilsyn Syds årsrapport 2024",
  "3.1. Punkter til næste møde i KKR Syddanmark",
  "SAG-2025-03188 mlal/anjh",
  "Baggrund",
  "Indstilling",
  "Sagsfremstilling",
  "Beslutning",
  "Referatet blev godkendt.",
  "Lukket punkt",
  CLOSED_TITLE,
];

/** Spaces and line ends as single spaces, so wrapped lines compare as running text. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

describe("the exports, read back", () => {
  const texts: Record<string, { html: string; pdf: string; docx: string }> = {};
  let pdfPages: string[] = [];
  let pdfBytes: Buffer;
  let docxBytes: Buffer;

  beforeAll(async () => {
    for (const variant of ["public", "internal"] as const) {
      const exportInput = input(variant);
      const pdf = await renderMeetingPdf(exportInput);
      const docx = await renderMeetingDocx(exportInput);
      const pages = await pdfPageTexts(pdf);
      texts[variant] = {
        html: renderMeetingHtml(exportInput),
        pdf: flat(pages.join("\n")),
        docx: flat(await docxText(docx)),
      };
      if (variant === "public") {
        pdfPages = pages;
        pdfBytes = pdf;
        docxBytes = docx;
      }
    }
  }, 60_000);

  for (const format of ["pdf", "docx"] as const) {
    it(`${format}: shows numbering, titles, case lines and field headings`, () => {
      for (const expected of EXPECTED_TEXT) expect(texts.public![format]).toContain(expected);
    });

    it(`${format}: public leaves out the closed item's body and bilag, internal has them`, () => {
      expect(texts.public![format]).toContain(CLOSED_TITLE);
      expect(texts.public![format]).not.toContain(CLOSED_BODY);
      expect(texts.public![format]).not.toContain(CLOSED_BILAG);
      expect(texts.internal![format]).toContain(CLOSED_BODY);
      expect(texts.internal![format]).toContain(CLOSED_BILAG);
    });
  }

  it("html: shows the same, escaped, and leaves out the same", () => {
    const html = texts.public!.html;
    for (const expected of EXPECTED_TEXT) expect(html).toContain(expected);
    expect(html).toContain("Siden sidst &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain(CLOSED_BODY);
    expect(html).not.toContain(CLOSED_BILAG);
    expect(texts.internal!.html).toContain(CLOSED_BODY);
    expect(html).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html).toContain('<nav aria-label="Indhold">');
    expect(html).toContain('<h3 id="punkt-demo-2-1">2.1. Temadrøftelse');
    expect(html).toContain('<p class="case-line">SAG-2025-03188 mlal</p>');
    expect(html).toContain("<h4>Baggrund</h4>");
  });

  it("pdf: is tagged, in Danish, with a title and a structure tree of headings and lists", async () => {
    const latin1 = pdfBytes.toString("latin1");
    expect(latin1).toMatch(/\/MarkInfo/);
    expect(latin1).toMatch(/\/Marked true/);
    expect(latin1).toMatch(/\/StructTreeRoot/);
    expect(latin1).toContain("/Lang (da-DK)");
    expect(latin1).toContain("/DisplayDocTitle true");
    const tagging = await pdfTagging(pdfBytes);
    expect(tagging.markInfo?.Marked).toBe(true);
    expect(tagging.lang).toBe("da-DK");
    expect(tagging.title).toBe("Referat – KKR Syddanmark – 3. september 2025");
    for (const role of [
      "Document",
      "Sect",
      "H1",
      "H2",
      "H3",
      "H4",
      "P",
      "L",
      "LI",
      "Lbl",
      "LBody",
      "TOC",
      "TOCI",
    ]) {
      expect(tagging.roles).toContain(role);
    }
    expect(tagging.roles.filter((role) => role === "H1")).toHaveLength(1);
  });

  it("pdf: front page, contents with page numbers, running header on every later page", () => {
    expect(pdfPages[0]).toContain("KKR Syddanmark");
    expect(pdfPages[0]).toContain("Referat");
    expect(pdfPages[0]).toContain("3. september 2025");
    expect(pdfPages[0]).toContain("Odense");
    expect(pdfPages[0]).not.toContain("SIDE |");
    expect(pdfPages[1]).toContain("Indhold");
    // The contents give each item's page: 2.1 starts section 2, on the page after section 1.
    const section2Page =
      pdfPages.findIndex((page) => page.includes("2. Regionalpolitiske sager\n")) + 1;
    expect(flat(pdfPages[1]!)).toContain(`2. Regionalpolitiske sager ${section2Page}`);
    pdfPages.slice(1).forEach((page, index) => {
      expect(page).toContain("KKR Syddanmark | 03-09-2025");
      expect(page).toContain(`SIDE | ${index + 2}`);
    });
  });

  it("docx: Danish, title page without header, header and SIDE | page field after it", async () => {
    const zip = await JSZip.loadAsync(docxBytes);
    const file = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
    expect(await file("word/styles.xml")).toContain('w:lang w:val="da-DK"');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/(header|footer)\d+\.xml$/.test(name))
        .map(file),
    );
    expect(headers.join("")).toContain("KKR Syddanmark | 03-09-2025");
    expect(headers.join("")).toContain("SIDE | ");
    expect(headers.join("")).toMatch(/PAGE/);
    const document = await file("word/document.xml");
    expect(document).toContain("<w:titlePg/>");
    expect(document).toContain('w:pStyle w:val="Heading1"');
    expect(document).toContain('w:pStyle w:val="Heading2"');
    expect(document).toContain("TOC \\h \\o &quot;1-2&quot;");
    // The dash lists are Word lists, not typed dashes; sub-headings keep their style's bold.
    expect(document).toContain("<w:numPr>");
    expect(document).not.toContain('<w:b w:val="false"/>');
    expect(texts.public!.docx).not.toContain("– Sundhedssamarbejdsudvalget");
  });
});

describe("the decision extract (delreferat)", () => {
  it("holds the meeting, the item's number, title, case line, Indstilling and Beslutning", async () => {
    const pdf = await renderDecisionExtract(input("internal"), "demo-2-2");
    const text = flat((await pdfPageTexts(pdf)).join("\n"));
    for (const expected of [
      "Delreferat",
      "KKR Syddanmark | 03-09-2025",
      "SIDE | 1",
      "3. september 2025",
      "2.2. Siden sidst",
      "SAG-2025-03188 mlal/anjh",
      "Indstilling",
      "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning.",
      "Beslutning",
      "KKR Syddanmark tog orienteringen til efterretning.",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Baggrund");
    expect((await pdfTagging(pdf)).markInfo?.Marked).toBe(true);
  });

  it("follows the public rule for a closed item, and refuses an item not on the agenda", async () => {
    const text = flat(
      (await pdfPageTexts(await renderDecisionExtract(input("public"), "demo-2-3"))).join("\n"),
    );
    expect(text).toContain("2.3. Det fælleskommunale sundhedssekretariats");
    expect(text).toContain("Lukket punkt");
    expect(text).not.toContain("Det indstilles");
    await expect(renderDecisionExtract(input("public"), "nope")).rejects.toThrow(ExportError);
  });
});
