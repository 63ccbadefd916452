import type { ExportErrorCode } from "./ExportError";
import type { RecordSource } from "../record/meetingRecord";
import type { MeetingDocument } from "../meetings/readMeetingDocument";
import type { ExportInput, ExportKind, ExportVariant } from "./ExportInput";

export type ExportFormat = "pdf" | "docx" | "html";

/**
 * One document to render, as the worker pool's `renderExport` task takes it: plain data, so it
 * crosses to the worker thread by structured clone.
 */
export type ExportJob = (
  | ({ document: "meeting"; format: ExportFormat } & JobSource)
  | ({ document: "decisionExtract"; itemId: string } & JobSource)
) & {
  /** Item id → body as JSON text, in place of the document's `bodies` (see `packJob`). */
  bodyTexts?: Record<string, string>;
};

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

const bodyTexts = new WeakMap<object, string>();

/** A body's JSON text; a frozen body (kept until its document changes) is serialised once. */
function jsonTextOf(body: unknown): string {
  if (body === null || typeof body !== "object" || !Object.isFrozen(body)) {
    return JSON.stringify(body);
  }
  let text = bodyTexts.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    bodyTexts.set(body, text);
  }
  return text;
}

function documentOf(job: JobSource): MeetingDocument {
  return "input" in job ? job.input.document : job.record.source.document;
}

/**
 * The job as it crosses to the worker: the item bodies as JSON text. Structured clone copies a
 * string in one piece but a tree of objects node by node, and it does so on the event loop: for
 * a 60-item meeting that was milliseconds per export that co-writers' keystrokes waited behind.
 * The text of an unchanged body is made once (`acceptedBodyOf` keeps the body, frozen, until its
 * document changes), so exporting an unchanged meeting again costs the event loop almost nothing.
 */
export function packJob(job: ExportJob): ExportJob {
  const document = documentOf(job);
  const texts: Record<string, string> = {};
  for (const [id, body] of Object.entries(document.bodies)) texts[id] = jsonTextOf(body);
  const bare: MeetingDocument = { ...document, bodies: {} };
  const source: JobSource =
    "input" in job
      ? { input: { ...job.input, document: bare } }
      : { record: { ...job.record, source: { ...job.record.source, document: bare } } };
  return { ...job, ...source, bodyTexts: texts } as ExportJob;
}

/** In the worker: the bodies back as objects (the job is the worker's own copy). */
export function unpackJob(job: ExportJob): ExportJob {
  if (!job.bodyTexts) return job;
  const document = documentOf(job);
  for (const [id, text] of Object.entries(job.bodyTexts)) document.bodies[id] = JSON.parse(text);
  delete job.bodyTexts;
  return job;
}
