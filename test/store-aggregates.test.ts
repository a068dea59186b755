/**
 * The aggregates kept at ingest against the scan they replace: every `stats`
 * and `top` query the aggregates answer must give the rows the scan of the
 * events gives, on the examples coded by the real coder with the known
 * events, after seeded random ingests with replacements and a recode, and on
 * a store of the previous schema once it is opened for writing.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Event, Mood, QuadClass } from "../src/core/index.js";
import { aggregateStatsQuery, aggregateTopQuery } from "../src/store/aggregate-reads.js";
import { rebuildAggregates } from "../src/store/aggregates.js";
import { openStore, type CodedItem, type EventFilter, type Period, type Store } from "../src/store/index.js";
import { random } from "../bench/synthetic.js";
import { A, B, C } from "./support/known-events.js";
import { exampleStore } from "./support/serve.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

const PERIODS: Period[] = ["day", "week", "month", "year"];
/** Sums in another order differ in the last bits: compared to a millionth (and -0 is 0). */
const round = (x: number) => Math.round(x * 1e6) / 1e6 + 0;
const rounded = <T extends { goldsteinTotal: number; goldsteinMean: number }>(rows: T[]) => rows.map((r) => ({ ...r, goldsteinTotal: round(r.goldsteinTotal), goldsteinMean: round(r.goldsteinMean) }));

/** Filters on every key the aggregates have, alone and together, built from the codes and dates the store holds. */
function keyedFilters(path: string): EventFilter[] {
  const db = new Database(path, { readonly: true });
  const column = (sql: string) => db.prepare(sql).pluck().all() as string[];
  const actors = column("SELECT DISTINCT source_code FROM events WHERE source_code IS NOT NULL UNION SELECT DISTINCT target_code FROM events WHERE target_code IS NOT NULL ORDER BY 1");
  const codes = column("SELECT DISTINCT code FROM events ORDER BY 1");
  const dates = column("SELECT DISTINCT date FROM events WHERE date IS NOT NULL ORDER BY 1");
  db.close();
  const prefixes = [...new Set([...actors, ...actors.map((a) => a.slice(0, 3)), ...actors.map((a) => a.slice(0, 1))])].slice(0, 24);
  const roots = [...new Set(codes.map((c) => c.slice(0, 2)))];
  const first = dates[0];
  const last = dates[dates.length - 1];
  const mid = dates[Math.floor(dates.length / 2)];
  const monthStart = (d: string) => d.slice(0, 7) + "-01";
  const monthEnd = (d: string) => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const filters: EventFilter[] = [{}, { counted: true }, { negated: false }, { dated: true }, { dated: false }, { quad: 1 }, { quad: 3 }, { quad: 4 }];
  for (const p of prefixes) filters.push({ actor: p }, { source: p }, { target: p.toLowerCase() });
  for (let i = 0; i + 1 < prefixes.length; i += 3) filters.push({ source: prefixes[i], target: prefixes[i + 1] }, { actor: prefixes[i + 1], quad: 1 });
  for (const c of [...roots, ...codes.slice(0, 12), ...codes.filter((c) => c.length === 4).map((c) => c.slice(0, 3))]) filters.push({ code: c });
  filters.push(
    { from: monthStart(mid) },
    { to: monthEnd(mid) },
    { from: monthStart(first), to: monthEnd(mid) },
    { from: mid },
    { to: mid },
    { from: first, to: mid },
    { from: mid, to: last, quad: 1 },
    { from: monthStart(mid), to: monthEnd(last), code: roots[0] },
    { actor: prefixes[0], from: mid },
    { source: prefixes[1], code: roots[roots.length - 1], to: last },
    { target: prefixes[2], dated: true, counted: true },
  );
  return filters;
}

