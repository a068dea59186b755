/** Schema migrations on a real file: a store written by schema 1, with data, is brought up to date without losing a row. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, SCHEMA_VERSION_TABLE } from "../src/store/schema.js";
import { openStore, SCHEMA_VERSION } from "../src/store/index.js";
import { A } from "./support/known-events.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

test("a schema-1 store with runs and documents is migrated: rows kept, references intact, runs recoverable", async () => {
  const path = join(dir, "v1.db");
  const old = new Database(path);
  old.exec(SCHEMA_VERSION_TABLE);
  old.exec(MIGRATIONS[0].sql);
  old.prepare("INSERT INTO schema_version VALUES (1, 'v1', '2024-01-01')").run();
  old.prepare("INSERT INTO runs (command, status, started_at, dict_version, annals_version, inputs, documents_added) VALUES ('ingest x', 'done', 't0', 'v1', '0.1.0', '[]', 1)").run();
  old.prepare("INSERT INTO runs (command, status, started_at, dict_version, annals_version, inputs) VALUES ('ingest y', 'running', 't1', 'v1', '0.1.0', '[]')").run();
  old.prepare("INSERT INTO documents (id, content_hash, dict_version, text, run, coded_at) VALUES ('d', 'h', 'v1', 'text', 1, 't0')").run();
  await old.close();

  await assert.rejects(openStore(path, { readonly: true }), /has schema 1, older than this annals' 5: run "annals ingest/);
  const store = await openStore(path);
  assert.equal(SCHEMA_VERSION, 5);
  assert.deepEqual(await store.counts(), { documents: 1, events: 0, sentences: 0, runs: 2 });
  assert.equal(await store.recoverRuns(), 1, "the run left running (no pid recorded) is interrupted");
  assert.equal(await store.countStale("v1"), 0);
  assert.deepEqual((await store.staleDocuments("v2", null, 10)).map((d) => [d.id, d.text]), [["d", "text"]]);
  await store.saveBatch([A], "v1");
  await store.close();

  const db = new Database(path, { readonly: true });
  assert.deepEqual(db.prepare("SELECT id, status, documents_added, pid FROM runs ORDER BY id").all(), [
    { id: 1, status: "done", documents_added: 1, pid: null },
    { id: 2, status: "interrupted", documents_added: 0, pid: null },
  ]);
  assert.deepEqual(db.prepare("SELECT version FROM schema_version ORDER BY version").pluck().all(), [1, 2, 3, 4, 5]);
  assert.ok(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'events_dyad_prefix_date'").get(), "migration 3 indexes dyads by country prefix");
  assert.ok((db.prepare("SELECT name FROM pragma_table_info('events')").pluck().all() as string[]).includes("intended_code"), "migration 4 adds the stated act's own code");
  assert.deepEqual(db.pragma("foreign_key_check"), []);
  assert.match(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents'").pluck().get() as string, /REFERENCES runs\(id\)/);
  db.close();

  const rw = new Database(path);
  rw.pragma("foreign_keys = ON");
  assert.throws(() => rw.prepare("INSERT INTO documents (id, content_hash, dict_version, text, run, coded_at) VALUES ('e', 'h', 'v1', 't', 99, 't')").run(), /FOREIGN KEY/, "documents still reference runs");
  await rw.close();
});
