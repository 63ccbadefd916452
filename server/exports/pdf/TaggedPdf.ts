/**
 * A tagged PDF written with pdfkit: every piece of content is drawn inside a structure element
 * (Document > Sect > H1…H6, P, L > LI > Lbl + LBody, Table, Link, TOC > TOCI), so a screen
 * reader gets the document's outline and reading order, and anything else is an artifact.
 *
 * pdfkit runs a structure element's closure when the element is attached to the tree, so a
 * parent is always added to its (attached) parent before its own children are added. Page
 * breaks are taken between closures wherever possible (`ensureSpace`), so a heading is not left
 * alone at the foot of a page; a paragraph that does not fit flows on, and pdfkit carries its
 * marked content over to the next page. Running headers are stamped last, on the buffered pages,
 * as Pagination artifacts.
 */
// @types/pdfkit declares only the default export that the package also has.
// oxlint-disable-next-line import/no-named-as-default
import PDFDocument from "pdfkit";
import type { ExportInline } from "../ExportModel";
import { attachmentMarkerText } from "../exportLabels";
import { fontStyle, pdfFonts } from "./pdfFonts";
import type { FontStyle } from "./pdfFonts";

export type Struct = PDFKit.PDFStructureElement;

export const PAGE = {
  margins: { top: 85, bottom: 72, left: 70, right: 70 },
  bodySize: 10.5,
  lineGap: 2.5,
  paragraphGap: 7,
  ink: "#1a1a1a",
  muted: "#4a4a4a",
  accent: "#14375e",
  closed: "#8a1111",
} as const;

export interface TextStyle {
  size?: number;
  color?: string;
  font?: FontStyle;
  /** Left indent from the margin. */
  indent?: number;
  gapAfter?: number;
  align?: "left" | "right" | "center";
}

/** A run of text drawn in one font, optionally a link. */
interface Run {
  text: string;
  font: FontStyle;
  href: string | null;
}

