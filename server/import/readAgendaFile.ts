import { decodeText } from "./decodeText";
import { detectFileType } from "./detectFileType";
import { htmlToText } from "./htmlToText";
import { importFailure } from "./ImportError";
import type { ImportResult } from "./ImportError";
import { readDocxText } from "./readDocxText";
import { readPdfText } from "./readPdfText";
import type { PdfReadOptions } from "./readPdfText";
import type { LineMode } from "./tokenizeLines";

/**
 * Any supported file's bytes as text for the parser, with what the reader knows about its lines
 * (a PDF's are printed lines). The type comes from the bytes, never from the file name alone.
 */

export interface AgendaText {
  text: string;
  format: "pdf" | "docx" | "html" | "text";
  lineMode?: LineMode;
  warnings: string[];
}

export async function readAgendaFile(
  bytes: Uint8Array,
  pdf: PdfReadOptions = {},
): Promise<ImportResult<AgendaText>> {
  if (bytes.length === 0) return importFailure("import_empty", "Filen er tom.");
  const type = detectFileType(bytes);
  switch (type.kind) {
    case "pdf": {
      const read = await readPdfText(bytes, pdf);
      if (!read.ok) return read;
      return {
        ok: true,
        value: { text: read.value, format: "pdf", lineMode: "wrapped", warnings: [] },
      };
    }
    case "docx": {
      const read = await readDocxText(bytes);
      if (!read.ok) return read;
      return { ok: true, value: { text: read.value, format: "docx", warnings: [] } };
    }
    case "html": {
      const decoded = decodeText(bytes);
      if (!decoded.ok) return decoded;
      const text = htmlToText(decoded.value.text);
      if (text.trim() === "")
        return importFailure("import_empty", "HTML-siden indeholder ingen tekst.");
      return {
        ok: true,
        value: { ...decoded.value, text, format: "html", lineMode: "paragraphs" },
      };
    }
    case "text": {
      const decoded = decodeText(bytes);
      if (!decoded.ok) return decoded;
      return { ok: true, value: { ...decoded.value, format: "text" } };
    }
    case "unsupported":
      return importFailure(
        "import_unsupported_type",
        `Filen er ${type.description}. Dagsordener kan indlæses fra PDF, Word (.docx), HTML og tekstfiler.`,
      );
  }
}
