/**
 * `annals queue add|status|retry` and `annals worker` on a real PostgreSQL
 * server, as users run them: input read as ingest reads it (its messages for
 * bad input), queued once however often added, coded by a worker into what
 * ingest stores, a document the worker cannot code recorded with its reason,
 * and a re-code after an options change done through the queue.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sqlRows } from "./support/backends.js";
import { testPostgres } from "./support/postgres.js";
import { annals, tempDir } from "./support/store.js";

const server = await testPostgres();
const skip = server.skip ? `no PostgreSQL server: ${server.skip}` : false;
const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (server.skip === false ? server.freshDatabase() : Promise.reject(new Error(server.skip)));

/** Every row a run's contents decide, runs aside: documents, sentences, events without their insertion numbers. */
async function contents(db: string) {
  return {
    documents: await sqlRows(db, "SELECT id, content_hash, dict_version, date, place, source, url, title, text, parse FROM documents ORDER BY id"),
    sentences: await sqlRows(db, "SELECT doc, idx, text FROM sentences ORDER BY doc, idx"),
    events: (await sqlRows(db, "SELECT * FROM events ORDER BY id")).map((e) => ({ ...e, seq: undefined })),
  };
}

test("queue add reads as ingest does, queues once; a worker stores what ingest stores; a document it cannot code is recorded with why", { skip }, async () => {
  const bad = join(dir, "bad.jsonl");
  writeFileSync(bad, '{"id": "ok-1", "date": "2023-03-01", "text": "China criticized Japan over the islands."}\n{"id": "broken", "text": \n');
  const db = await fresh();
  const first = annals(["queue", "add", "examples/", bad, "--db", db, "--batch", "3"]);
  assert.equal(first.status, 1, "a bad input line is an error, as in ingest");
  assert.match(first.stderr, /bad\.jsonl:2: /);
  assert.match(first.stderr, /annals queue add: 8 documents queued in 3 batches\n/);
  const again = annals(["queue", "add", "examples/", "--db", db, "--batch", "3"]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /annals queue add: 0 documents queued in 0 batches \(7 queued before, left out\)/);

  const queued = JSON.parse(annals(["queue", "status", "--db", db, "--format", "json"]).stdout);
  assert.deepEqual([queued.queued, queued.running, queued.done, queued.failed], [{ batches: 3, documents: 8 }, { batches: 0, documents: 0 }, { batches: 0, documents: 0 }, { batches: 0, documents: 0 }]);

  // the Tokyo article is longer than 1,200 characters: this worker refuses it, and stores the rest
  const worker = annals(["worker", "--db", db, "--once", "--max-chars", "1200"]);
  assert.equal(worker.status, 1, "a failed document makes the exit code 1, as in ingest");
  assert.match(worker.stderr, /tokyo-summit-2023-03-16\.txt.*the limit is 1200/);
  const done = JSON.parse(annals(["queue", "status", "--db", db, "--format", "json"]).stdout);
  assert.deepEqual([done.queued.batches, done.running.batches, done.done.batches, done.failed.batches, done.failedDocuments], [0, 0, 3, 0, 1]);
  assert.equal(done.failedDocumentList.length, 1);
  assert.match(done.failedDocumentList[0].origin, /tokyo-summit-2023-03-16\.txt/);
  assert.match(done.failedDocumentList[0].reason, /the limit is 1200/);
  const table = annals(["queue", "status", "--db", db]);
  assert.match(table.stdout, /^queued +0 batches +0 documents\n/);
  assert.match(table.stdout, /\ndone +3 batches +8 documents +\(1 document of them failed\)\n/);
  assert.match(table.stdout, /\nfailed document \S+ \(.*tokyo-summit-2023-03-16\.txt.*, batch \d+\): .*the limit is 1200/);

  const expected = await fresh();
  writeFileSync(join(dir, "ok.jsonl"), '{"id": "ok-1", "date": "2023-03-01", "text": "China criticized Japan over the islands."}\n');
  assert.equal(annals(["ingest", "examples/wire.jsonl", "examples/headlines.txt", join(dir, "ok.jsonl"), "--db", expected]).status, 0);
  assert.deepEqual(await contents(db), await contents(expected), "the worker stored what ingest stores");
});

test("re-coding through the queue: queue add --recode queues the stale documents, workers bring them to what recode gives", { skip }, async () => {
  const db = await fresh();
  assert.equal(annals(["queue", "add", "examples/", "--db", db]).status, 0);
  assert.equal(annals(["worker", "--db", db, "--once"]).status, 0);
  const queued = annals(["queue", "add", "--recode", "--no-require-dyad", "--db", db, "--batch", "2"]);
  assert.equal(queued.status, 0, queued.stderr);
  assert.match(queued.stderr, /annals queue add: 7 documents queued in 4 batches to re-code/);
  // queued once: they wait already
  assert.match(annals(["queue", "add", "--recode", "--no-require-dyad", "--db", db]).stderr, /0 documents queued in 0 batches \(7 queued before, left out\) to re-code/);
  // a worker coding with other options leaves the re-code to the workers it is for, and says why
  const other = annals(["worker", "--db", db, "--once"]);
  assert.equal(other.status, 0, other.stderr);
  assert.match(other.stderr, /4 batches \(7 documents\) wait for re-coding with other dictionaries or options \(coding version \S+; this worker's is \S+\)/);
  assert.match(other.stderr, /0 documents \(0 added, 0 replaced, 0 unchanged, 0 failed\)/);
  assert.match(annals(["queue", "status", "--db", db]).stdout, /\nre-code 4 batches \(7 documents\) for coding version \S+: taken only by workers/);
  const worker = annals(["worker", "--db", db, "--once", "--no-require-dyad"]);
  assert.equal(worker.status, 0, worker.stderr);
  assert.match(worker.stderr, /7 documents \(0 added, 7 replaced, 0 unchanged, 0 failed\)/);

  const expected = await fresh();
  assert.equal(annals(["ingest", "examples/", "--db", expected]).status, 0);
  assert.equal(annals(["recode", "--db", expected, "--no-require-dyad"]).status, 0);
  assert.deepEqual(await contents(db), await contents(expected));
  assert.match(annals(["queue", "add", "--recode", "--no-require-dyad", "--db", db]).stderr, /0 documents queued in 0 batches to re-code/);
});

test("the queue needs a PostgreSQL store, and says so; retry puts failed batches back", { skip }, async () => {
  const file = annals(["queue", "add", "examples/", "--db", join(dir, "a.db")]);
  assert.equal(file.status, 1);
  assert.match(file.stderr, /the queue needs a PostgreSQL store/);
  assert.match(annals(["worker", "--db", join(dir, "a.db")]).stderr, /a worker codes the queue of a PostgreSQL store/);
  const db = await fresh();
  assert.equal(annals(["queue", "status", "--db", db, "--format", "yaml"]).status, 2);
  assert.match(annals(["queue", "status", "--db", db, "--recode"]).stderr, /queue status takes no --recode/);
  assert.equal(annals(["queue", "add", "examples/", "--db", db]).status, 0);
  await sqlRows(db, "UPDATE queue_batches SET status = 'failed', error = 'a test said so'");
  assert.match(annals(["queue", "status", "--db", db]).stdout, /\nfailed batch \d+ \(7 documents\): a test said so\n/);
  const retry = annals(["queue", "retry", "--db", db]);
  assert.match(retry.stderr, /1 failed batch and 0 failed documents queued again/);
  assert.equal(annals(["worker", "--db", db, "--once"]).status, 0);
  assert.equal(JSON.parse(annals(["queue", "status", "--db", db, "--format", "json"]).stdout).done.documents, 7);
});
