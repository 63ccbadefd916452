import type { ExportBlock, ExportInline } from "../ExportModel";
import { attachmentMarkerText } from "../exportLabels";
import { PAGE } from "./TaggedPdf";
import type { Struct, TaggedPdf } from "./TaggedPdf";

/** How far a list's body sits right of its label. */
const LIST_INDENT = 16;

/**
 * Body blocks into the PDF under `parent`: paragraphs as P, sub-headings as `subHeadingRole`,
 * lists as L > LI > Lbl + LBody (dash labels as in the documents, numbers or letters), tables
 * through pdfkit's accessible table (Table > TR > TH/TD).
 */
export function writeBlocks(
  pdf: TaggedPdf,
  parent: Struct,
  blocks: readonly ExportBlock[],
  options: { indent?: number; subHeadingRole: string },
): void {
  const indent = options.indent ?? 0;
  for (const block of blocks) {
    switch (block.type) {
      case "paragraph":
        pdf.paragraph(parent, block.content, { indent });
        break;
      case "heading":
        pdf.heading(parent, options.subHeadingRole, inlineText(block.content), {
          indent,
          font: "boldItalic",
          gapAfter: 3,
        });
        break;
      case "list": {
        const list = pdf.group(parent, "L");
        block.items.forEach((itemBlocks, index) => {
          const item = pdf.group(list, "LI");
          pdf.label(item, listLabel(block, index), indent);
          const body = pdf.group(item, "LBody");
          writeBlocks(pdf, body, itemBlocks, { ...options, indent: indent + LIST_INDENT });
          // Items sit closer together than paragraphs.
          pdf.moveDown(-PAGE.paragraphGap / 2);
          body.end();
          item.end();
        });
        pdf.moveDown(PAGE.paragraphGap / 2);
        list.end();
        break;
      }
      case "table":
        writeTable(pdf, parent, block.rows, indent);
        break;
    }
  }
}

function listLabel(list: Extract<ExportBlock, { type: "list" }>, index: number): string {
  if (!list.ordered) return "–";
  const number = list.start + index;
  if (list.numbering === "alpha") return `${String.fromCharCode(96 + (((number - 1) % 26) + 1))}.`;
  return `${number}.`;
}

function writeTable(
  pdf: TaggedPdf,
  parent: Struct,
  rows: Extract<ExportBlock, { type: "table" }>["rows"],
  indent: number,
): void {
  pdf.ensureSpace(3 * pdf.lineHeight());
  pdf.font("regular", PAGE.bodySize - 1);
  const options = {
    position: { x: PAGE.margins.left + indent, y: pdf.doc.y },
    maxWidth: pdf.contentWidth - indent,
    defaultStyle: { border: 0.5, borderColor: "#8a929c", padding: 3 },
    // Read by pdfkit's table, missing from its type declarations.
    structParent: parent,
    data: rows.map((row) =>
      row.map((cell) => ({
        text: cell.blocks.map(blockText).join("\n"),
        type: cell.header ? ("TH" as const) : ("TD" as const),
        colSpan: cell.colspan,
        rowSpan: cell.rowspan,
        ...(cell.header ? { backgroundColor: "#eef1f5" } : {}),
      })),
    ),
  };
  pdf.doc.table(options);
  pdf.doc.x = PAGE.margins.left;
  pdf.moveDown(PAGE.paragraphGap);
}

export function inlineText(inlines: readonly ExportInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.type === "break") return "\n";
      if (inline.type === "attachment") return attachmentMarkerText(inline.label);
      return inline.text;
    })
    .join("");
}

function blockText(block: ExportBlock): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return inlineText(block.content);
    case "list":
      return block.items.map((item) => `– ${item.map(blockText).join(" ")}`).join("\n");
    case "table":
      return block.rows
        .map((row) => row.map((cell) => cell.blocks.map(blockText)).join(" | "))
        .join("\n");
  }
}
