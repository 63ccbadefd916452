import type { LoadPdfjs } from "../import/readPdfText";

export const PDF_TYPE = "application/pdf";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * A bilag that should have text but could not be read (a damaged or password-protected PDF, a
 * broken Word file). The caller logs it and leaves the bilag out of the texts it checks, so
 * `uncheckedAttachments` lists it for a person to look at.
 */
export class AttachmentTextError extends Error {
  override name = "AttachmentTextError";
  readonly code = "attachment_unreadable";
}

/**
 * A bilag's text for the personal-data check: PDF through pdf.js (every page, its text pieces
 * in content order), Word through mammoth, plain text and CSV as they are. Anything else
 * (images, spreadsheets, slides) has no text to check: "". A scanned PDF gives "" too.
 */
export async function extractAttachmentText(
  bytes: Uint8Array,
  contentType: string,
  loadPdfjs: LoadPdfjs = () => import("pdfjs-dist/legacy/build/pdf.mjs"),
): Promise<string> {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  try {
    if (type === PDF_TYPE) return await pdfText(bytes, loadPdfjs);
    if (type === DOCX_TYPE) {
      // Loaded on first use, like pdf.js: the idle server does not carry the import stack.
      const { default: mammoth } = await import("mammoth");
      return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AttachmentTextError(`Bilaget kan ikke læses (${detail}).`, { cause: error });
  }
  if (type === "text/plain" || type === "text/csv") {
    return new TextDecoder("utf-8").decode(bytes);
  }
  return "";
}

async function pdfText(bytes: Uint8Array, loadPdfjs: LoadPdfjs): Promise<string> {
  const pdfjs = await loadPdfjs();
  const document = await pdfjs.getDocument({
    // pdf.js takes ownership of the buffer it is given.
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(
        content.items
          .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
          .join(""),
      );
    }
    return pages.join("\n");
  } finally {
    await document.destroy();
  }
}
