/**
 * The same input into a SQLite store and a PostgreSQL store gives the same
 * answers, row for row: the example articles through the real coder
 * (`annals ingest`) and the known events saved directly, then every read the
 * commands and the API make, over a spread of filters, compared whole.
 *
 * Goldstein totals and means are sums of floating-point numbers, which the
 * two engines add in their own order: they are compared to nine decimals
 * (the commands print three). Full-text search is compared on words that are
 * not English stop words; how the two engines' search differs is in
 * test/store-postgres.test.ts.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { runIngest } from "../src/cli/ingest.js";
import { openStore, type EventFilter, type EventKey, type EventRow, type EventSortKey, type Store } from "../src/store/index.js";
import { testPostgres } from "./support/postgres.js";
import { A, B, C } from "./support/known-events.js";
import { collect, rounded, tempDir } from "./support/store.js";

const dir = tempDir();
const EXAMPLES = join(import.meta.dirname, "..", "examples");
const server = await testPostgres();
const quiet = new Writable({ write: (_c, _e, done) => done() });

let sqlite: Store;
let postgres: Store;

before(async () => {
  if (server.skip !== false) return;
  const file = join(dir, "examples.db");
  const address = await server.freshDatabase();
  for (const db of [file, address]) {
    assert.equal(await runIngest([EXAMPLES, "--db", db, "--workers", "1", "--batch", "3"], quiet), 0);
    const store = await openStore(db);
    await store.saveBatch([A, B, C], "known");
    await store.close();
  }
  sqlite = await openStore(file, { readonly: true });
  postgres = await openStore(address, { readonly: true });
});
after(async () => {
  await sqlite?.close();
  await postgres?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Both stores' answers to one read: equal, and not all empty (a comparison of nothing proves nothing). */
async function same<T>(what: string, read: (s: Store) => Promise<T>): Promise<T> {
  const [a, b] = [await read(sqlite), await read(postgres)];
  assert.deepEqual(rounded(b), rounded(a), what);
  return a;
}

const FILTERS: EventFilter[] = [
  {},
  { actor: "CHN" },
  { actor: "RUSGOV" },
  { source: "CHN", target: "RUS" },
  { source: "JPN" },
  { target: "USA" },
  { code: "04" },
  { code: "040" },
  { code: "1" },
  { quad: 4 },
  { plover: "CONSULT" },
  { mood: "asserted" },
  { negated: false },
  { counted: true },
  { from: "2020-02-01", to: "2023-03-16" },
  { dated: false },
  { doc: "b1" },
  { country: "CHE" },
  { place: "geneva" },
  { text: "talks" },
  { text: "seafood Japan" },
  { text: "missiles" },
  { actor: "CHN", code: "04", from: "2020-01-01", text: "talks" },
];

const skip = server.skip;

test("the same input gives the same counts, export rows, documents and events on SQLite and PostgreSQL", { skip }, async () => {
  const counts = await same("counts", (s) => s.counts());
  assert.ok(counts.events > 20, "enough events to compare");
  // a fresh store numbers its events the same on both: the rows are equal field for field, seq included
  const strip = (rows: EventRow[]): EventRow[] => rows.map((r) => ({ ...r, doc_coded_at: typeof r.doc_coded_at }));
  const rows = await same("export rows", async (s) => strip(await collect(s.exportRows())));
  for (const filter of FILTERS) await same(`export ${JSON.stringify(filter)}`, async (s) => strip(await collect(s.exportRows(filter))));
  for (const id of new Set(rows.map((r) => r.doc as string))) await same(`document ${id}`, (s) => s.getDocument(id));
  for (const r of rows.slice(0, 40)) await same(`event ${r.id}`, (s) => s.getEvent(r.id as string));
  await same("no such event", (s) => s.getEvent("none"));
  await same("stale documents", (s) => s.staleDocuments("known", null, 100));
  await same("stale after an id", (s) => s.staleDocuments("known", "sample-003", 2));
  await same("stale count", (s) => s.countStale("known"));
});

test("the same input gives the same query pages, stats, top rows and places on SQLite and PostgreSQL", { skip }, async () => {
  let nonEmpty = 0;
  for (const filter of FILTERS) {
    const f = JSON.stringify(filter);
    const all = await same(`query ${f}`, (s) => s.query(filter, { limit: 1000 }));
    if (all.length) nonEmpty++;
    await same(`query ${f}, a page`, (s) => s.query(filter, { limit: 3, offset: 2 }));
    await same(`count ${f}`, (s) => s.countEvents(filter, 5));
    for (const by of ["day", "week", "month", "year"] as const) {
      for (const all of [false, true]) await same(`stats ${f} by ${by}${all ? ", all" : ""}`, (s) => s.stats(filter, { by, all }));
    }
    for (const kind of ["actors", "dyads"] as const) {
      await same(`top ${kind} ${f}`, (s) => s.top(filter, { kind, limit: 50 }));
      await same(`top ${kind} ${f}, all`, (s) => s.top(filter, { kind, limit: 3, all: true }));
    }
    await same(`locations ${f}`, (s) => s.locations(filter));
    await same(`locations ${f}, all`, (s) => s.locations(filter, { all: true }));
  }
  assert.ok(nonEmpty >= FILTERS.length - 3, "most filters match something");
});

test("keyset pages in every order walk the same events on SQLite and PostgreSQL", { skip }, async () => {
  const sorts: EventSortKey[] = ["date", "goldstein", "source", "target", "code"];
  for (const filter of [{}, { actor: "CHN" }, { dated: true }, { text: "talks" }] as EventFilter[]) {
    for (const by of sorts) {
      for (const desc of [false, true]) {
        const walk = async (s: Store) => {
          const seen: unknown[] = [];
          for (let after: EventKey | null = null; ; ) {
            const page = await s.eventsAfter(filter, { after, limit: 7, sort: { by, desc } });
            seen.push(...page);
            if (page.length < 7) return seen;
            after = page[page.length - 1].key;
          }
        };
        await same(`pages of ${JSON.stringify(filter)} by ${desc ? "-" : ""}${by}`, walk);
      }
    }
  }
});
