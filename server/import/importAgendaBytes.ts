import type { ImportResult } from "./ImportError";
import type { ParsedMeeting } from "./ParsedMeeting";
import { parseAgendaText } from "./parseAgendaText";
import { readAgendaFile } from "./readAgendaFile";
import type { PdfReadOptions } from "./readPdfText";

/** Bytes already in memory (an upload) to the meeting model. */
export async function importAgendaBytes(
  bytes: Uint8Array,
  pdf: PdfReadOptions = {},
): Promise<ImportResult<ParsedMeeting>> {
  const read = await readAgendaFile(bytes, pdf);
  if (!read.ok) return read;
  const parsed = parseAgendaText(read.value.text, { lineMode: read.value.lineMode });
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: { ...parsed.value, warnings: [...read.value.warnings, ...parsed.value.warnings] },
  };
}
