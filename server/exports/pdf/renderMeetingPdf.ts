import type { ExportInput } from "../ExportInput";
import type { ExportItem, ExportModel } from "../ExportModel";
import {
  attachmentListText,
  EXPORT_LABELS,
  itemHeading,
  pageLabel,
  sectionHeading,
} from "../exportLabels";
import { prepareExport } from "../prepareExport";
import { PAGE, TaggedPdf } from "./TaggedPdf";
import type { Struct } from "./TaggedPdf";
import { writeBlocks } from "./writeBlocks";

/**
 * The meeting as a tagged PDF in the documents' layout: a front page (committee, Dagsorden or
 * Referat, date, time, place, for minutes who attended), the contents with page numbers, then
 * each section on a new page with its items: "2.3. Title", the case line, the field headings
 * and their text, the list of bilag. Every page after the front page has the running header
 * "KKR Syddanmark | 03-09-2025" and "SIDE | n".
 *
 * The contents' page numbers are known only once the pages are laid out, so the document is
 * laid out twice: the first pass, with the numbers left blank, finds the page of each heading;
 * the contents take the same room in both passes, so the second pass puts them on the same pages.
 */
export async function renderMeetingPdf(input: ExportInput): Promise<Buffer> {
  const model = prepareExport(input);
  const firstPass = writeMeetingPdf(model, null);
  await firstPass.pdf.finish();
  return writeMeetingPdf(model, firstPass.pages).pdf.finish();
}

/** Section or item id → the 1-based page its heading is on. */
type HeadingPages = Map<string, number>;

function writeMeetingPdf(
  model: ExportModel,
  knownPages: HeadingPages | null,
): { pdf: TaggedPdf; pages: HeadingPages } {
  const pdf = new TaggedPdf({
    title: `${model.documentTitle} – ${model.committee} – ${model.dateText}`,
    author: model.committee,
    subject: model.meetingTitle,
    ...(model.record
      ? { recordHash: model.record.hash, createdAt: new Date(model.record.issuedAt) }
      : {}),
  });
  const pages: HeadingPages = new Map();
  writeFrontPage(pdf, model);
  pdf.newPage();
  writeContents(pdf, model, knownPages);
  for (const section of model.sections) {
    pdf.newPage();
    const sect = pdf.group(pdf.root, "Sect");
    pages.set(section.id, pdf.pageNumber);
    const heading = sectionHeading(section);
    pdf.heading(sect, "H2", heading, {
      size: 16,
      color: PAGE.accent,
      destination: destination(section.id),
      gapAfter: 14,
    });
    const outline = pdf.doc.outline.addItem(heading);
    for (const item of section.items) {
      writeItem(pdf, sect, item, pages, outline);
    }
    sect.end();
  }
  pdf.stampRunningHeader(model.runningHeader, pageLabel, 2);
  return { pdf, pages };
}

function writeFrontPage(pdf: TaggedPdf, model: ExportModel): void {
  const front = pdf.group(pdf.root, "Sect");
  pdf.moveDown(150);
  pdf.line(front, "P", model.committee, {
    size: 22,
    font: "bold",
    color: PAGE.accent,
    gapAfter: 10,
  });
  pdf.heading(front, "H1", model.documentTitle, { size: 34, color: PAGE.ink, gapAfter: 8 });
  pdf.line(front, "P", model.meetingTitle, { size: 13, gapAfter: 36 });
  const rows: [string, string][] = [
    [EXPORT_LABELS.date, model.dateText],
    [EXPORT_LABELS.time, model.timeText],
  ];
  if (model.place.trim() !== "") rows.push([EXPORT_LABELS.place, model.place]);
  if (model.attendance?.present.length)
    rows.push([EXPORT_LABELS.present, model.attendance.present.join(", ")]);
  if (model.attendance?.absent.length)
    rows.push([EXPORT_LABELS.absent, model.attendance.absent.join(", ")]);
  for (const [term, value] of rows) {
    pdf.paragraph(
      front,
      [
        { type: "text", text: `${term}: `, bold: true, italic: false, href: null },
        { type: "text", text: value, bold: false, italic: false, href: null },
      ],
      { size: 12, gapAfter: 4 },
    );
  }
  if (model.recordLines.length > 0) pdf.moveDown(24);
  for (const line of model.recordLines) {
    pdf.line(front, "P", line, { size: 8, color: PAGE.muted, gapAfter: 2 });
  }
  front.end();
}

const PAGE_COLUMN = 30;

