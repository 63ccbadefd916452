/**
 * What a file is, from its first bytes rather than its name: a PDF ("%PDF-" near the start), a
 * Word document (a zip holding word/document.xml), an HTML page, a format we know and do not read (old .doc,
 * RTF, other zips, images), or possibly text — decodeText decides that.
 */

export type FileType =
  | { kind: "pdf" }
  | { kind: "docx" }
  | { kind: "html" }
  | { kind: "text" }
  | { kind: "unsupported"; description: string };

const SIGNATURES: { bytes: number[]; description: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], description: "et gammelt Word-dokument (.doc)" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], description: "et billede (PNG)" },
  { bytes: [0xff, 0xd8, 0xff], description: "et billede (JPEG)" },
  { bytes: [0x47, 0x49, 0x46, 0x38], description: "et billede (GIF)" },
  { bytes: [0x1f, 0x8b], description: "en komprimeret fil (gzip)" },
];

export function detectFileType(bytes: Uint8Array): FileType {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  // The PDF specification lets readers accept a header anywhere in the first kilobyte.
  if (head.includes("%PDF-")) return { kind: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Zip entry names are stored uncompressed, so the main part's name shows in the bytes.
    const names = new TextDecoder("latin1").decode(bytes);
    if (names.includes("word/document.xml")) return { kind: "docx" };
    if (names.includes("xl/workbook.xml")) {
      return { kind: "unsupported", description: "et Excel-regneark" };
    }
    if (names.includes("ppt/presentation.xml")) {
      return { kind: "unsupported", description: "en PowerPoint-præsentation" };
    }
    if (names.includes("content.xml")) {
      return { kind: "unsupported", description: "et OpenDocument-dokument" };
    }
    return { kind: "unsupported", description: "en zip-fil, der ikke er et Word-dokument" };
  }
  // An HTML page (our own HTML export, a page saved from a browser), after a BOM or blank lines.
  if (
    /^(?:\uFEFF|\xEF\xBB\xBF)?\s*(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(head)
  ) {
    return { kind: "html" };
  }
  if (head.startsWith("{\\rtf")) return { kind: "unsupported", description: "et RTF-dokument" };
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) {
      return { kind: "unsupported", description: signature.description };
    }
  }
  return { kind: "text" };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