export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly root: Struct;
  private readonly fonts = pdfFonts();
  private readonly bytes: Promise<Buffer>;

  constructor(info: {
    title: string;
    author: string;
    subject: string;
    /** The meeting record's hash, kept as `Keywords` and the custom entry `RecordHash`. */
    recordHash?: string;
    /** The document's date; a fixed one gives byte-identical output for the same content. */
    createdAt?: Date;
  }) {
    const dated = info.createdAt ? { CreationDate: info.createdAt, ModDate: info.createdAt } : {};
    const record = info.recordHash
      ? { Keywords: `SHA-256 ${info.recordHash}`, RecordHash: info.recordHash }
      : {};
    this.doc = new PDFDocument({
      size: "A4",
      margins: PAGE.margins,
      tagged: true,
      lang: "da-DK",
      displayTitle: true,
      pdfVersion: "1.7",
      bufferPages: true,
      info: {
        Title: info.title,
        Author: info.author,
        Subject: info.subject,
        Creator: "Dagsorden",
        ...dated,
        // pdfkit writes every entry; PDF allows custom keys in the Info dictionary.
        ...(record as PDFKit.DocumentInfo),
      },
    });
    const chunks: Buffer[] = [];
    this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    this.bytes = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
    });
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
    this.font("regular", PAGE.bodySize).fillColor(PAGE.ink);
  }

  get contentWidth(): number {
    return this.doc.page.width - PAGE.margins.left - PAGE.margins.right;
  }

  /** 1-based number of the page being written. */
  get pageNumber(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  font(style: FontStyle, size: number): PDFKit.PDFDocument {
    return this.doc.font(this.fonts[style]).fontSize(size);
  }

  /** A structure element added to `parent`; its children are added to it, then `end()` it. */
  group(parent: Struct, role: string, options: PDFKit.Mixins.StructureElementOptions = {}): Struct {
    const element = this.doc.struct(role, options);
    parent.add(element);
    return element;
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** A new page unless `height` still fits above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - PAGE.margins.bottom) this.newPage();
  }

  moveDown(points: number): void {
    this.doc.y += points;
  }

  /** One line's height at a size, with the line gap. */
  lineHeight(size: number = PAGE.bodySize): number {
    this.font("regular", size);
    return this.doc.currentLineHeight(true) + PAGE.lineGap;
  }

  /** A heading (H1–H6 or any other role) in one font; `destination` names its place for links. */
  heading(
    parent: Struct,
    role: string,
    text: string,
    style: TextStyle & { destination?: string; keepWithNext?: number } = {},
  ): void {
    const size = style.size ?? PAGE.bodySize;
    const x = PAGE.margins.left + (style.indent ?? 0);
    const width = this.contentWidth - (style.indent ?? 0);
    this.font(style.font ?? "bold", size);
    const height = this.doc.heightOfString(text, { width, lineGap: PAGE.lineGap });
    this.ensureSpace(height + (style.keepWithNext ?? 3 * this.lineHeight()));
    if (style.destination)
      this.doc.addNamedDestination(style.destination, "XYZ", 0, this.doc.y, null);
    this.group(parent, role).add(() => {
      this.font(style.font ?? "bold", size)
        .fillColor(style.color ?? PAGE.ink)
        .text(text, x, this.doc.y, { width, lineGap: PAGE.lineGap, align: style.align ?? "left" });
    });
    this.doc.fillColor(PAGE.ink);
    this.moveDown(style.gapAfter ?? PAGE.paragraphGap);
  }

  /**
   * A paragraph of inline content (bold, italic, links, line breaks, `./.` markers) as one
   * element of `role`; links inside it are Link elements holding their annotation.
   */
  paragraph(parent: Struct, inlines: readonly ExportInline[], style: TextStyle = {}): void {
    const runs = toRuns(inlines, style.font ?? "regular");
    if (runs.length === 0) return;
    const size = style.size ?? PAGE.bodySize;
    const x = PAGE.margins.left + (style.indent ?? 0);
    const width = this.contentWidth - (style.indent ?? 0);
    this.ensureSpace(this.lineHeight(size));
    const element = this.group(parent, "P");
    const y = this.doc.y;
    runs.forEach((run, index) => {
      const last = index === runs.length - 1;
      const draw = () => {
        const options: PDFKit.Mixins.TextOptions = {
          continued: !last,
          lineGap: PAGE.lineGap,
          align: style.align ?? "left",
          link: run.href ?? undefined,
          underline: run.href !== null,
        };
        this.font(run.font, size).fillColor(
          run.href !== null ? PAGE.accent : (style.color ?? PAGE.ink),
        );
        if (index === 0) this.doc.text(run.text, x, y, { ...options, width });
        else this.doc.text(run.text, options);
      };
      if (run.href === null) element.add(draw);
      else this.group(element, "Link", { alt: run.href }).add(draw);
    });
    element.end();
    this.doc.fillColor(PAGE.ink);
    this.doc.x = PAGE.margins.left;
    this.moveDown(style.gapAfter ?? PAGE.paragraphGap);
  }

  /** Plain text in one font as one element of `role`, e.g. a case line. */
  line(parent: Struct, role: string, text: string, style: TextStyle = {}): void {
    const size = style.size ?? PAGE.bodySize;
    const x = PAGE.margins.left + (style.indent ?? 0);
    const width = this.contentWidth - (style.indent ?? 0);
    this.ensureSpace(this.lineHeight(size));
    this.group(parent, role).add(() => {
      this.font(style.font ?? "regular", size)
        .fillColor(style.color ?? PAGE.ink)
        .text(text, x, this.doc.y, { width, lineGap: PAGE.lineGap, align: style.align ?? "left" });
    });
    this.doc.fillColor(PAGE.ink);
    this.doc.x = PAGE.margins.left;
    this.moveDown(style.gapAfter ?? PAGE.paragraphGap);
  }

  /** A list label ("–", "2.", "a.") as Lbl, drawn in the indent before the item's body. */
  label(item: Struct, text: string, indent: number, size: number = PAGE.bodySize): void {
    this.ensureSpace(this.lineHeight(size));
    const y = this.doc.y;
    this.group(item, "Lbl").add(() => {
      this.font("regular", size)
        .fillColor(PAGE.ink)
        .text(text, PAGE.margins.left + indent, y, { lineBreak: false });
    });
    this.doc.y = y;
  }

  /**
   * Stamps the running header on every page from `firstPage` (1-based): the committee and date
   * on the left, "SIDE | n" on the right, both Pagination artifacts outside the structure tree.
   */
  stampRunningHeader(header: string, pageLabel: (page: number) => string, firstPage = 1): void {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      const page = index + 1;
      if (page < firstPage) continue;
      this.doc.switchToPage(index);
      const bottom = this.doc.page.margins.bottom;
      // Drawing in the margin must not make pdfkit think the page is full.
      this.doc.page.margins.bottom = 0;
      this.doc.markContent("Artifact", { type: "Pagination" });
      this.font("regular", 8).fillColor(PAGE.muted);
      this.doc.text(header, PAGE.margins.left, 40, { lineBreak: false });
      const label = pageLabel(page);
      const labelWidth = this.doc.widthOfString(label);
      this.doc.text(label, this.doc.page.width - PAGE.margins.right - labelWidth, 40, {
        lineBreak: false,
      });
      this.doc
        .moveTo(PAGE.margins.left, 54)
        .lineTo(this.doc.page.width - PAGE.margins.right, 54)
        .lineWidth(0.5)
        .strokeColor("#c8ced6")
        .stroke();
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.fillColor(PAGE.ink);
  }

  async finish(): Promise<Buffer> {
    this.root.end();
    this.doc.end();
    return this.bytes;
  }
}

/** Inline content as runs of one font each; line breaks become newlines inside a run. */
function toRuns(inlines: readonly ExportInline[], base: FontStyle): Run[] {
  const runs: Run[] = [];
  const push = (text: string, font: FontStyle, href: string | null) => {
    const previous = runs.at(-1);
    if (previous && previous.font === font && previous.href === href) previous.text += text;
    else runs.push({ text, font, href });
  };
  const baseBold = base === "bold" || base === "boldItalic";
  const baseItalic = base === "italic" || base === "boldItalic";
  for (const inline of inlines) {
    if (inline.type === "break") push("\n", base, null);
    else if (inline.type === "attachment")
      push(attachmentMarkerText(inline.label), fontStyle(true, baseItalic), null);
    else
      push(
        inline.text,
        fontStyle(baseBold || inline.bold, baseItalic || inline.italic),
        inline.href,
      );
  }
  // A paragraph never starts or ends with a line break.
  while (runs[0] && runs[0].text.trim() === "" && runs[0].href === null) runs.shift();
  while (runs.at(-1) && runs.at(-1)!.text.trim() === "" && runs.at(-1)!.href === null) runs.pop();
  return runs;
}
