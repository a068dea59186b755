/**
 * Where an event happened as a filter (`country`, `place`): what the map's
 * click asks of the events API. Over real HTTP on the example articles, each
 * answer against the events' own locations and against `/api/locations`.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import type { ApiEvent, EventsResponse, LocationsResponse, SeriesResponse } from "../src/serve/api-types.js";
import type { RunningServer } from "../src/serve/server.js";
import { exampleStore, http, testServer, webDir } from "./support/serve.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
let server: RunningServer;
let base: string;

before(async () => {
  server = await testServer(await exampleStore(dir), webDir(dir));
  base = server.url;
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function events(query: string): Promise<ApiEvent[]> {
  const r = await http<EventsResponse>(base, `/api/events?limit=500&${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.next, null, "one page holds them");
  return r.body.events;
}

test("country= takes exactly the events located in that country, whatever the case of the code", async () => {
  const all = await events("");
  const countries = [...new Set(all.map((e) => e.location?.country).filter((c): c is string => Boolean(c)))];
  assert.ok(countries.length > 2, "the examples locate events in several countries");
  for (const c of countries) {
    const want = all.filter((e) => e.location?.country === c).map((e) => e.id);
    assert.deepEqual((await events(`country=${c}`)).map((e) => e.id), want, c);
    assert.deepEqual((await events(`country=${c.toLowerCase()}`)).map((e) => e.id), want, `${c} in lower case`);
  }
  assert.deepEqual(await events("country=ATA"), []);
});

test("place= with country= is one row of /api/locations: the same events, as many as it counts", async () => {
  const { body } = await http<LocationsResponse>(base, "/api/locations?all=true");
  assert.ok(body.rows.length > 2);
  for (const row of body.rows) {
    const q = `place=${encodeURIComponent(row.name)}${row.country ? `&country=${row.country}` : ""}`;
    const found = await events(q);
    assert.equal(found.length, row.events, row.name);
    assert.ok(found.every((e) => e.location?.name === row.name && e.location?.country === row.country), row.name);
    assert.equal((await events(`place=${encodeURIComponent(row.name.toUpperCase())}${row.country ? `&country=${row.country}` : ""}`)).length, row.events, `${row.name} in capitals`);
  }
});

test("the counts take the location filter too", async () => {
  const { body } = await http<LocationsResponse>(base, "/api/locations");
  const busiest = body.rows[0];
  const series = await http<SeriesResponse>(base, `/api/series?by=year&country=${busiest.country}`);
  assert.equal(series.status, 200);
  const inCountry = body.rows.filter((r) => r.country === busiest.country).reduce((n, r) => n + r.events, 0);
  assert.equal(series.body.rows.reduce((n, r) => n + r.events, 0) <= inCountry, true, "dated events are among the located ones");
  const located = await http<LocationsResponse>(base, `/api/locations?country=${busiest.country}`);
  assert.deepEqual(located.body.rows, body.rows.filter((r) => r.country === busiest.country));
});

test("a malformed location is a 400 naming the parameter", async () => {
  for (const [q, name] of [["country=JP", "country"], ["country=J1N", "country"], [`place=${"x".repeat(201)}`, "place"]] as const) {
    const r = await http<{ error: string }>(base, `/api/events?${q}`);
    assert.equal(r.status, 400, q);
    assert.match(r.body.error, new RegExp(`^${name}`), q);
  }
});
