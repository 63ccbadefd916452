import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";

/** TipTap, ProseMirror and the editor-only libraries they bring. */
const EDITOR_MODULES =
  /node_modules[\\/](@tiptap[\\/]|prosemirror-|linkifyjs|orderedmap|rope-sequence|w3c-keyname|fast-equals|use-sync-external-store)/;
/**
 * What only the minutes' Beslutning editors use (TipTap's extensions bundle: placeholder, history,
 * gap and drop cursors): a chunk of its own, so the item editor does not download it.
 */
const MINUTES_EDITOR_MODULES =
  /node_modules[\\/](@tiptap[\\/]extensions[\\/]|prosemirror-(history|gapcursor|dropcursor)|rope-sequence)/;
/** Yjs, its protocols and the websocket and IndexedDB providers. */
const SYNC_MODULES = /node_modules[\\/](yjs|lib0|y-protocols|y-websocket|y-indexeddb)[\\/]/;

// The client build (and the dev server, which proxies to a running `npm run dev:server`).
export default defineConfig({
  root: "client",
  plugins: [
    react(),
    // A .br and a .gz beside every compressible asset, made once at build at the highest
    // levels (brotli 11, gzip 9), so the server never compresses per request; the server
    // picks one per Accept-Encoding (server/http/staticAssets.ts). Source maps stay plain:
    // only developers' tools fetch them.
    compression({
      include: /\.(html|css|js|mjs|json|svg|txt)$/,
      algorithms: ["brotliCompress", "gzip"],
      exclude: /(^|\/)\.vite\//,
      logLevel: "silent",
    }),
  ],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: true,
    // dist/client/.vite/manifest.json: which chunk holds which module, for tests that check
    // what a page loads (tests/browser/bundleBudget.test.ts).
    manifest: true,
    rolldownOptions: {
      // Brotli at quality 11 is most of the build's time, by design; no report about it.
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: {
          groups: [
            {
              // Yjs and its protocols: the agenda's live sync needs them, and so does the
              // editor. One chunk of their own, so that neither page's chunk imports the other.
              name: "sync",
              test: SYNC_MODULES,
              priority: 2,
            },
            {
              // The editor's libraries in one chunk named "editor", loaded only where an editor
              // is shown (item page, minutes, the meeting page's item pane); the bundle budget
              // test finds it by this name in the manifest. Their own dependencies (Yjs, React)
              // stay where they are: the agenda needs Yjs without the editor.
              name: (id) => (MINUTES_EDITOR_MODULES.test(id) ? "editor-minutes" : "editor"),
              test: EDITOR_MODULES,
              priority: 1,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/sync": { target: "ws://127.0.0.1:3000", ws: true },
    },
  },
});
