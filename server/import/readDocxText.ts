import { checkDocxZip } from "./checkDocxZip";
import { htmlToText } from "./htmlToText";
import { importFailure } from "./ImportError";
import type { ImportResult } from "./ImportError";

/**
 * A Word document's text, one paragraph per line, through mammoth. A damaged or cut-off file
 * (its zip directory, at the end, missing) is an error, never a partial text. The zip is checked
 * against size bounds first (checkDocxZip), so mammoth never inflates a bomb.
 */
export async function readDocxText(bytes: Uint8Array): Promise<ImportResult<string>> {
  const checked = await checkDocxZip(bytes);
  if (!checked.ok) return checked;
  let html: string;
  try {
    // Loaded on first use: only a worker that reads a Word file pays for mammoth.
    const { default: mammoth } = await import("mammoth");
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        ignoreEmptyParagraphs: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    html = result.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (/central directory|end of data|corrupted zip|invalid|zip/i.test(detail)) {
      return importFailure(
        "import_truncated",
        `Word-filen er beskadiget eller ufuldstændig og kan ikke åbnes (${detail}).`,
      );
    }
    return importFailure("import_unreadable", `Word-filen kan ikke læses (${detail}).`);
  }
  const text = htmlToText(html);
  if (text.trim() === "") {
    return importFailure("import_empty", "Word-dokumentet indeholder ingen tekst.");
  }
  return { ok: true, value: text };
}
