/**
 * The aggregates kept at ingest against the scan they replace, on SQLite:
 * every `stats` and `top` query the aggregates answer must give the rows the
 * scan of the events gives, on the examples coded by the real coder with the
 * known events, after seeded random ingests with replacements and a recode,
 * and on a store of the previous schema once it is opened for writing. The
 * same on PostgreSQL: test/store-aggregates-postgres.test.ts.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Mood } from "../src/core/index.js";
import { aggregateStatsQuery, aggregateTopQuery } from "../src/store/aggregate-reads.js";
import { rebuildAggregates } from "../src/store/aggregates.js";
import { openStore } from "../src/store/index.js";
import { aggregateTables, assertSameAsScan, randomIngests } from "./support/aggregates.js";
import { A, B, C } from "./support/known-events.js";
import { exampleStore } from "./support/serve.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

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

test("aggregates equal the scan after seeded random ingests with replacements, single saves and a recode", async () => {
  for (const seed of [1, 2, 3]) {
    const path = join(dir, `random-${seed}.db`);
    await randomIngests(path, seed, async (stage) => void (await assertSameAsScan(path, `seed ${seed}, ${stage}`)));

    // what the writes kept is what a fill from the events builds: no row left without events, no tuple miscounted
    const rebuilt = join(dir, `random-${seed}-rebuilt.db`);
    copyFileSync(path, rebuilt);
    const db = new Database(rebuilt);
    rebuildAggregates(db);
    db.close();
    assert.deepEqual(await aggregateTables(path), await aggregateTables(rebuilt), `seed ${seed}: kept aggregates equal a rebuild`);
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
