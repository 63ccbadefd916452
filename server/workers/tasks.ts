/**
 * The tasks the worker pool runs, one named export each (piscina calls the export named by the
 * task). Loaded only inside worker threads; each task imports what it needs lazily, so a worker
 * that only imports agendas never loads the exporters.
 */
import type { ExportJob, ExportJobResult } from "../exports/ExportJob";
import type { ImportResult, LoadPdfjs, ParsedMeeting } from "../import";

/** What the worker entry gives every task besides its input. */
export interface WorkerEnvironment {
  /** pdf.js, imported natively by the entry (see LoadPdfjs). */
  loadPdfjs: LoadPdfjs;
}

export interface ImportAgendaInput {
  /** The file's bytes (transferred, not copied). */
  bytes: Uint8Array;
}

/** Reads and parses an agenda or minutes file (.pdf, .docx, .txt) into the meeting model. */
export async function importAgenda(
  input: ImportAgendaInput,
  environment: WorkerEnvironment,
): Promise<ImportResult<ParsedMeeting>> {
  const { importAgendaBytes } = await import("../import/importAgendaBytes");
  return importAgendaBytes(input.bytes, { loadPdfjs: environment.loadPdfjs });
}

/** Renders an export (PDF, DOCX, HTML, or a delreferat) of a meeting read on the main thread. */
export async function renderExport(job: ExportJob): Promise<ExportJobResult> {
  const { renderExportJob } = await import("../exports/renderExportJob");
  return renderExportJob(job);
}

export interface AttachmentTextInput {
  /** The bilag's bytes (transferred, not copied). */
  bytes: Uint8Array;
  contentType: string;
}

/** A bilag's text, or why it could not be read (an error's class does not cross threads). */
export type AttachmentTextResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a bilag's text for the personal-data check (PDF through pdf.js, Word through mammoth). */
export async function readAttachmentText(
  input: AttachmentTextInput,
  environment: WorkerEnvironment,
): Promise<AttachmentTextResult> {
  const { extractAttachmentText, AttachmentTextError } =
    await import("../publication/extractAttachmentText");
  try {
    const text = await extractAttachmentText(input.bytes, input.contentType, environment.loadPdfjs);
    return { ok: true, text };
  } catch (error) {
    if (error instanceof AttachmentTextError) return { ok: false, reason: error.message };
    throw error;
  }
}
