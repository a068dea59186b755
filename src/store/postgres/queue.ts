/**
 * A queue of documents to code in a PostgreSQL store, for coding workers on
 * any number of machines (`annals queue add`, `annals worker`).
 *
 * Why a claim query of our own rather than pg-boss or graphile-worker: the
 * batch's completion must commit in the very transaction that writes its
 * documents and events (./writes.ts, with COPY on that connection), and that
 * transaction must first see that the claim is still this worker's (not
 * lost to another when its lease ran out). graphile-worker completes a job
 * on its own connection after the task returns; pg-boss can complete inside
 * a transaction given to it, but its expiry is its own maintenance loop
 * beside ours, its tables a second schema with its own migrations, and the
 * per-document outcomes and status counts would live in our tables anyway.
 * What both libraries use underneath is what this does:
 * `SELECT ... FOR UPDATE SKIP LOCKED` on a table of batches, claims with a
 * lease on the server's clock, and a fresh token per claim checked under
 * the row's lock at completion.
 *
 * Guarantees: a batch is held by at most one claim at a time; a worker that
 * dies loses its claim when the lease runs out and the next claim takes the
 * batch; a batch's documents reach the store in the transaction that marks
 * it done, so a crash leaves both or neither; a completion whose claim was
 * lost writes nothing.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Document } from "../../core/index.js";
import { contentHash, type CodedItem, type SaveCounts } from "../store.js";
import { redactAddress } from "../address.js";
import { createPool, guarded, inTransaction } from "./connection.js";
import { migrate } from "./migrate.js";
import { addToRun, countOutcomes, saveItems } from "./writes.js";

/** A document to queue, and where it was read (`file:line`), for messages. */
export interface QueueEntry {
  doc: Document;
  origin: string;
}

export interface AddCounts {
  queued: number;
  /** Left out: queued before with the same id and content. */
  alreadyQueued: number;
  batches: number;
}

export interface Claim {
  batch: number;
  token: string;
  /** This is the n-th claim of the batch (more than 1: a worker before lost it). */
  attempt: number;
  documents: (QueueEntry & { position: number })[];
}

/** What became of one document of a claimed batch. */
export type DocumentOutcome = { position: number; item: CodedItem } | { position: number; unchanged: true } | { position: number; error: string };

