/**
 * `npm run bench:api`: the HTTP API's figures for issue 6, printed,
 * asserting nothing. A store of 1 million synthetic events (built once and
 * kept under os.tmpdir(), as it takes a minute), `annals serve` on it in its
 * own process on 127.0.0.1, and autocannon (50 connections, 10 s each, from
 * this process) on:
 *   - a filtered first page of the events list (a dyad, 50 events);
 *   - a page of the events list half a million events deep (its cursor);
 *   - the monthly series of a dyad, and of everything;
 *   - the top 20 dyads of all time, and the top 20 actors of one year;
 *   - the same two kinds of question, each request a new one (a random
 *     dyad and range, a random part of a year), so that none is answered
 *     from the answers the server keeps while the store is unchanged;
 *   - the explorer's first page, unfiltered, with its total;
 * then, one request at a time (the median and slowest of 5): pages in the
 * other orders (every event by Goldstein, which has no index; an actor's
 * events by target), and two downloads (a dyad's CSV, the whole store as
 * JSON Lines) read to their end, with their size, time and first bytes.
 * Each load prints requests/s, the p50, p95 (computed from every response's time,
 * as autocannon's own summary stops at p90 and p97.5), p99 and max latency,
 * errors, timeouts and non-2xx answers.
 * BENCH_API_EVENTS (default 1000000), BENCH_API_SECONDS (10) and
 * BENCH_API_CONNECTIONS (50) change the sizes; BENCH_API_FRESH=1 rebuilds the store.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { encodeCursor } from "../src/serve/cursor.js";
import { rebuildAggregates } from "../src/store/aggregates.js";
import { EVENT_COLUMNS, openStore, SCHEMA_VERSION } from "../src/store/index.js";
import { CODES, COUNTRIES, random, SECTORS } from "./synthetic.js";

const EVENTS = Number(process.env.BENCH_API_EVENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 50);
/** Bump when the synthetic store changes, so an old cached one is not reused. */
const SYNTH_VERSION = 2;
const EVENTS_PER_SENTENCE = 10;
const SENTENCES_PER_DOC = 10;

const CITIES: [string, string, number, number][] = [["Washington", "USA", 38.9, -77.04], ["Beijing", "CHN", 39.9, 116.41], ["Moscow", "RUS", 55.76, 37.62], ["London", "GBR", 51.51, -0.13], ["New Delhi", "IND", 28.61, 77.21], ["Tehran", "IRN", 35.69, 51.39]];
const quadOf = (root: number) => (root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4);

/**
 * `n` synthetic events in documents of 10 sentences, 10 events a sentence,
 * written with prepared statements (100,000 events a transaction) into a
 * store whose schema the store itself created. Every event's sentence is a
 * real substring of its document at the offsets its spans give.
 */
