import type { ExportErrorCode } from "./ExportError";
import type { RecordSource } from "../record/meetingRecord";
import type { ExportInput, ExportKind, ExportVariant } from "./ExportInput";

export type ExportFormat = "pdf" | "docx" | "html";

/**
 * One document to render, as the worker pool's `renderExport` task takes it: plain data, so it
 * crosses to the worker thread by structured clone.
 */
export type ExportJob =
  | ({ document: "meeting"; format: ExportFormat } & JobSource)
  | ({ document: "decisionExtract"; itemId: string } & JobSource);

/**
 * What a job is made from: a finished input (a publication, whose record the main thread has
 * already checked against the approval), or the live record's source, which the worker turns
 * into the input, hashing the record there, off the event loop.
 */
export type JobSource = { input: ExportInput } | { record: RecordJob };

export interface RecordJob {
  source: RecordSource;
  kind: ExportKind;
  variant: ExportVariant;
  /** The time of rendering, stated when the record is not frozen. */
  now: number;
}

/** The rendered bytes, or why the document cannot be made (an `ExportError` as a value). */
export type ExportJobResult =
  { ok: true; bytes: Uint8Array } | { ok: false; code: ExportErrorCode; message: string };