/** Every stats and top query of the filters, from the aggregates and from the scan: the same rows. */
async function assertSameAsScan(path: string, label: string): Promise<number> {
  const kept = await openStore(path, { readonly: true });
  const scan = await openStore(path, { readonly: true, scanCounts: true });
  let compared = 0;
  try {
    for (const filter of keyedFilters(path)) {
      for (const all of [false, true]) {
        // "not denied" is a key only inside the default count
        const keyed = !(all && filter.negated === false && !filter.counted);
        for (const by of PERIODS) {
          assert.equal(aggregateStatsQuery(filter, { by, all }) !== null, keyed, `${label}: stats of ${JSON.stringify(filter)} is answered from the aggregates`);
          assert.deepEqual(rounded(await kept.stats(filter, { by, all })), rounded(await scan.stats(filter, { by, all })), `${label}: stats by ${by}${all ? ", all" : ""} of ${JSON.stringify(filter)}`);
          compared++;
        }
        for (const kind of ["actors", "dyads"] as const) {
          const options = { kind, all, limit: 100 };
          assert.equal(aggregateTopQuery(filter, options) !== null, keyed, `${label}: top of ${JSON.stringify(filter)} is answered from the aggregates`);
          assert.deepEqual(rounded(await kept.top(filter, options)), rounded(await scan.top(filter, options)), `${label}: top ${kind}${all ? ", all" : ""} of ${JSON.stringify(filter)}`);
          assert.deepEqual(rounded(await kept.top(filter, { kind, all, limit: 3 })), rounded(await scan.top(filter, { kind, all, limit: 3 })), `${label}: top 3 ${kind} of ${JSON.stringify(filter)}`);
          compared += 2;
        }
      }
    }
  } finally {
    await kept.close();
    await scan.close();
  }
  return compared;
}

/** The aggregate tables as rows, sorted, their sums rounded. */
function aggregateTables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  const out: Record<string, unknown[]> = {};
  for (const table of ["agg_tuples", "agg_dyads", "agg_actors", "agg_months"]) {
    out[table] = (db.prepare(`SELECT * FROM ${table}`).all() as Record<string, number | string>[])
      .map((r) => ({ ...r, goldstein: round(r.goldstein as number), counted_goldstein: round(r.counted_goldstein as number) }))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  db.close();
  return out;
}

test("aggregates equal the scan on the examples coded by the real coder and the known events", async () => {
  const path = await exampleStore(dir, "examples-known.db");
  const store = await openStore(path);
  await store.saveBatch([A, B, C], "v1");
  const events = (await store.counts()).events;
  await store.close();
  assert.ok(events > 40, `the store holds the examples' events and the known ones (${events})`);
  const compared = await assertSameAsScan(path, "examples");
  assert.ok(compared > 1000, `${compared} queries compared`);

  // a filter the aggregates do not key is left to the scan
  for (const f of [{ text: "talks" }, { mood: "intended" as Mood }, { plover: "CONSULT" }, { doc: "a1" }, { country: "JPN" }, { place: "Tokyo" }, { negated: true }]) {
    assert.equal(aggregateStatsQuery(f, { by: "month" }), null, JSON.stringify(f));
    assert.equal(aggregateTopQuery(f, { kind: "dyads" }), null, JSON.stringify(f));
  }
  assert.equal(aggregateTopQuery({ negated: false }, { kind: "dyads", all: true }), null, "every event, then not denied: not a key");
});

// random documents over few actors, codes and dates, so tuples repeat across reports, documents and batches
const ACTORS: (string | null)[] = ["CHN", "CHNGOV", "CHNMIL", "RUS", "RUSGOV", "USA", "USAGOV", "IRN", "COP", null];
const CODES = ["040", "042", "043", "0431", "036", "111", "112", "057", "173", "190"];
const QUAD: Record<string, QuadClass> = { "04": 1, "03": 1, "05": 1, "11": 3, "17": 4, "19": 4 };
const DATES = ["2021-01-30", "2021-01-31", "2021-02-01", "2021-02-14", "2021-03-01", "2021-03-31", "2021-12-27", "2022-01-02", null];
const MOODS: Mood[] = ["asserted", "asserted", "asserted", "intended", "hypothetical", "reported-past"];