async function buildStore(path: string, n: number): Promise<void> {
  await (await openStore(path)).close();
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const insertDoc = db.prepare("INSERT INTO documents (id, content_hash, dict_version, date, place, title, source, text, coded_at) VALUES (?, 'x', 'bench', ?, ?, ?, 'bench wire', ?, '2024-01-01')");
  const insertSentence = db.prepare("INSERT INTO sentences (doc, idx, text) VALUES (?, ?, ?)");
  const insertEvent = db.prepare(`INSERT INTO events (${EVENT_COLUMNS.join(", ")}) VALUES (${EVENT_COLUMNS.map((c) => "@" + c).join(", ")})`);
  const next = random(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const perDoc = EVENTS_PER_SENTENCE * SENTENCES_PER_DOC;
  for (let from = 0; from < n; from += 100_000) {
    db.transaction(() => {
      for (let d = from / perDoc; d < Math.min(from + 100_000, n) / perDoc; d++) {
        const doc = `bench-${d}`;
        const date = new Date(Date.UTC(2000, 0, 1) + Math.floor(next() * 25 * 365) * 86_400_000).toISOString().slice(0, 10);
        const city = pick(CITIES);
        const sentences: { text: string; start: number; pairs: [string, string][] }[] = [];
        let text = "";
        for (let s = 0; s < SENTENCES_PER_DOC; s++) {
          const pairs = Array.from({ length: EVENTS_PER_SENTENCE }, () => [pick(COUNTRIES) + pick(SECTORS), pick(COUNTRIES) + pick(SECTORS)] as [string, string]);
          const sentence = `${pairs[0][0]} officials met ${pairs[0][1]} officials in ${city[0]} for talks, report ${d}.${s}.`;
          const start = text.length + (s ? 1 : 0);
          text += (s ? " " : "") + sentence;
          sentences.push({ text: sentence, start, pairs });
        }
        insertDoc.run(doc, date, city[0], `Bench report ${d}`, text);
        sentences.forEach((s, idx) => {
          insertSentence.run(doc, idx, s.text);
          const verb = s.start + s.text.indexOf(" met ") + 1;
          s.pairs.forEach(([source, target], k) => {
            const code = pick(CODES);
            const root = code.slice(0, 2);
            const side = (name: string, c: string, start: number) => ({
              [`${name}_code`]: c, [`${name}_country`]: c.slice(0, 3), [`${name}_sectors`]: c.slice(3), [`${name}_name`]: c.slice(0, 3), [`${name}_text`]: c, [`${name}_start`]: start, [`${name}_end`]: start + c.length,
            });
            insertEvent.run({
              id: `${doc}-${idx}-${k}`, doc, sentence: idx, date,
              ...side("source", source, s.start), ...side("target", target, verb + 4),
              code, root, quad: quadOf(Number(root)), goldstein: Math.round((next() * 20 - 10) * 10) / 10, plover: "CONSULT",
              verb_text: "met", verb_start: verb, verb_end: verb + 3, negated: next() < 0.05 ? 1 : 0, mood: next() < 0.9 ? "asserted" : "intended", intended_code: null,
              location_name: city[0], location_country: city[1], location_lat: city[2], location_lon: city[3], issues: "", rule: "verbs/bench.txt:1", confidence: 0.8,
            });
          });
        });
      }
    })();
  }
  rebuildAggregates(db); // the events were written past the store: its aggregates are built from them, as a migration does
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

/** The cached store, built when missing (into a temporary name first, so a stopped build is never reused). */
async function store(): Promise<string> {
  const dir = join(tmpdir(), "annals-bench-api");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `events-${EVENTS}-schema${SCHEMA_VERSION}-v${SYNTH_VERSION}.db`);
  if (process.env.BENCH_API_FRESH) for (const s of ["", "-wal", "-shm"]) rmSync(path + s, { force: true });
  if (existsSync(path)) {
    console.log(`  store              ${path} (cached, ${(statSync(path).size / 1024 / 1024).toFixed(0)} MB)`);
    return path;
  }
  const building = `${path}.${process.pid}.building`;
  const t = performance.now();
  await buildStore(building, EVENTS);
  renameSync(building, path);
  for (const s of ["-wal", "-shm"]) rmSync(building + s, { force: true });
  console.log(`  store              built in ${((performance.now() - t) / 1000).toFixed(0)} s: ${path} (${(statSync(path).size / 1024 / 1024).toFixed(0)} MB)`);
  return path;
}

/** `annals serve` in its own process, as users run it; its address once it prints it. */
async function startServe(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const bin = join(import.meta.dirname, "..", "bin", "annals.js");
  const child = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /annals serve: (http:\/\/\S+) /.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`annals serve exited ${code}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `paths`, when given, makes each request's path afresh (so that no two ask the same, and no answer is kept from another). */
async function load(name: string, url: string, paths?: () => string): Promise<void> {
  const times: number[] = [];
  const requests = paths ? [{ setupRequest: (req: { path: string }) => Object.assign(req, { path: paths() }) }] : undefined;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const r = await instance;
  times.sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`  ${name}`);
  console.log(`    ${r.requests.average.toFixed(0)} requests/s (${r.requests.total} in ${r.duration.toFixed(1)} s), latency p50 ${f(percentile(times, 50))}, p95 ${f(percentile(times, 95))}, p99 ${f(percentile(times, 99))}, max ${f(times[times.length - 1] ?? NaN)}`);
  console.log(`    errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}; ${(r.throughput.average / 1024 / 1024).toFixed(1)} MB/s`);
}

/** One request at a time, 5 times: the median and the slowest, and the total it gave. */
async function alone(name: string, url: string): Promise<void> {
  const times: number[] = [];
  let total: unknown;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    total = ((await res.json()) as { total?: unknown }).total;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${name}`);
  console.log(`    one at a time: median ${times[2].toFixed(1)} ms, slowest ${times[4].toFixed(1)} ms; total ${JSON.stringify(total)}`);
}

