import {
  Bookmark,
  ExternalHyperlink,
  HeadingLevel,
  InternalHyperlink,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ParagraphChild } from "docx";
import type { ExportBlock, ExportInline } from "../ExportModel";
import { attachmentMarkerText } from "../exportLabels";
import { LIST_INDENT, LIST_REFERENCES } from "./docxStyles";

/**
 * Export blocks as Word paragraphs and tables. Lists become real Word lists (dash bullets as in
 * the documents, numbers, letters), each ordered list its own numbering instance so it counts
 * from its own start; `./.` markers link to the bookmark on their bilag's entry.
 */
export class DocxBlocks {
  private nextListInstance = 1;
  private readonly bookmarks = new Map<string, string>();

  /** The bookmark name of one bilag entry (Word allows letters, digits and _, at most 40). */
  attachmentBookmark(itemId: string, attachmentId: string): string {
    const key = `${itemId}\u0000${attachmentId}`;
    let name = this.bookmarks.get(key);
    if (name === undefined) {
      name = `bilag_${this.bookmarks.size + 1}`;
      this.bookmarks.set(key, name);
    }
    return name;
  }

  blocks(blocks: readonly ExportBlock[], itemId: string, level = 0): (Paragraph | Table)[] {
    return blocks.flatMap((block) => this.block(block, itemId, level));
  }

  private block(block: ExportBlock, itemId: string, level: number): (Paragraph | Table)[] {
    switch (block.type) {
      case "paragraph":
        return [new Paragraph({ children: this.inlines(block.content, itemId) })];
      case "heading":
        return [
          new Paragraph({
            heading: HeadingLevel.HEADING_4,
            children: this.inlines(block.content, itemId),
          }),
        ];
      case "list": {
        const reference = !block.ordered
          ? LIST_REFERENCES.dash
          : block.numbering === "alpha"
            ? LIST_REFERENCES.alpha
            : LIST_REFERENCES.decimal;
        const instance = this.nextListInstance++;
        return block.items.flatMap((item) => {
          const [first, ...rest] = item;
          const lead = first?.type === "paragraph" || first?.type === "heading" ? first : null;
          return [
            new Paragraph({
              numbering: { reference, level: Math.min(level, 8), instance },
              children: lead ? this.inlines(lead.content, itemId) : [],
            }),
            ...(lead ? rest : item).flatMap((child) => this.listContinuation(child, itemId, level)),
          ];
        });
      }
      case "table":
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (row, index) =>
                new TableRow({
                  // Only set when true: some readers take Word's explicit "off" for on.
                  tableHeader: index === 0 && row.every((cell) => cell.header) ? true : undefined,
                  children: row.map(
                    (cell) =>
                      new TableCell({
                        columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                        rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                        shading: cell.header ? { fill: "EEF1F5" } : undefined,
                        children: (() => {
                          const content = this.blocks(cell.blocks, itemId, level);
                          return content.length > 0 ? content : [new Paragraph({})];
                        })(),
                      }),
                  ),
                }),
            ),
          }),
          new Paragraph({}),
        ];
    }
  }

  /** A list item's later blocks: paragraphs at the item's indent, nested lists a level deeper. */
  private listContinuation(
    block: ExportBlock,
    itemId: string,
    level: number,
  ): (Paragraph | Table)[] {
    if (block.type === "paragraph" || block.type === "heading") {
      return [
        new Paragraph({
          indent: { left: LIST_INDENT * (level + 1) },
          children: this.inlines(block.content, itemId),
        }),
      ];
    }
    return this.block(block, itemId, level + 1);
  }

  inlines(inlines: readonly ExportInline[], itemId: string): ParagraphChild[] {
    return inlines.map((inline): ParagraphChild => {
      switch (inline.type) {
        case "break":
          return new TextRun({ break: 1 });
        case "attachment": {
          const run = new TextRun({ text: attachmentMarkerText(inline.label), bold: true });
          return inline.attachmentId === null
            ? run
            : new InternalHyperlink({
                anchor: this.attachmentBookmark(itemId, inline.attachmentId),
                children: [run],
              });
        }
        case "text": {
          const run = new TextRun({
            text: inline.text,
            // Only what is set: an explicit "not bold" would override a heading style's bold.
            bold: inline.bold || undefined,
            italics: inline.italic || undefined,
            style: inline.href === null ? undefined : "Hyperlink",
          });
          return inline.href === null
            ? run
            : new ExternalHyperlink({ link: inline.href, children: [run] });
        }
      }
    });
  }

  /** One bilag entry, bookmarked so the `./.` markers can link to it. */
  attachmentEntry(itemId: string, attachmentId: string, text: string): Paragraph {
    return new Paragraph({
      numbering: { reference: LIST_REFERENCES.dash, level: 0, instance: this.nextListInstance },
      children: [
        new Bookmark({
          id: this.attachmentBookmark(itemId, attachmentId),
          children: [new TextRun(text)],
        }),
      ],
    });
  }

  /** Starts a new list instance for the next run of `attachmentEntry` paragraphs. */
  endAttachmentList(): void {
    this.nextListInstance += 1;
  }
}
