/**
 * Keeping the aggregates of ./aggregates.ts in step with the events: the
 * changes of one write transaction summed by tuple (`AggregateDeltas`, which
 * knows no database), and their application to the tables (`AggregateWriter`,
 * SQLite) before the transaction commits. The upserts (`AGGREGATE_WRITE_SQL`)
 * are plain SQL that PostgreSQL runs too, but for the `?` placeholders;
 * PostgreSQL applies the same deltas a table at a time (./postgres/aggregates.ts),
 * with the rollups' changes summed here (`RollupChanges`).
 */
import type Database from "better-sqlite3";
import { ROLLUPS, TUPLE_KEY, type TupleKey } from "./aggregates.js";
import type { EventRow } from "./types.js";

export interface TupleDelta extends TupleKey {
  events: number;
  goldstein: number;
  countedEvents: number;
  countedGoldstein: number;
}

/** A rollup row's change: its measures and its tuples. */
export interface RollupDelta {
  key: (string | number)[];
  events: number;
  goldstein: number;
  countedEvents: number;
  countedGoldstein: number;
  tuples: number;
  countedTuples: number;
}

/** True when the event row counts by default; the rule of `COUNTED_SQL` in ./aggregates.ts. */
export function rowCounts(row: EventRow): boolean {
  return row.negated === 0 && (row.mood === "asserted" || row.intended_code !== null);
}

/**
 * What one transaction's writes do to the tuples: events added (+1) and
 * removed (-1), summed by tuple, so a tuple touched by many events of a
 * batch is written once.
 */
export class AggregateDeltas {
  private readonly tuples = new Map<string, TupleDelta>();

  /** An event row (the events table's columns) added (`sign` 1) or removed (-1). */
  add(row: EventRow, sign: 1 | -1): void {
    const date = (row.date as string | null) ?? "";
    const source = (row.source_code as string | null) ?? "";
    const target = (row.target_code as string | null) ?? "";
    const code = row.code as string;
    const root = row.root as string;
    const quad = row.quad as number;
    const id = `${date}|${source}|${target}|${code}|${root}|${quad}`;
    let t = this.tuples.get(id);
    if (!t) {
      t = { date, source, target, code, root, quad, events: 0, goldstein: 0, countedEvents: 0, countedGoldstein: 0 };
      this.tuples.set(id, t);
    }
    const g = (row.goldstein as number) * sign;
    t.events += sign;
    t.goldstein += g;
    if (rowCounts(row)) {
      t.countedEvents += sign;
      t.countedGoldstein += g;
    }
  }

  get size(): number {
    return this.tuples.size;
  }

  /** The tuples that changed (a tuple whose additions and removals cancel out exactly is left out). */
  changed(): TupleDelta[] {
    const out: TupleDelta[] = [];
    for (const t of this.tuples.values()) if (t.events !== 0 || t.countedEvents !== 0 || t.goldstein !== 0 || t.countedGoldstein !== 0) out.push(t);
    return out;
  }

  clear(): void {
    this.tuples.clear();
  }
}

const upsert = (table: string, key: readonly string[], measures: readonly string[]) =>
  `INSERT INTO ${table} (${[...key, ...measures].join(", ")}) VALUES (${[...key, ...measures].map(() => "?").join(", ")})` +
  ` ON CONFLICT (${key.join(", ")}) DO UPDATE SET ${measures.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(", ")}` +
  ` RETURNING events, counted_events`;
const removeEmpty = (table: string, key: readonly string[]) => `DELETE FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(" AND ")} AND events = 0`;

export const TUPLE_MEASURES = ["events", "goldstein", "counted_events", "counted_goldstein"] as const;
export const ROLLUP_COLUMNS = [...TUPLE_MEASURES, "tuples", "counted_tuples"] as const;

/** The upsert and clean-up statements, for a backend to prepare; `?` placeholders, in the order `AggregateWriter` binds them. */
export const AGGREGATE_WRITE_SQL = {
  tuple: { upsert: upsert("agg_tuples", TUPLE_KEY, TUPLE_MEASURES), remove: removeEmpty("agg_tuples", TUPLE_KEY) },
  rollups: ROLLUPS.map((r) => ({ upsert: upsert(r.table, r.columns, ROLLUP_COLUMNS), remove: removeEmpty(r.table, r.columns) })),
};

/** -1, 0 or +1: how a tuple's presence changed when its count went from `before` to `after`. */
const presence = (before: number, after: number) => (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);

/**
 * The rollups' changes (one map per table of `ROLLUPS`, by key), summed from
 * the tuples' changes as each tuple's new counts come back from its upsert:
 * those say whether the tuple appeared or went, which moves `tuples`.
 */
export class RollupChanges {
  readonly tables = ROLLUPS.map(() => new Map<string, RollupDelta>());

  /** A tuple changed by `t`, its counts now `now` (after the change). */
  add(t: TupleDelta, now: { events: number; counted_events: number }): void {
    const dated = t.date !== "";
    const tuples = dated ? presence(now.events - t.events, now.events) : 0;
    const countedTuples = dated ? presence(now.counted_events - t.countedEvents, now.counted_events) : 0;
    ROLLUPS.forEach((r, i) => {
      for (const rollupKey of r.keysOf(t)) {
        const id = rollupKey.join("|");
        let d = this.tables[i].get(id);
        if (!d) this.tables[i].set(id, (d = { key: rollupKey, events: 0, goldstein: 0, countedEvents: 0, countedGoldstein: 0, tuples: 0, countedTuples: 0 }));
        d.events += t.events;
        d.goldstein += t.goldstein;
        d.countedEvents += t.countedEvents;
        d.countedGoldstein += t.countedGoldstein;
        d.tuples += tuples;
        d.countedTuples += countedTuples;
      }
    });
  }
}

/**
 * Applies deltas to the aggregate tables of a SQLite store, inside the
 * caller's transaction: each changed tuple upserted (its new counts say
 * whether it appeared or went), then each rollup row once, then rows left
 * with no event deleted.
 */
export class AggregateWriter {
  private readonly tuple;
  private readonly rollups;

  constructor(db: Database.Database) {
    const prepare = (s: { upsert: string; remove: string }) => ({ upsert: db.prepare(s.upsert), remove: db.prepare(s.remove) });
    this.tuple = prepare(AGGREGATE_WRITE_SQL.tuple);
    this.rollups = AGGREGATE_WRITE_SQL.rollups.map(prepare);
  }

  apply(deltas: AggregateDeltas): void {
    const changes = new RollupChanges();
    for (const t of deltas.changed()) {
      const key = [t.date, t.source, t.target, t.code, t.root, t.quad];
      const now = this.tuple.upsert.get(...key, t.events, t.goldstein, t.countedEvents, t.countedGoldstein) as { events: number; counted_events: number };
      if (now.events === 0) this.tuple.remove.run(...key);
      changes.add(t, now);
    }
    ROLLUPS.forEach((_, i) => {
      const st = this.rollups[i];
      for (const d of changes.tables[i].values()) {
        const now = st.upsert.get(...d.key, d.events, d.goldstein, d.countedEvents, d.countedGoldstein, d.tuples, d.countedTuples) as { events: number };
        if (now.events === 0) st.remove.run(...d.key);
      }
    });
    deltas.clear();
  }
}
