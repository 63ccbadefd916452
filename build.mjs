/**
 * `npm run build`: the client (`npm run build:client`, Vite, into `dist/client`) and the server
 * (esbuild.config.mjs, into `dist/server`), then a stamp `dist/build-stamp.json`.
 *
 * `--if-stale` (`npm start`) builds only when the build is missing or older than its sources:
 * when the client or the server output is not there, or any file the build reads (client/,
 * server/, shared/, the demo fixture, the package and build configuration) changed after the
 * stamp was written. A fresh clone has no stamp, so its first start builds; later starts go
 * straight to the server.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import { utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const STAMP = path.join(ROOT, "dist/build-stamp.json");

/** What the build reads: folders (every file below them) and single files. */
const SOURCES = [
  "client",
  "server",
  "shared",
  "tests/fixtures/agendas/kkr-syddanmark-2025-09-03-referat.txt",
  "package.json",
  "package-lock.json",
  "tsconfig.base.json",
  "vite.config.ts",
  "esbuild.config.mjs",
  "build.mjs",
];

/** What a complete build leaves behind. */
const OUTPUTS = ["dist/client/index.html", "dist/server/main.js", "dist/server/tasks.js"];

function newestSource() {
  let newest = { file: "", mtimeMs: 0 };
  const visit = (file) => {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats) return;
    if (stats.isDirectory()) {
      for (const name of readdirSync(file)) visit(path.join(file, name));
    } else if (stats.mtimeMs > newest.mtimeMs) {
      newest = { file: path.relative(ROOT, file), mtimeMs: stats.mtimeMs };
    }
  };
  for (const source of SOURCES) visit(path.join(ROOT, source));
  return newest;
}

/** Why the build must run, or null when it is up to date. */
export function staleReason() {
  const missing = OUTPUTS.find((output) => !existsSync(path.join(ROOT, output)));
  if (missing) return `${missing} is missing`;
  const stamp = statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp) return "no build stamp";
  const newest = newestSource();
  if (newest.mtimeMs > stamp.mtimeMs) return `${newest.file} changed since the last build`;
  return null;
}

async function buildAll() {
  // The stamp carries the time the build started: a source saved while it ran is newer.
  const startedAt = new Date();
  const client = spawnSync("npm", ["run", "--silent", "build:client"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (client.status !== 0) throw new Error(`client build failed (exit ${client.status})`);
  const started = performance.now();
  // Loaded only to build: an up-to-date start does not pay for esbuild.
  const { buildServer } = await import("./esbuild.config.mjs");
  await buildServer();
  console.log(`server built in ${Math.round(performance.now() - started)} ms: dist/server`);
  await writeFile(STAMP, `${JSON.stringify({ builtAt: startedAt.toISOString() })}\n`);
  await utimes(STAMP, startedAt, startedAt);
}

const ifStale = process.argv.includes("--if-stale");
const reason = ifStale ? staleReason() : "asked to build";
if (reason === null) {
  console.log("build is up to date (dist/build-stamp.json)");
} else {
  console.log(`building: ${reason}`);
  await buildAll();
}
