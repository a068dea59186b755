/**
 * The HTTP application of `annals serve`, built from its parts and pure of
 * listening: tests call it through `app.request()` or serve it on port 0.
 * Hono: Web-standard Request and Response, a small core, and one
 * middleware per job (body limit) rather than a plugin system to learn.
 */
import { Hono } from "hono";
import { CodingTimeout } from "../node/coding-pool.js";
import { StoreError } from "../store/index.js";
import type { ApiError } from "./api-types.js";
import { CodingBusy } from "./coding.js";
import type { ApiContext } from "./context.js";
import { ApiFailure } from "./errors.js";
import { PoolClosed, QueryTimeout } from "./read-pool.js";
import { codeRoutes } from "./routes/code.js";
import { countRoutes } from "./routes/counts.js";
import { documentRoutes } from "./routes/documents.js";
import { eventRoutes } from "./routes/events.js";
import { exportRoutes } from "./routes/export.js";
import { metaRoutes } from "./routes/meta.js";
import { staticFiles } from "./static.js";

export interface AppOptions {
  /** The built web page (`dist/web`). */
  webDir: string;
  /** Called with what went wrong on a 500, for the server's log. */
  log?: (message: string) => void;
  /**
   * Host names a request may be addressed to (the Host header, without its
   * port); any when absent. A server on a loopback address takes only
   * loopback names: a web page elsewhere that points its own name at
   * 127.0.0.1 (DNS rebinding) would otherwise read the store.
   */
  hosts?: readonly string[];
}

/** The names of this machine's loopback addresses, as a Host header gives them. */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

function hostName(header: string | undefined): string {
  const h = (header ?? "").toLowerCase();
  return h.startsWith("[") ? h.slice(0, h.indexOf("]") + 1) : h.replace(/:\d+$/, "");
}

/**
 * The page's Content-Security-Policy: everything from this server only (no
 * CDN, and a stored document's text can never run as script). Styles may be
 * inline (a chart's computed style attributes); images may be data: or
 * blob: URLs (small assets Vite inlines, an exported chart).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const errorBody = (message: string): ApiError => ({ error: message });

export function buildApp(ctx: ApiContext, options: AppOptions): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    const host = hostName(c.req.header("host"));
    if (options.hosts && !options.hosts.includes(host) && !host.endsWith(".localhost")) {
      throw new ApiFailure(403, `requests to host "${host}" are refused: this server answers on ${options.hosts.join(", ")} (start it with --host to serve other names)`);
    }
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("Referrer-Policy", "no-referrer");
  });

  const api = new Hono();
  for (const routes of [metaRoutes(ctx), eventRoutes(ctx), exportRoutes(ctx), countRoutes(ctx), documentRoutes(ctx), codeRoutes(ctx)]) api.route("/", routes);
  api.all("*", (c) => c.json(errorBody(`no such endpoint: ${c.req.method} ${new URL(c.req.url).pathname} (see /api/openapi.json)`), 404));
  app.route("/api", api);

  app.on(["GET", "HEAD"], "*", staticFiles(options.webDir));
  app.all("*", (c) => c.json(errorBody(`${c.req.method} is not allowed here: the page takes GET and HEAD, the API is under /api/`), 405));

  app.onError((e, c) => {
    if (e instanceof ApiFailure) return c.json(errorBody(e.message), e.status);
    if (e instanceof QueryTimeout) return c.json(errorBody(`${e.message}: narrow the filter (dates, actors, a code)`), 503);
    if (e instanceof PoolClosed) return c.json(errorBody(e.message), 503);
    if (e instanceof CodingTimeout) return c.json(errorBody(`${e.message}: post the text in smaller parts, or code it with annals code`), 503);
    if (e instanceof CodingBusy) {
      c.header("Retry-After", "1");
      return c.json(errorBody(e.message), 429);
    }
    // a database the server cannot read (corrupt, locked): what and where, as the command line says it
    if (e instanceof StoreError) return c.json(errorBody(e.message), 500);
    options.log?.(`annals serve: ${c.req.method} ${c.req.url}: ${e.stack ?? e}`);
    return c.json(errorBody("internal error (see the server's log)"), 500);
  });

  return app;
}