function randomItem(next: () => number, id: string, version: string): CodedItem {
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const n = Math.floor(next() * 6);
  const date = pick(DATES);
  const events: Event[] = [];
  for (let i = 0; i < n; i++) {
    const code = pick(CODES);
    const side = (c: string | null, start: number) => (c ? { text: c, start, end: start + 3, code: c, country: c.slice(0, 3), sectors: [], name: c } : null);
    const mood = pick(MOODS);
    events.push({
      id: `${id}-${version}-${i}`, doc: id, sentence: i, date: next() < 0.7 ? date : pick(DATES),
      source: side(pick(ACTORS), 0), target: side(pick(ACTORS), 10),
      code, root: code.slice(0, 2), quad: QUAD[code.slice(0, 2)],
      // a recode may give a code another Goldstein score
      goldstein: (version === "v2" ? 0.5 : 0) + ((Number(code) % 17) - 8) / 10 * 3,
      plover: "CONSULT", verb: { text: "met", start: 4, end: 7 }, negated: next() < 0.2, mood,
      intendedCode: mood === "intended" && next() < 0.5 ? "042" : null,
      location: null, issues: [], text: `Sentence ${i} of ${id}.`, rule: "verbs/test.txt:1", confidence: 0.8,
    });
  }
  // the same event twice in a document is stored once
  if (events.length && next() < 0.2) events.push(events[0]);
  return { doc: { id, text: `Text of ${id}, ${version}, ${next()}`, date, place: null }, events };
}

test("aggregates equal the scan after seeded random ingests with replacements, single saves and a recode", async () => {
  for (const seed of [1, 2, 3]) {
    const next = random(seed);
    const path = join(dir, `random-${seed}.db`);
    const store: Store = await openStore(path);
    const ids = Array.from({ length: 40 }, (_, i) => `doc-${i}`);
    const first = ids.slice(0, 30).map((id) => randomItem(next, id, "v1"));
    await store.saveBatch(first, "v1");
    // new text for some stored documents (replaced), the same for others (unchanged), and new ones
    const counts = await store.saveBatch([...ids.slice(20, 25).map((id) => randomItem(next, id, "v1")), ...first.slice(25, 30), ...ids.slice(30, 40).map((id) => randomItem(next, id, "v1"))], "v1");
    assert.deepEqual([counts.added, counts.replaced, counts.unchanged], [10, 5, 5]);
    for (const id of ids.slice(0, 5)) {
      const item = randomItem(next, id, "v1");
      await store.saveDocument(item.doc, item.events, "v1");
    }
    await store.saveDocument({ id: "doc-5", text: "Nothing happened.", date: null, place: null }, [], "v1");
    await store.close();
    await assertSameAsScan(path, `seed ${seed}, ingest`);

    // recode: every stored document coded again with other dictionaries, in batches, as `annals recode` does
    const recode = await openStore(path);
    assert.equal(await recode.countStale("v2"), 40);
    for (let page = await recode.staleDocuments("v2", null, 15); page.length; page = await recode.staleDocuments("v2", null, 15)) {
      await recode.saveBatch(page.map((doc) => ({ doc, events: randomItem(next, doc.id, "v2").events })), "v2");
    }
    await recode.close();
    await assertSameAsScan(path, `seed ${seed}, recode`);

    // what the writes kept is what a fill from the events builds: no row left without events, no tuple miscounted
    const rebuilt = join(dir, `random-${seed}-rebuilt.db`);
    copyFileSync(path, rebuilt);
    const db = new Database(rebuilt);
    rebuildAggregates(db);
    db.close();
    assert.deepEqual(aggregateTables(path), aggregateTables(rebuilt), `seed ${seed}: kept aggregates equal a rebuild`);
  }
});

test("a store of the previous schema gets its aggregates from its events when opened for writing", async () => {
  const path = await exampleStore(dir, "schema4.db");
  const store = await openStore(path);
  await store.saveBatch([A, B, C], "v1");
  await store.close();
  // schema 5 only adds the aggregate tables: without them (and its record) the file is the schema-4 store
  const db = new Database(path);
  db.exec("DROP TABLE agg_tuples; DROP TABLE agg_dyads; DROP TABLE agg_actors; DROP TABLE agg_months; DELETE FROM schema_version WHERE version = 5;");
  db.close();
  await assert.rejects(openStore(path, { readonly: true }), /has schema 4, older than this annals' 5/);
  await (await openStore(path)).close();
  assert.ok((await assertSameAsScan(path, "migrated")) > 1000);
  const check = new Database(path, { readonly: true });
  assert.equal(check.prepare("SELECT sum(events) FROM agg_tuples").pluck().get(), check.prepare("SELECT count(*) FROM events").pluck().get());
  check.close();
});
