/**
 * The comparisons of the aggregates kept at ingest against the scan they
 * replace, on a store of either backend (a file or a postgres:// address):
 * every `stats` and `top` query of a spread of keyed filters, from the
 * aggregates and from the scan (`scanCounts`), and optionally from a SQLite
 * store holding the same events; and the seeded random ingests with
 * replacements, single saves and a recode that exercise the writes.
 */
import assert from "node:assert/strict";
import type { Event, Mood, QuadClass } from "../../src/core/index.js";
import { aggregateStatsQuery, aggregateTopQuery } from "../../src/store/aggregate-reads.js";
import { openStore, type CodedItem, type EventFilter, type Period, type Store } from "../../src/store/index.js";
import { random } from "../../bench/synthetic.js";
import { sqlRows } from "./backends.js";

const PERIODS: Period[] = ["day", "week", "month", "year"];
/** Sums in another order differ in the last bits: compared to a millionth (and -0 is 0). */
const round = (x: number) => Math.round(x * 1e6) / 1e6 + 0;
const rounded = <T extends { goldsteinTotal: number; goldsteinMean: number }>(rows: T[]) => rows.map((r) => ({ ...r, goldsteinTotal: round(r.goldsteinTotal), goldsteinMean: round(r.goldsteinMean) }));

/** Filters on every key the aggregates have, alone and together, built from the codes and dates the store holds. */
export async function keyedFilters(location: string): Promise<EventFilter[]> {
  const column = async (sql: string) => (await sqlRows(location, sql)).map((r) => r.v as string);
  const actors = await column("SELECT DISTINCT source_code AS v FROM events WHERE source_code IS NOT NULL UNION SELECT DISTINCT target_code AS v FROM events WHERE target_code IS NOT NULL ORDER BY 1");
  const codes = await column("SELECT DISTINCT code AS v FROM events ORDER BY 1");
  const dates = await column("SELECT DISTINCT date AS v FROM events WHERE date IS NOT NULL ORDER BY 1");
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

/**
 * Every stats and top query of the filters, from the aggregates and from the
 * scan of the same store: the same rows; and, given `reference` (a store of
 * the same events, SQLite), the same rows as its answers. The number of
 * queries compared.
 */
export async function assertSameAsScan(location: string, label: string, reference?: string): Promise<number> {
  const kept = await openStore(location, { readonly: true });
  const scan = await openStore(location, { readonly: true, scanCounts: true });
  const other = reference ? await openStore(reference, { readonly: true }) : null;
  let compared = 0;
  // the aggregates' rows: those of the scan, and of the reference when there is one
  const same = async <T extends { goldsteinTotal: number; goldsteinMean: number }>(read: (s: Store) => Promise<T[]>, what: string) => {
    const rows = rounded(await read(kept));
    assert.deepEqual(rows, rounded(await read(scan)), `${label}: ${what}`);
    if (other) assert.deepEqual(rows, rounded(await read(other)), `${label}, against ${reference}: ${what}`);
    compared++;
  };
  try {
    for (const filter of await keyedFilters(location)) {
      for (const all of [false, true]) {
        // "not denied" is a key only inside the default count
        const keyed = !(all && filter.negated === false && !filter.counted);
        for (const by of PERIODS) {
          assert.equal(aggregateStatsQuery(filter, { by, all }) !== null, keyed, `${label}: stats of ${JSON.stringify(filter)} is answered from the aggregates`);
          await same((s) => s.stats(filter, { by, all }), `stats by ${by}${all ? ", all" : ""} of ${JSON.stringify(filter)}`);
        }
        for (const kind of ["actors", "dyads"] as const) {
          const options = { kind, all, limit: 100 };
          assert.equal(aggregateTopQuery(filter, options) !== null, keyed, `${label}: top of ${JSON.stringify(filter)} is answered from the aggregates`);
          await same((s) => s.top(filter, options), `top ${kind}${all ? ", all" : ""} of ${JSON.stringify(filter)}`);
          await same((s) => s.top(filter, { kind, all, limit: 3 }), `top 3 ${kind}${all ? ", all" : ""} of ${JSON.stringify(filter)}`);
        }
      }
    }
  } finally {
    await kept.close();
    await scan.close();
    await other?.close();
  }
  return compared;
}

/** The aggregate tables as rows, sorted, their sums rounded (either backend). */
export async function aggregateTables(location: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of ["agg_tuples", "agg_dyads", "agg_actors", "agg_months"]) {
    out[table] = (await sqlRows(location, `SELECT * FROM ${table}`))
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? round(v) : v])))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

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

/**
 * The seeded writes into a new store at `location`: a batch, a batch of
 * replaced, unchanged and new documents, single saves (one with no events),
 * then (after `checkpoint("ingest")`) a recode of every document in batches,
 * as `annals recode` does, then `checkpoint("recode")`. The same seed writes
 * the same documents and events on either backend.
 */
export async function randomIngests(location: string, seed: number, checkpoint: (stage: "ingest" | "recode") => Promise<void>): Promise<void> {
  const next = random(seed);
  const store: Store = await openStore(location);
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
  await checkpoint("ingest");

  const recode = await openStore(location);
  assert.equal(await recode.countStale("v2"), 40);
  for (let page = await recode.staleDocuments("v2", null, 15); page.length; page = await recode.staleDocuments("v2", null, 15)) {
    await recode.saveBatch(page.map((doc) => ({ doc, events: randomItem(next, doc.id, "v2").events })), "v2");
  }
  await recode.close();
  await checkpoint("recode");
}
