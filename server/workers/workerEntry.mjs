/**
 * The worker threads' entry: plain JavaScript, so a worker starts whatever loader its parent has
 * (tsx under `npm run dev:server` and the CLI, none under vitest or the compiled server). A
 * TypeScript task module is loaded through tsx's API; the compiled one (`dist/server/tasks.js`,
 * this file copied beside it by esbuild.config.mjs) natively, without loading tsx at all.
 */
import { workerData } from "node:worker_threads";

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
