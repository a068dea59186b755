/**
 * Coding on worker threads changes nothing stored: ingesting with two
 * workers exports exactly what one (the main thread) gives, both from the
 * built command and in this process under tsx (the worker's `.ts` entry).
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { runIngest } from "../src/cli/ingest.js";
import { storeBackends, testEach } from "./support/backends.js";
import { annals, tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLES = join(import.meta.dirname, "..", "examples");
const BACKENDS = await storeBackends(dir);

function exported(db: string): string {
  const r = annals(["export", "--db", db, "--format", "jsonl"]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

testEach(BACKENDS, "ingest with --workers 2 stores exactly what --workers 1 stores", async (backend) => {
  const one = await backend.newStore();
  const two = await backend.newStore();
  const first = annals(["ingest", EXAMPLES, "--db", one, "--workers", "1", "--batch", "2"]);
  assert.equal(first.status, 0, first.stderr);
  const second = annals(["ingest", EXAMPLES, "--db", two, "--workers", "2", "--batch", "2"]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /ingest: 7 documents \(7 added, 0 replaced, 0 unchanged, 0 failed\), \d+ events/);
  const expected = exported(one);
  assert.ok(expected.length > 0);
  assert.equal(exported(two), expected);
  const again = annals(["ingest", EXAMPLES, "--db", two, "--workers", "2"]);
  assert.match(again.stderr, /ingest: 7 documents \(0 added, 0 replaced, 7 unchanged, 0 failed\), 0 events/, "idempotent with workers too");

  // in this process, under tsx: the workers start from the .ts sources
  const inProcess = await backend.newStore();
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  assert.equal(await runIngest([EXAMPLES, "--db", inProcess, "--workers", "2"], quiet), 0);
  assert.equal(exported(inProcess), expected);

  assert.match(annals(["ingest", EXAMPLES, "--db", join(dir, "bad.db"), "--workers", "0"]).stderr, /--workers must be a whole number from 1 to 256, not "0"/);
}, { timeout: 120_000 });
