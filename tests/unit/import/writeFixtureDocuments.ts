import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Document, Packer, Paragraph, TextRun } from "docx";
// @types/pdfkit declares only the default export that the package also has.
// oxlint-disable-next-line import/no-named-as-default
import PDFDocument from "pdfkit";
import type { ParsedMeeting } from "../../../server/import/index";

/**
 * Makes a .docx and a .pdf from a fixture's text, for testing the readers against the text
 * reader. The fixtures are double-spaced extractions: each printed line is followed by an empty
 * line, and a line holding only spaces marks a paragraph break. The documents made from them have
 * one paragraph (or printed line) per text line and an empty paragraph (or a blank line's worth
 * of space) per break, so they say what the fixture says without the extraction's spacing.
 */

/** The fixture's lines, with `null` for a paragraph break. */
export function fixtureLines(text: string): (string | null)[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => (line.trim() === "" ? null : line.trim()));
}

export async function writeFixtureDocx(text: string, path: string): Promise<void> {
  const document = new Document({
    sections: [
      {
        children: fixtureLines(text).map(
          (line) => new Paragraph({ children: line === null ? [] : [new TextRun(line)] }),
        ),
      },
    ],
  });
  await writeFile(path, await Packer.toBuffer(document));
}

export async function writeFixturePdf(text: string, path: string): Promise<void> {
  const document = new PDFDocument({ size: "A4", margin: 50 });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on("finish", resolve);
    out.on("error", reject);
    document.pipe(out);
  });
  document.font("Helvetica").fontSize(10);
  for (const line of fixtureLines(text)) {
    if (line === null) document.moveDown(1);
    else document.text(line);
  }
  document.end();
  await done;
}

/**
 * A PDF laid out the way a secretariat's agenda is: pdfkit wraps and justifies the paragraphs
 * (so printed lines are not the fixture's lines), headings in bold, a running head
 * "<committee> | <date>" and "SIDE | n" on every page. Made from a parse result, it checks that
 * the PDF reader and the parser get the same meeting back from a typeset page.
 */
export async function writeTypesetPdf(
  meeting: ParsedMeeting,
  runningHead: string,
  path: string,
): Promise<void> {
  const document = new PDFDocument({
    size: "A4",
    margins: { top: 80, bottom: 80, left: 70, right: 70 },
  });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on("finish", resolve);
    out.on("error", reject);
    document.pipe(out);
  });
  let page = 1;
  const pageFurniture = () => {
    const { x, y } = document;
    document.font("Helvetica").fontSize(8);
    document.text(runningHead, 70, 40, { lineBreak: false });
    document.text(`SIDE | ${page}`, 480, 800, { lineBreak: false });
    page += 1;
    document.x = x;
    document.y = y;
  };
  pageFurniture();
  document.on("pageAdded", pageFurniture);
  const body = () => document.font("Helvetica").fontSize(10);
  const bold = (size: number) => document.font("Helvetica-Bold").fontSize(size);

  for (const section of meeting.sections) {
    bold(14).text(`${section.number}. ${section.title}`);
    document.moveDown(0.8);
    for (const item of section.items) {
      bold(12).text(`${item.number}. ${item.title}`);
      const caseLine = [item.caseNumber, item.officers.join("/")].filter(Boolean).join(" ");
      if (caseLine !== "") document.font("Helvetica").fontSize(9).text(caseLine);
      document.moveDown(0.6);
      for (const [field, text] of Object.entries(item.fields) as [string, string | null][]) {
        if (text === null) continue;
        bold(11).text(field[0]!.toUpperCase() + field.slice(1));
        for (const block of text.split("\n\n").filter((part) => part !== "")) {
          const lines = block.split("\n");
          if (lines.length > 1) for (const line of lines) body().text(line);
          else body().text(block, { align: "justify" });
          document.moveDown(0.6);
        }
      }
      document.moveDown(1);
    }
  }
  document.end();
  await done;
}
