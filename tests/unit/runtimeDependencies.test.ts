import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import semver from "semver";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `npm ci --omit=dev && npm run serve` installs only `dependencies`, so every package the server
 * imports at run time must be one. The imports are read by esbuild, the compiler of the
 * production build, with packages left external: what it keeps is exactly what Node will load
 * (static imports, re-exports, side-effect imports and dynamic `import()` with a literal name),
 * and what it drops (`import type`, types only) is not.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface PackageImport {
  pkg: string;
  specifier: string;
  importer: string;
  kind: string;
}

/** The bare package name of an import specifier: "docx/layout" → "docx", "@a/b/c" → "@a/b". */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(packageName(specifier));
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|js)$/.test(entry.name))
    .filter((entry) => !entry.name.endsWith(".d.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * esbuild's view of what `entryPoints` import, packages left external: `inputs` maps each file
 * it reached to that file's imports (path, kind, whether external).
 */
async function importGraph(entryPoints: string[], absWorkingDir: string): Promise<Metafile> {
  const result = await build({
    entryPoints,
    absWorkingDir,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    outdir: "out",
    metafile: true,
    logLevel: "silent",
  });
  return result.metafile;
}

/** Every import of a package (not a relative file, not a Node builtin) that runs in `files`. */
async function packageImports(files: string[], absWorkingDir: string): Promise<PackageImport[]> {
  const found: PackageImport[] = [];
  for (const [importer, input] of Object.entries(
    (await importGraph(files, absWorkingDir)).inputs,
  )) {
    for (const { path: specifier, kind, external } of input.imports) {
      if (!external || isBuiltin(specifier)) continue;
      found.push({ pkg: packageName(specifier), specifier, importer, kind });
    }
  }
  return found;
}

/** The imports whose package is not in `dependencies` (a devDependency, or not listed at all). */
function notRuntimeDependencies(
  imports: PackageImport[],
  manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> },
): string[] {
  const dependencies = manifest.dependencies ?? {};
  const devDependencies = manifest.devDependencies ?? {};
  return imports
    .filter(({ pkg }) => !(pkg in dependencies))
    .map(
      ({ pkg, specifier, importer, kind }) =>
        `${importer} imports ${specifier} (${kind}): ${pkg} is ${
          pkg in devDependencies ? "only a devDependency" : "not in package.json"
        }`,
    );
}

/**
 * The packages Node loads when `entry` starts: those reached from it through static imports
 * only. A dynamic `import()` (and what only it reaches) waits for first use.
 */
async function packagesLoadedAtStart(entry: string): Promise<Set<string>> {
  const { inputs } = await importGraph([entry], ROOT);
  const packages = new Set<string>();
  const seen = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const { path: imported, kind, external } of inputs[file]!.imports) {
      if (kind !== "import-statement" && kind !== "require-call") continue;
      if (external) {
        if (!isBuiltin(imported)) packages.add(packageName(imported));
      } else if (!seen.has(imported)) {
        seen.add(imported);
        queue.push(imported);
      }
    }
  }
  return packages;
}

interface LockedPackage {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

/**
 * Installed packages that the production install keeps (not `dev` in the lock file) and whose
 * own `engines.node` refuses the oldest Node that package.json promises (its `engines.node`):
 * they may use what that Node lacks. Keys are lock-file paths ("node_modules/a/node_modules/b").
 */
function refusingOldestNode(
  manifest: { engines?: { node?: string } },
  lock: { packages: Record<string, LockedPackage> },
): Array<{ key: string; problem: string }> {
  const promised = manifest.engines?.node;
  const oldest = promised ? semver.minVersion(promised) : null;
  if (!oldest) throw new Error("package.json has no engines.node");
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key !== "" && !entry.dev)
    .flatMap(([key, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!range || semver.satisfies(oldest, range)) return [];
      const version = entry.version ?? "?";
      return [
        {
          key,
          problem: `${key}@${version} wants Node ${range}; package.json promises ${promised}`,
        },
      ];
    });
}

/**
 * Packages the check names that Node never loads. Each needs its reason, and is named here
 * only while it is installed: a new version of its parent makes this list stale, and the test
 * says so.
 */
const NEVER_LOADED: Record<string, string> = {
  "node_modules/docx/node_modules/nanoid":
    "docx bundles the part of nanoid it uses into its own dist files and never imports it",
};

