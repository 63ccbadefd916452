import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from "docx";
import type { FileChild } from "docx";
import { estimatePageNumbers } from "docx/layout";
import type { ExportInput } from "../ExportInput";
import type { ExportItem, ExportModel } from "../ExportModel";
import { attachmentListText, EXPORT_LABELS, itemHeading, sectionHeading } from "../exportLabels";
import { prepareExport } from "../prepareExport";
import { DocxBlocks } from "./blocksToDocx";
import { reproducibleDocx } from "./reproducibleDocx";
import { CLOSED, DOCX_NUMBERING, DOCX_STYLES } from "./docxStyles";

/**
 * The meeting as a Word document for further editing: a title page, a table of contents
 * (Word's own TOC field over Heading 1–2, written with its entries so it is not empty before
 * Word updates it), sections as Heading 1 on new pages, items as Heading 2, field headings as
 * Heading 3 in bold, lists as Word lists. Every page after the title page has the header
 * "KKR Syddanmark | 03-09-2025" and the footer "SIDE | n" with Word's page number field.
 */
export async function renderMeetingDocx(input: ExportInput): Promise<Buffer> {
  return renderModelDocx(prepareExport(input));
}

export async function renderModelDocx(model: ExportModel): Promise<Buffer> {
  const blocks = new DocxBlocks();
  const children: FileChild[] = [
    ...titlePage(model),
    new Paragraph({ style: "TOCHeading", pageBreakBefore: true, text: EXPORT_LABELS.contents }),
    new TableOfContents(EXPORT_LABELS.contents, { hyperlink: true, headingStyleRange: "1-2" }),
  ];
  for (const section of model.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        text: sectionHeading(section),
      }),
    );
    for (const item of section.items) children.push(...itemParagraphs(item, blocks));
  }
  const document = new Document({
    title: `${model.documentTitle} – ${model.committee} – ${model.dateText}`,
    subject: model.meetingTitle,
    creator: model.committee,
    description: model.runningHeader,
    ...(model.record
      ? {
          keywords: `SHA-256 ${model.record.hash}`,
          customProperties: [{ name: "RecordHash", value: model.record.hash }],
        }
      : {}),
    styles: DOCX_STYLES,
    pageNumbers: estimatePageNumbers,
    numbering: DOCX_NUMBERING,
    sections: [
      {
        properties: {
          titlePage: true,
          page: { margin: { top: 1700, bottom: 1440, left: 1400, right: 1400, header: 700 } },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ children: [new TextRun(model.runningHeader)] })],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ children: [`${EXPORT_LABELS.page} | `, PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
          first: new Footer({ children: [new Paragraph({})] }),
        },
        children,
      },
    ],
  });
  const bytes = await Packer.toBuffer(document);
  return model.record ? reproducibleDocx(bytes, new Date(model.record.issuedAt)) : bytes;
}

function titlePage(model: ExportModel): Paragraph[] {
  const details: [string, string][] = [
    [EXPORT_LABELS.date, model.dateText],
    [EXPORT_LABELS.time, model.timeText],
  ];
  if (model.place.trim() !== "") details.push([EXPORT_LABELS.place, model.place]);
  if (model.attendance?.present.length)
    details.push([EXPORT_LABELS.present, model.attendance.present.join(", ")]);
  if (model.attendance?.absent.length)
    details.push([EXPORT_LABELS.absent, model.attendance.absent.join(", ")]);
  return [
    new Paragraph({ style: "FrontCommittee", text: model.committee }),
    new Paragraph({ heading: HeadingLevel.TITLE, text: model.documentTitle }),
    new Paragraph({
      spacing: { after: 480 },
      children: [new TextRun({ text: model.meetingTitle, size: 26 })],
    }),
    ...details.map(
      ([term, value]) =>
        new Paragraph({
          spacing: { after: 60 },
          children: [
            new TextRun({ text: `${term}: `, bold: true, size: 24 }),
            new TextRun({ text: value, size: 24 }),
          ],
        }),
    ),
    ...model.recordLines.map(
      (line, index) =>
        new Paragraph({
          spacing: { before: index === 0 ? 480 : 0, after: 40 },
          children: [new TextRun({ text: line, size: 16, color: "4A4A4A" })],
        }),
    ),
  ];
}

function itemParagraphs(item: ExportItem, blocks: DocxBlocks): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: itemHeading(item) }),
  ];
  if (item.caseLine !== null) out.push(new Paragraph({ style: "CaseLine", text: item.caseLine }));
  if (item.closed) {
    out.push(
      new Paragraph({
        children: [new TextRun({ text: EXPORT_LABELS.closed, bold: true, color: CLOSED })],
      }),
    );
  }
  for (const field of item.fields) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: field.label }));
    out.push(...blocks.blocks(field.blocks, item.id));
  }
  if (item.attachments.length > 0) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: EXPORT_LABELS.attachments }));
    for (const attachment of item.attachments) {
      out.push(blocks.attachmentEntry(item.id, attachment.id, attachmentListText(attachment)));
    }
    blocks.endAttachmentList();
  }
  return out;
}
