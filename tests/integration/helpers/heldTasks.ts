/**
 * A task module for a WorkerPool in tests: `renderExport` holds its worker until the test lets it go (through shared memory), so a test can fill the pool or pass
 * its time limit without timing anything; then it answers as the job says.
 */
import os from "node:os";
import type { ExportJobResult } from "../../../server/exports/ExportJob";

export interface HeldJob {
  /** 0 while held; the test stores 1 and notifies to let every held task go. */
  gate: Int32Array;
  answer: ExportJobResult;
}

export function renderExport(job: HeldJob): ExportJobResult {
  Atomics.wait(job.gate, 0, 0);
  return job.answer;
}

/** The nice value of the worker thread this runs on (on Linux, a thread's own). */
export function threadPriority(): number {
  return os.getPriority(0);
}
