/**
 * What the explorer asks of the API, over real HTTP on a store of the example
 * articles: the total of a filter (exact up to the server's bound, then "more
 * than"), the five orders with their cursors, the filter for events without
 * a date, and downloads that are byte for byte what `annals export` writes.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { runExport } from "../src/cli/export.js";
import type { Event } from "../src/core/index.js";
import { openStore, type EventFilter, type Store } from "../src/store/index.js";
import type { ApiEvent, EventsResponse } from "../src/serve/api-types.js";
import type { RunningServer } from "../src/serve/server.js";
import { amplify, copyStore, exampleStore, http, testServer, webDir } from "./support/serve.js";
import { collect, tempDir } from "./support/store.js";

const dir = tempDir();
let db: string;
let web: string;
let server: RunningServer;
let store: Store;
let base: string;

before(async () => {
  db = await exampleStore(dir);
  web = webDir(dir);
  server = await testServer(db, web);
  base = server.url;
  store = await openStore(db, { readonly: true });
});
after(async () => {
  await server?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every event of a query through the API, page by page; and the total each page gave. */
async function allPages(query: string, limit: number): Promise<{ events: ApiEvent[]; totals: unknown[] }> {
  const events: ApiEvent[] = [];
  const totals: unknown[] = [];
  for (let cursor: string | null = null; ; ) {
    const r = await http<EventsResponse>(base, `/api/events?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    events.push(...r.body.events);
    totals.push(r.body.total);
    if (r.body.next === null) return { events, totals };
    cursor = r.body.next;
  }
}

/** The events of a filter in insertion order (as `annals export` gives them). */
const inserted = async (filter: EventFilter): Promise<Event[]> => Promise.all((await collect(store.exportRows(filter))).map(async (r) => (await store.getEvent(r.id as string))!.event));

/** What an order should give, worked out here: by the value, ties in insertion order, both reversed by "-"; events without the value last. */
function sorted(events: Event[], sort: string): Event[] {
  const desc = sort.startsWith("-");
  const by = sort.replace(/^-/, "");
  const value = (e: Event): string | number | null => (by === "date" ? e.date : by === "goldstein" ? e.goldstein : by === "code" ? e.code : (e[by as "source" | "target"]?.code ?? null));
  const rows = events.map((e, seq) => ({ e, seq, v: value(e) }));
  const known = rows.filter((r) => r.v !== null).sort((a, b) => (a.v! < b.v! ? -1 : a.v! > b.v! ? 1 : a.seq - b.seq) * (desc ? -1 : 1));
  const unknown = rows.filter((r) => r.v === null).sort((a, b) => (a.seq - b.seq) * (desc ? -1 : 1));
  return [...known, ...unknown].map((r) => r.e);
}

const ids = (events: { id: string }[]) => events.map((e) => e.id);
const SORTS = ["date", "-date", "goldstein", "-goldstein", "source", "-source", "target", "-target", "code", "-code"];

test("events: the total of the filter on every page, exact under the bound", async () => {
  const cases: [string, EventFilter][] = [
    ["", {}],
    ["source=JPN", { source: "JPN" }],
    ["actor=CHN&quad=1", { actor: "CHN", quad: 1 }],
    ["dated=false", { dated: false }],
    ["code=04", { code: "04" }],
    ["actor=XYZ", { actor: "XYZ" }],
  ];
  for (const [query, filter] of cases) {
    const n = (await inserted(filter)).length;
    const { events, totals } = await allPages(query, 4);
    assert.equal(events.length, n, query);
    for (const t of totals) assert.deepEqual(t, { count: n, exact: true }, `${query}: the same total on every page`);
  }
});

test("events: past the server's bound the total is 'more than' the bound, and counting stops there", async () => {
  const bounded = await testServer(db, web, { limits: { eventsTotal: 10 } });
  try {
    const all = (await inserted({})).length;
    assert.ok(all > 11);
    const more = await http<EventsResponse>(bounded.url, "/api/events?limit=3");
    assert.deepEqual(more.body.total, { count: 10, exact: false });
    const some = (await inserted({ source: "JPN" })).length;
    assert.ok(some <= 10, "the example articles have at most 10 events with a Japanese source");
    assert.deepEqual((await http<EventsResponse>(bounded.url, "/api/events?source=JPN")).body.total, { count: some, exact: true });
  } finally {
    await bounded.close();
  }
});

test("events: every order, paged with its cursor, gives every event once in that order; unknown values last", async () => {
  const all = await inserted({});
  // (events without a source or target, which the examples do not have, are paged in test/store-reads.test.ts)
  assert.ok(all.some((e) => e.date === null), "the examples have events without a date");
  for (const sort of SORTS) {
    const want = ids(sorted(all, sort));
    for (const limit of [1, 7, 50]) {
      const { events } = await allPages(`sort=${sort}`, limit);
      assert.deepEqual(ids(events), want, `sort=${sort}, limit ${limit}`);
    }
  }
  // a filter with an order
  const jpn = await allPages("actor=JPN&sort=-goldstein", 2);
  assert.deepEqual(ids(jpn.events), ids(sorted(await inserted({ actor: "JPN" }), "-goldstein")));
  // by date unless told: events without a date after every dated one
  const plain = (await http<EventsResponse>(base, "/api/events?limit=500")).body.events;
  assert.deepEqual(ids(plain), ids(sorted(all, "date")));
  const firstUndated = plain.findIndex((e) => e.date === null);
  assert.ok(firstUndated > 0 && plain.slice(firstUndated).every((e) => e.date === null));
});

test("events: dated=false gives only the events without a date, dated=true only the others", async () => {
  const all = await inserted({});
  const undated = await allPages("dated=false", 5);
  assert.deepEqual(ids(undated.events), ids(all.filter((e) => e.date === null)));
  const dated = await allPages("dated=true&sort=-date", 5);
  assert.deepEqual(ids(dated.events), ids(sorted(all.filter((e) => e.date !== null), "-date")));
  assert.equal((await http(base, "/api/series?dated=false")).body.rows.length, 0, "the series count dated events only");
  assert.deepEqual((await http(base, "/api/top?dated=false&all=true")).body.rows, await store.top({ dated: false }, { kind: "actors", limit: 20, all: true }));
});

test("events: a cursor is good for its own order only; a bad sort is a 400 naming it", async () => {
  const page = await http<EventsResponse>(base, "/api/events?sort=goldstein&limit=3");
  const other = await http(base, `/api/events?sort=date&limit=3&cursor=${page.body.next}`);
  assert.equal(other.status, 400);
  assert.equal(other.body.error, "cursor is for events sorted by goldstein, not date: give the sort of the page it came from, or start again without a cursor");
  assert.equal((await http(base, `/api/events?limit=3&cursor=${page.body.next}`)).status, 400, "no sort is by date");
  assert.equal((await http(base, `/api/events?sort=goldstein&limit=3&cursor=${page.body.next}`)).status, 200);
  const bad: [string, RegExp][] = [
    ["/api/events?sort=colour", /^sort must be one of date, -date, goldstein, -goldstein, source, -source, target, -target, code, -code, not "colour"$/],
    ["/api/events?sort=date&sort=code", /parameter "sort" is given twice/],
    ["/api/events?dated=maybe", /^dated must be true or false, not "maybe"$/],
    // a cursor of the old form (date, seq) or with a value its order cannot have
    [`/api/events?cursor=${Buffer.from(JSON.stringify(["2023-01-01", 4])).toString("base64url")}`, /is not a cursor this server gave/],
    [`/api/events?sort=goldstein&cursor=${Buffer.from(JSON.stringify(["goldstein", "high", 4])).toString("base64url")}`, /is not a cursor this server gave/],
    [`/api/events?sort=-date&cursor=${Buffer.from(JSON.stringify(["-date", "2023-13", 4])).toString("base64url")}`, /is not a cursor this server gave/],
    [`/api/events?sort=code&cursor=${Buffer.from(JSON.stringify(["code", null, 4])).toString("base64url")}`, /is not a cursor this server gave/],
  ];
  for (const [path, message] of bad) {
    const r = await http(base, path);
    assert.equal(r.status, 400, path);
    assert.match(r.body.error, message, path);
  }
});

/** What `annals export` writes for these arguments, as text. */
async function cliExport(args: string[]): Promise<string> {
  const chunks: Buffer[] = [];
  const out = new Writable({ write: (c, _e, done) => (chunks.push(Buffer.from(c)), done()) });
  assert.equal(await runExport(["--db", db, ...args], out), 0);
  return Buffer.concat(chunks).toString("utf8");
}

test("export: the file of each format is byte for byte what annals export writes for the same filter", async () => {
  const cases: [string, string[]][] = [
    ["", []],
    ["source=JPN", ["--dyad", "JPN,"]],
    ["actor=KOR&code=04", ["--actor", "KOR", "--code", "04"]],
    ["source=KOR&target=JPN&from=2023-01-01&to=2023-12-31", ["--dyad", "KOR,JPN", "--from", "2023-01-01", "--to", "2023-12-31"]],
    ["mood=intended&negated=false", ["--mood", "intended", "--negated", "no"]],
    ["text=talks", ["--text", "talks"]],
    ["actor=XYZ", ["--actor", "XYZ"]],
  ];
  const types = { jsonl: "application/x-ndjson; charset=utf-8", csv: "text/csv; charset=utf-8", gdelt: "text/tab-separated-values; charset=utf-8" };
  const files = { jsonl: "annals-events.jsonl", csv: "annals-events.csv", gdelt: "annals-events-gdelt.tsv" };
  for (const [query, args] of cases) {
    for (const format of ["jsonl", "csv", "gdelt"] as const) {
      const r = await http(base, `/api/export?${query}&format=${format}`);
      assert.equal(r.status, 200, `${query} ${format}: ${r.body}`);
      assert.equal(r.headers.get("content-type"), types[format]);
      assert.equal(r.headers.get("content-disposition"), `attachment; filename="${files[format]}"`);
      const want = await cliExport(["--format", format, ...args]);
      assert.equal(r.body, want, `${query} as ${format}`);
      if (query === "") assert.ok(want.split("\n").length > 30, "the whole store is many lines");
    }
  }
  assert.equal((await http(base, "/api/export")).body, await cliExport([]), "JSON Lines unless told");
  // the API's own filters (no command-line flag) narrow the file as they narrow the list
  const undated = (await http(base, "/api/export?dated=false&format=jsonl")).body as string;
  assert.deepEqual(undated.trim().split("\n").map((l) => JSON.parse(l).id), ids(await inserted({ dated: false })));
});

test("export: a bad format or parameter is a 400 naming it", async () => {
  for (const [path, message] of [
    ["/api/export?format=parquet", /^format must be one of jsonl, csv, gdelt, not "parquet"$/],
    ["/api/export?format=csv&sort=date", /unknown parameter "sort"/],
    ["/api/export?quad=7", /quad must be 1, 2, 3 or 4/],
  ] as const) {
    const r = await http(base, path);
    assert.equal(r.status, 400, path);
    assert.match(r.body.error, message);
  }
});

test("export: a large download streams while the server answers; past the limit of downloads at once, a 429; a client that leaves frees its place", async () => {
  const path = copyStore(db, join(dir, "big.db"));
  const events = amplify(path, 3000);
  const big = await testServer(path, web, { limits: { exports: 1 } });
  try {
    const first = await fetch(new URL("/api/export?format=csv", big.url));
    assert.equal(first.status, 200);
    const reader = first.body!.getReader();
    const start = await reader.read();
    assert.ok(start.value && start.value.byteLength > 0);
    // the first download is under way (its client reads no further): a second is refused at once
    const second = await http(big.url, "/api/export?format=jsonl");
    assert.equal(second.status, 429);
    assert.equal(second.headers.get("retry-after"), "5");
    assert.match(second.body.error, /^1 download is under way, as many as the server streams at once: try again when one has ended$/);
    assert.equal((await http(big.url, "/api/events?limit=2")).status, 200, "reads go on");
    // the first client goes away: its place is given back
    await reader.cancel();
    let third;
    for (let i = 0; i < 100; i++) {
      third = await fetch(new URL("/api/export?format=gdelt&actor=JPN", big.url));
      if (third.status === 200) break;
      await third.text();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(third!.status, 200);
    const lines = (await third!.text()).split("\n").length - 1;
    const check = await openStore(path, { readonly: true });
    assert.equal(lines, (await check.countEvents({ actor: "JPN" }, events)).count);
    await check.close();
  } finally {
    await big.close();
  }
});
