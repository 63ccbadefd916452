import { ApiError } from "../http/ApiError";
import type { WorkerPool } from "../workers/WorkerPool";
import { WorkerTaskError } from "../workers/WorkerPool";
import type { ExportJob, ExportJobResult } from "./ExportJob";
import { packJob } from "./ExportJob";
import { ExportError } from "./ExportError";

/**
 * An export rendered in the task pool, off the event loop: a 60-item meeting's PDF is seconds of
 * CPU that co-writers' keystrokes would otherwise wait behind. A bound reached (the pool's queue,
 * time or memory) is a typed refusal with a Danish message; an `ExportError` comes back as one.
 */
export async function exportInWorker(pool: WorkerPool, job: ExportJob): Promise<Buffer> {
  let result: ExportJobResult;
  try {
    result = await pool.run<ExportJobResult>("renderExport", packJob(job));
  } catch (error) {
    if (!(error instanceof WorkerTaskError)) throw error;
    switch (error.kind) {
      case "busy":
        throw new ApiError(
          503,
          "export_busy",
          "Serveren laver allerede mange dokumenter. Prøv igen om lidt.",
        );
      case "timeout":
        throw new ApiError(
          503,
          "export_timeout",
          "Det tog for lang tid at lave dokumentet, så det blev afbrudt. Prøv igen om lidt.",
        );
      case "memory":
        throw new ApiError(
          500,
          "export_too_large",
          "Dokumentet kræver for meget hukommelse at lave, så det blev afbrudt.",
        );
      case "crashed":
        throw error;
    }
  }
  if (!result.ok) throw new ExportError(result.code, result.message);
  // The worker's bytes arrive as a Uint8Array of their own; a Buffer over them copies nothing.
  return Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
}
