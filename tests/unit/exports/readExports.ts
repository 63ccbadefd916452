import mammoth from "mammoth";

/**
 * Reading exports back the way a person's tools would: pdf.js for a PDF's text and its
 * tagging, mammoth for a Word document's text.
 */

async function openPdf(bytes: Uint8Array) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
}

/** Each page's text, pieces joined with spaces where pdf.js saw a gap or a line end. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const document = await openPdf(bytes);
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(
        content.items
          .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
          .join("")
          .replace(/[ \t]+/g, " "),
      );
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

export interface PdfTagging {
  markInfo: { Marked: boolean } | null;
  /** The structure tree's element roles, depth first ("Document", "H1", "P", …). */
  roles: string[];
  title: string | null;
  lang: string | null;
}

/** Whether a PDF is tagged, the roles of its structure tree and its language and title. */
export async function pdfTagging(bytes: Uint8Array): Promise<PdfTagging> {
  const document = await openPdf(bytes);
  try {
    const markInfo = (await document.getMarkInfo()) as { Marked: boolean } | null;
    const roles: string[] = [];
    const walk = (node: unknown) => {
      if (typeof node !== "object" || node === null) return;
      const record = node as { role?: unknown; children?: unknown };
      if (typeof record.role === "string") roles.push(record.role);
      if (Array.isArray(record.children)) record.children.forEach(walk);
    };
    for (let number = 1; number <= document.numPages; number += 1) {
      walk(await (await document.getPage(number)).getStructTree());
    }
    const metadata = await document.getMetadata();
    const info = metadata.info as { Title?: unknown; Language?: unknown };
    return {
      markInfo,
      roles,
      title: typeof info.Title === "string" ? info.Title : null,
      lang: typeof info.Language === "string" ? info.Language : null,
    };
  } finally {
    await document.destroy();
  }
}

/** A Word document's text, one paragraph per line. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}
