import { readFile, stat } from "node:fs/promises";
import { IMPORT_MAX_BYTES } from "../../shared/importLimits";
import { importFailure } from "./ImportError";
import type { ImportResult } from "./ImportError";
import { importAgendaBytes } from "./importAgendaBytes";
import type { ParsedMeeting } from "./ParsedMeeting";

/** A bigger file is refused before it is read (see shared/importLimits.ts). */
export const MAX_IMPORT_BYTES = IMPORT_MAX_BYTES;

/**
 * A file on disk to the meeting model: read, detect, extract, parse — or one error. `parse` turns
 * the bytes into the model; by default in this thread, the CLI passes the worker pool's.
 */
export async function importAgendaFile(
  path: string,
  parse: (bytes: Uint8Array) => Promise<ImportResult<ParsedMeeting>> = importAgendaBytes,
): Promise<ImportResult<ParsedMeeting>> {
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
  return parse(bytes);
}
