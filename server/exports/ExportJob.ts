import type { ExportErrorCode } from "./ExportError";
import type { ExportInput } from "./ExportInput";

export type ExportFormat = "pdf" | "docx" | "html";

/**
 * One document to render, as the worker pool's `renderExport` task takes it: plain data, so it
 * crosses to the worker thread by structured clone.
 */
export type ExportJob =
  | { document: "meeting"; format: ExportFormat; input: ExportInput }
  | { document: "decisionExtract"; itemId: string; input: ExportInput };

/** The rendered bytes, or why the document cannot be made (an `ExportError` as a value). */
export type ExportJobResult =
  { ok: true; bytes: Uint8Array } | { ok: false; code: ExportErrorCode; message: string };