/** One download, read to its end: its size, time and rate, and the time to its first bytes. */
async function download(name: string, url: string): Promise<void> {
  const t0 = performance.now();
  const res = await fetch(url);
  const reader = res.body!.getReader();
  let bytes = 0;
  let first = NaN;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (Number.isNaN(first)) first = performance.now() - t0;
    bytes += r.value.byteLength;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`  ${name}`);
  console.log(`    ${res.status}, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${s.toFixed(2)} s (${(bytes / 1024 / 1024 / s).toFixed(1)} MB/s), first bytes after ${first.toFixed(0)} ms`);
}

console.log(`annals bench: the HTTP API, node ${process.version}, ${availableParallelism()} cores; ${CONNECTIONS} connections, ${SECONDS} s a run, 127.0.0.1`);
const db = await store();
const reader = await openStore(db, { readonly: true });
const counts = await reader.counts();
// the key of the event half-way through the store's order: the cursor the API gives after that many events
const deep = (() => {
  const sqlite = new Database(db, { readonly: true });
  const row = sqlite.prepare("SELECT date, seq FROM events WHERE date IS NOT NULL ORDER BY date, seq LIMIT 1 OFFSET ?").get(Math.floor(counts.events / 2)) as { date: string; seq: number };
  sqlite.close();
  return encodeCursor("date", { value: row.date, seq: row.seq });
})();
await reader.close();
console.log(`  ${counts.events} events, ${counts.documents} documents, ${counts.sentences} sentences`);
const server = await startServe(db);
try {
  await load("GET /api/events?source=USA&target=CHN&limit=50 (a dyad's first page)", `${server.url}api/events?source=USA&target=CHN&limit=50`);
  await load(`GET /api/events?limit=50&cursor=… (${Math.floor(counts.events / 2)} events deep)`, `${server.url}api/events?limit=50&cursor=${deep}`);
  await load("GET /api/series?source=USA&target=CHN&by=month (a dyad's monthly series)", `${server.url}api/series?source=USA&target=CHN&by=month`);
  await load("GET /api/series?by=month (the monthly series of everything)", `${server.url}api/series?by=month`);
  await load("GET /api/top?kind=dyads&limit=20 (the top 20 dyads of all time)", `${server.url}api/top?kind=dyads&limit=20`);
  await load("GET /api/top?kind=actors&limit=20&from=2023-01-01&to=2023-12-31 (the top 20 actors of a year)", `${server.url}api/top?kind=actors&limit=20&from=2023-01-01&to=2023-12-31`);
  // the server keeps answers while the store is unchanged: these ask something new each time, as many analysts at once would
  const fresh = random(11);
  const country = () => COUNTRIES[Math.floor(fresh() * COUNTRIES.length)];
  const year = () => 2000 + Math.floor(fresh() * 25);
  await load("GET /api/series?source=…&target=…&by=month&from=…&to=… (monthly series, each request a new dyad and range: none answered from the cache)", server.url, () => `/api/series?source=${country()}&target=${country()}&by=month&from=${year()}-01-01&to=2024-12-31`);
  await load("GET /api/top?kind=actors&from=…&to=… (top 20 actors of a year's first months, a new range each request)", server.url, () => {
    const y = year();
    return `/api/top?kind=actors&limit=20&from=${y}-01-01&to=${y}-${String(1 + Math.floor(fresh() * 12)).padStart(2, "0")}-${String(1 + Math.floor(fresh() * 28)).padStart(2, "0")}`;
  });
  await load("GET /api/events?limit=25 (the explorer's first page, unfiltered, with its total)", `${server.url}api/events?limit=25`);
  await alone("GET /api/events?sort=-goldstein&limit=25 (every event by Goldstein: no index)", `${server.url}api/events?sort=-goldstein&limit=25`);
  await alone("GET /api/events?sort=code&limit=25 (every event by code)", `${server.url}api/events?sort=code&limit=25`);
  await alone("GET /api/events?source=USA&sort=target&limit=25 (an actor's events by target)", `${server.url}api/events?source=USA&sort=target&limit=25`);
  await alone("GET /api/events?mood=intended&negated=true&limit=25 (a filter no index narrows)", `${server.url}api/events?mood=intended&negated=true&limit=25`);
  await download("GET /api/export?source=USA&target=CHN&format=csv (a dyad's download)", `${server.url}api/export?source=USA&target=CHN&format=csv`);
  await download("GET /api/export?format=jsonl (the whole store's download)", `${server.url}api/export?format=jsonl`);
} finally {
  await server.stop();
}
