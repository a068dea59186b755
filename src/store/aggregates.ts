/**
 * Aggregates kept at ingest: what `stats` and `top` count, stored by key and
 * updated in the same transaction as the events, so those reads sum a few
 * rows instead of scanning every event.
 *
 * What is counted. `stats` and `top` give, per group, the events (mentions),
 * the distinct (date, source, target, code) tuples (the one-a-day count) and
 * the Goldstein sum; by default only the events that count (asserted or a
 * stated act, and not denied), with `all` every event. So each aggregate row
 * carries both: `events`, `goldstein`, `tuples` over every event, and
 * `counted_events`, `counted_goldstein`, `counted_tuples` over those that
 * count. Any other mood or negation filter is not in the key: it is answered
 * by the scan, as are text, place, country, document and PLOVER filters.
 *
 * The distinct count. A tuple is (date, source, target, code), so a distinct
 * count is additive over any partition of the tuples: the distinct tuples of
 * a month are the sum of those of its days, those of an actor the sum over
 * its dyads. What is not additive is the event stream: a tuple reported twice
 * is one. Hence the base table, `agg_tuples`, has one row per tuple with its
 * event counts; a tuple is counted while its count is above zero, and a
 * tuple's row goes when its last event does. Rollups (coarser keys) keep
 * `tuples` as a number, moved by one when a tuple's count leaves or reaches
 * zero: the writer learns that from the tuple row's new count (RETURNING).
 * Undated events have no tuple in the scan's count (its key is NULL there);
 * they are kept under the date '' for their event and Goldstein counts, and
 * add no tuple.
 *
 * Keys. A missing date, source or target is '' (a key column of a unique
 * index must not be NULL for ON CONFLICT to find it); no code is ''. Root and
 * quad class follow from the code, so keying them too adds no row and lets
 * their filters read the key.
 * - `agg_tuples` (date, source, target, code, root, quad): answers every
 *   filter on those, by any period.
 * - `agg_dyads` (source, target, quad): top dyads of all time, and top
 *   actors of all time among the events of an actor or dyad. Quad class 0
 *   is the dyad over all four; indexed by the events that count, the top
 *   dyads (the default ranking) are read in order, with no sum or sort. One
 *   index only, and of those rows only: each index is one more write.
 * - `agg_actors` (actor, quad): top actors of all time; a tuple is counted
 *   for its source and for its target (once when they are the same).
 * - `agg_months` (month, root, quad): the series of everything by month or
 *   year, whole months at a time.
 *
 * SQL. The statements here are plain SQL that PostgreSQL runs too
 * (`INSERT ... ON CONFLICT ... DO UPDATE ... RETURNING`, substr, CASE);
 * only a table option (WITHOUT ROWID) and the text columns' collation (see
 * `aggregateTablesSql`) differ, and the `?` placeholders are SQLite's;
 * `COUNTED_SQL` reads `negated` as 0 or 1 (a SMALLINT on PostgreSQL). The
 * writes are in ./aggregate-writes.ts (SQLite) and ./postgres/aggregates.ts,
 * the reads, shared, in ./aggregate-reads.ts.
 */
import type Database from "better-sqlite3";

/** An event counts (`EventFilter.counted`): asserted or a stated act, and not denied. The same as the filter's SQL. */
export const COUNTED_SQL = "negated = 0 AND (mood = 'asserted' OR intended_code IS NOT NULL)";

const MEASURES = `
  events INTEGER NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL,
  counted_events INTEGER NOT NULL,
  counted_goldstein DOUBLE PRECISION NOT NULL`;
const ROLLUP_MEASURES = `${MEASURES},
  tuples INTEGER NOT NULL,
  counted_tuples INTEGER NOT NULL`;

/**
 * A coarser table kept from the tuples: its key columns and where a tuple
 * goes in it. A tuple goes to one row, or (actors) to one row for each side.
 */
interface Rollup {
  table: string;
  columns: readonly string[];
  /** SQL over `agg_tuples`: each projection is the key's columns (one per column) and which tuples it takes. */
  fromTuples: readonly { columns: readonly string[]; where: string }[];
  /** The same, in JavaScript: the keys of the rows a tuple goes to. */
  keysOf(t: TupleKey): (string | number)[][];
}

export const ROLLUPS: readonly Rollup[] = [
  {
    // quad class 0 holds the dyad's totals over all four, so the busiest dyads are the first rows of an index
    table: "agg_dyads",
    columns: ["source", "target", "quad"],
    fromTuples: [
      { columns: ["source", "target", "quad"], where: "1 = 1" },
      { columns: ["source", "target", "0"], where: "1 = 1" },
    ],
    keysOf: (t) => [[t.source, t.target, t.quad], [t.source, t.target, 0]],
  },
  {
    // an actor counts the events it is on either side of, once when it is on both (as `top` counts them)
    table: "agg_actors",
    columns: ["actor", "quad"],
    fromTuples: [
      { columns: ["source", "quad"], where: "source <> ''" },
      { columns: ["target", "quad"], where: "target <> '' AND target <> source" },
    ],
    keysOf: (t) => {
      const keys: (string | number)[][] = [];
      if (t.source !== "") keys.push([t.source, t.quad]);
      if (t.target !== "" && t.target !== t.source) keys.push([t.target, t.quad]);
      return keys;
    },
  },
  {
    table: "agg_months",
    columns: ["month", "root", "quad"],
    fromTuples: [{ columns: ["substr(date, 1, 7)", "root", "quad"], where: "1 = 1" }],
    keysOf: (t) => [[t.date.slice(0, 7), t.root, t.quad]],
  },
];

