/**
 * The work queue of a PostgreSQL store (src/store/postgres/queue.ts) on a
 * real server: claims skip batches another transaction holds, a lease that
 * runs out hands the batch to the next claim and the old claim then writes
 * nothing, a batch that loses its lease too often is failed and can be
 * retried, a document that failed is recorded with its reason beside the
 * rest of its batch, and adding the same documents again queues nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { Document } from "../src/core/index.js";
import { openStore } from "../src/store/index.js";
import { addToQueue, claimBatch, completeBatch, failBatch, MAX_ATTEMPTS, nextLeaseEnd, openQueue, releaseBatch, renewLease, retryFailed, waitingForOtherVersions, type QueueEntry } from "../src/store/postgres/queue.js";
import { queueStatus } from "../src/store/postgres/queue-status.js";
import { A, B, C } from "./support/known-events.js";
import { testPostgres } from "./support/postgres.js";

const server = await testPostgres();
const skip = server.skip ? `no PostgreSQL server: ${server.skip}` : false;

const entry = (doc: Document, i: number): QueueEntry => ({ doc, origin: `known.jsonl:${i + 1}` });
const KNOWN = [A, B, C].map((item, i) => entry(item.doc, i));

async function newQueue() {
  if (server.skip !== false) throw new Error(server.skip);
  const address = await server.freshDatabase();
  const store = await openStore(address);
  const run = await store.beginRun({ command: "test", dictVersion: "v1", annalsVersion: "0", inputs: [] });
  const { pool } = await openQueue(address);
  return { address, store, pool, run };
}

async function rows(address: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: address });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test("adding the same documents again queues nothing; changed content is queued anew", { skip }, async () => {
  const q = await newQueue();
  try {
    assert.deepEqual(await addToQueue(q.pool, KNOWN, 2, ""), { queued: 3, alreadyQueued: 0, batches: 2 });
    assert.deepEqual(await addToQueue(q.pool, KNOWN, 2, ""), { queued: 0, alreadyQueued: 3, batches: 0 });
    const changed = entry({ ...A.doc, text: A.doc.text + " Later, more happened." }, 0);
    assert.deepEqual(await addToQueue(q.pool, [changed, ...KNOWN], 10, ""), { queued: 1, alreadyQueued: 3, batches: 1 });
    assert.deepEqual(await rows(q.address, "SELECT documents FROM queue_batches ORDER BY id"), [{ documents: 2 }, { documents: 1 }, { documents: 1 }]);
  } finally {
    await q.pool.end();
    await q.store.close();
  }
});

test("concurrent claims take different batches, and skip one another transaction holds", { skip }, async () => {
  const q = await newQueue();
  const holder = new pg.Client({ connectionString: q.address });
  await holder.connect();
  try {
    await addToQueue(q.pool, KNOWN, 1, "");
    // another worker's claim in the middle of its transaction: its row is locked
    await holder.query("BEGIN");
    await holder.query("SELECT id FROM queue_batches WHERE id = (SELECT min(id) FROM queue_batches) FOR UPDATE");
    const [a, b] = await Promise.all([claimBatch(q.pool, "w1", 60), claimBatch(q.pool, "w2", 60)]);
    assert.ok(a && b);
    const first = Number((await rows(q.address, "SELECT min(id) AS id FROM queue_batches"))[0].id);
    assert.deepEqual([a.batch, b.batch].sort(), [first + 1, first + 2], "both skipped the locked batch, and took one each");
    assert.equal(await claimBatch(q.pool, "w3", 60), null, "nothing left but the locked batch");
    await holder.query("ROLLBACK");
    const c = await claimBatch(q.pool, "w3", 60);
    assert.equal(c?.batch, first);
    assert.deepEqual(c?.documents.map((d) => [d.doc.id, d.origin]), [[A.doc.id, "known.jsonl:1"]]);
    assert.deepEqual(await rows(q.address, "SELECT worker, status, attempts FROM queue_batches ORDER BY id"), [
      { worker: "w3", status: "running", attempts: 1 },
      { worker: a.batch === first + 1 ? "w1" : "w2", status: "running", attempts: 1 },
      { worker: a.batch === first + 1 ? "w2" : "w1", status: "running", attempts: 1 },
    ]);
    // a worker told to stop gives its batch back, not counted as an attempt
    await releaseBatch(q.pool, c!);
    assert.deepEqual((await claimBatch(q.pool, "w4", 60))?.attempt, 1);
  } finally {
    await holder.end();
    await q.pool.end();
    await q.store.close();
  }
});

test("a lease that runs out hands the batch on; the old claim can neither renew nor write", { skip }, async () => {
  const q = await newQueue();
  try {
    await addToQueue(q.pool, KNOWN, 10, "");
    const first = await claimBatch(q.pool, "slow", 1);
    assert.ok(first);
    assert.equal(await claimBatch(q.pool, "other", 1), null, "held while its lease runs");
    assert.equal(await renewLease(q.pool, first, 1), true);
    await sleep(1300);
    const second = await claimBatch(q.pool, "other", 30);
    assert.equal(second?.batch, first.batch);
    assert.equal(second?.attempt, 2);
    assert.equal(await renewLease(q.pool, first, 30), false);
    const outcomes = [A, B, C].map((item, position) => ({ position, item }));
    assert.equal(await completeBatch(q.pool, first, outcomes, "v1", q.run), null, "the lost claim writes nothing");
    assert.equal((await q.store.counts()).documents, 0);
    assert.deepEqual(await completeBatch(q.pool, second!, outcomes, "v1", q.run), { added: 3, replaced: 0, unchanged: 0, events: A.events.length + B.events.length + C.events.length });
    assert.equal((await q.store.counts()).documents, 3);
    assert.deepEqual(await rows(q.address, "SELECT status, claim, lease_until, events FROM queue_batches"), [{ status: "done", claim: null, lease_until: null, events: A.events.length + B.events.length + C.events.length }]);
    assert.deepEqual(await rows(q.address, "SELECT status FROM queue_documents ORDER BY position"), [{ status: "added" }, { status: "added" }, { status: "added" }]);
    assert.equal(await completeBatch(q.pool, second!, outcomes, "v1", q.run), null, "a done batch is not completed twice");
  } finally {
    await q.pool.end();
    await q.store.close();
  }
});

test(`a batch whose lease ran out ${MAX_ATTEMPTS} times is failed with the reason; retry puts it back`, { skip }, async () => {
  const q = await newQueue();
  try {
    await addToQueue(q.pool, KNOWN.slice(0, 1), 10, "");
    await addToQueue(q.pool, KNOWN.slice(1), 10, "");
    const [doomed] = [await claimBatch(q.pool, "w", 0.2)];
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await sleep(300);
      assert.equal((await claimBatch(q.pool, "w", 0.2))?.batch, doomed!.batch, `claim ${attempt} takes it again`);
    }
    await sleep(300);
    const next = await claimBatch(q.pool, "w", 60);
    assert.notEqual(next?.batch, doomed!.batch, "the queue goes on to the next batch");
    await failBatch(q.pool, next!, "the server said no");
    const status = await queueStatus(q.pool, 300, 10);
    assert.deepEqual([status.queued.batches, status.running.batches, status.done.batches, status.failed.batches], [0, 0, 0, 2]);
    assert.match(status.failedBatches[0].reason, new RegExp(`^its lease ran out ${MAX_ATTEMPTS} times .*the last worker was w$`));
    assert.equal(status.failedBatches[1].reason, "the server said no");
    assert.deepEqual(await retryFailed(q.pool), { batches: 2, documents: 0 });
    const again = await claimBatch(q.pool, "w", 60);
    assert.deepEqual([again?.batch, again?.attempt], [doomed!.batch, 1]);
  } finally {
    await q.pool.end();
    await q.store.close();
  }
});

test("a batch queued for re-coding to a version is claimed only by workers coding with it", { skip }, async () => {
  const q = await newQueue();
  try {
    await addToQueue(q.pool, KNOWN.slice(0, 1), 10, "v2");
    await addToQueue(q.pool, KNOWN.slice(1, 2), 10, "");
    const other = await claimBatch(q.pool, "old", 60, "v1");
    assert.deepEqual(other?.documents.map((d) => d.doc.id), [KNOWN[1].doc.id], "a v1 worker takes the batch added, not the v2 re-code");
    assert.equal(await claimBatch(q.pool, "old", 60, "v1"), null);
    assert.deepEqual(await waitingForOtherVersions(q.pool, "v1"), [{ version: "v2", batches: 1, documents: 1 }]);
    assert.deepEqual((await queueStatus(q.pool, 300, 10)).recodeVersions, [{ version: "v2", batches: 1, documents: 1 }]);
    assert.equal(await nextLeaseEnd(q.pool, "v2") !== null, true, "the v1 claim is one a v2 worker could take when it runs out");
    const mine = await claimBatch(q.pool, "new", 60, "v2");
    assert.deepEqual(mine?.documents.map((d) => d.doc.id), [KNOWN[0].doc.id]);
    assert.deepEqual(await waitingForOtherVersions(q.pool, "v1"), [{ version: "v2", batches: 1, documents: 1 }], "running, still not v1's");
  } finally {
    await q.pool.end();
    await q.store.close();
  }
});

test("a document that failed is recorded with its reason; the rest of its batch is stored; status shows both", { skip }, async () => {
  const q = await newQueue();
  try {
    await addToQueue(q.pool, KNOWN, 10, "");
    const claim = await claimBatch(q.pool, "w", 60);
    const running = await queueStatus(q.pool, 300, 10);
    assert.deepEqual(running.running, { batches: 1, documents: 3 });
    assert.equal(running.runningBatches[0].worker, "w");
    assert.ok(running.runningBatches[0].leaseSecondsLeft > 50 && running.runningBatches[0].leaseSecondsLeft <= 60);
    const counts = await completeBatch(q.pool, claim!, [{ position: 0, item: A }, { position: 1, error: "document too long" }, { position: 2, item: C }], "v1", q.run);
    assert.deepEqual(counts, { added: 2, replaced: 0, unchanged: 0, events: A.events.length + C.events.length });
    assert.deepEqual((await rows(q.address, "SELECT id FROM documents ORDER BY id")).map((r) => r.id), [A.doc.id, C.doc.id].sort());
    const status = await queueStatus(q.pool, 300, 10);
    assert.deepEqual(status.done, { batches: 1, documents: 3 });
    assert.equal(status.failedDocuments, 1);
    assert.deepEqual(status.failedDocumentList, [{ batch: claim!.batch, id: B.doc.id, origin: "known.jsonl:2", reason: "document too long" }]);
    assert.ok(status.rate.documentsPerSecond > 0);
    assert.deepEqual(await rows(q.address, "SELECT documents_added, events_written FROM runs WHERE id = $1", [q.run]), [{ documents_added: 2, events_written: A.events.length + C.events.length }]);
    // retry: the failed document, and only it, in a batch of its own; each document counted once
    assert.deepEqual(await retryFailed(q.pool), { batches: 0, documents: 1 });
    const after = await queueStatus(q.pool, 300, 10);
    assert.deepEqual([after.queued, after.done, after.failedDocuments], [{ batches: 1, documents: 1 }, { batches: 1, documents: 2 }, 0]);
    const retried = await claimBatch(q.pool, "w", 60);
    assert.deepEqual(retried?.documents.map((d) => [d.position, d.doc.id, d.origin]), [[0, B.doc.id, "known.jsonl:2"]]);
  } finally {
    await q.pool.end();
    await q.store.close();
  }
});
