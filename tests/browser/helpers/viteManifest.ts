import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One chunk in Vite's build manifest (`build.manifest: true`). */
export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  /** Keys of the chunks this one imports statically (loaded with it). */
  imports?: string[];
  dynamicImports?: string[];
}

export type ViteManifest = Record<string, ManifestChunk>;

export const CLIENT_DIR = fileURLToPath(new URL("../../../dist/client/", import.meta.url));

/** The manifest of the built client; `npx vite build` first. */
export function readViteManifest(): ViteManifest {
  return JSON.parse(readFileSync(`${CLIENT_DIR}.vite/manifest.json`, "utf8")) as ViteManifest;
}

/**
 * The URL paths of the editor's code: the chunk the build names "editor" (TipTap, ProseMirror,
 * see vite.config.ts) and every chunk that imports it statically, directly or not — none of
 * them can run without the editor's libraries.
 */
export function editorChunkPaths(manifest: ViteManifest): Set<string> {
  const keys = new Set(
    Object.entries(manifest)
      .filter(([, chunk]) => chunk.name === "editor" && chunk.file.endsWith(".js"))
      .map(([key]) => key),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!keys.has(key) && chunk.imports?.some((imported) => keys.has(imported))) {
        keys.add(key);
        grew = true;
      }
    }
  }
  return new Set([...keys].map((key) => `/${manifest[key]!.file}`));
}

/** The URL path of the chunk built from `src` (relative to `client/`), e.g. a lazy page. */
export function chunkPathOf(manifest: ViteManifest, src: string): string {
  const chunk = manifest[src];
  if (!chunk) throw new Error(`the manifest has no chunk for ${src}`);
  return `/${chunk.file}`;
}
