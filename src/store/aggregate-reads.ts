/**
 * `stats` and `top` answered from the aggregates of ./aggregates.ts, when the
 * filter asks only what they are keyed by: dates (and whether there is one),
 * the source, target or either actor by code prefix, the CAMEO code or root,
 * the quad class, and the default "events that count". Anything else (words,
 * place, country, document, PLOVER, a mood or negation of its own) gives
 * null, and the caller scans the events as before. The rows are those of the
 * scan: the same groups, order and counts.
 *
 * Of the tables that can answer, the smallest is read: `agg_actors` for
 * the top actors of every event over all dates and codes, `agg_dyads` for
 * top dyads (and actors among an actor's or a dyad's events) over all dates and codes, `agg_months` for the series
 * of everything by month or year over whole months, `agg_tuples` otherwise.
 * Only fixed fragments are joined; every value travels as a bound parameter.
 */
import { PERIOD_SQL } from "./filters.js";
import type { EventFilter, Period, StatsOptions, TopOptions } from "./types.js";

export interface Sql {
  sql: string;
  params: (string | number)[];
}

/** The filter fields an aggregate can answer; any other with a value sends the query to the scan. */
const KEYED = new Set<string>(["actor", "source", "target", "code", "quad", "counted", "from", "to", "dated"]);

type Table = "agg_tuples" | "agg_dyads" | "agg_actors" | "agg_months";

/** Which counters a query reads: every event's, or only those that count. */
function measures(filter: EventFilter, all: boolean | undefined) {
  const counted = !all || filter.counted === true;
  return counted
    ? { events: "e.counted_events", goldstein: "e.counted_goldstein", tuples: "e.counted_tuples" }
    : { events: "e.events", goldstein: "e.goldstein", tuples: "e.tuples" };
}

/** True when every field with a value is one the aggregates are keyed by (`negated: false` is implied by the default count). */
function keyed(filter: EventFilter, all: boolean | undefined): boolean {
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || KEYED.has(name)) continue;
    if (name === "negated" && value === false && (!all || filter.counted)) continue;
    return false;
  }
  return true;
}

const prefixEnd = (prefix: string) => prefix + "\uffff";
const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
/** The last day of the date's month, `YYYY-MM-DD`. */
const monthEnd = (d: string) => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** True when the filter's dates take whole months (or are absent), so months can answer for days. */
const wholeMonths = (f: EventFilter) => (!f.from || (isDate(f.from) && f.from.endsWith("-01"))) && (!f.to || (isDate(f.to) && f.to === monthEnd(f.to)));

/**
 * The condition of the filter's keyed fields over an aggregate table `e`,
 * with the semantics of ./filters.ts: actor codes match by prefix (a
 * three-letter one through the indexed `substr`), a two-digit code is a root,
 * a longer one a code prefix. A missing date, source or target is '' here.
 */
function condition(f: EventFilter, table: Table): { parts: string[]; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  // a side "starts with" the prefix; for an actor of three letters or more also through its first three, which the tuples' dyad index keys
  const startsWith = (column: string, value: string) => {
    const range = { sql: `${column} >= ? AND ${column} < ?`, params: [value, prefixEnd(value)] };
    if (value.length < 3 || table !== "agg_tuples" || column === "e.code") return range;
    return { sql: `substr(${column}, 1, 3) = ? AND ${range.sql}`, params: [value.slice(0, 3), ...range.params] };
  };
  const add = (c: { sql: string; params: (string | number)[] }) => {
    parts.push(`(${c.sql})`);
    params.push(...c.params);
  };
  if (f.actor) {
    const a = f.actor.toUpperCase();
    const s = startsWith("e.source", a);
    const t = startsWith("e.target", a);
    add({ sql: `(${s.sql}) OR (${t.sql})`, params: [...s.params, ...t.params] });
  }
  if (f.source) add(startsWith("e.source", f.source.toUpperCase()));
  if (f.target) add(startsWith("e.target", f.target.toUpperCase()));
  if (f.code) {
    if (f.code.length <= 2) add({ sql: "e.root = ?", params: [f.code.padStart(2, "0")] });
    else add(startsWith("e.code", f.code));
  }
  if (f.quad !== undefined) add({ sql: "e.quad = ?", params: [f.quad] });
  const date = table === "agg_months" ? "e.month" : "e.date";
  const day = (d: string) => (table === "agg_months" ? d.slice(0, 7) : d);
  if (f.from) add({ sql: `${date} >= ?`, params: [day(f.from)] });
  if (f.to) add({ sql: `${date} <> '' AND ${date} <= ?`, params: [day(f.to)] });
  if (f.dated !== undefined) parts.push(f.dated ? `${date} <> ''` : `${date} = ''`);
  return { parts, params };
}

function where(f: EventFilter, table: Table, first: string[], firstParams: (string | number)[] = []): { sql: string; params: (string | number)[] } {
  const c = condition(f, table);
  return { sql: `WHERE ${[...first, ...c.parts].join(" AND ")}`, params: [...firstParams, ...c.params] };
}

/**
 * The series of `stats` from the aggregates; null when the filter needs the
 * scan. `periods` gives the period of a `date` column (the backend's SQL).
 */
