import { exportInput } from "../record/exportInput";
import type { ExportInput } from "./ExportInput";
import type { ExportJob, ExportJobResult, JobSource } from "./ExportJob";
import { unpackJob } from "./ExportJob";
import { ExportError } from "./ExportError";

/**
 * Renders one export job. Each renderer is imported when first asked for, so a thread that never
 * renders a PDF never loads pdfkit (nor docx a Word file): the idle server stays small, and the
 * worker that renders pays for what it renders.
 */
export async function renderExportJob(job: ExportJob): Promise<ExportJobResult> {
  try {
    return { ok: true, bytes: await render(unpackJob(job)) };
  } catch (error) {
    if (error instanceof ExportError)
      return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

function inputOf(job: JobSource): ExportInput {
  if ("input" in job) return job.input;
  const { source, kind, variant, now } = job.record;
  return exportInput(source, kind, variant, now);
}

async function render(job: ExportJob): Promise<Uint8Array> {
  const input = inputOf(job);
  if (job.document === "decisionExtract") {
    const { renderDecisionExtract } = await import("./pdf/renderDecisionExtract");
    return renderDecisionExtract(input, job.itemId);
  }
  switch (job.format) {
    case "html": {
      const { renderMeetingHtml } = await import("./html/renderMeetingHtml");
      return Buffer.from(renderMeetingHtml(input), "utf8");
    }
    case "pdf": {
      const { renderMeetingPdf } = await import("./pdf/renderMeetingPdf");
      return renderMeetingPdf(input);
    }
    case "docx": {
      const { renderMeetingDocx } = await import("./docx/renderMeetingDocx");
      return renderMeetingDocx(input);
    }
  }
}
