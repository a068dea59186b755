/**
 * The web page: the files of `dist/web/` (the Vite build), with `index.html`
 * for any path that names no file (the page routes in the browser), and a
 * plain-text 503 saying how to build it when it is missing. Paths are
 * resolved inside the folder only.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Context } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Serves `root`; `GET` and `HEAD` only. */
export function staticFiles(root: string) {
  const base = resolve(root);
  const file = (path: string): string | null => {
    const full = resolve(base, "." + normalize("/" + path));
    if (full !== base && !full.startsWith(base + sep)) return null;
    return existsSync(full) && statSync(full).isFile() ? full : null;
  };
  return (c: Context) => {
    if (!existsSync(join(base, "index.html"))) return c.text("the web page is not built: run \"npm run build\" (it writes dist/web/), then start annals serve again\n", 503);
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text("bad path\n", 400);
    }
    let found = file(path);
    if (!found) {
      // a path that names a file (it has an extension) and is not there is missing; any other is a page of the app
      if (extname(path) !== "") return c.text(`not found: ${path}\n`, 404);
      found = join(base, "index.html");
    }
    const type = TYPES[extname(found).toLowerCase()] ?? "application/octet-stream";
    // Vite names built assets by content hash: they never change under their name
    const cache = path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    const headers = { "Content-Type": type, "Cache-Control": cache };
    return c.req.method === "HEAD" ? c.body(null, 200, headers) : c.body(new Uint8Array(readFileSync(found)), 200, headers);
  };
}
