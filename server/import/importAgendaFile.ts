import { readFile, stat } from "node:fs/promises";
import { importFailure } from "./ImportError";
import type { ImportResult } from "./ImportError";
import { importAgendaBytes } from "./importAgendaBytes";
import type { ParsedMeeting } from "./ParsedMeeting";

/** Larger than any agenda with its text; a bigger file is refused before it is read. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** A file on disk to the meeting model: read, detect, extract, parse — or one error. */
export async function importAgendaFile(path: string): Promise<ImportResult<ParsedMeeting>> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) return importFailure("import_unreadable", `${path} er ikke en fil.`);
    if (info.size > MAX_IMPORT_BYTES) {
      return importFailure(
        "import_too_large",
        `Filen fylder ${Math.round(info.size / 1024 / 1024)} MB; grænsen er ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "findes ikke" : `kan ikke åbnes (${code ?? String(error)})`;
    return importFailure("import_unreadable", `Filen ${path} ${reason}.`);
  }
  return importAgendaBytes(bytes);
}
