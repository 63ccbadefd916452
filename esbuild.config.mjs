/**
 * The production server: server/ and shared/ compiled by esbuild into `dist/server`, run by
 * `npm run serve` (`node dist/server/main.js`) without TypeScript at run time.
 *
 * - Entry points: `main.js` (the server), `cli.js` (the admin CLI) and `tasks.js` (the worker
 *   pool's task module, loaded by worker threads). Code they share, and every dynamic `import()`
 *   (the import and export stacks, loaded on first use), becomes a chunk beside them: everything
 *   sits flat in `dist/server`, so `import.meta.url` means the same folder in every file.
 * - Packages stay external: they are loaded from node_modules as installed (`npm ci --omit=dev`),
 *   with their own data files (pdfkit's fonts, pdf.js), never bundled.
 * - Copied as they are: the worker threads' entry (plain JavaScript, `WorkerPool` starts it from
 *   beside itself) and the demo meeting's source text, so `--demo` works from the build alone.
 *
 * `node esbuild.config.mjs` builds the server only; `node build.mjs` builds client and server.
 */
import { copyFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
export const SERVER_OUT_DIR = path.join(ROOT, "dist/server");

/** Copied next to the compiled code: [from, to] relative to the project and to `dist/server`. */
const COPIED = [
  ["server/workers/workerEntry.mjs", "workerEntry.mjs"],
  // server/seed/seedDemo.ts looks for it here when tests/ is not there.
  [
    "tests/fixtures/agendas/kkr-syddanmark-2025-09-03-referat.txt",
    "demo/kkr-syddanmark-2025-09-03-referat.txt",
  ],
];

export async function buildServer() {
  await rm(SERVER_OUT_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: {
      main: "server/main.ts",
      cli: "server/cli.ts",
      tasks: "server/workers/tasks.ts",
    },
    outdir: SERVER_OUT_DIR,
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    bundle: true,
    splitting: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20.19",
    tsconfig: "server/tsconfig.json",
    sourcemap: "linked",
    // Names kept for stack traces and for error classes' `name`.
    keepNames: true,
    logLevel: "warning",
  });
  for (const [from, to] of COPIED) {
    const target = path.join(SERVER_OUT_DIR, to);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(ROOT, from), target);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  await buildServer();
  console.log(`server built in ${Math.round(performance.now() - started)} ms: dist/server`);
}
