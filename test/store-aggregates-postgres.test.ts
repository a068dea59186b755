/**
 * The aggregates kept at ingest on PostgreSQL against the scan they replace
 * (test/store-aggregates.test.ts on SQLite): every `stats` and `top` query
 * they answer gives the rows of the scan of the same database, and those of
 * a SQLite store of the same events, on the examples coded by the real coder
 * with the known events and after seeded random ingests with replacements,
 * single saves and a recode; the kept rows equal a fill from the events; and
 * a store of the previous schema gets them from its events. Skips, saying
 * why, without a PostgreSQL server.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { FILL_AGGREGATES_SQL } from "../src/store/aggregates.js";
import { openStore } from "../src/store/index.js";
import { PG_SCHEMA_VERSION } from "../src/store/postgres/schema.js";
import { aggregateTables, assertSameAsScan, randomIngests } from "./support/aggregates.js";
import { sqlRows } from "./support/backends.js";
import { A, B, C } from "./support/known-events.js";
import { testPostgres } from "./support/postgres.js";
import { exampleStore } from "./support/serve.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const server = await testPostgres();
const skip = server.skip === false ? false : `no PostgreSQL server: ${server.skip}`;
const freshDatabase = () => (server.skip === false ? server.freshDatabase() : Promise.reject(new Error(server.skip)));

/** The examples through the real coder and the known events, into a new store: a file of the test's folder, or a postgres:// address. */
async function examplesAndKnown(name: string): Promise<string> {
  const location = await exampleStore(dir, name);
  const store = await openStore(location);
  await store.saveBatch([A, B, C], "v1");
  await store.close();
  return location;
}

/** Runs SQL statements on the database at `address`, outside any store. */
async function execute(address: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: address });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

test("aggregates equal the scan and SQLite on the examples coded by the real coder and the known events [postgres]", { skip }, async () => {
  const sqlite = await examplesAndKnown("examples-known.db");
  const address = await examplesAndKnown(await freshDatabase());
  const events = Number((await sqlRows(address, "SELECT count(*) AS n FROM events"))[0].n);
  assert.ok(events > 40, `the store holds the examples' events and the known ones (${events})`);
  const compared = await assertSameAsScan(address, "examples", sqlite);
  assert.ok(compared > 1000, `${compared} queries compared`);
});

test("aggregates equal the scan and SQLite after seeded random ingests with replacements, single saves and a recode [postgres]", { skip }, async () => {
  for (const seed of [1, 2, 3]) {
    // SQLite first, a copy of its file kept at each stage, then the same writes on PostgreSQL compared with it
    const path = join(dir, `random-${seed}.db`);
    await randomIngests(path, seed, async (stage) => void copyFileSync(path, join(dir, `random-${seed}-${stage}.db`)));
    const address = await freshDatabase();
    await randomIngests(address, seed, async (stage) => void (await assertSameAsScan(address, `seed ${seed}, ${stage}`, join(dir, `random-${seed}-${stage}.db`))));

    // what the writes kept is what a fill from the events builds, and what SQLite kept
    const kept = await aggregateTables(address);
    assert.deepEqual(kept, await aggregateTables(path), `seed ${seed}: PostgreSQL's aggregates are SQLite's`);
    await execute(address, "DELETE FROM agg_tuples; DELETE FROM agg_dyads; DELETE FROM agg_actors; DELETE FROM agg_months;" + FILL_AGGREGATES_SQL);
    assert.deepEqual(kept, await aggregateTables(address), `seed ${seed}: kept aggregates equal a rebuild`);
  }
});

test("a PostgreSQL store of the previous schema gets its aggregates from its events when opened for writing", { skip }, async () => {
  const address = await examplesAndKnown(await freshDatabase());
  // schema 2 only adds the aggregate tables and schema 3 the queue's: without them (and their records) the database
  // is the schema-1 store
  await execute(address, "DROP TABLE agg_tuples; DROP TABLE agg_dyads; DROP TABLE agg_actors; DROP TABLE agg_months; DROP TABLE queue_documents; DROP TABLE queue_batches; DELETE FROM schema_version WHERE version >= 2;");
  await assert.rejects(openStore(address, { readonly: true }), new RegExp(`has schema 1, older than this annals' ${PG_SCHEMA_VERSION}`));
  await (await openStore(address)).close();
  assert.ok((await assertSameAsScan(address, "migrated")) > 1000);
  const [sums] = await sqlRows(address, "SELECT (SELECT sum(events) FROM agg_tuples) AS kept, (SELECT count(*) FROM events) AS events");
  assert.equal(Number(sums.kept), Number(sums.events));
});
