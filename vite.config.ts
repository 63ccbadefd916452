import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The client build (and the dev server, which proxies to a running `npm run dev:server`).
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/sync": { target: "ws://127.0.0.1:3000", ws: true },
    },
  },
});
