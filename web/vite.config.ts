/**
 * Builds the page served by `annals serve` into dist/web. Everything the page
 * needs (scripts, styles, the world's country shapes, the coder and its
 * English model) is bundled here: the page fetches nothing but its own server.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    // the coder's English model alone is a few MB; it loads only in the Try it worker
    chunkSizeWarningLimit: 8000,
  },
  // the coder worker imports src/core, which splits into chunks: ES module workers
  worker: { format: "es" },
  // `npx vite --config web/vite.config.ts` for work on the page: the API comes from an `annals serve` on 8080
  server: { host: "127.0.0.1", proxy: { "/api": "http://127.0.0.1:8080" } },
});
