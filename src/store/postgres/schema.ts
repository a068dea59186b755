/**
 * The PostgreSQL schema of the event store as numbered migrations, recorded
 * in `schema_version` as on SQLite (../schema.ts); the numbers are this
 * backend's own. Never edit a migration that has shipped: add the next one.
 *
 * The tables and columns are SQLite's, so a row reads the same from either
 * and the shared SQL (../filters.ts, ../reads.ts) runs on both. Where the two
 * differ, and why:
 * - Every text column is `COLLATE "C"`: compared and sorted byte by byte, as
 *   SQLite does, so prefix ranges (`code >= 'CHN' AND code < 'CHN\uffff'`),
 *   orders and ties come out the same whatever the database's own collation.
 * - `seq` is an identity column, given in the order rows are written (COPY
 *   keeps the order of its input), as SQLite's INTEGER PRIMARY KEY is.
 * - Full-text search is PostgreSQL's own: a stored `tsvector` of each sentence
 *   (English configuration: stemmed, stop words left out) with a GIN index.
 * - The indexes that page in an order carry `seq` as their last column:
 *   SQLite's indexes hold the rowid implicitly, PostgreSQL's do not. Dates
 *   sort NULL first, as SQLite does, so `ORDER BY date NULLS FIRST, seq`
 *   walks the index forwards and its reverse backwards.
 * - `runs` keeps the writer's host beside its pid: writers on other machines
 *   share one server, and only a run of this machine can be seen to be dead.
 * - The aggregates kept at ingest (../aggregates.ts) are SQLite's tables,
 *   filled from the events the same way (migration 2, SQLite's 5).
 */
import { aggregateTablesSql, FILL_AGGREGATES_SQL } from "../aggregates.js";
import type { Migration } from "../schema.js";
import { QUEUE_MIGRATION, QUEUE_VERSION_MIGRATION } from "./queue-schema.js";

const TEXT = `TEXT COLLATE "C"`;

const ACTOR_COLUMNS = (side: "source" | "target") => `
  ${side}_code ${TEXT},
  ${side}_country ${TEXT},
  ${side}_sectors ${TEXT},
  ${side}_name ${TEXT},
  ${side}_text ${TEXT},
  ${side}_start INTEGER,
  ${side}_end INTEGER,`;

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "documents, sentences with their text-search vectors, events, runs; indexes",
    sql: `
CREATE TABLE runs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  command ${TEXT} NOT NULL,
  status ${TEXT} NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
  started_at ${TEXT} NOT NULL,
  finished_at ${TEXT},
  dict_version ${TEXT} NOT NULL,
  annals_version ${TEXT} NOT NULL,
  inputs ${TEXT} NOT NULL,
  documents_added INTEGER NOT NULL DEFAULT 0,
  documents_replaced INTEGER NOT NULL DEFAULT 0,
  documents_unchanged INTEGER NOT NULL DEFAULT 0,
  documents_failed INTEGER NOT NULL DEFAULT 0,
  events_written INTEGER NOT NULL DEFAULT 0,
  pid INTEGER,
  host ${TEXT}
);

CREATE TABLE documents (
  id ${TEXT} PRIMARY KEY,
  content_hash ${TEXT} NOT NULL,
  dict_version ${TEXT} NOT NULL,
  date ${TEXT},
  place ${TEXT},
  source ${TEXT},
  url ${TEXT},
  title ${TEXT},
  text ${TEXT} NOT NULL,
  parse ${TEXT},
  run BIGINT REFERENCES runs(id),
  coded_at ${TEXT} NOT NULL
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_dict_version ON documents(dict_version, id);

CREATE TABLE sentences (
  doc ${TEXT} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text ${TEXT} NOT NULL,
  words TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  PRIMARY KEY (doc, idx)
);
CREATE INDEX sentences_words ON sentences USING GIN (words);

CREATE TABLE events (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id ${TEXT} NOT NULL UNIQUE,
  doc ${TEXT} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  date ${TEXT},${ACTOR_COLUMNS("source")}${ACTOR_COLUMNS("target")}
  code ${TEXT} NOT NULL,
  root ${TEXT} NOT NULL,
  quad SMALLINT NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL,
  plover ${TEXT} NOT NULL,
  verb_text ${TEXT} NOT NULL,
  verb_start INTEGER NOT NULL,
  verb_end INTEGER NOT NULL,
  negated SMALLINT NOT NULL CHECK (negated IN (0, 1)),
  mood ${TEXT} NOT NULL,
  intended_code ${TEXT},
  location_name ${TEXT},
  location_country ${TEXT},
  location_lat DOUBLE PRECISION,
  location_lon DOUBLE PRECISION,
  issues ${TEXT} NOT NULL,
  rule ${TEXT} NOT NULL,
  confidence DOUBLE PRECISION NOT NULL
);
CREATE INDEX events_doc ON events(doc, sentence);
CREATE INDEX events_date ON events(date NULLS FIRST, seq);
CREATE INDEX events_dyad_date ON events(source_code, target_code, date);
CREATE INDEX events_target_date ON events(target_code, date);
CREATE INDEX events_dyad_prefix_date ON events(substr(source_code, 1, 3), substr(target_code, 1, 3), date);
CREATE INDEX events_code ON events(code, seq);
CREATE INDEX events_root_date ON events(root, date);
`,
  },
  {
    version: 2,
    description: "aggregates kept at ingest: events, distinct tuples and Goldstein sums by tuple, dyad and month, filled from the events",
    sql: aggregateTablesSql("postgres") + FILL_AGGREGATES_SQL,
  },
  QUEUE_MIGRATION,
  QUEUE_VERSION_MIGRATION,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version;
