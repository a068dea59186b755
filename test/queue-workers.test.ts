/**
 * Three `annals worker` processes over TCP on one PostgreSQL database, one
 * killed with SIGKILL while it holds a batch: its batch goes to another
 * worker when the lease runs out, and the store ends exactly as a
 * single-process `annals ingest` of the same input leaves another database,
 * row for row (documents, sentences, events; runs and insertion numbers
 * aside): no document coded into it twice, none lost.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sqlRows } from "./support/backends.js";
import { BIN } from "./support/cli.js";
import { testPostgres } from "./support/postgres.js";
import { annals, tempDir, wireCorpus } from "./support/store.js";

const server = await testPostgres();
const skip = server.skip ? `no PostgreSQL server: ${server.skip}` : false;
const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

const FILES = 4;
const PER_FILE = 120;
const BATCH = 16;

async function contents(db: string) {
  return {
    documents: await sqlRows(db, "SELECT id, content_hash, dict_version, date, place, source, url, title, text, parse FROM documents ORDER BY id"),
    sentences: await sqlRows(db, "SELECT doc, idx, text FROM sentences ORDER BY doc, idx"),
    events: (await sqlRows(db, "SELECT * FROM events ORDER BY id")).map((e) => ({ ...e, seq: undefined })),
  };
}

let started = 0;
const children: { kill(signal: NodeJS.Signals): boolean }[] = [];
// a test that fails part way leaves no worker behind
after(() => children.forEach((c) => c.kill("SIGKILL")));

function startWorker(db: string) {
  // a pause before each document keeps every batch in work long enough to be caught in the middle of one
  const env = { ...process.env, ANNALS_WORKER_DELAY_MS: "40" };
  const log = join(dir, `worker-${started++}.log`);
  const fd = openSync(log, "w");
  const child = spawn(process.execPath, [BIN, "worker", "--db", db, "--once", "--lease", "2"], { env, stdio: ["ignore", "ignore", fd] });
  closeSync(fd);
  children.push(child);
  const stderr = () => readFileSync(log, "utf8");
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, exited, stderr, name: `${hostname()}:${child.pid}` };
}

test("three workers, one killed with SIGKILL mid-batch: the store equals a single-process ingest, row for row", { skip, timeout: 180_000 }, async () => {
  if (server.skip !== false) return;
  const folder = wireCorpus(join(dir, "corpus"), FILES, PER_FILE);
  const total = FILES * PER_FILE;
  const db = await server.freshDatabase();
  // the address is TCP (127.0.0.1), as workers on other machines reach the server
  assert.match(db, /^postgres:\/\/[^/]*@127\.0\.0\.1:\d+\//);
  const added = annals(["queue", "add", folder, "--db", db, "--batch", String(BATCH)]);
  assert.equal(added.status, 0, added.stderr);
  assert.match(added.stderr, new RegExp(`${total} documents queued in ${total / BATCH} batches`));

  const workers = [startWorker(db), startWorker(db), startWorker(db)];
  const victim = workers[0];
  // wait until the victim has finished a batch and holds its next, with some of that batch coded
  let held: Record<string, unknown> | undefined;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && victim.child.exitCode === null) {
    const [row] = await sqlRows(
      db,
      `SELECT id, extract(epoch FROM now() - started_at)::float8 AS age, (SELECT count(*)::int FROM queue_batches WHERE status = 'done' AND worker = $1) AS finished
       FROM queue_batches WHERE status = 'running' AND worker = $1`,
      [victim.name],
    );
    // a batch takes at least BATCH x 40 ms: one begun 0.1 to 0.4 s ago is in the middle
    if (row && Number(row.finished) >= 1 && Number(row.age) > 0.1 && Number(row.age) < 0.4) {
      held = row;
      break;
    }
    await sleep(5);
  }
  assert.ok(held, `the victim held a claim in the middle of a batch\n${workers.map((w) => w.stderr()).join("\n")}`);
  victim.child.kill("SIGKILL");
  const killed = await victim.exited;
  assert.equal(killed.signal, "SIGKILL");
  const [stillHeld] = await sqlRows(db, "SELECT status, worker FROM queue_batches WHERE id = $1", [held.id]);
  assert.deepEqual(stillHeld, { status: "running", worker: victim.name }, "killed while it held the batch, before completing it");

  for (const w of workers.slice(1)) {
    const { code } = await w.exited;
    assert.equal(code, 0, w.stderr());
  }
  const [taken] = await sqlRows(db, "SELECT status, worker, attempts FROM queue_batches WHERE id = $1", [held.id]);
  assert.equal(taken.status, "done");
  assert.notEqual(taken.worker, victim.name, "another worker coded the killed worker's batch");
  assert.equal(taken.attempts, 2);
  const status = JSON.parse(annals(["queue", "status", "--db", db, "--format", "json"]).stdout);
  assert.deepEqual([status.queued.batches, status.running.batches, status.done.batches, status.failed.batches, status.failedDocuments], [0, 0, total / BATCH, 0, 0]);
  // each surviving worker did a share: the work was spread
  const byWorker = await sqlRows(db, "SELECT worker, count(*)::int AS n FROM queue_batches GROUP BY worker ORDER BY worker");
  assert.equal(byWorker.length, 3, JSON.stringify(byWorker));

  const expected = await server.freshDatabase();
  const ingest = annals(["ingest", folder, "--db", expected]);
  assert.equal(ingest.status, 0, ingest.stderr);
  const got = await contents(db);
  assert.equal(got.documents.length, total);
  assert.deepEqual(got, await contents(expected), "every document once, with all its events");
});
