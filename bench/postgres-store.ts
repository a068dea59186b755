/**
 * The PostgreSQL side of `npm run bench:store`, beside SQLite's in the same
 * run, when a server can be had (`ANNALS_TEST_POSTGRES`, else one started
 * from the server binaries as the tests start theirs):
 * (a) (in store.bench.ts, through `benchDatabase`) `annals ingest` with 1
 *     and 2 workers into PostgreSQL, and storage alone: the documents and
 *     events of the SQLite ingest written again through the store's own
 *     write path (COPY), in batches of 200;
 * (b) at each synthetic size, the same events as the SQLite part (the same
 *     generator and seed), written with COPY: the store's size per million
 *     events, then the aggregates built from them (as the migration that
 *     adds them does), and the latency of a dyad's monthly series and of the
 *     top 20 dyads, of all time and of one year. With BENCH_STORE_EXPLAIN=1 the
 *     plans of the main queries are printed at each size.
 */
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { EVENT_COLUMNS, openStore, type EventFilter, type Store } from "../src/store/index.js";
import { aggregateStatsQuery, aggregateTopQuery } from "../src/store/aggregate-reads.js";
import { FILL_AGGREGATES_SQL } from "../src/store/aggregates.js";
import { filterCondition } from "../src/store/filters.js";
import { numbered } from "../src/store/postgres/connection.js";
import { PG_DIALECT, PG_PERIOD } from "../src/store/postgres/sql.js";
import { startOwnServer } from "../test/support/postgres-server.js";
import { CODES, COUNTRIES, random, SECTORS } from "./synthetic.js";
import { latency } from "./timing.js";

