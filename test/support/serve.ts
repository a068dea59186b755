/** Helpers for the API tests: a store built from the example articles by the real coder, a server on 127.0.0.1:0, JSON over real HTTP. */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { Writable } from "node:stream";
import Database from "better-sqlite3";
import { ANNALS_VERSION, codingVersion, runIngest } from "../../src/cli/ingest.js";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { isServerAddress } from "../../src/store/index.js";
import { rebuildAggregates } from "../../src/store/aggregates.js";
import type { Limits } from "../../src/serve/limits.js";
import type { ApiEvent, EventsResponse } from "../../src/serve/api-types.js";

export const EXAMPLES = join(import.meta.dirname, "..", "..", "examples");
const quiet = new Writable({ write: (_c, _e, done) => done() });

/** A store holding every example article (`examples/`), coded by the real coder through `annals ingest`: a file in `dir`, or the PostgreSQL database `name` addresses. */
export async function exampleStore(dir: string, name = "examples.db"): Promise<string> {
  const path = isServerAddress(name) ? name : join(dir, name);
  const code = await runIngest([EXAMPLES, "--db", path, "--workers", "1"], quiet);
  if (code !== 0) throw new Error(`ingest of the examples exited ${code}`);
  return path;
}

export function copyStore(from: string, to: string): string {
  // the store's writes are checkpointed when it closes, so the file alone is the whole store
  copyFileSync(from, to);
  return to;
}

/**
 * Multiplies the store's events `times` over, each copy on other dates and
 * with other source codes, in one SQL statement: a store big enough that
 * counting every actor takes real time.
 */
export function amplify(path: string, times: number): number {
  const db = new Database(path);
  const columns = (db.prepare("PRAGMA table_info(events)").all() as { name: string }[]).map((c) => c.name).filter((c) => c !== "seq" && c !== "id");
  const value = (c: string) => (c === "date" ? "date(e.date, '+' || (k.i % 3000) || ' days')" : c === "source_code" ? "e.source_code || (k.i % 50)" : `e.${c}`);
  db.exec(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${times}) ` +
      `INSERT INTO events (id, ${columns.join(", ")}) SELECT e.id || '-' || k.i, ${columns.map(value).join(", ")} FROM events e, k`,
  );
  rebuildAggregates(db); // rows written past the store: its counts are built again from them
  const n = db.prepare("SELECT count(*) FROM events").pluck().get() as number;
  db.close();
  return n;
}

/** A stand-in for the built page: an index.html and one asset. */
export function webDir(dir: string): string {
  const web = join(dir, "web");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), '<!doctype html><title>annals</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(web, "assets", "app.js"), "console.log('annals');\n");
  return web;
}

export function testServer(db: string, web: string, options: { token?: string; limits?: Partial<Limits>; readers?: number; coders?: number } = {}): Promise<RunningServer> {
  return startServer({
    db,
    port: 0,
    host: "127.0.0.1",
    token: options.token ?? null,
    webDir: web,
    limits: options.limits,
    readers: options.readers,
    coders: options.coders,
    annalsVersion: ANNALS_VERSION,
    codingVersion: (v) => codingVersion(v, { requireDyad: true, useParse: false }),
  });
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A request over real HTTP; the body parsed as JSON when the reply says it is JSON. */
export async function http<T = any>(base: string, path: string, init: RequestInit = {}): Promise<Reply<T>> {
  const res = await fetch(new URL(path, base), init);
  const type = res.headers.get("content-type") ?? "";
  const body = type.includes("application/json") ? await res.json() : await res.text();
  return { status: res.status, headers: res.headers, body: body as T };
}

export const postJson = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  http(base, path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

/**
 * A POST through node:http, which reads a reply that comes before the whole
 * body is sent (a server refusing a body too large answers and closes; a
 * client still writing sees the connection reset after the answer).
 */
export function postEarlyReply(base: string, path: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(new URL(path, base), { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } }, (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: new Headers(res.headers as Record<string, string>), body: JSON.parse(text) }));
      res.on("error", reject);
    });
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    // the reset reaches the socket too, after the request has let go of it
    req.on("socket", (socket) => socket.on("error", () => {}));
    req.end(body);
  });
}

/** The JSON of a GET that must answer 200 (the message shows the body when not). */
export async function getJson<T>(base: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`);
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

/** Every event the API gives for a filter, following its cursor. */
export async function allApiEvents(base: string, query: string): Promise<ApiEvent[]> {
  const out: ApiEvent[] = [];
  let cursor: string | null = null;
  do {
    const page: EventsResponse = await getJson(base, `/api/events?limit=500&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    out.push(...page.events);
    cursor = page.next;
  } while (cursor);
  return out;
}
