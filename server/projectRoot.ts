import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's root: the nearest folder above this module that holds package.json. Found, not
 * fixed, because this module runs from two depths — as TypeScript in `server/` (tsx, tests) and
 * compiled into `dist/server/` (`npm run serve`) — and paths below the root (the built client in
 * `dist/client`, the demo fixture) are the same from both.
 */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}
