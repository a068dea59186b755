/**
 * What `annals queue status` shows of a PostgreSQL store's queue: batches
 * and documents by state, the claims held and when their leases run out,
 * the rate over the last minutes, and the failures with their reasons.
 */
import type pg from "pg";

export interface QueueCount {
  batches: number;
  documents: number;
}

export interface RunningBatch {
  batch: number;
  worker: string;
  documents: number;
  attempt: number;
  /** ISO time the lease runs out (the server's clock). */
  leaseUntil: string;
  /** Seconds until then; negative: it ran out, and the next claim takes the batch. */
  leaseSecondsLeft: number;
}

export interface FailedBatch {
  batch: number;
  documents: number;
  worker: string | null;
  reason: string;
}

export interface FailedDocument {
  batch: number;
  id: string;
  origin: string;
  reason: string;
}

export interface QueueStatus {
  queued: QueueCount;
  running: QueueCount;
  done: QueueCount;
  failed: QueueCount;
  /** Documents of done batches that failed on their own (the rest of their batch is stored). */
  failedDocuments: number;
  /** Over the batches finished in the last `windowSeconds` (or since the first of them started, when later). */
  rate: { windowSeconds: number; documentsPerSecond: number; eventsPerSecond: number };
  runningBatches: RunningBatch[];
  failedBatches: FailedBatch[];
  /** The first failed documents, up to the limit asked for. */
  failedDocumentList: FailedDocument[];
  /** Queued and running batches of re-codes, by the coding version only workers coding with it take. */
  recodeVersions: { version: string; batches: number; documents: number }[];
}

export async function queueStatus(pool: pg.Pool, windowSeconds: number, listLimit: number): Promise<QueueStatus> {
  const zero = (): QueueCount => ({ batches: 0, documents: 0 });
  const status: QueueStatus = { queued: zero(), running: zero(), done: zero(), failed: zero(), failedDocuments: 0, rate: { windowSeconds, documentsPerSecond: 0, eventsPerSecond: 0 }, runningBatches: [], failedBatches: [], failedDocumentList: [], recodeVersions: [] };
  const byStatus = await pool.query<{ status: "queued" | "running" | "done" | "failed"; batches: number; documents: number }>("SELECT status, count(*) AS batches, coalesce(sum(documents), 0) AS documents FROM queue_batches GROUP BY status");
  for (const r of byStatus.rows) status[r.status] = { batches: r.batches, documents: r.documents };
  status.failedDocuments = (await pool.query<{ n: number }>("SELECT count(*) AS n FROM queue_documents WHERE status = 'failed'")).rows[0].n;

  const recent = await pool.query<{ documents: number; events: number; span: number | null }>(
    `SELECT coalesce(sum(documents), 0) AS documents, coalesce(sum(events), 0) AS events, extract(epoch FROM now() - min(started_at))::float8 AS span
     FROM queue_batches WHERE status = 'done' AND finished_at > now() - make_interval(secs => $1)`,
    [windowSeconds],
  );
  const { documents, events, span } = recent.rows[0];
  const seconds = Math.max(1, Math.min(windowSeconds, span ?? windowSeconds));
  status.rate = { windowSeconds, documentsPerSecond: documents / seconds, eventsPerSecond: events / seconds };

  const running = await pool.query<{ batch: number; worker: string; documents: number; attempt: number; lease_until: Date; left: number }>(
    "SELECT id AS batch, worker, documents, attempts AS attempt, lease_until, extract(epoch FROM lease_until - now())::float8 AS left FROM queue_batches WHERE status = 'running' ORDER BY id",
  );
  status.runningBatches = running.rows.map((r) => ({ batch: r.batch, worker: r.worker, documents: r.documents, attempt: r.attempt, leaseUntil: r.lease_until.toISOString(), leaseSecondsLeft: Math.round(r.left) }));
  const failed = await pool.query<{ batch: number; documents: number; worker: string | null; reason: string | null }>("SELECT id AS batch, documents, worker, error AS reason FROM queue_batches WHERE status = 'failed' ORDER BY id LIMIT $1", [listLimit]);
  status.failedBatches = failed.rows.map((r) => ({ batch: r.batch, documents: r.documents, worker: r.worker, reason: r.reason ?? "" }));
  const docs = await pool.query<FailedDocument>("SELECT batch, id, origin, coalesce(error, '') AS reason FROM queue_documents WHERE status = 'failed' ORDER BY batch, position LIMIT $1", [listLimit]);
  status.failedDocumentList = docs.rows;
  const recodes = await pool.query<{ version: string; batches: number; documents: number }>(
    "SELECT version, count(*)::int AS batches, sum(documents)::int AS documents FROM queue_batches WHERE status IN ('queued', 'running') AND version IS NOT NULL GROUP BY version ORDER BY version",
  );
  status.recodeVersions = recodes.rows;
  return status;
}
