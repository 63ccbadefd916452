import { Document, Packer, Paragraph, TextRun } from "docx";
// @types/pdfkit declares only the default export that the package also has.
// oxlint-disable-next-line import/no-named-as-default
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import {
  AttachmentTextError,
  checkMeetingForPersonalData,
  DOCX_TYPE,
  extractAttachmentText,
  PDF_TYPE,
  proseMirrorText,
  uncheckedAttachments,
} from "../../../server/publication";
import type { AgendaItem } from "../../../shared/model";
import { fixtureExportInput } from "../exports/fixtureMeeting";

const ATTACHMENT = (id: string, filename: string) => ({
  id,
  filename,
  contentType: PDF_TYPE,
  size: 1,
  sha256: "0".repeat(64),
});

function paragraph(text: string) {
  return { type: "paragraph", content: [{ type: "text", text }] };
}

/** The fixture meeting with data planted in item 2.1 (open) and 2.3 (closed). */
function plantedMeeting(change?: (item: AgendaItem) => AgendaItem) {
  const input = fixtureExportInput({
    change: (item) => {
      let next = item;
      if (item.id === "demo-2-1")
        next = { ...item, attachments: [ATTACHMENT("slides", "Slides.pdf")] };
      if (item.id === "demo-2-2") next = { ...item, title: "Siden sidst – ring 23 45 67 89" };
      if (item.id === "demo-2-3")
        next = { ...item, closed: true, attachments: [ATTACHMENT("sag", "Sag 010190-1234.pdf")] };
      return change ? change(next) : next;
    },
  });
  const body = input.document.bodies["demo-2-1"] as {
    content: { type: string; content: unknown[] }[];
  };
  body.content[2]!.content.push(paragraph("Borgeren (CPR 311250-0001) har klaget."));
  body.content[0]!.content.push({
    type: "paragraph",
    content: [
      { type: "text", text: "Skriv til " },
      {
        type: "text",
        text: "sekretariatet",
        marks: [{ type: "link", attrs: { href: "mailto:anna.hansen@kl.dk" } }],
      },
    ],
  });
  input.beslutninger["demo-2-1"] = [paragraph("Kontakt: per@odense.dk")];
  return input;
}

describe("checkMeetingForPersonalData", () => {
  it("finds nothing in the fixture's minutes: case numbers, dates and amounts are not personal data", () => {
    const { document, beslutninger } = fixtureExportInput();
    expect(checkMeetingForPersonalData(document, beslutninger, {})).toEqual([]);
  });

  it("lists each finding in place: item, field or bilag, and whether it is published", () => {
    const { document, beslutninger } = plantedMeeting();
    const findings = checkMeetingForPersonalData(document, beslutninger, {
      slides: "Side 3: kontakt 0045 98765432",
      sag: "Klageren, CPR 020202-2222, skriver …",
    });
    expect(
      findings.map((f) => [
        f.itemNumber,
        f.field,
        f.attachmentId ?? null,
        f.kind,
        f.match,
        f.published,
      ]),
    ).toEqual([
      ["2.1", "baggrund", null, "email", "anna.hansen@kl.dk", true],
      ["2.1", "sagsfremstilling", null, "cpr", "311250-0001", true],
      ["2.1", "beslutning", null, "email", "per@odense.dk", true],
      ["2.1", "bilag", "slides", "phone", "0045 98765432", true],
      ["2.2", "title", null, "phone", "23 45 67 89", true],
      // A closed item's bilag is checked too, but is not in the public version; its file name
      // is checked with its text.
      ["2.3", "bilag", "sag", "cpr", "010190-1234", false],
      ["2.3", "bilag", "sag", "cpr", "020202-2222", false],
    ]);
    expect(findings[1]).toMatchObject({
      itemId: "demo-2-1",
      itemTitle: expect.stringContaining("Temadrøftelse om sundhedsreformen"),
      context: expect.stringContaining("Borgeren (CPR 311250-0001) har klaget."),
    });
    expect(findings[3]!.attachmentName).toBe("Slides.pdf");
  });

  it("leaves out deleted items, as the exports do", () => {
    const { document, beslutninger } = plantedMeeting((item) =>
      item.id === "demo-2-1" ? { ...item, deleted: true } : item,
    );
    document.numbers = Object.fromEntries(
      Object.entries(document.numbers).filter(([id]) => id !== "demo-2-1"),
    );
    const findings = checkMeetingForPersonalData(document, beslutninger, {});
    expect(findings.map((f) => f.itemId)).not.toContain("demo-2-1");
  });

  it("names the published bilag it had no text for", () => {
    const { document } = plantedMeeting();
    expect(uncheckedAttachments(document, {})).toEqual([
      { itemId: "demo-2-1", itemNumber: "2.1", attachmentId: "slides", filename: "Slides.pdf" },
    ]);
    expect(uncheckedAttachments(document, { slides: "tekst" })).toEqual([]);
  });
});

describe("proseMirrorText", () => {
  it("gives blocks on lines, markers with their label and link addresses that differ from the text", () => {
    expect(
      proseMirrorText({
        type: "doc",
        content: [
          paragraph("Første afsnit."),
          {
            type: "bulletList",
            content: [{ type: "listItem", content: [paragraph("Punkt")] }],
          },
          {
            type: "paragraph",
            content: [
              { type: "attachmentMarker", attrs: { attachmentId: "a", label: "Bilag.pdf" } },
              { type: "text", text: " se " },
              {
                type: "text",
                text: "kl.dk",
                marks: [{ type: "link", attrs: { href: "https://kl.dk" } }],
              },
              { type: "hardBreak" },
              {
                type: "text",
                text: "a@b.dk",
                marks: [{ type: "link", attrs: { href: "mailto:a@b.dk" } }],
              },
            ],
          },
        ],
      }),
    ).toBe("Første afsnit.\nPunkt\n./. Bilag.pdf se kl.dk <https://kl.dk>\na@b.dk");
  });
});

describe("extractAttachmentText", () => {
  const planted = "Klager: Jens Jensen, CPR 010190-1234, jens@example.dk, tlf. 23 45 67 89.";

  it("reads a PDF's text", async () => {
    const document = new PDFDocument();
    const chunks: Buffer[] = [];
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => document.on("end", resolve));
    document.text("Side 1");
    document.addPage().text(planted);
    document.end();
    await done;
    const text = await extractAttachmentText(Buffer.concat(chunks), PDF_TYPE);
    expect(text).toContain("Side 1");
    expect(text.replace(/\s+/g, " ")).toContain(planted);
  });

  it("reads a Word document's text", async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [{ children: [new Paragraph({ children: [new TextRun(planted)] })] }],
      }),
    );
    expect(await extractAttachmentText(bytes, DOCX_TYPE)).toContain(planted);
  });

  it("takes plain text as it is and gives nothing for files without text", async () => {
    const bytes = new TextEncoder().encode(planted);
    expect(await extractAttachmentText(bytes, "text/plain; charset=utf-8")).toBe(planted);
    expect(await extractAttachmentText(bytes, "text/csv")).toBe(planted);
    expect(await extractAttachmentText(bytes, "image/png")).toBe("");
  });

  it("refuses a PDF or Word file that cannot be read, rather than passing it as empty", async () => {
    const broken = new TextEncoder().encode("%PDF-1.7\nnot really a pdf");
    await expect(extractAttachmentText(broken, PDF_TYPE)).rejects.toThrow(AttachmentTextError);
    await expect(extractAttachmentText(broken, DOCX_TYPE)).rejects.toThrow(AttachmentTextError);
  });
});