describe("runtime dependencies", () => {
  it("every package imported by server/ and shared/ is in dependencies", async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8"));
    const files = [
      ...(await sourceFiles(path.join(ROOT, "server"))),
      ...(await sourceFiles(path.join(ROOT, "shared"))),
    ];
    const imports = await packageImports(files, ROOT);
    // The walk reaches the packages that are known to be there, statically and dynamically.
    expect(imports.map((i) => i.pkg)).toEqual(
      expect.arrayContaining(["express", "docx", "pdfkit", "mammoth", "pdfjs-dist", "yjs"]),
    );
    expect(imports.some((i) => i.kind === "dynamic-import")).toBe(true);
    expect(notRuntimeDependencies(imports, manifest)).toEqual([]);
  });

  it("the server starts without the import and export stacks, the stemmer, the feeds, PostgreSQL, Redis or the mailer", async () => {
    // Each is loaded when first used: an idle server on the embedded default stays small.
    const loaded = await packagesLoadedAtStart("server/main.ts");
    expect(loaded).toContain("yjs");
    expect(loaded).toContain("better-sqlite3");
    const onFirstUse = [
      "docx",
      "pdfkit",
      "mammoth",
      "pdfjs-dist",
      "fflate",
      "snowball-stemmers",
      "pg",
      "ioredis",
      "nodemailer",
      "feed",
      "ical-generator",
    ];
    expect(onFirstUse.filter((pkg) => loaded.has(pkg))).toEqual([]);
  });

  it("no package of the production install refuses the oldest Node that package.json promises", async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8"));
    const lock = JSON.parse(await readFile(path.join(ROOT, "package-lock.json"), "utf8"));
    const found = refusingOldestNode(manifest, lock);
    expect(found.filter(({ key }) => !(key in NEVER_LOADED)).map(({ problem }) => problem)).toEqual(
      [],
    );
    // An exception whose package is gone or now fits is stale: remove it.
    const stale = Object.keys(NEVER_LOADED).filter((key) => !found.some((f) => f.key === key));
    expect(stale).toEqual([]);
  });

  describe("the check itself", () => {
    let dir: string | null = null;
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("names a devDependency imported statically or dynamically, and ignores type-only imports", async () => {
      dir = await mkdtemp(path.join(tmpdir(), "runtime-deps-"));
      await writeFile(
        path.join(dir, "a.ts"),
        [
          'import type { Mock } from "vitest";',
          'import { Document } from "docx";',
          'import { readFile } from "node:fs/promises";',
          'import { helper } from "./b";',
          "export const x: Mock | null = null;",
          "export const y = [Document, readFile, helper];",
        ].join("\n"),
      );
      await writeFile(
        path.join(dir, "b.ts"),
        'export const helper = () => import("fast-check/lib/fast-check.js");\n',
      );
      const imports = await packageImports([path.join(dir, "a.ts")], dir);
      const problems = notRuntimeDependencies(imports, {
        dependencies: { docx: "1" },
        devDependencies: { vitest: "1", "fast-check": "1" },
      });
      expect(problems).toEqual([
        "b.ts imports fast-check/lib/fast-check.js (dynamic-import): fast-check is only a devDependency",
      ]);
    });

    it("names a runtime package whose engines refuse the oldest promised Node, not a dev one", () => {
      const found = refusingOldestNode(
        { engines: { node: ">=20.19" } },
        {
          packages: {
            "": { version: "0.1.0" },
            "node_modules/old": { version: "1.0.0", engines: { node: ">=18" } },
            "node_modules/majors": { version: "1.0.0", engines: { node: "20.x || 22.x" } },
            "node_modules/new": { version: "2.0.2", engines: { node: ">=22" } },
            "node_modules/@scope/newer": { version: "1.0.0", engines: { node: "^22 || >=24" } },
            "node_modules/tool": { version: "3.0.0", dev: true, engines: { node: ">=24" } },
          },
        },
      );
      expect(found).toEqual([
        {
          key: "node_modules/new",
          problem: "node_modules/new@2.0.2 wants Node >=22; package.json promises >=20.19",
        },
        {
          key: "node_modules/@scope/newer",
          problem:
            "node_modules/@scope/newer@1.0.0 wants Node ^22 || >=24; package.json promises >=20.19",
        },
      ]);
    });
  });
});
