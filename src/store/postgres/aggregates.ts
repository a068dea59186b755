/**
 * The aggregates of ../aggregates.ts kept on PostgreSQL, in the saving
 * transaction: the same deltas as on SQLite (`AggregateDeltas`, summed by
 * tuple from the events added and removed), applied a table at a time, so a
 * batch costs a fixed number of round trips however many tuples it touches.
 * Each table gets one upsert of every changed row from arrays (`unnest`),
 * whose RETURNING gives the rows' new counts: a tuple's say whether it
 * appeared or went (`RollupChanges`), and rows left with no event are
 * deleted by one more statement.
 *
 * Rows are upserted in key order, so two writers touching the same rows lock
 * them in the same order and wait for each other rather than deadlock. An
 * upsert must not touch a row twice: the deltas hold one change per key.
 */
import type pg from "pg";
import { ROLLUPS, TUPLE_KEY } from "../aggregates.js";
import { ROLLUP_COLUMNS, RollupChanges, TUPLE_MEASURES, type AggregateDeltas, type RollupDelta, type TupleDelta } from "../aggregate-writes.js";

const INTEGER_COLUMNS = new Set(["quad", "events", "counted_events", "tuples", "counted_tuples"]);
const FLOAT_COLUMNS = new Set(["goldstein", "counted_goldstein"]);
const arrayType = (column: string) => (INTEGER_COLUMNS.has(column) ? "int[]" : FLOAT_COLUMNS.has(column) ? "float8[]" : "text[]");
const unnest = (columns: readonly string[], first = 1) => `unnest(${columns.map((c, i) => `$${first + i}::${arrayType(c)}`).join(", ")})`;

interface TableSql {
  key: readonly string[];
  upsert: string;
  remove: string;
}

function tableSql(table: string, key: readonly string[], measures: readonly string[]): TableSql {
  const columns = [...key, ...measures];
  return {
    key,
    upsert:
      `INSERT INTO ${table} (${columns.join(", ")}) SELECT * FROM ${unnest(columns)}` +
      ` ON CONFLICT (${key.join(", ")}) DO UPDATE SET ${measures.map((m) => `${m} = ${table}.${m} + EXCLUDED.${m}`).join(", ")}` +
      ` RETURNING ${key.join(", ")}, events, counted_events`,
    // checked again under the row's lock: another writer may have added to it since
    remove: `DELETE FROM ${table} WHERE (${key.join(", ")}) IN (SELECT * FROM ${unnest(key)}) AND events = 0`,
  };
}

const TUPLE_SQL = tableSql("agg_tuples", TUPLE_KEY, TUPLE_MEASURES);
const ROLLUP_SQL = ROLLUPS.map((r) => tableSql(r.table, r.columns, ROLLUP_COLUMNS));

type Key = (string | number)[];
type Returned = Record<string, string | number> & { events: number; counted_events: number };

const keyId = (key: Key) => key.join("|");
const byKey = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Columns of rows, one array per column, as `unnest` takes them. */
const columnsOf = (rows: Key[], width: number) => Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));

/** Upserts the rows (key, then measures) of one table; the rows' counts after it, by key. */
async function upsert(client: pg.ClientBase, sql: TableSql, rows: { id: string; values: Key }[]): Promise<Map<string, Returned>> {
  const now = new Map<string, Returned>();
  if (rows.length === 0) return now;
  rows.sort(byKey);
  const values = rows.map((r) => r.values);
  const returned = (await client.query<Returned>(sql.upsert, columnsOf(values, values[0].length))).rows;
  const empty: Key[] = [];
  for (const r of returned) {
    const key = sql.key.map((k) => r[k]);
    now.set(keyId(key), r);
    if (r.events === 0) empty.push(key);
  }
  if (empty.length) await client.query(sql.remove, columnsOf(empty, sql.key.length));
  return now;
}

const tupleKey = (t: TupleDelta): Key => [t.date, t.source, t.target, t.code, t.root, t.quad];
const rollupValues = (d: RollupDelta): Key => [...d.key, d.events, d.goldstein, d.countedEvents, d.countedGoldstein, d.tuples, d.countedTuples];

/** Applies the deltas to the aggregate tables inside the caller's transaction, and clears them. */
export async function applyAggregates(client: pg.ClientBase, deltas: AggregateDeltas): Promise<void> {
  const tuples = deltas.changed().map((t) => ({ t, id: keyId(tupleKey(t)), values: [...tupleKey(t), t.events, t.goldstein, t.countedEvents, t.countedGoldstein] }));
  deltas.clear();
  const now = await upsert(client, TUPLE_SQL, tuples);
  const changes = new RollupChanges();
  for (const { t, id } of tuples) changes.add(t, now.get(id)!);
  for (const [i, sql] of ROLLUP_SQL.entries()) {
    await upsert(client, sql, [...changes.tables[i].values()].map((d) => ({ id: keyId(d.key), values: rollupValues(d) })));
  }
}