/** A connection pool to the queue of the store at `address`, its schema brought up to date as the store's is. */
export async function openQueue(address: string): Promise<{ pool: pg.Pool; location: string }> {
  const location = redactAddress(address);
  const pool = createPool(address, { readonly: false, max: 2 });
  try {
    await guarded(location, () => migrate(pool, location, false));
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
  return { pool, location };
}

/** How many times a batch may be claimed and its lease run out before it is failed rather than claimed again. */
export const MAX_ATTEMPTS = 3;

const UNIQUE_ADDED = "ON CONFLICT (id, content_hash) WHERE purpose = '' DO NOTHING";

/**
 * Queues the entries in batches of `batchSize`, each batch in one
 * transaction (a batch is never seen half written). `purpose` is empty for
 * documents added (each id and content queued once, ever) and the coding
 * version for a re-code (queued again only when not already waiting).
 */
export async function addToQueue(pool: pg.Pool, entries: QueueEntry[], batchSize: number, purpose: string): Promise<AddCounts> {
  const counts: AddCounts = { queued: 0, alreadyQueued: 0, batches: 0 };
  for (let start = 0; start < entries.length; start += batchSize) {
    const part = entries.slice(start, start + batchSize);
    const queued = await inTransaction(pool, async (client) => {
      const batch = (await client.query<{ id: number }>("INSERT INTO queue_batches (documents, version) VALUES ($1, $2) RETURNING id", [part.length, purpose || null])).rows[0].id;
      const waiting = purpose ? "WHERE NOT EXISTS (SELECT 1 FROM queue_documents q WHERE q.id = x.id AND q.purpose = $7 AND q.status = 'queued')" : "";
      const inserted = await client.query(
        `INSERT INTO queue_documents (batch, position, id, content_hash, purpose, document, origin)
         SELECT $1, x.position, x.id, x.hash, $7, x.document, x.origin
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(position, id, hash, document, origin) ${waiting}
         ${purpose ? "" : UNIQUE_ADDED}`,
        [batch, part.map((_, i) => i), part.map((e) => e.doc.id), part.map((e) => contentHash(e.doc)), part.map((e) => JSON.stringify(e.doc)), part.map((e) => e.origin), purpose],
      );
      const n = inserted.rowCount ?? 0;
      if (n === 0) await client.query("DELETE FROM queue_batches WHERE id = $1", [batch]);
      else if (n < part.length) await client.query("UPDATE queue_batches SET documents = $1 WHERE id = $2", [n, batch]);
      return n;
    });
    counts.queued += queued;
    counts.alreadyQueued += part.length - queued;
    if (queued > 0) counts.batches++;
  }
  return counts;
}

/**
 * Claims the oldest batch that is queued, or whose lease ran out, for
 * `worker` for `leaseSeconds`; null when there is none. A batch queued for
 * re-coding to a coding version is claimed only by a worker that codes with
 * it (`version`; undefined claims any batch). Batches whose lease ran out
 * `MAX_ATTEMPTS` times are failed first, so one that kills its workers (or
 * takes longer than any lease) cannot hold up the queue.
 */
export async function claimBatch(pool: pg.Pool, worker: string, leaseSeconds: number, version?: string): Promise<Claim | null> {
  await pool.query(
    `UPDATE queue_batches SET status = 'failed', finished_at = now(), claim = NULL, lease_until = NULL,
       error = format('its lease ran out %s times (its workers were killed, or coding it takes longer than --lease); the last worker was %s', attempts, worker)
     WHERE status = 'running' AND lease_until < now() AND attempts >= $1`,
    [MAX_ATTEMPTS],
  );
  const token = randomUUID();
  const claimed = await pool.query<{ id: number; attempts: number }>(
    `WITH next AS (
       SELECT id FROM queue_batches WHERE (status = 'queued' OR (status = 'running' AND lease_until < now()))
         AND ($4::text IS NULL OR version IS NULL OR version = $4)
       ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
     UPDATE queue_batches b SET status = 'running', attempts = b.attempts + 1, claim = $1, worker = $2,
       lease_until = now() + make_interval(secs => $3), started_at = now()
     FROM next WHERE b.id = next.id RETURNING b.id, b.attempts`,
    [token, worker, leaseSeconds, version ?? null],
  );
  if (claimed.rowCount === 0) return null;
  const { id, attempts } = claimed.rows[0];
  const docs = await pool.query<{ position: number; document: string; origin: string }>("SELECT position, document, origin FROM queue_documents WHERE batch = $1 ORDER BY position", [id]);
  return { batch: id, token, attempt: attempts, documents: docs.rows.map((r) => ({ position: r.position, doc: JSON.parse(r.document) as Document, origin: r.origin })) };
}

/**
 * Seconds until the first lease of a batch another worker holds runs out
 * (0 when one already has), or null when no batch is held: nothing is left
 * for a worker that stops when the queue is done. Only batches a worker
 * coding with `version` could take count.
 */
export async function nextLeaseEnd(pool: pg.Pool, version?: string): Promise<number | null> {
  // min() of no rows is NULL: no batch held
  const r = await pool.query<{ left: number | null }>(
    "SELECT extract(epoch FROM min(lease_until) - now())::float8 AS left FROM queue_batches WHERE status = 'running' AND ($1::text IS NULL OR version IS NULL OR version = $1)",
    [version ?? null],
  );
  const left = r.rows[0].left;
  return left === null ? null : Math.max(0, left);
}

/** Batches queued for re-coding to a coding version other than `version`, by version: what a worker coding with `version` leaves. */
export async function waitingForOtherVersions(pool: pg.Pool, version: string): Promise<{ version: string; batches: number; documents: number }[]> {
  const r = await pool.query<{ version: string; batches: number; documents: number }>(
    "SELECT version, count(*)::int AS batches, sum(documents)::int AS documents FROM queue_batches WHERE status IN ('queued', 'running') AND version IS NOT NULL AND version <> $1 GROUP BY version ORDER BY version",
    [version],
  );
  return r.rows;
}

/** Extends the claim's lease; false when the claim is no longer this worker's. */
export async function renewLease(pool: pg.Pool, claim: Claim, leaseSeconds: number): Promise<boolean> {
  const r = await pool.query("UPDATE queue_batches SET lease_until = now() + make_interval(secs => $1) WHERE id = $2 AND claim = $3 AND status = 'running'", [leaseSeconds, claim.batch, claim.token]);
  return r.rowCount === 1;
}

/**
 * Writes the coded documents of a claimed batch, each document's outcome,
 * and the batch done, in one transaction, adding to the worker's run; null
 * (and nothing written) when the claim was lost to another worker.
 */
export async function completeBatch(pool: pg.Pool, claim: Claim, outcomes: DocumentOutcome[], dictVersion: string, run: number): Promise<SaveCounts | null> {
  return inTransaction(pool, async (client) => {
    const held = await client.query("SELECT 1 FROM queue_batches WHERE id = $1 AND claim = $2 AND status = 'running' FOR UPDATE", [claim.batch, claim.token]);
    if (held.rowCount === 0) return null;
    const coded = outcomes.filter((o): o is { position: number; item: CodedItem } => "item" in o);
    const items = coded.map((o) => o.item);
    const saved = await saveItems(client, items, dictVersion, run);
    const status = new Map<number, { status: string; error: string | null }>();
    coded.forEach((o, i) => status.set(o.position, { status: saved[i], error: null }));
    for (const o of outcomes) if (!("item" in o)) status.set(o.position, "error" in o ? { status: "failed", error: o.error } : { status: "unchanged", error: null });
    const positions = [...status.keys()];
    await client.query(
      `UPDATE queue_documents d SET status = x.status, error = x.error FROM unnest($2::int[], $3::text[], $4::text[]) AS x(position, status, error)
       WHERE d.batch = $1 AND d.position = x.position`,
      [claim.batch, positions, positions.map((p) => status.get(p)!.status), positions.map((p) => status.get(p)!.error)],
    );
    const counts = countOutcomes(items, saved);
    await client.query("UPDATE queue_batches SET status = 'done', finished_at = now(), events = $2, claim = NULL, lease_until = NULL, error = NULL WHERE id = $1", [claim.batch, counts.events]);
    await addToRun(client, run, counts);
    return counts;
  });
}

/** Gives a claimed batch back to the queue as it was (a worker told to stop); the claim does not count as an attempt. */
export async function releaseBatch(pool: pg.Pool, claim: Claim): Promise<void> {
  await pool.query("UPDATE queue_batches SET status = 'queued', attempts = greatest(attempts - 1, 0), claim = NULL, worker = NULL, lease_until = NULL, started_at = NULL WHERE id = $1 AND claim = $2", [claim.batch, claim.token]);
}

/** Marks a claimed batch failed as a whole, with the reason; the queue goes on. */
export async function failBatch(pool: pg.Pool, claim: Claim, reason: string): Promise<void> {
  await pool.query("UPDATE queue_batches SET status = 'failed', finished_at = now(), claim = NULL, lease_until = NULL, error = $3 WHERE id = $1 AND claim = $2", [claim.batch, claim.token, reason]);
}

/** How many documents a batch of documents retried on their own holds at most. */
const RETRY_BATCH = 200;

/**
 * Puts every failed batch back in the queue, its attempts counted from
 * nothing, and the documents that failed on their own in batches done (the
 * rest of their batch stored) into new batches of their own, to be coded
 * again (by workers with, say, a larger --max-chars, or a newer annals).
 */
export async function retryFailed(pool: pg.Pool): Promise<{ batches: number; documents: number }> {
  return inTransaction(pool, async (client) => {
    const batches = await client.query("UPDATE queue_batches SET status = 'queued', attempts = 0, claim = NULL, worker = NULL, lease_until = NULL, started_at = NULL, finished_at = NULL, error = NULL WHERE status = 'failed'");
    let documents = 0;
    for (;;) {
      const next = await client.query<{ batch: number; position: number; version: string | null }>(
        `SELECT d.batch, d.position, b.version FROM queue_documents d JOIN queue_batches b ON b.id = d.batch
         WHERE d.status = 'failed' AND b.status = 'done' ORDER BY b.version NULLS FIRST, d.batch, d.position LIMIT $1`,
        [RETRY_BATCH],
      );
      if (next.rowCount === 0) break;
      // one coding version a batch: the first one's
      const version = next.rows[0].version;
      const rows = next.rows.filter((r) => r.version === version);
      const batch = (await client.query<{ id: number }>("INSERT INTO queue_batches (documents, version) VALUES ($1, $2) RETURNING id", [rows.length, version])).rows[0].id;
      await client.query(
        `UPDATE queue_documents d SET batch = $1, position = x.n - 1, status = 'queued', error = NULL
         FROM unnest($2::bigint[], $3::int[]) WITH ORDINALITY AS x(batch, position, n) WHERE d.batch = x.batch AND d.position = x.position`,
        [batch, rows.map((r) => r.batch), rows.map((r) => r.position)],
      );
      // the batches they leave count them no more, so status counts each document once
      await client.query(
        "UPDATE queue_batches b SET documents = b.documents - x.moved FROM (SELECT batch, count(*)::int AS moved FROM unnest($1::bigint[]) AS batch GROUP BY batch) x WHERE b.id = x.batch",
        [rows.map((r) => r.batch)],
      );
      documents += rows.length;
    }
    return { batches: batches.rowCount ?? 0, documents };
  });
}
