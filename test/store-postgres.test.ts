/**
 * What only the PostgreSQL store has: its migrations (applied once, even by
 * processes opening a new database at once; a database it cannot read
 * refused), the failures of a server said in words without the password,
 * runs of other machines left alone, and how its text search differs from
 * SQLite's FTS5.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { hostname } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, StoreError } from "../src/store/index.js";
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from "../src/store/postgres/schema.js";
import { runAnnals } from "./support/cli.js";
import { A, B, C } from "./support/known-events.js";
import { testPostgres } from "./support/postgres.js";

const server = await testPostgres();
const skip = server.skip;

async function sql(address: string, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: address });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

test("migrations: a new database gets the schema once, even opened by several processes at once; others are refused", { skip }, async () => {
  if (server.skip !== false) return;
  const address = await server.freshDatabase();
  await assert.rejects(openStore(address, { readonly: true }), /holds no annals data yet/);
  const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(address)));
  await Promise.all(stores.map((s) => s.close()));
  // each migration applied once, however many processes opened the new database at once, the last one this annals' version
  assert.deepEqual(await sql(address, "SELECT version FROM schema_version ORDER BY version"), PG_MIGRATIONS.map((m) => ({ version: m.version })));
  assert.equal(PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version, PG_SCHEMA_VERSION);
  const reader = await openStore(address, { readonly: true });
  assert.deepEqual(await reader.counts(), { documents: 0, events: 0, sentences: 0, runs: 0 });
  await assert.rejects(reader.saveBatch([A], "v1"), (e) => e instanceof StoreError && /opened read-only/.test(e.message));
  await reader.close();

  const newer = await server.freshDatabase();
  await (await openStore(newer)).close();
  await sql(newer, "INSERT INTO schema_version VALUES (99, 'from the future', 'now')");
  await assert.rejects(openStore(newer), /written by a newer annals \(schema 99; this annals knows up to \d+\): upgrade annals/);

  const foreign = await server.freshDatabase();
  await sql(foreign, "CREATE TABLE t (x int)");
  await assert.rejects(openStore(foreign), /is a PostgreSQL database but not an annals store/);
});

test("a server that cannot be reached, a database that does not exist: a message, exit 1, and never the password", { skip }, async () => {
  if (server.skip !== false) return;
  const unreachable = await runAnnals(["query", "--db", "postgres://annals:s3cret@127.0.0.1:1/annals"]);
  assert.equal(unreachable.status, 1);
  assert.match(unreachable.stderr, /^annals: cannot reach the PostgreSQL server of postgres:\/\/annals:\*\*\*@127\.0\.0\.1:1\/annals .*is it running/);
  assert.doesNotMatch(unreachable.stderr, /s3cret|\n\s+at /);
  const url = new URL(server.address);
  url.pathname = "/no_such_database";
  const missing = await runAnnals(["stats", "--db", url.toString()]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /database "no_such_database" does not exist .*create it first/);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
});

test("recoverRuns: a run of this machine whose process is gone is interrupted; another machine's is left running", { skip }, async () => {
  if (server.skip !== false) return;
  const address = await server.freshDatabase();
  const store = await openStore(address);
  const mine = await store.beginRun({ command: "ingest", dictVersion: "v1", annalsVersion: "0", inputs: [] });
  await sql(address, "INSERT INTO runs (command, status, started_at, dict_version, annals_version, inputs, pid, host) VALUES ('gone', 'running', 't', 'v1', '0', '[]', 2147483646, $1), ('elsewhere', 'running', 't', 'v1', '0', '[]', 2147483646, 'another-machine'), ('no pid', 'running', 't', 'v1', '0', '[]', NULL, NULL)", [hostname()]);
  assert.equal(await store.recoverRuns(), 2);
  const runs = await sql(address, "SELECT command, status FROM runs ORDER BY id");
  assert.deepEqual(runs, [
    { command: "ingest", status: "running" },
    { command: "gone", status: "interrupted" },
    { command: "elsewhere", status: "running" },
    { command: "no pid", status: "interrupted" },
  ]);
  await store.finishRun(mine, { added: 0, replaced: 0, unchanged: 0, events: 0, failed: 0 }, "done");
  await store.close();
});

test("text search: PostgreSQL's English configuration leaves stop words out, where SQLite's FTS5 needs them", { skip }, async () => {
  if (server.skip !== false) return;
  const pgStore = await openStore(await server.freshDatabase());
  const sqlite = await openStore(":memory:");
  for (const s of [pgStore, sqlite]) await s.saveBatch([A, B, C], "v1");
  const ids = async (s: typeof sqlite, text: string) => (await s.query({ text }, { limit: 100 })).map((e) => e.id).sort();
  // the same on both: words that carry meaning, stemmed
  for (const words of ["missile", "talks Moscow", "arrested", "agreement Iran"]) assert.deepEqual(await ids(pgStore, words), await ids(sqlite, words), words);
  // "with" is a stop word: FTS5 needs it in the sentence, PostgreSQL does not index it
  assert.deepEqual(await ids(sqlite, "talks with"), []);
  assert.deepEqual(await ids(pgStore, "talks with"), ["b1-0", "b1-1", "c1-0"]);
  // nothing but stop words: FTS5 finds the sentences with them, PostgreSQL nothing
  assert.ok((await ids(sqlite, "the")).length > 0);
  assert.deepEqual(await ids(pgStore, "the"), []);
  await pgStore.close();
  await sqlite.close();
});

test("a password in the address is never stored: runs record the command without it", { skip }, async () => {
  if (server.skip !== false) return;
  const url = new URL(await server.freshDatabase());
  url.password = "s3cret"; // the test server trusts local connections, so any password opens it
  const headlines = join(import.meta.dirname, "..", "examples", "headlines.txt");
  const r = await runAnnals(["ingest", headlines, "--lines", "--db=" + url.toString(), "--workers", "1"]);
  assert.equal(r.status, 0, r.stderr);
  const recode = await runAnnals(["recode", "--db", url.toString(), "--workers", "1"]);
  assert.equal(recode.status, 0, recode.stderr);
  const runs = await sql(url.toString(), "SELECT command, inputs FROM runs ORDER BY id");
  assert.equal(runs.length, 2);
  assert.doesNotMatch(JSON.stringify(runs), /s3cret/);
  assert.match(runs[0].command as string, /--db=postgres:\/\/annals:\*\*\*@127\.0\.0\.1/);
});

