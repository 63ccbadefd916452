/**
 * The worker threads' entry: plain JavaScript, so a worker starts whatever loader its parent has
 * (tsx under `npm run dev:server` and the CLI, none under vitest or the compiled server). A
 * TypeScript task module is loaded through tsx's API; the compiled one (`dist/server/tasks.js`,
 * this file copied beside it by esbuild.config.mjs) natively, without loading tsx at all.
 */
import os from "node:os";
import { workerData } from "node:worker_threads";

// Background work yields the CPU to the sync server's thread. On Linux a nice value belongs to a
// thread, and `setPriority(0, …)` sets the calling one's: this worker's, not the process's. Not
// allowed (some containers refuse it), the worker runs at normal priority.
if (workerData.niceness > 0) {
  try {
    os.setPriority(0, workerData.niceness);
  } catch {
    // Normal priority: slower keystrokes under heavy exports, nothing worse.
  }
}

const tasks = workerData.module.endsWith(".ts")
  ? import("tsx/esm/api").then(({ tsImport }) => tsImport(workerData.module, import.meta.url))
  : import(workerData.module);

/** Imported here, outside tsx, on purpose: see LoadPdfjs in server/import/readPdfText.ts. */
const environment = { loadPdfjs: () => import("pdfjs-dist/legacy/build/pdf.mjs") };

/** Piscina calls this with what `WorkerPool.run` posted: `{ task, input }`. */
export default async function runTask({ task, input }) {
  const module = await tasks;
  const run = module[task];
  if (typeof run !== "function") throw new Error(`no worker task named ${task}`);
  return run(input, environment);
}
