/**
 * Crash safety: an ingest killed with SIGKILL in the middle of its run, then
 * run again, leaves exactly the rows of an uninterrupted run, and its run
 * record says `interrupted`; on a SQLite file and on a PostgreSQL database.
 */
import { after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sqlRows, storeBackends, testEach } from "./support/backends.js";
import { annals, tempDir, wireCorpus } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const BIN = join(import.meta.dirname, "..", "bin", "annals.js");
const FILES = 8;
const PER_FILE = 600;
const BACKENDS = await storeBackends(dir);

async function storedDocuments(db: string): Promise<number> {
  try {
    return Number((await sqlRows(db, "SELECT count(*) AS n FROM documents"))[0].n);
  } catch {
    return 0; // not created yet, or its schema not yet in place
  }
}

/** Every stored row that a run's contents decide (not when or by which run): documents, sentences, events, and what search finds. */
async function rows(db: string) {
  const search = db.startsWith("postgres") ? "SELECT count(*) AS n FROM sentences WHERE words @@ plainto_tsquery('english', 'report')" : "SELECT count(*) AS n FROM sentences_fts WHERE sentences_fts MATCH 'report'";
  return {
    documents: await sqlRows(db, "SELECT id, content_hash, dict_version, date, place, source, url, title, text, parse FROM documents ORDER BY id"),
    sentences: await sqlRows(db, "SELECT doc, idx, text FROM sentences ORDER BY doc, idx"),
    events: (await sqlRows(db, "SELECT * FROM events ORDER BY id")).map((e) => ({ ...e, seq: undefined })),
    search: Number((await sqlRows(db, search))[0].n),
  };
}

testEach(BACKENDS, "ingest killed with SIGKILL mid-run, then run again, stores exactly the rows of an uninterrupted run", async (backend) => {
  const folder = wireCorpus(join(dir, `corpus-${backend.name}`), FILES, PER_FILE);
  const total = FILES * PER_FILE;
  const db = await backend.newStore();
  const child = spawn(process.execPath, [BIN, "ingest", folder, "--db", db, "--batch", "25"], { stdio: "ignore" });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  let seen = 0;
  // wait for some batches to be committed, then kill it wherever it is (mid-batch, most likely)
  while (child.exitCode === null && (seen = await storedDocuments(db)) < 300) await sleep(10);
  child.kill("SIGKILL");
  assert.equal(await exited, "SIGKILL", "the ingest was still running when killed (make the corpus larger if not)");
  const partial = await storedDocuments(db);
  assert.ok(partial >= seen && partial < total, `killed in the middle: ${partial} of ${total} documents stored`);

  const again = annals(["ingest", folder, "--db", db, "--batch", "25"]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /1 earlier run was interrupted/);
  assert.match(again.stderr, new RegExp(`ingest: ${total.toLocaleString("en-US")} documents \\(${(total - partial).toLocaleString("en-US")} added, 0 replaced, ${partial.toLocaleString("en-US")} unchanged, 0 failed\\)`));

  const fresh = await backend.newStore();
  assert.equal(annals(["ingest", folder, "--db", fresh]).status, 0);
  const expected = await rows(fresh);
  assert.equal(expected.documents.length, total);
  assert.deepEqual(await rows(db), expected, "every document once, with all its events, never half");
  const sorted = (d: string) => annals(["export", "--db", d, "--format", "jsonl"]).stdout.trim().split("\n").sort();
  assert.deepEqual(sorted(db), sorted(fresh));

  const runs = await sqlRows(db, "SELECT status, CASE WHEN finished_at IS NOT NULL THEN 1 ELSE 0 END AS finished FROM runs ORDER BY id");
  assert.deepEqual(runs, [
    { status: "interrupted", finished: 1 },
    { status: "done", finished: 1 },
  ]);
}, { timeout: 120_000 });