export function aggregateStatsQuery(filter: EventFilter, options: StatsOptions, periods: Record<Period, string> = PERIOD_SQL): Sql | null {
  if (!keyed(filter, options.all)) return null;
  const m = measures(filter, options.all);
  const byMonths = (options.by === "month" || options.by === "year") && !filter.actor && !filter.source && !filter.target && (!filter.code || filter.code.length <= 2) && wholeMonths(filter);
  const table: Table = byMonths ? "agg_months" : "agg_tuples";
  const period = byMonths ? (options.by === "month" ? "e.month" : "substr(e.month, 1, 4)") : periods[options.by];
  const date = byMonths ? "e.month" : "e.date";
  // a tuple row is one distinct tuple; a month row counts its own
  const tuples = byMonths ? `sum(${m.tuples})` : "count(*)";
  const w = where(filter, table, [`${m.events} > 0`, `${date} <> ''`]);
  return {
    sql:
      `SELECT ${period} AS period, e.quad AS quad, sum(${m.events}) AS events, ${tuples} AS "distinct",` +
      ` sum(${m.goldstein}) AS "goldsteinTotal", sum(${m.goldstein}) / sum(${m.events}) AS "goldsteinMean"` +
      ` FROM ${table} e ${w.sql} GROUP BY 1, 2 ORDER BY 1, 2`,
    params: w.params,
  };
}

/** The rows of `top` from the aggregates; null when the filter needs the scan. */
export function aggregateTopQuery(filter: EventFilter, options: TopOptions): Sql | null {
  if (!keyed(filter, options.all)) return null;
  const m = measures(filter, options.all);
  const allTime = !filter.from && !filter.to && filter.dated === undefined && !filter.code;
  const table: Table = allTime ? "agg_dyads" : "agg_tuples";
  // a dated tuple row is one distinct tuple (an undated one none, as in the scan's count); a dyad row counts its own
  const tuples = allTime ? m.tuples : `CASE WHEN e.date <> '' THEN 1 ELSE 0 END`;
  const limit = options.limit ?? 10;
  // a dyad's rows of one quad class, or of all four (quad 0): its measures as they are
  // (quad 0 written out, so SQLite sees its index of those rows applies)
  const dyadRows = allTime ? { filter: { ...filter, quad: undefined }, first: [filter.quad === undefined ? "e.quad = 0" : "e.quad = ?"], params: filter.quad === undefined ? [] : [filter.quad] } : { filter, first: [], params: [] };
  if (options.kind === "dyads" && allTime) {
    const w = where(dyadRows.filter, table, [...dyadRows.first, `${m.events} > 0`, "e.source <> ''", "e.target <> ''"], dyadRows.params);
    return {
      sql:
        `SELECT e.source AS source, e.target AS target, ${m.events} AS events, ${m.tuples} AS "distinct", ${m.goldstein} AS "goldsteinTotal", ${m.goldstein} / ${m.events} AS "goldsteinMean"` +
        ` FROM agg_dyads e ${w.sql} ORDER BY ${m.events} DESC, e.source, e.target LIMIT ?`,
      params: [...w.params, limit],
    };
  }
  const columns = `${m.events} AS ev, ${tuples} AS tup, ${m.goldstein} AS g`;
  const sums = `sum(ev) AS events, sum(tup) AS "distinct", sum(g) AS "goldsteinTotal", sum(g) / sum(ev) AS "goldsteinMean"`;
  if (options.kind === "actors" && allTime && !filter.actor && !filter.source && !filter.target) {
    // each actor's own rows, both sides already counted
    const w = where(filter, "agg_actors", [`${m.events} > 0`]);
    return {
      sql: `SELECT e.actor AS source, NULL AS target, sum(${m.events}) AS events, sum(${m.tuples}) AS "distinct", sum(${m.goldstein}) AS "goldsteinTotal", sum(${m.goldstein}) / sum(${m.events}) AS "goldsteinMean" FROM agg_actors e ${w.sql} GROUP BY 1 ORDER BY events DESC, 1 LIMIT ?`,
      params: [...w.params, limit],
    };
  }
  if (options.kind === "dyads") {
    const w = where(filter, table, [`${m.events} > 0`, "e.source <> ''", "e.target <> ''"]);
    return {
      sql: `SELECT source, target, ${sums} FROM (SELECT e.source AS source, e.target AS target, ${columns} FROM ${table} e ${w.sql}) u GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ?`,
      params: [...w.params, limit],
    };
  }
  // an actor on both sides of an event counts it once, as in the scan
  const asSource = where(dyadRows.filter, table, [...dyadRows.first, `${m.events} > 0`, "e.source <> ''"], dyadRows.params);
  const asTarget = where(dyadRows.filter, table, [...dyadRows.first, `${m.events} > 0`, "e.target <> ''", "e.target <> e.source"], dyadRows.params);
  return {
    sql:
      `SELECT actor AS source, NULL AS target, ${sums} FROM (` +
      `SELECT e.source AS actor, ${columns} FROM ${table} e ${asSource.sql} UNION ALL ` +
      `SELECT e.target AS actor, ${columns} FROM ${table} e ${asTarget.sql}` +
      `) u GROUP BY 1 ORDER BY events DESC, 1 LIMIT ?`,
    params: [...asSource.params, ...asTarget.params, limit],
  };
}
