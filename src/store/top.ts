/**
 * The SQL of "top actors" and "top dyads", kept apart from the SQLite class
 * so the ranking rules sit in one place: an actor counts every event it is
 * on either side of (once, even when it is on both), a dyad is an ordered
 * (source, target) pair, both present. Only fixed SQL fragments are joined
 * here; the filter's values and the limit travel as bound parameters.
 */
import { filterCondition, type SqlDialect } from "./filters.js";
import type { EventFilter, TopOptions } from "./store.js";

export interface TopQuery {
  sql: string;
  params: (string | number)[];
}

const DISTINCT = `count(DISTINCT date || '|' || ifnull(source_code, '') || '|' || ifnull(target_code, '') || '|' || code)`;
const MEASURES = `count(*) AS events, ${DISTINCT} AS "distinct", total(goldstein) AS goldsteinTotal, avg(goldstein) AS goldsteinMean`;

/** What an engine writes its own way: the measures' SQL (events, distinct, goldsteinTotal, goldsteinMean) and the filter's dialect. */
export interface TopDialect {
  measures: string;
  filter?: SqlDialect;
}
const SQLITE_TOP: TopDialect = { measures: MEASURES };

/** `WHERE` for the filter plus one more condition. */
function where(filter: EventFilter, extra: string, dialect?: SqlDialect) {
  const { where, params } = filterCondition(filter, dialect);
  return { sql: `${where ? where + " AND" : "WHERE"} ${extra}`, params };
}

export function topQuery(filter: EventFilter, options: TopOptions, dialect: TopDialect = SQLITE_TOP): TopQuery {
  const f = options.all ? filter : { ...filter, counted: true };
  const limit = options.limit ?? 10;
  const columns = "e.date, e.source_code, e.target_code, e.code, e.goldstein";
  if (options.kind === "dyads") {
    const w = where(f, "e.source_code IS NOT NULL AND e.target_code IS NOT NULL", dialect.filter);
    return {
      sql: `SELECT source_code AS source, target_code AS target, ${dialect.measures} FROM (SELECT ${columns} FROM events e ${w.sql}) AS matched GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ?`,
      params: [...w.params, limit],
    };
  }
  const asSource = where(f, "e.source_code IS NOT NULL", dialect.filter);
  const asTarget = where(f, "e.target_code IS NOT NULL AND (e.source_code IS NULL OR e.target_code <> e.source_code)", dialect.filter);
  return {
    sql:
      `SELECT actor AS source, NULL AS target, ${dialect.measures} FROM (` +
      `SELECT e.source_code AS actor, ${columns} FROM events e ${asSource.sql} UNION ALL ` +
      `SELECT e.target_code AS actor, ${columns} FROM events e ${asTarget.sql}` +
      `) AS matched GROUP BY 1 ORDER BY events DESC, 1 LIMIT ?`,
    params: [...asSource.params, ...asTarget.params, limit],
  };
}
