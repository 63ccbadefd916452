import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Document, Packer, Paragraph, TextRun } from "docx";
// @types/pdfkit declares only the default export that the package also has.
// oxlint-disable-next-line import/no-named-as-default
import PDFDocument from "pdfkit";

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
