/**
 * Serves the built client (`vite build` output in `dist/client`).
 *
 * The build writes a brotli (.br) and a gzip (.gz) file beside every compressible asset
 * (vite.config.ts), so nothing is compressed per request: express-static-gzip picks the variant
 * the browser accepts (brotli first), sends it with Content-Encoding, the original's
 * Content-Type and the variant's Content-Length, and marks the answer `Vary: Accept-Encoding`
 * for caches. A browser that accepts neither gets the plain file.
 *
 * Caching: everything under `/assets/` has a content hash in its name (Vite's default names),
 * so a changed file is a new URL and the old one may be cached for good (`immutable`). The
 * page itself (index.html, sent for every client route) must be asked for again each time, or a
 * deployment would leave browsers on old chunk names (`no-cache`: revalidate by ETag).
 *
 * A hashed asset that does not exist answers 404 — never the page — so that a browser holding
 * a page from before a deployment fails to load the chunk and says so, instead of running HTML
 * as a script.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { ServerResponse } from "node:http";
import express, { type RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";

export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
export const REVALIDATE_CACHE = "no-cache";

/** Vite's `build.assetsDir`: every file in it is named after its content. */
const HASHED_DIR = "assets";

export function serveClient(clientDir: string): express.Router {
  const router = express.Router();
  const indexHtml = path.join(clientDir, "index.html");
  if (!existsSync(indexHtml)) {
    router.get("/{*splat}", (req, res, next) => {
      if (req.path.startsWith("/sync/")) {
        next();
        return;
      }
      res
        .status(503)
        .type("text/plain")
        .send("Klienten er ikke bygget. Kør `npm start` (som bygger den) eller `npx vite build`.");
    });
    return router;
  }

  const hashedRoot = path.join(path.resolve(clientDir), HASHED_DIR) + path.sep;
  const files: RequestHandler = expressStaticGzip(path.resolve(clientDir), {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    index: false,
    serveStatic: {
      index: false,
      redirect: false,
      cacheControl: false,
      setHeaders: (res: ServerResponse, file: string) => {
        res.setHeader(
          "Cache-Control",
          path.resolve(file).startsWith(hashedRoot) ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
        );
      },
    },
  });
  router.use(files);

  router.use(`/${HASHED_DIR}`, (_req, res) => {
    // The variant chosen for a file that vanished after start (a rebuild under a running
    // server) leaves its encoding set; this answer is plain text.
    res.removeHeader("Content-Encoding");
    res.removeHeader("Vary");
    res.status(404).type("text/plain").send("Filen findes ikke.");
  });

  router.get("/{*splat}", (req, res, next) => {
    if (req.path.startsWith("/sync/")) {
      next();
      return;
    }
    res.setHeader("Cache-Control", REVALIDATE_CACHE);
    res.sendFile(indexHtml, { cacheControl: false });
  });
  return router;
}
