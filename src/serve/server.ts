/**
 * `annals serve` put together: the store (read-write only with a token),
 * the read pool, a coding worker, the app, listening on one address.
 */
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
import { getRequestListener, RequestError, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import { LimitedCodingPool } from "../node/coding-pool.js";
import { DEFAULT_DATA_DIR, loadDictionaries, readDataDir } from "../node/data-files.js";
import { openStore } from "../store/index.js";
import type { ApiError } from "./api-types.js";
import { buildApp, LOOPBACK_HOSTS } from "./app.js";
import { boundedCoding } from "./coding.js";
import type { ApiContext } from "./context.js";
import { ExportWorkers } from "./exports.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import { cachedReads } from "./read-cache.js";
import { ReadPool } from "./read-pool.js";

/** Where `npm run build` puts the web page. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../dist/web/", import.meta.url));

export interface ServeOptions {
  db: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Turns writes on; `POST /api/documents` then needs it. */
  token: string | null;
  dictDir?: string;
  webDir?: string;
  limits?: Partial<Limits>;
  /** Read worker threads (default: see ReadPool). */
  readers?: number;
  /** Coding worker threads (default 2). */
  coders?: number;
  annalsVersion: string;
  /** Recorded with stored documents, as ingest records it. */
  codingVersion: (dictVersion: string) => string;
  log?: (message: string) => void;
}

export interface RunningServer {
  /** `http://host:port/` */
  url: string;
  port: number;
  /** Events in the store when the server started. */
  events: number;
  /** The app served (its `routes` list every endpoint). */
  app: Hono;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...o.limits };
  const store = await openStore(o.db, { readonly: o.token === null });
  let pool: ReadPool | null = null;
  let coder: LimitedCodingPool | null = null;
  const exports = new ExportWorkers(o.db, limits.exports);
  try {
    const events = (await store.counts()).events;
    const dictDir = o.dictDir ?? DEFAULT_DATA_DIR;
    // compiled (or read from the disk cache) here, before the coding worker reads the cache
    const { dictionaries } = loadDictionaries(dictDir);
    pool = new ReadPool(o.db, { size: o.readers, timeoutMs: limits.queryMs });
    // coding a posted megabyte takes a second or two, which the server's thread must not spend; with two
    // threads a short text is coded at once while a long one takes the other, each under the time limit
    coder = new LimitedCodingPool(o.coders ?? 2, { dictDir, options: { requireDyad: true, useParse: false } });
    const codingPool = coder;
    const ctx: ApiContext = {
      // counts, series and top are answered again from memory while the store is unchanged
      reads: cachedReads(pool.reads, () => store.changeMark()).reads,
      exports,
      writable: o.token === null ? null : store,
      token: o.token,
      coding: boundedCoding(codingPool, limits.codeQueue),
      dictionary: { version: dictionaries.version, files: readDataDir(dictDir) },
      codingVersion: o.codingVersion(dictionaries.version),
      annalsVersion: o.annalsVersion,
      limits,
    };
    const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(o.host);
    const app = buildApp(ctx, { webDir: o.webDir ?? DEFAULT_WEB_DIR, log: o.log, hosts: loopback ? [...LOOPBACK_HOSTS, o.host.includes(":") ? `[${o.host}]` : o.host.toLowerCase()] : undefined });
    const server = await listen(app.fetch, o.port, o.host, o.log);
    const port = (server.address() as AddressInfo).port;
    const host = o.host.includes(":") ? `[${o.host}]` : o.host;
    const readPool = pool;
    return {
      url: `http://${host}:${port}/`,
      port,
      events,
      app,
      async close() {
        // requests under way get a second to finish; idle keep-alive connections would hold the close open
        const http = server as unknown as { closeIdleConnections(): void; closeAllConnections(): void };
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => http.closeAllConnections(), 1000);
          server.close(() => {
            clearTimeout(force);
            resolve();
          });
          http.closeIdleConnections();
        });
        await Promise.all([readPool.close(), codingPool.close(), exports.close()]);
        await store.close();
      },
    };
  } catch (e) {
    await Promise.all([pool?.close(), coder?.close()]);
    await store.close();
    throw e;
  }
}

/**
 * A request Node reads but the adapter cannot turn into a `Request` (a Host
 * header such as "localhost:1@evil.com", a backslash in the path) never
 * reaches the app: it is answered here, as JSON like every other error.
 */
export function unreadableRequest(e: unknown): Response {
  const bad = e instanceof RequestError;
  const message = bad ? `the request cannot be read: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}` : "internal error (see the server's log)";
  return new Response(JSON.stringify({ error: message } satisfies ApiError), {
    status: bad ? 400 : 500,
    headers: { "Content-Type": "application/json", "X-Content-Type-Options": "nosniff" },
  });
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string, log?: (message: string) => void): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const errorHandler = (e: unknown) => {
      if (!(e instanceof RequestError)) log?.(`annals serve: ${(e as Error)?.stack ?? e}`);
      return unreadableRequest(e);
    };
    const server = createServer(getRequestListener(fetch, { hostname, errorHandler }));
    server.once("error", reject);
    server.listen(port, hostname, () => resolve(server));
  });
}
