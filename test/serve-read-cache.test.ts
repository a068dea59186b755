/**
 * The server keeps the answers of counts, series and top while the store is
 * unchanged (src/serve/read-cache.ts). On a SQLite file and a PostgreSQL
 * database with the example articles: an answer asked twice is read once;
 * a document posted to the server, or ingested by another process while the
 * server runs, is in the very next answer, which equals the store's own read.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { runIngest } from "../src/cli/ingest.js";
import { cachedReads } from "../src/serve/read-cache.js";
import { directReads } from "../src/serve/reads.js";
import { openStore } from "../src/store/index.js";
import { testPostgres } from "./support/postgres.js";
import { exampleStore, http, postJson, testServer, webDir } from "./support/serve.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
const pgServer = await testPostgres();
const TOKEN = "a-test-token-2468";
const quiet = new Writable({ write: (_c, _e, done) => done() });
let postgresAddress: string | null = null;

before(async () => {
  if (pgServer.skip === false) postgresAddress = await pgServer.freshDatabase();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("an answer is read once while the store is unchanged, and again after any commit", async () => {
  const path = await exampleStore(dir, "direct.db");
  const store = await openStore(path);
  try {
    let reads = 0;
    const counting = directReads(store);
    const stats = counting.stats;
    counting.stats = (...args) => (reads++, stats(...args));
    const cache = cachedReads(counting, () => store.changeMark(), 2);
    const first = await cache.reads.stats({}, { by: "month" });
    assert.deepEqual(await cache.reads.stats({}, { by: "month" }), first);
    assert.equal(reads, 1, "the second answer came from the cache");
    const both = await Promise.all([cache.reads.stats({ actor: "CHN" }, { by: "year" }), cache.reads.stats({ actor: "CHN" }, { by: "year" })]);
    assert.equal(reads, 2, "two requests at once share one read");
    assert.deepEqual(both[0], both[1]);
    // a third question pushes the oldest out (two answers kept)
    await cache.reads.stats({ actor: "JPN" }, { by: "year" });
    await cache.reads.stats({}, { by: "month" });
    assert.equal(reads, 4);
    // a write by another connection moves the mark
    const other = await openStore(path);
    const mark = await store.changeMark();
    await other.saveDocument({ id: "cache-1", text: "China criticized Japan.", date: "2030-01-02", place: null }, [], "test");
    await other.close();
    assert.notEqual(await store.changeMark(), mark);
    await cache.reads.stats({}, { by: "month" });
    assert.equal(reads, 5, "read again after the commit");
    assert.deepEqual(cache.stats(), { hits: 2, reads: 5 });
  } finally {
    await store.close();
  }
});

for (const backend of ["SQLite", "PostgreSQL"] as const) {
  test(`serve on ${backend}: a document posted, or ingested by another process, is in the next series and top`, { skip: backend === "PostgreSQL" ? pgServer.skip : false }, async () => {
    const db = await exampleStore(dir, backend === "SQLite" ? "served.db" : postgresAddress!);
    const server = await testServer(db, webDir(dir), { token: TOKEN });
    const store = await openStore(db, { readonly: true });
    try {
      const path = "/api/series?actor=ARG&by=year";
      const before = await http(server.url, path);
      assert.deepEqual(before.body.rows, [], "no Argentine events in the examples");
      assert.deepEqual((await http(server.url, path)).body, before.body);

      const posted = await postJson(server.url, "/api/documents", { documents: [{ id: "cache-posted", date: "2031-03-04", text: "Argentina's foreign minister met Chilean officials in Santiago." }] }, { authorization: `Bearer ${TOKEN}` });
      assert.equal(posted.status, 200, JSON.stringify(posted.body));
      const afterPost = await http(server.url, path);
      assert.deepEqual(afterPost.body.rows, await store.stats({ actor: "ARG" }, { by: "year" }));
      assert.equal(afterPost.body.rows.length, 1, "the posted document's year");

      const file = join(dir, `later-${backend}.jsonl`);
      writeFileSync(file, '{"id": "cache-ingested", "date": "2032-05-06", "text": "Argentina criticized Brazil over the trade dispute."}\n');
      assert.equal(await runIngest([file, "--db", db, "--workers", "1"], quiet), 0);
      const afterIngest = await http(server.url, path);
      assert.deepEqual(afterIngest.body.rows, await store.stats({ actor: "ARG" }, { by: "year" }));
      assert.equal(afterIngest.body.rows.length, 2, "and the ingested one's");
      const top = await http(server.url, "/api/top?kind=dyads&actor=ARG");
      assert.deepEqual(top.body.rows, await store.top({ actor: "ARG" }, { kind: "dyads", limit: 20 }));
    } finally {
      await store.close();
      await server.close();
    }
  });
}
