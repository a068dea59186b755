/**
 * `npm run bench:limits`: what hostile text costs through `POST /api/code`,
 * printed as figures, asserting nothing. A server (as `annals serve` starts
 * it, default limits) on an empty store, on 127.0.0.1:
 *   - a run-on text of 100,000 characters ("China criticized Japan over the
 *     islands and China criticized ...", no full stop) against the same
 *     clauses as sentences with full stops: the median time of each, their
 *     ratio, and the size of each answer;
 *   - while a text of about 900 KB is being coded, how long `/api/health`
 *     and a second, small `POST /api/code` take to answer.
 * BENCH_LIMITS_CHARS (default 100000) changes the length; BENCH_LIMITS_RUNS (5) the runs a median is taken of.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { ANNALS_VERSION, codingVersion } from "../src/cli/ingest.js";
import { DEFAULT_LIMITS } from "../src/serve/limits.js";
import { startServer } from "../src/serve/server.js";
import { openStore } from "../src/store/index.js";

const CHARS = Number(process.env.BENCH_LIMITS_CHARS ?? 100_000);
const RUNS = Number(process.env.BENCH_LIMITS_RUNS ?? 5);
const CLAUSE = "China criticized Japan over the islands";
const clauses = new Array<string>(Math.ceil(CHARS / (CLAUSE.length + 5))).fill(CLAUSE);
const RUN_ON = clauses.join(" and ");
const SENTENCES = `${clauses.join(". ")}.`;
const HUGE = "China criticized Japan over the islands. Russia and India signed a trade agreement. ".repeat(10_700);
const SMALL = "Russia condemned China on Monday.";

interface Answer {
  status: number;
  ms: number;
  bytes: number;
  events: number;
}

async function post(base: string, text: string): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(new URL("/api/code", base), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }) });
  const body = await res.text();
  const ms = performance.now() - t0;
  const events = res.ok ? (JSON.parse(body) as { events: unknown[] }).events.length : 0;
  return { status: res.status, ms, bytes: Buffer.byteLength(body), events };
}

async function median(base: string, text: string): Promise<Answer> {
  const runs: Answer[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await post(base, text));
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

const f = (ms: number) => `${ms.toFixed(0)} ms`;
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} KB`);

const dir = mkdtempSync(join(tmpdir(), "annals-bench-limits-"));
const db = join(dir, "empty.db");
await (await openStore(db)).close();
const server = await startServer({ db, port: 0, host: "127.0.0.1", token: null, webDir: dir, annalsVersion: ANNALS_VERSION, codingVersion: (v) => codingVersion(v, { requireDyad: true, useParse: false }) });
try {
  console.log(`annals bench: hostile text through POST /api/code, node ${process.version}, ${availableParallelism()} cores; limits: ${DEFAULT_LIMITS.codeMs} ms of coding a request, ${DEFAULT_LIMITS.codeQueue} waiting`);
  // both coding workers warmed up
  for (let i = 0; i < 4; i++) await post(server.url, SMALL);
  await Promise.all([post(server.url, SENTENCES), post(server.url, RUN_ON)]);

  const runOn = await median(server.url, RUN_ON);
  const sentences = await median(server.url, SENTENCES);
  console.log(`  ${`run-on, ${RUN_ON.length} characters, no full stop`.padEnd(50)} ${f(runOn.ms)} (median of ${RUNS}), status ${runOn.status}, ${runOn.events} events, answer ${size(runOn.bytes)}`);
  console.log(`  ${`the same clauses, ${SENTENCES.length} characters, full stops`.padEnd(50)} ${f(sentences.ms)} (median of ${RUNS}), status ${sentences.status}, ${sentences.events} events, answer ${size(sentences.bytes)}`);
  console.log(`  ${"ratio run-on / full stops".padEnd(50)} time ${(runOn.ms / sentences.ms).toFixed(2)}, answer size ${(runOn.bytes / sentences.bytes).toFixed(2)}`);

  const huge = post(server.url, HUGE);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const t0 = performance.now();
  const health = await fetch(new URL("/api/health", server.url)).then(async (r) => ({ status: r.status, ms: (await r.text(), performance.now() - t0) }));
  const small = await post(server.url, SMALL);
  const big = await huge;
  console.log(`  while ${size(Buffer.byteLength(HUGE))} of text is coded (${f(big.ms)}, status ${big.status}, answer ${size(big.bytes)}):`);
  console.log(`    ${"GET /api/health".padEnd(48)} ${f(health.ms)}, status ${health.status}`);
  console.log(`    ${"POST /api/code, one sentence".padEnd(48)} ${f(small.ms)}, status ${small.status}`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
