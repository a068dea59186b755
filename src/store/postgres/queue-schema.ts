/**
 * The work queue's tables in a PostgreSQL store (migration 3): documents
 * waiting to be coded, in batches that workers on any number of machines
 * claim. See ./queue.ts for how a batch is claimed, leased and completed.
 *
 * - `queue_batches`: one row a batch, `queued`, `running` (held by one
 *   worker's claim until `lease_until`, the server's clock), `done` or
 *   `failed` (with the reason). `claim` is a token new with every claim, so
 *   a worker whose lease ran out and whose batch another took can tell, in
 *   the transaction that would complete it, that it is no longer its own.
 * - `queue_documents`: the documents of each batch as read (JSON), kept until
 *   coded and after, with each one's outcome and, when it failed, why.
 *   A document added (`purpose` empty) is queued once per id and content,
 *   however often it is added; one queued for re-coding carries the coding
 *   version it is to be brought to.
 * - Migration 4 gives each batch that version too (`queue_batches.version`,
 *   NULL for documents added): only a worker coding with those dictionaries
 *   and options claims it, so a re-code is never done with other ones.
 */
import type { Migration } from "../schema.js";

const TEXT = `TEXT COLLATE "C"`;

export const QUEUE_MIGRATION: Migration = {
  version: 3,
  description: "a work queue: batches of documents that coding workers claim under a lease",
  sql: `
CREATE TABLE queue_batches (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status ${TEXT} NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  documents INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  claim ${TEXT},
  worker ${TEXT},
  lease_until TIMESTAMPTZ,
  queued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at TIMESTAMPTZ,
  finished_at TIMESTAMPTZ,
  events INTEGER,
  error ${TEXT}
);
-- what a claim searches stays small however many batches are done
CREATE INDEX queue_batches_open ON queue_batches(id) WHERE status IN ('queued', 'running');
CREATE INDEX queue_batches_finished ON queue_batches(finished_at) WHERE status = 'done';

CREATE TABLE queue_documents (
  batch BIGINT NOT NULL REFERENCES queue_batches(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id ${TEXT} NOT NULL,
  content_hash ${TEXT} NOT NULL,
  purpose ${TEXT} NOT NULL,
  document ${TEXT} NOT NULL,
  origin ${TEXT} NOT NULL,
  status ${TEXT} NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'added', 'replaced', 'unchanged', 'failed')),
  error ${TEXT},
  PRIMARY KEY (batch, position)
);
CREATE UNIQUE INDEX queue_documents_added ON queue_documents(id, content_hash) WHERE purpose = '';
CREATE INDEX queue_documents_waiting ON queue_documents(id, purpose) WHERE status = 'queued';
CREATE INDEX queue_documents_failed ON queue_documents(batch) WHERE status = 'failed';
`,
};

export const QUEUE_VERSION_MIGRATION: Migration = {
  version: 4,
  description: "each queued batch of a re-code names the coding version it is for; only workers coding with it claim the batch",
  sql: `
ALTER TABLE queue_batches ADD COLUMN version ${TEXT};
UPDATE queue_batches b SET version = d.purpose FROM (SELECT DISTINCT batch, purpose FROM queue_documents WHERE purpose <> '') d WHERE d.batch = b.id;
`,
};
