/**
 * The SQLite schema of the event store as numbered migrations. A database
 * records every migration applied to it (`schema_version`), so an older file
 * is brought up to date when a newer annals opens it for writing, and a file
 * from a newer annals is refused rather than misread. Never edit a migration
 * that has shipped: add the next one.
 *
 * Shape, and why:
 * - `documents` keeps the full text (and parse), so `recode` can re-code
 *   without the original files; `content_hash` + `dict_version` make ingest
 *   idempotent.
 * - `sentences` holds each sentence that carries events once, however many
 *   events it gives, and is what full-text search indexes (FTS5, external
 *   content, kept in step by triggers). An event's `text` is its sentence.
 * - `events` has every field of the event record, the actor, verb and
 *   location objects spread into columns so they can be indexed and
 *   exported flat. `seq` is the insertion order (an INTEGER PRIMARY KEY, so
 *   VACUUM cannot renumber it); `id` is the coder's stable event id. Later
 *   tables (incidents clustering reports across sources) can point at `seq`.
 * - `runs` records each ingestion: when, with which dictionaries, what came of it.
 *   Since schema 2 it keeps the writer's process id, so the next ingest can
 *   mark a run left `running` by a killed process as `interrupted`.
 * - `agg_tuples`, `agg_dyads`, `agg_months` (since schema 5) keep what `stats`
 *   and `top` count, written with the events: see ./aggregates.ts.
 */
import { aggregateTablesSql, FILL_AGGREGATES_SQL } from "./aggregates.js";

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Created before any migration, so a database can say which migrations it has. */
export const SCHEMA_VERSION_TABLE = `
CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL
);`;

const ACTOR_COLUMNS = (side: "source" | "target") => `
  ${side}_code TEXT,
  ${side}_country TEXT,
  ${side}_sectors TEXT,
  ${side}_name TEXT,
  ${side}_text TEXT,
  ${side}_start INTEGER,
  ${side}_end INTEGER,`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "documents, sentences, events, runs; indexes; full-text search over sentences",
    sql: `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  dict_version TEXT NOT NULL,
  annals_version TEXT NOT NULL,
  inputs TEXT NOT NULL,
  documents_added INTEGER NOT NULL DEFAULT 0,
  documents_replaced INTEGER NOT NULL DEFAULT 0,
  documents_unchanged INTEGER NOT NULL DEFAULT 0,
  documents_failed INTEGER NOT NULL DEFAULT 0,
  events_written INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  dict_version TEXT NOT NULL,
  date TEXT,
  place TEXT,
  source TEXT,
  url TEXT,
  title TEXT,
  text TEXT NOT NULL,
  parse TEXT,
  run INTEGER REFERENCES runs(id),
  coded_at TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE sentences (
  seq INTEGER PRIMARY KEY,
  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (doc, idx)
);

CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content = 'sentences', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  date TEXT,${ACTOR_COLUMNS("source")}${ACTOR_COLUMNS("target")}
  code TEXT NOT NULL,
  root TEXT NOT NULL,
  quad INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover TEXT NOT NULL,
  verb_text TEXT NOT NULL,
  verb_start INTEGER NOT NULL,
  verb_end INTEGER NOT NULL,
  negated INTEGER NOT NULL CHECK (negated IN (0, 1)),
  mood TEXT NOT NULL,
  location_name TEXT,
  location_country TEXT,
  location_lat REAL,
  location_lon REAL,
  issues TEXT NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL
);
CREATE INDEX events_doc ON events(doc, sentence);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad_date ON events(source_code, target_code, date);
CREATE INDEX events_target_date ON events(target_code, date);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_root_date ON events(root, date);
`,
  },
  {
    version: 2,
    description: "runs: status 'interrupted' and the writer's pid; documents by dictionary version (for recode)",
    // SQLite cannot change a CHECK in place: the table is rebuilt (foreign keys are off while migrating)
    sql: `
CREATE TABLE runs_new (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  dict_version TEXT NOT NULL,
  annals_version TEXT NOT NULL,
  inputs TEXT NOT NULL,
  documents_added INTEGER NOT NULL DEFAULT 0,
  documents_replaced INTEGER NOT NULL DEFAULT 0,
  documents_unchanged INTEGER NOT NULL DEFAULT 0,
  documents_failed INTEGER NOT NULL DEFAULT 0,
  events_written INTEGER NOT NULL DEFAULT 0,
  pid INTEGER
);
INSERT INTO runs_new (id, command, status, started_at, finished_at, dict_version, annals_version, inputs, documents_added, documents_replaced, documents_unchanged, documents_failed, events_written)
  SELECT id, command, status, started_at, finished_at, dict_version, annals_version, inputs, documents_added, documents_replaced, documents_unchanged, documents_failed, events_written FROM runs;
DROP TABLE runs;
ALTER TABLE runs_new RENAME TO runs;
CREATE INDEX documents_dict_version ON documents(dict_version, id);
`,
  },
  {
    version: 3,
    description: "dyads by the three-letter prefix of each side (the country, or IGO, NGO, ...), then date",
    // a "CHN,RUS" dyad is a prefix on both sides: (source, target, date) can narrow only the source
    sql: `
CREATE INDEX events_dyad_prefix_date ON events(substr(source_code, 1, 3), substr(target_code, 1, 3), date);
`,
  },
  {
    version: 4,
    description: "events: intended_code, the act a stated intent, threat or refusal is about",
    sql: `
ALTER TABLE events ADD COLUMN intended_code TEXT;
`,
  },
  {
    version: 5,
    description: "aggregates kept at ingest: events, distinct tuples and Goldstein sums by tuple, dyad and month, filled from the events",
    sql: aggregateTablesSql("sqlite") + FILL_AGGREGATES_SQL,
  },
];

/** The schema this annals writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
