import type { WorkerPool } from "../workers/WorkerPool";
import { WorkerTaskError } from "../workers/WorkerPool";
import type { ImportAgendaInput } from "../workers/tasks";
import { importFailure } from "./ImportError";
import type { ImportResult } from "./ImportError";
import type { ParsedMeeting } from "./ParsedMeeting";

/**
 * `importAgendaBytes` in the task pool, off the main thread, under its memory and time bounds;
 * a bound reached is an import error like any other, with a Danish message.
 */
export async function importInWorker(
  pool: WorkerPool,
  bytes: Uint8Array,
): Promise<ImportResult<ParsedMeeting>> {
  // A copy in an ArrayBuffer of its own, moved to the worker: the original may be a slice of a
  // shared pool (small Buffers are), which must not be detached.
  const copy = new Uint8Array(bytes);
  const input: ImportAgendaInput = { bytes: copy };
  try {
    return await pool.run<ImportResult<ParsedMeeting>>("importAgenda", input, [copy.buffer]);
  } catch (error) {
    if (!(error instanceof WorkerTaskError)) throw error;
    switch (error.kind) {
      case "timeout":
        return importFailure(
          "import_timeout",
          "Det tog for lang tid at læse filen, så indlæsningen blev afbrudt. Del den evt. op i mindre filer.",
        );
      case "memory":
        return importFailure(
          "import_too_large",
          "Filen kræver for meget hukommelse at læse, så indlæsningen blev afbrudt.",
        );
      case "busy":
        return importFailure(
          "import_busy",
          "Serveren indlæser allerede andre filer. Prøv igen om lidt.",
        );
      case "crashed":
        return importFailure("import_unreadable", `Filen kan ikke læses (${error.message}).`);
    }
  }
}
