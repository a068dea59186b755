/**
 * The read side of the HTTP API over real HTTP (127.0.0.1, port 0), on a
 * store of the example articles coded by the real coder: every filter and
 * paging against `Store.query`, every count against `Store.stats`/`top`/
 * `locations`, documents, sentence offsets, parameter errors.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { countsAsEvent } from "../src/core/index.js";
import { openStore, type EventFilter, type Store } from "../src/store/index.js";
import type { ApiEvent, EventsResponse } from "../src/serve/api-types.js";
import type { RunningServer } from "../src/serve/server.js";
import { EXAMPLES, exampleStore, http, testServer, webDir } from "./support/serve.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
let server: RunningServer;
let store: Store;
let base: string;

before(async () => {
  const db = await exampleStore(dir);
  server = await testServer(db, webDir(dir));
  base = server.url;
  store = await openStore(db, { readonly: true });
});
after(async () => {
  await server?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every event of a filter through the API, following `next` page by page. */
async function allPages(query: string, limit: number): Promise<{ events: ApiEvent[]; pages: number }> {
  const events: ApiEvent[] = [];
  let pages = 0;
  for (let cursor: string | null = null; ; ) {
    const r = await http<EventsResponse>(base, `/api/events?${query}${query ? "&" : ""}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.events.length <= limit);
    events.push(...r.body.events);
    pages++;
    if (r.body.next === null) return { events, pages };
    assert.equal(r.body.events.length, limit, "only the last page is short");
    cursor = r.body.next;
  }
}

const ids = (events: { id: string }[]) => events.map((e) => e.id);
/** `Store.query`'s order (date, then insertion; unknown dates first) as the API gives it: unknown dates last. */
const datesLast = <E extends { date: string | null }>(events: E[]) => [...events.filter((e) => e.date !== null), ...events.filter((e) => e.date === null)];
const withoutStart = ({ sentenceStart: _, ...e }: ApiEvent) => e;

test("health: the store's counts, writes off without a token", async () => {
  const r = await http(base, "/api/health");
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { ok: true, annals: r.body.annals, counts: await store.counts(), stale: false, writes: false });
  assert.ok((await store.counts()).events > 30, "the examples give events");
});

test("events: cursor paging gives every event exactly once, by date with unknown dates last", async () => {
  const all = datesLast(await store.query({}, { limit: 10_000 }));
  for (const limit of [1, 7, 50, 500]) {
    const { events, pages } = await allPages("", limit);
    assert.deepEqual(ids(events), ids(all), `limit ${limit}`);
    assert.equal(new Set(ids(events)).size, events.length);
    assert.equal(pages, Math.max(1, Math.ceil(all.length / limit)));
    assert.deepEqual(events.map(withoutStart), all, "the event records exactly as stored");
  }
  assert.ok(all.some((e) => e.date === null) && all.some((e) => e.date !== null), "pages cross from known dates to unknown ones");
  const first = await http<EventsResponse>(base, "/api/events");
  assert.equal(first.body.events.length, Math.min(50, all.length), "50 by default");
});

test("events: every filter parameter gives what Store.query gives for it, paged", async () => {
  const all = await store.query({}, { limit: 10_000 });
  const tokyo = all.find((e) => e.location?.name === "Tokyo")!;
  const word = tokyo.text.split(/\W+/).find((w) => w.length > 6)!;
  const cases: [string, EventFilter, (e: ApiEvent) => boolean][] = [
    ["actor=jpn", { actor: "JPN" }, (e) => [e.source?.code, e.target?.code].some((c) => c?.startsWith("JPN"))],
    ["source=KORGOV", { source: "KORGOV" }, (e) => e.source?.code === "KORGOV"],
    ["target=JPN", { target: "JPN" }, (e) => e.target!.code.startsWith("JPN")],
    ["source=KOR&target=JPN", { source: "KOR", target: "JPN" }, (e) => e.source!.code.startsWith("KOR") && e.target!.code.startsWith("JPN")],
    ["code=04", { code: "04" }, (e) => e.root === "04"],
    ["code=040", { code: "040" }, (e) => e.code.startsWith("040")],
    ["quad=4", { quad: 4 }, (e) => e.quad === 4],
    ["plover=consult", { plover: "CONSULT" }, (e) => e.plover === "CONSULT"],
    ["mood=intended", { mood: "intended" }, (e) => e.mood === "intended"],
    ["negated=false", { negated: false }, (e) => !e.negated],
    ["negated=true", { negated: true }, (e) => e.negated],
    ["counted=true", { counted: true }, (e) => countsAsEvent(e)],
    ["from=2023-01-01", { from: "2023-01-01" }, (e) => e.date! >= "2023-01-01"],
    ["to=2022-12-31", { to: "2022-12-31" }, (e) => e.date! <= "2022-12-31"],
    ["from=2023-03-01&to=2023-03-31", { from: "2023-03-01", to: "2023-03-31" }, (e) => e.date!.startsWith("2023-03")],
    [`text=${encodeURIComponent(word)}`, { text: word }, (e) => e.text.toLowerCase().includes(word.toLowerCase().slice(0, 5))],
    [`doc=${tokyo.doc}`, { doc: tokyo.doc }, (e) => e.doc === tokyo.doc],
    ["actor=&quad=", {}, () => true],
    ["source=JPN&quad=1&from=2023-01-01&mood=asserted", { source: "JPN", quad: 1, from: "2023-01-01", mood: "asserted" }, (e) => e.source!.code.startsWith("JPN") && e.quad === 1],
  ];
  for (const [query, filter, holds] of cases) {
    const expected = datesLast(await store.query(filter, { limit: 10_000 }));
    const { events } = await allPages(query, 3);
    assert.deepEqual(ids(events), ids(expected), query);
    assert.ok(events.every(holds), `every event of ${query} matches it`);
    if (query !== "negated=true") assert.ok(events.length > 0, `${query} finds events in the examples`);
    if (!query.startsWith("actor=&") && query !== "negated=false") assert.ok(events.length < all.length, `${query} narrows`);
  }
});

test("events: a cursor keeps its place when given again, and one event by id", async () => {
  const page = await http<EventsResponse>(base, "/api/events?limit=5");
  const again = await http<EventsResponse>(base, `/api/events?limit=5&cursor=${page.body.next}`);
  const twice = await http<EventsResponse>(base, `/api/events?limit=5&cursor=${page.body.next}`);
  assert.deepEqual(twice.body, again.body);
  assert.deepEqual(ids(again.body.events), ids(datesLast(await store.query({}, { limit: 10_000 })).slice(5, 10)));
  const one = page.body.events[3];
  const r = await http(base, `/api/events/${encodeURIComponent(one.id)}`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { event: one });
  const missing = await http(base, "/api/events/no-such-event");
  assert.equal(missing.status, 404);
  assert.match(missing.body.error, /no event with id "no-such-event"/);
});

test("events: sentenceStart places every span of the sentence, for every event", async () => {
  const { events } = await allPages("", 500);
  for (const e of events) {
    assert.equal(typeof e.sentenceStart, "number", e.id);
    const s = e.sentenceStart!;
    assert.equal(e.text.slice(e.verb.start - s, e.verb.end - s), e.verb.text, `${e.id}: verb`);
    for (const a of [e.source, e.target]) {
      // an actor found by coreference may stand in an earlier sentence: only spans inside the sentence are checked here
      if (a && a.start >= s && a.end <= s + e.text.length) assert.equal(e.text.slice(a.start - s, a.end - s), a.text, `${e.id}: ${a.code}`);
    }
  }
  const sample = events.find((e) => e.sentenceStart! > 0)!;
  assert.ok(sample, "some sentence is not the first of its document");
});

test("documents: the text, the sentences with events and every event; 404 for an unknown id", async () => {
  const tokyoFile = readFileSync(join(EXAMPLES, "tokyo-summit-2023-03-16.txt"), "utf8");
  const tokyo = (await store.query({ text: "Kishida" }, { limit: 1 }))[0];
  const r = await http(base, `/api/documents/${encodeURIComponent(tokyo.doc)}`);
  assert.equal(r.status, 200);
  const { document, sentences, events } = r.body;
  assert.equal(document.id, tokyo.doc);
  assert.equal(document.date, "2023-03-16");
  assert.equal(document.place, "Tokyo");
  assert.equal(document.text, tokyoFile.split("\n").slice(1).join("\n"), "the article after its dateline");
  const expected = await store.query({ doc: tokyo.doc }, { limit: 1000 });
  assert.deepEqual(ids(events).sort(), ids(expected).sort());
  assert.deepEqual(sentences.map((s: { idx: number }) => s.idx), [...new Set(expected.map((e) => e.sentence))].sort((a, b) => a - b));
  for (const e of events as ApiEvent[]) {
    assert.equal(sentences.find((s: { idx: number }) => s.idx === e.sentence).text, e.text);
    assert.equal(document.text.slice(e.sentenceStart!, e.sentenceStart! + e.text.length), e.text, "the sentence stands at sentenceStart in the document");
    assert.equal(document.text.slice(e.verb.start, e.verb.end), e.verb.text);
  }
  const missing = await http(base, "/api/documents/nope");
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, { error: 'no document with id "nope"' });
});

test("series, top and locations: the numbers of Store.stats, top and locations on the same filter", async () => {
  const filters: [string, EventFilter][] = [
    ["", {}],
    ["source=JPN&target=KOR", { source: "JPN", target: "KOR" }],
    ["actor=CHN&from=2022-01-01", { actor: "CHN", from: "2022-01-01" }],
    ["quad=1", { quad: 1 }],
    ["mood=intended&all=true", { mood: "intended" }],
  ];
  for (const [q, filter] of filters) {
    const all = q.includes("all=true");
    for (const by of ["day", "week", "month", "year"] as const) {
      const r = await http(base, `/api/series?${q}&by=${by}`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { by, rows: await store.stats(filter, { by, all }) }, `series ${q} by ${by}`);
    }
    const month = await http(base, `/api/series?${q}`);
    assert.equal(month.body.by, "month", "by month unless told");
    for (const kind of ["actors", "dyads"] as const) {
      const r = await http(base, `/api/top?${q}&kind=${kind}&limit=7`);
      assert.deepEqual(r.body, { kind, rows: await store.top(filter, { kind, limit: 7, all }) }, `top ${kind} ${q}`);
    }
    const top = await http(base, `/api/top?${q}`);
    assert.deepEqual(top.body, { kind: "actors", rows: await store.top(filter, { kind: "actors", limit: 20, all }) });
    const places = await http(base, `/api/locations?${q}`);
    assert.deepEqual(places.body, { rows: await store.locations(filter, { all }) }, `locations ${q}`);
  }
  // locations counted again here from the events themselves: those that count (asserted, non-negated, or stated acts), grouped by place
  const byPlace = new Map<string, { country: string | null; name: string; lat: number | null; lon: number | null; events: number; total: number }>();
  for (const e of await store.query({ counted: true }, { limit: 10_000 })) {
    if (!e.location) continue;
    const key = JSON.stringify(e.location);
    const p = byPlace.get(key) ?? { ...e.location, events: 0, total: 0 };
    p.events++;
    p.total += e.goldstein;
    byPlace.set(key, p);
  }
  const counted = (await http(base, "/api/locations")).body.rows as { name: string; country: string | null; lat: number | null; lon: number | null; events: number; goldsteinMean: number }[];
  assert.equal(counted.length, byPlace.size);
  for (const row of counted) {
    const p = byPlace.get(JSON.stringify({ name: row.name, country: row.country, lat: row.lat, lon: row.lon }))!;
    assert.equal(row.events, p.events, row.name);
    assert.ok(Math.abs(row.goldsteinMean - p.total / p.events) < 1e-9, row.name);
  }
  assert.deepEqual(counted.map((r) => r.events), counted.map((r) => r.events).sort((a, b) => b - a), "most events first");
  const series = (await http(base, "/api/series?by=year")).body.rows;
  assert.ok(series.length > 1 && series.every((r: { events: number }) => r.events > 0));
  const places = (await http(base, "/api/locations")).body.rows;
  const tokyo = places.find((p: { name: string }) => p.name === "Tokyo");
  assert.equal(tokyo.country, "JPN");
  assert.equal(tokyo.events, (await store.query({ doc: (await store.query({ text: "Kishida" }, { limit: 1 }))[0].doc, counted: true }, { limit: 1000 })).filter((e) => e.location?.name === "Tokyo").length);
});

test("a bad parameter is a 400 naming it", async () => {
  const bad: [string, RegExp][] = [
    ["/api/events?quad=9", /quad must be 1, 2, 3 or 4, not "9"/],
    ["/api/events?mood=sad", /mood must be one of/],
    ["/api/events?negated=maybe", /negated must be true or false/],
    ["/api/events?from=2023-02-30", /from "2023-02-30" is not a real date/],
    ["/api/events?to=yesterday", /to "yesterday" is not a real date/],
    ["/api/events?from=2024-01-02&to=2024-01-01", /from 2024-01-02 is after to 2024-01-01/],
    ["/api/events?actor=C-N", /actor "C-N" is not an actor code/],
    ["/api/events?source=%27;DROP", /source .* is not an actor code/],
    ["/api/events?code=4", /code "4" must be a CAMEO root/],
    ["/api/events?plover=1", /plover "1" is not a PLOVER category/],
    ["/api/events?text=" + "x".repeat(501), /text is longer than 500/],
    ["/api/events?limit=0", /limit must be a whole number from 1 to 500/],
    ["/api/events?limit=501", /limit must be a whole number from 1 to 500, not "501"/],
    ["/api/events?limit=ten", /limit must be a whole number/],
    ["/api/events?cursor=bm9wZQ", /cursor "bm9wZQ" is not a cursor this server gave/],
    ["/api/events?cursor=WyIyMDIzIiwxXQ", /cursor/],
    ["/api/events?colour=red", /unknown parameter "colour"/],
    ["/api/events?quad=1&quad=2", /parameter "quad" is given twice/],
    ["/api/events/x?limit=1", /unknown parameter "limit"/],
    ["/api/series?by=decade", /by must be one of day, week, month, year/],
    ["/api/series?all=yes", /all must be true or false/],
    ["/api/series?limit=3", /unknown parameter "limit"/],
    ["/api/top?kind=countries", /kind must be one of actors, dyads/],
    ["/api/top?limit=101", /limit must be a whole number from 1 to 100/],
    ["/api/locations?by=month", /unknown parameter "by"/],
    ["/api/health?x=1", /unknown parameter "x"/],
  ];
  for (const [path, message] of bad) {
    const r = await http(base, path);
    assert.equal(r.status, 400, path);
    assert.match(r.body.error, message, path);
    assert.deepEqual(Object.keys(r.body), ["error"]);
  }
});

test("unknown API routes are 404 JSON; other paths are the page, with its security headers", async () => {
  for (const [method, path] of [["GET", "/api/nope"], ["GET", "/api"], ["POST", "/api/events"], ["DELETE", "/api/documents/x"], ["GET", "/api/events/a/b"]]) {
    const r = await http(base, path, { method });
    assert.equal(r.status, 404, `${method} ${path}`);
    assert.match(r.body.error, /no such endpoint/);
  }
  const page = await http(base, "/");
  assert.equal(page.status, 200);
  assert.match(page.body, /<title>annals<\/title>/);
  assert.match(page.headers.get("content-security-policy")!, /default-src 'self'/);
  assert.equal(page.headers.get("x-content-type-options"), "nosniff");
  assert.deepEqual((await http(base, "/explorer/some/view")).body, page.body, "a path of the page gets index.html");
  const asset = await http(base, "/assets/app.js");
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get("content-type")!, /text\/javascript/);
  assert.match(asset.headers.get("cache-control")!, /immutable/);
  assert.equal((await http(base, "/assets/missing.js")).status, 404);
  assert.equal((await http(base, "/%2e%2e/%2e%2e/package.json")).status, 404, "nothing outside the page's folder");
  assert.equal((await http(base, "/api/health")).headers.get("x-content-type-options"), "nosniff");
});

test("without a built page, other paths are a plain-text 503 saying how to build it; the API still answers", async () => {
  const bare = await testServer(join(dir, "examples.db"), join(dir, "no-web"));
  try {
    const r = await http(bare.url, "/");
    assert.equal(r.status, 503);
    assert.match(r.headers.get("content-type")!, /text\/plain/);
    assert.match(r.body, /npm run build/);
    assert.equal((await http(bare.url, "/api/health")).status, 200);
  } finally {
    await bare.close();
  }
});

/** A GET with a Host header of our choosing (fetch will not set one). */
const withHost = (path: string, host: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    get(new URL(path, base), { headers: { host } }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    }).on("error", reject);
  });

test("a server on 127.0.0.1 answers only to loopback names (no DNS rebinding)", async () => {
  const port = new URL(base).port;
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "localhost", `app.localhost:${port}`]) assert.equal((await withHost("/api/health", host)).status, 200, host);
  for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1.evil.example:${port}`]) {
    const r = await withHost("/api/events", host);
    assert.equal(r.status, 403, host);
    assert.match(JSON.parse(r.body).error, /requests to host "[^"]+" are refused/);
    assert.equal((await withHost("/", host)).status, 403);
  }
});

test("50 requests at once are all answered", async () => {
  const paths = ["/api/events?limit=20", "/api/series?by=day", "/api/top?kind=dyads", "/api/locations", "/api/health"];
  const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => http(base, paths[i % paths.length])));
  assert.deepEqual(replies.map((r) => r.status), Array(50).fill(200));
  assert.deepEqual(replies[0].body, replies[5].body, "the same request, the same answer");
});
