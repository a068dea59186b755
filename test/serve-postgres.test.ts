/**
 * `annals serve` on a PostgreSQL store, end to end over real HTTP: the same
 * example articles ingested into a SQLite file and a PostgreSQL database,
 * one server on each, and every read endpoint answering the same (series,
 * top, events page by page, an event, a document, places, a download), then
 * a posted document stored in PostgreSQL and read back through the API.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { EventsResponse } from "../src/serve/api-types.js";
import type { RunningServer } from "../src/serve/server.js";
import { testPostgres } from "./support/postgres.js";
import { exampleStore, http, postJson, testServer, webDir } from "./support/serve.js";
import { rounded, tempDir } from "./support/store.js";

const dir = tempDir();
const pgServer = await testPostgres();
const skip = pgServer.skip;
const TOKEN = "a-test-token-5678";
let onSqlite: RunningServer;
let onPostgres: RunningServer;

before(async () => {
  if (pgServer.skip !== false) return;
  const web = webDir(dir);
  const address = await pgServer.freshDatabase();
  onSqlite = await testServer(await exampleStore(dir), web);
  onPostgres = await testServer(await exampleStore(dir, address), web, { token: TOKEN });
});
after(async () => {
  await onSqlite?.close();
  await onPostgres?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One request to both servers: both 200, the same body; the body. */
async function same(path: string): Promise<any> {
  const [a, b] = [await http(onSqlite.url, path), await http(onPostgres.url, path)];
  assert.equal(a.status, 200, `${path}: ${JSON.stringify(a.body)}`);
  assert.equal(b.status, 200, `${path} on PostgreSQL: ${JSON.stringify(b.body)}`);
  assert.deepEqual(rounded(b.body), rounded(a.body), path);
  return a.body;
}

test("serve on PostgreSQL: series, top, places and downloads answer as on SQLite", { skip }, async () => {
  assert.ok(onPostgres.events > 20 && onPostgres.events === onSqlite.events, "the servers start with the same events");
  for (const q of ["", "actor=CHN", "source=JPN&target=CHN", "code=04", "from=2023-01-01&to=2023-12-31", "text=talks"]) {
    for (const by of ["day", "week", "month", "year"]) await same(`/api/series?${q}&by=${by}`);
    for (const kind of ["actors", "dyads"]) await same(`/api/top?${q}&kind=${kind}&limit=20`);
    await same(`/api/locations?${q}`);
  }
  const series = await same("/api/series?by=month");
  assert.ok(JSON.stringify(series).length > 100, "a series with rows");
  for (const format of ["jsonl", "csv", "gdelt"]) {
    const [a, b] = [await http(onSqlite.url, `/api/export?format=${format}`), await http(onPostgres.url, `/api/export?format=${format}`)];
    assert.equal(b.status, 200);
    // the GDELT file's DATEADDED is each document's coding time, which differs between two ingests
    const comparable = (t: string) => (format === "gdelt" ? t.replace(/\t\d{14}\t/g, "\tT\t") : t);
    assert.equal(comparable(b.body), comparable(a.body), format);
  }
});

test("serve on PostgreSQL: events page by page in every order, one event and one document as on SQLite", { skip }, async () => {
  for (const sort of ["date", "-date", "goldstein", "-source", "target", "code"]) {
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: EventsResponse = await same(`/api/events?sort=${sort}&limit=9${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      cursor = page.next;
      pages++;
    } while (cursor);
    assert.ok(pages > 2, `${sort}: several pages`);
  }
  const first: EventsResponse = await same("/api/events?actor=JPN&limit=3");
  const event = first.events[0];
  await same(`/api/events/${encodeURIComponent(event.id)}`);
  const doc = await same(`/api/documents/${encodeURIComponent(event.doc)}`);
  assert.ok(doc.events.length > 0 && doc.sentences.length > 0);
  const health = await http(onPostgres.url, "/api/health");
  assert.deepEqual([health.status, health.body.counts.events, health.body.writes], [200, onPostgres.events, true]);
});

test("serve on PostgreSQL: a posted document is coded, stored and read back", { skip }, async () => {
  const doc = { id: "posted-1", date: "2024-05-02", text: "Japanese Prime Minister Fumio Kishida met Chinese President Xi Jinping in Beijing." };
  const posted = await postJson(onPostgres.url, "/api/documents", { documents: [doc] }, { authorization: `Bearer ${TOKEN}` });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  assert.equal(posted.body.added, 1);
  assert.ok(posted.body.events > 0);
  const stored = await http(onPostgres.url, "/api/documents/posted-1");
  assert.equal(stored.status, 200);
  assert.equal(stored.body.document.text, doc.text);
  assert.ok(stored.body.events.some((e: { source: { code: string } | null }) => e.source?.code.startsWith("JPN")));
  const again = await postJson(onPostgres.url, "/api/documents", { documents: [doc] }, { authorization: `Bearer ${TOKEN}` });
  assert.equal(again.body.unchanged, 1, "stored once");
});