function writeContents(pdf: TaggedPdf, model: ExportModel, knownPages: HeadingPages | null): void {
  const sect = pdf.group(pdf.root, "Sect");
  pdf.heading(sect, "H2", EXPORT_LABELS.contents, { size: 16, color: PAGE.accent, gapAfter: 14 });
  const toc = pdf.group(sect, "TOC");
  const entry = (id: string, text: string, indent: number, bold: boolean, note: string) => {
    const page = knownPages?.get(id);
    const pageText = page === undefined ? "" : String(page);
    const x = PAGE.margins.left + indent;
    const width = pdf.contentWidth - indent - PAGE_COLUMN;
    const style = bold ? "bold" : "regular";
    pdf.font(style, PAGE.bodySize);
    const height = pdf.doc.heightOfString(text + note, { width, lineGap: PAGE.lineGap });
    pdf.ensureSpace(height);
    const tocItem = pdf.group(toc, "TOCI");
    const link = pdf.group(tocItem, "Link");
    link.add(() => {
      const top = pdf.doc.y;
      pdf.font(style, PAGE.bodySize).fillColor(PAGE.ink);
      pdf.doc.text(text, x, top, { width, lineGap: PAGE.lineGap, continued: note !== "" });
      if (note !== "") pdf.font("italic", PAGE.bodySize).fillColor(PAGE.closed).text(note);
      const bottom = pdf.doc.y;
      pdf.font(style, PAGE.bodySize).fillColor(PAGE.ink);
      const pageWidth = pdf.doc.widthOfString(pageText);
      pdf.doc.text(pageText, PAGE.margins.left + pdf.contentWidth - pageWidth, top, {
        lineBreak: false,
      });
      // A Link annotation inside the Link element, as PDF/UA wants; pdfkit's `goTo` option
      // would leave it outside the structure tree. A JS string is a PDF name to pdfkit.
      const annotation = {
        Subtype: "Link",
        Dest: destination(id),
        // oxlint-disable-next-line no-new-wrappers
        Contents: new String(text),
        structParent: link,
      };
      pdf.doc.annotate(
        x,
        top,
        pdf.contentWidth - indent,
        bottom - top,
        annotation as unknown as PDFKit.Mixins.AnnotationOption,
      );
      pdf.doc.y = bottom;
    });
    link.end();
    tocItem.end();
    pdf.doc.x = PAGE.margins.left;
    pdf.moveDown(bold ? 4 : 2);
  };
  for (const section of model.sections) {
    pdf.moveDown(4);
    entry(section.id, sectionHeading(section), 0, true, "");
    for (const item of section.items) {
      const note = item.closed ? ` (${EXPORT_LABELS.closed.toLowerCase()})` : "";
      entry(item.id, itemHeading(item), 18, false, note);
    }
  }
  toc.end();
  sect.end();
}

function writeItem(
  pdf: TaggedPdf,
  parent: Struct,
  item: ExportItem,
  pages: HeadingPages,
  outline: PDFKit.PDFOutline,
): void {
  const sect = pdf.group(parent, "Sect");
  pdf.moveDown(8);
  const heading = itemHeading(item);
  pdf.heading(sect, "H3", heading, {
    size: 12,
    color: PAGE.accent,
    destination: destination(item.id),
    gapAfter: 3,
    keepWithNext: 5 * pdf.lineHeight(),
  });
  pages.set(item.id, pdf.pageNumber);
  outline.addItem(heading);
  if (item.caseLine !== null) pdf.line(sect, "P", item.caseLine, { color: PAGE.muted });
  if (item.closed) {
    pdf.line(sect, "P", EXPORT_LABELS.closed, { font: "bold", color: PAGE.closed });
  }
  for (const field of item.fields) {
    pdf.moveDown(3);
    pdf.heading(sect, "H4", field.label, { gapAfter: 3 });
    writeBlocks(pdf, sect, field.blocks, { subHeadingRole: "H5" });
  }
  if (item.attachments.length > 0) {
    pdf.moveDown(3);
    pdf.heading(sect, "H4", EXPORT_LABELS.attachments, { gapAfter: 3 });
    writeBlocks(
      pdf,
      sect,
      [
        {
          type: "list",
          ordered: false,
          start: 1,
          numbering: "decimal",
          items: item.attachments.map((attachment) => [
            {
              type: "paragraph",
              content: [
                {
                  type: "text",
                  text: attachmentListText(attachment),
                  bold: false,
                  italic: false,
                  href: null,
                },
              ],
            },
          ]),
        },
      ],
      { subHeadingRole: "H5" },
    );
  }
  sect.end();
}

function destination(id: string): string {
  return `dagsorden-${id}`;
}
