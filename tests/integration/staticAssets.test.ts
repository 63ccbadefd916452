/**
 * The built client is served precompressed (issue #17): brotli or gzip per Accept-Encoding, with
 * the encoding, type, length and Vary a cache needs; hashed assets cached for good, the page
 * revalidated; missing assets a 404. The client here is a small build-shaped directory the test
 * writes itself (integration tests run before `vite build`); the browser test of the bundle
 * budget checks the real build's files.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMMUTABLE_CACHE, REVALIDATE_CACHE } from "../../server/http/serveClient";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as sent, still encoded. */
  body: Buffer;
}

/** A request whose Accept-Encoding is exactly `headers` says (fetch would add its own). */
function rawGet(
  baseUrl: string,
  pathname: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The charset name is case-insensitive (the compressed variants say UTF-8, send says utf-8). */
function contentType(res: RawResponse): string | undefined {
  return (res.headers["content-type"] as string | undefined)?.toLowerCase();
}

const SCRIPT = "assets/index-Ab12_cD3.js";
const STYLE = "assets/index-Xy98-zW7.css";
/** Smaller than its compressed forms would be: the build leaves it plain. */
const TINY = "assets/tiny-Qq11Rr22.js";

const script = Buffer.from(
  Array.from(
    { length: 400 },
    (_, i) => `export const punkt${i} = "Sagsfremstilling for punkt ${i} — æøå";\n`,
  ).join(""),
);
const style = Buffer.from(
  Array.from({ length: 200 }, (_, i) => `.felt-${i} { margin: ${i}px; }\n`).join(""),
);
const INDEX_HTML =
  '<!doctype html><html lang="da"><head><script type="module" src="/assets/index-Ab12_cD3.js"></script></head><body><div id="root"></div></body></html>';

function writeClient(dir: string): void {
  mkdirSync(path.join(dir, "assets"), { recursive: true });
  writeFileSync(path.join(dir, "index.html"), INDEX_HTML);
  for (const [file, content] of [
    [SCRIPT, script],
    [STYLE, style],
  ] as const) {
    writeFileSync(path.join(dir, file), content);
    writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(content));
    writeFileSync(path.join(dir, `${file}.gz`), gzipSync(content));
  }
  writeFileSync(path.join(dir, TINY), "export{};");
}

describe("the built client, precompressed", () => {
  let clientDir: string;
  let server: TestServer;

  beforeAll(async () => {
    clientDir = mkdtempSync(path.join(tmpdir(), "dagsorden-client-"));
    writeClient(clientDir);
    server = await startTestServer({ clientDir });
  });
  afterAll(async () => {
    await server?.dispose();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it("sends brotli when the browser accepts it, with type, length, Vary and immutable caching", async () => {
    for (const acceptEncoding of ["gzip, deflate, br, zstd", "br", "br;q=1, gzip;q=0.5"]) {
      const res = await rawGet(server.url, `/${SCRIPT}`, { "accept-encoding": acceptEncoding });
      expect(res.status, acceptEncoding).toBe(200);
      expect(res.headers["content-encoding"], acceptEncoding).toBe("br");
      expect(contentType(res)).toBe("text/javascript; charset=utf-8");
      expect(res.headers["content-length"]).toBe(String(res.body.length));
      expect(res.body.length).toBeLessThan(script.length / 4);
      expect(res.headers.vary).toBe("Accept-Encoding");
      expect(res.headers["cache-control"]).toBe(IMMUTABLE_CACHE);
      expect(brotliDecompressSync(res.body).equals(script)).toBe(true);
    }
  });

  it("sends gzip to a browser that accepts gzip but not brotli", async () => {
    for (const acceptEncoding of ["gzip", "gzip, deflate", "br;q=0, gzip"]) {
      const res = await rawGet(server.url, `/${STYLE}`, { "accept-encoding": acceptEncoding });
      expect(res.status, acceptEncoding).toBe(200);
      expect(res.headers["content-encoding"], acceptEncoding).toBe("gzip");
      expect(contentType(res)).toBe("text/css; charset=utf-8");
      expect(res.headers["content-length"]).toBe(String(res.body.length));
      expect(res.headers.vary).toBe("Accept-Encoding");
      expect(res.headers["cache-control"]).toBe(IMMUTABLE_CACHE);
      expect(gunzipSync(res.body).equals(style)).toBe(true);
    }
  });

  it("sends the plain file without Accept-Encoding, or when only identity is accepted", async () => {
    for (const headers of [
      {},
      { "accept-encoding": "identity" },
      { "accept-encoding": "zstd" },
    ] as Record<string, string>[]) {
      const res = await rawGet(server.url, `/${SCRIPT}`, headers);
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(contentType(res)).toBe("text/javascript; charset=utf-8");
      expect(res.headers["content-length"]).toBe(String(script.length));
      // The answer still depends on Accept-Encoding: a shared cache must not hand it to others.
      expect(res.headers.vary).toBe("Accept-Encoding");
      expect(res.body.equals(script)).toBe(true);
    }
  });

  it("sends a file the build left uncompressed as it is, whatever the browser accepts", async () => {
    const res = await rawGet(server.url, `/${TINY}`, { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString()).toBe("export{};");
    expect(res.headers["cache-control"]).toBe(IMMUTABLE_CACHE);
  });

  it("answers HEAD with the headers of the chosen variant and no body", async () => {
    const res = await rawGet(server.url, `/${SCRIPT}`, { "accept-encoding": "br" }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(Number(res.headers["content-length"])).toBe(brotliCompressSync(script).length);
    expect(res.body.length).toBe(0);
  });

  it("sends the page for every client route, to be revalidated each time", async () => {
    for (const pathname of ["/", "/login", "/moeder/demo-2025-09-03", "/index.html"]) {
      const res = await rawGet(server.url, pathname, { "accept-encoding": "br, gzip" });
      expect(res.status, pathname).toBe(200);
      expect(res.headers["cache-control"], pathname).toBe(REVALIDATE_CACHE);
      expect(contentType(res), pathname).toBe("text/html; charset=utf-8");
      expect(res.headers.etag, pathname).toBeDefined();
      expect(res.body.toString(), pathname).toBe(INDEX_HTML);
    }
  });

  it("answers an unknown asset with 404, never the page, and keeps the security headers", async () => {
    for (const pathname of [
      "/assets/index-Gone0000.js",
      "/assets/",
      "/assets",
      "/assets/../index.html",
      `/${SCRIPT}.map`,
      "/.vite/manifest.json",
    ]) {
      const res = await rawGet(server.url, pathname, { "accept-encoding": "br, gzip" });
      if (pathname === "/assets/../index.html" || pathname === "/.vite/manifest.json") {
        // Normalised to the page, or a dot-directory the static files never serve: the page.
        expect(res.body.toString(), pathname).toBe(INDEX_HTML);
        continue;
      }
      expect(res.status, pathname).toBe(404);
      expect(res.headers["content-encoding"], pathname).toBeUndefined();
      expect(res.body.toString(), pathname).not.toContain("<html");
      expect(res.headers["content-security-policy"], pathname).toContain("default-src 'self'");
      expect(res.headers["x-content-type-options"], pathname).toBe("nosniff");
    }
  });

  it("keeps the security headers on compressed and plain answers", async () => {
    for (const headers of [
      { "accept-encoding": "br" },
      { "accept-encoding": "gzip" },
      {},
    ] as Record<string, string>[]) {
      const res = await rawGet(server.url, `/${SCRIPT}`, headers);
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["permissions-policy"]).toContain("camera=()");
    }
  });
});