export const TUPLE_KEY = ["date", "source", "target", "code", "root", "quad"] as const;

/**
 * The tables and their indexes. SQLite keeps each in its key's order, without a rowid; PostgreSQL takes the
 * same statements without that option (DOUBLE PRECISION is SQLite's REAL; an indexed expression in its own
 * parentheses is valid in both), with its text compared byte by byte (`COLLATE "C"`), as SQLite compares it,
 * so prefix ranges and the order of ties are those of the events' columns whatever the database's collation.
 */
export function aggregateTablesSql(dialect: "sqlite" | "postgres"): string {
  const options = dialect === "sqlite" ? " WITHOUT ROWID" : "";
  const TEXT = dialect === "sqlite" ? "TEXT" : `TEXT COLLATE "C"`;
  return `
CREATE TABLE agg_tuples (
  date ${TEXT} NOT NULL,
  source ${TEXT} NOT NULL,
  target ${TEXT} NOT NULL,
  code ${TEXT} NOT NULL,
  root ${TEXT} NOT NULL,
  quad INTEGER NOT NULL,${MEASURES},
  PRIMARY KEY (${TUPLE_KEY.join(", ")})
)${options};
CREATE INDEX agg_tuples_dyad ON agg_tuples ((substr(source, 1, 3)), (substr(target, 1, 3)), date);
CREATE INDEX agg_tuples_target ON agg_tuples (target, date);
CREATE TABLE agg_dyads (
  source ${TEXT} NOT NULL,
  target ${TEXT} NOT NULL,
  quad INTEGER NOT NULL,${ROLLUP_MEASURES},
  PRIMARY KEY (source, target, quad)
)${options};
CREATE INDEX agg_dyads_busiest ON agg_dyads (counted_events DESC, source, target) WHERE quad = 0;
CREATE TABLE agg_actors (
  actor ${TEXT} NOT NULL,
  quad INTEGER NOT NULL,${ROLLUP_MEASURES},
  PRIMARY KEY (actor, quad)
)${options};
CREATE TABLE agg_months (
  month ${TEXT} NOT NULL,
  root ${TEXT} NOT NULL,
  quad INTEGER NOT NULL,${ROLLUP_MEASURES},
  PRIMARY KEY (month, root, quad)
)${options};
`;
}

/** Fills empty aggregate tables from the events: the migration that adds them, and a rebuild. */
export const FILL_AGGREGATES_SQL = [
  `INSERT INTO agg_tuples (${TUPLE_KEY.join(", ")}, events, goldstein, counted_events, counted_goldstein)
SELECT coalesce(date, ''), coalesce(source_code, ''), coalesce(target_code, ''), code, root, quad,
  count(*), sum(goldstein),
  sum(CASE WHEN ${COUNTED_SQL} THEN 1 ELSE 0 END), sum(CASE WHEN ${COUNTED_SQL} THEN goldstein ELSE 0 END)
FROM events GROUP BY 1, 2, 3, 4, 5, 6;`,
  ...ROLLUPS.map((r) => {
    const keys = r.columns.map((_, i) => `k${i}`);
    const projections = r.fromTuples.map((p) => `SELECT ${p.columns.map((c, i) => `${c} AS k${i}`).join(", ")}, date, events, goldstein, counted_events, counted_goldstein FROM agg_tuples WHERE ${p.where}`);
    return `INSERT INTO ${r.table} (${r.columns.join(", ")}, events, goldstein, counted_events, counted_goldstein, tuples, counted_tuples)
SELECT ${keys.join(", ")}, sum(events), sum(goldstein), sum(counted_events), sum(counted_goldstein),
  sum(CASE WHEN date <> '' THEN 1 ELSE 0 END), sum(CASE WHEN date <> '' AND counted_events > 0 THEN 1 ELSE 0 END)
FROM (${projections.join(" UNION ALL ")}) u GROUP BY ${keys.join(", ")};`;
  }),
].join("\n");

/** Builds the aggregates again from the events (after rows were written to `events` directly, as benches and tests do). */
export function rebuildAggregates(db: Database.Database): void {
  db.transaction(() => {
    db.exec(["agg_tuples", ...ROLLUPS.map((r) => r.table)].map((t) => `DELETE FROM ${t};`).join("\n"));
    db.exec(FILL_AGGREGATES_SQL);
  })();
}

/** A tuple row's key, a missing date, source or target as ''. */
export interface TupleKey {
  date: string;
  source: string;
  target: string;
  code: string;
  root: string;
  quad: number;
}