const QUAD = (root: number) => (root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

let server: Promise<{ address: string } | { why: string }> | null = null;
let databases = 0;

/** A fresh database on the bench's server (`ANNALS_TEST_POSTGRES`, else one started here), or why there is none. */
export async function benchDatabase(): Promise<{ address: string } | { why: string }> {
  const given = process.env.ANNALS_TEST_POSTGRES?.trim();
  server ??= given ? Promise.resolve({ address: given }) : startOwnServer();
  const found = await server;
  if ("why" in found) return found;
  const admin = new pg.Client({ connectionString: found.address });
  await admin.connect();
  const name = `annals_bench_${process.pid}_${databases++}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(found.address);
  url.pathname = `/${name}`;
  return { address: url.toString() };
}

/**
 * `n` synthetic events after `start`, as COPY text, 100,000 a transaction:
 * the generator, seed and draws of store.bench.ts's SQLite insert, so both
 * stores hold the same events; a document per 1,000 events, dated by its first.
 */
async function insertSynthetic(client: pg.Client, start: number, n: number, next: () => number): Promise<void> {
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const actor = (): string[] => {
    const country = pick(COUNTRIES);
    const sector = pick(SECTORS);
    return [country + sector, country, sector, country, country, "0", "3"];
  };
  for (let from = start; from < start + n; from += 100_000) {
    const events: string[] = [];
    const documents: string[] = [];
    for (let i = from; i < Math.min(from + 100_000, start + n); i++) {
      const doc = `doc-${Math.floor(i / 1000)}`;
      const date = new Date(Date.UTC(2000, 0, 1) + Math.floor(next() * 25 * 365) * 86_400_000).toISOString().slice(0, 10);
      if (i % 1000 === 0) documents.push(`${doc}\tx\tbench\t${date}\t\\N\tsynthetic\t2024-01-01\n`);
      const code = pick(CODES);
      const root = code.slice(0, 2);
      const source = actor();
      const target = actor();
      const goldstein = Math.round((next() * 20 - 10) * 10) / 10;
      const negated = next() < 0.05 ? 1 : 0;
      const mood = next() < 0.9 ? "asserted" : "reported";
      const row = [`e${i.toString(16).padStart(15, "0")}`, doc, String(i % 1000), date, ...source, ...target, code, root, String(QUAD(Number(root))), String(goldstein), "NONE", "met", "4", "7", String(negated), mood, "\\N", "\\N", "\\N", "\\N", "\\N", "", "verbs/bench.txt:1", "0.8"];
      events.push(row.join("\t") + "\n");
    }
    await client.query("BEGIN");
    await pipeline(Readable.from(documents), client.query(copyFrom("COPY documents (id, content_hash, dict_version, date, place, text, coded_at) FROM STDIN")));
    await pipeline(Readable.from(chunks(events)), client.query(copyFrom(`COPY events (${EVENT_COLUMNS.join(", ")}) FROM STDIN`)));
    await client.query("COMMIT");
  }
}

/** Lines joined into pieces of about 256 KB. */
function* chunks(lines: string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000).join("");
}

/** The plans PostgreSQL chooses for the main reads at this size (EXPLAIN ANALYZE, buffers). */
async function explain(client: pg.Client): Promise<void> {
  const plans: [string, string, unknown[]][] = [];
  const dyad: EventFilter = { source: "USA", target: "CHN" };
  const add = (name: string, sql: string, params: unknown[]) => plans.push([name, numbered(sql), params]);
  const s = aggregateStatsQuery(dyad, { by: "month" }, PG_PERIOD)!;
  add("monthly series of a dyad (--dyad USA,CHN)", s.sql, s.params);
  for (const [name, filter] of [
    ["query: a dyad of full codes (--dyad USAGOV,CHNMIL)", { source: "USAGOV", target: "CHNMIL" }],
    ["query: an actor on either side (--actor IRN)", { actor: "IRN" }],
    ["query: a CAMEO code and those below (--code 19)", { code: "19" }],
    ["query: a month (--from 2010-03-01 --to 2010-03-31)", { from: "2010-03-01", to: "2010-03-31" }],
  ] as [string, EventFilter][]) {
    const { where, params } = filterCondition(filter, PG_DIALECT);
    add(name, `SELECT e.* FROM events e ${where} ORDER BY e.date NULLS FIRST, e.seq LIMIT 100`, params);
  }
  const t = aggregateTopQuery({ from: "2023-01-01", to: "2023-12-31" }, { kind: "dyads", limit: 20 })!;
  add("top 20 dyads of one year", t.sql, t.params);
  const all = aggregateTopQuery({}, { kind: "dyads", limit: 20 })!;
  add("top 20 dyads of all time", all.sql, all.params);
  for (const [name, sql, params] of plans) {
    const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    console.log(`    EXPLAIN ${name}`);
    for (const row of r.rows) console.log(`      ${row["QUERY PLAN"]}`);
  }
}

/** The aggregates built again from every event, in one transaction (as SQLite's `rebuildAggregates`). */
async function rebuildAggregates(client: pg.Client): Promise<void> {
  await client.query("BEGIN");
  await client.query("DELETE FROM agg_tuples; DELETE FROM agg_dyads; DELETE FROM agg_actors; DELETE FROM agg_months;");
  await client.query(FILL_AGGREGATES_SQL);
  await client.query("COMMIT");
}

/** (b): the synthetic sizes on PostgreSQL. */
export async function postgresQueryBench(address: string, counts: number[]): Promise<void> {
  const store: Store = await openStore(address);
  await store.close();
  const client = new pg.Client({ connectionString: address });
  await client.connect();
  const next = random(42);
  let have = 0;
  try {
    for (const target of [...counts].sort((a, b) => a - b)) {
      const t = performance.now();
      await insertSynthetic(client, have, target - have, next);
      const insertSeconds = (performance.now() - t) / 1000;
      const ta = performance.now();
      await rebuildAggregates(client);
      const aggregateSeconds = (performance.now() - ta) / 1000;
      await client.query("VACUUM ANALYZE");
      have = target;
      const size = Number((await client.query("SELECT pg_database_size(current_database()) AS n")).rows[0].n);
      const dyad: EventFilter = { source: "USA", target: "CHN" };
      const reads: [string, (s: Store) => Promise<unknown>, number][] = [
        ["monthly USA→CHN series", (s) => s.stats(dyad, { by: "month" }), 5],
        ["top 20 dyads, all time ", (s) => s.top({}, { kind: "dyads", limit: 20 }), 2],
        ["monthly series, all    ", (s) => s.stats({}, { by: "month" }), 3],
        ["top 20 dyads, one year ", (s) => s.top({ from: "2023-01-01", to: "2023-12-31" }, { kind: "dyads", limit: 20 }), 3],
      ];
      // each read from the aggregates, then by the scan of the events they replace, on the same database
      const kept = await openStore(address, { readonly: true });
      const scan = await openStore(address, { readonly: true, scanCounts: true });
      const timings = [];
      for (const [name, read, times] of reads) timings.push({ name, times, kept: await latency(() => read(kept), times), scan: await latency(() => read(scan), times) });
      const months = ((await kept.stats(dyad, { by: "month" })) as unknown[]).length;
      await kept.close();
      await scan.close();
      const millions = target / 1e6;
      console.log(`  ${millions} M events        COPY in ${insertSeconds.toFixed(0)} s (${(target / insertSeconds / 1000).toFixed(0)}k/s over this step, indexes kept), aggregates built from them in ${aggregateSeconds.toFixed(0)} s; database ${mb(size)} MB, ${mb(size / millions)} MB per million events`);
      for (const r of timings) {
        console.log(`    ${r.name}  ${r.kept.first.toFixed(0)} ms first, ${r.kept.best.toFixed(0)} ms best of ${r.times}; by scanning the events ${r.scan.first.toFixed(0)} ms first, ${r.scan.best.toFixed(0)} ms best${r.name.startsWith("monthly USA") ? ` (${months} rows)` : ""}`);
      }
      if (process.env.BENCH_STORE_EXPLAIN === "1") await explain(client);
    }
  } finally {
    await client.end();
  }
}

/** Drops the bench's database (the server, when started here, goes at exit). */
export async function dropBenchDatabase(address: string): Promise<void> {
  const url = new URL(address);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
