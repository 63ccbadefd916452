import type { ImportResult } from "./ImportError";
import type { ParsedMeeting } from "./ParsedMeeting";
import { parseAgendaText } from "./parseAgendaText";
import { readAgendaFile } from "./readAgendaFile";

/** Bytes already in memory (an upload) to the meeting model. */
export async function importAgendaBytes(bytes: Uint8Array): Promise<ImportResult<ParsedMeeting>> {
  const read = await readAgendaFile(bytes);
  if (!read.ok) return read;
  const parsed = parseAgendaText(read.value.text, { lineMode: read.value.lineMode });
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: { ...parsed.value, warnings: [...read.value.warnings, ...parsed.value.warnings] },
  };
}
