/**
 * The SQL that PostgreSQL writes otherwise than SQLite: the filter's dialect
 * (text search, a case-blind place, "nothing"), periods of a date, and the
 * counts of `stats` and `top`. The rest of the SQL is shared (../filters.ts,
 * ../reads.ts) and numbered for PostgreSQL by `numbered`.
 *
 * Text search is PostgreSQL's own, over each sentence's stored `tsvector`
 * (English configuration). It differs from SQLite's FTS5 (porter stemmer,
 * every word indexed) in ways that are the engines', not annals':
 * - English stop words ("the", "with", "of") are not indexed: a search for
 *   "talks with Moscow" needs "talks" and "Moscow", and one made of stop
 *   words alone finds nothing, where FTS5 would need every word;
 * - the stemmers differ (Snowball here, Porter there) on some words;
 * - accents are kept ("Zürich" does not find "Zurich"), where FTS5 drops them.
 * Both take the same words of the text (runs of letters and digits), never
 * any query syntax, and need all of them.
 */
import type { SqlDialect } from "../filters.js";
import type { Period } from "../store.js";
import { filterCondition } from "../filters.js";
import type { EventFilter, TopOptions } from "../store.js";
import { topQuery as sharedTopQuery } from "../top.js";

export const PG_DIALECT: SqlDialect = {
  text(words) {
    const terms = words.match(/[\p{L}\p{N}]+/gu);
    if (!terms) return null;
    return { sql: "(e.doc, e.sentence) IN (SELECT s2.doc, s2.idx FROM sentences s2 WHERE s2.words @@ plainto_tsquery('english', ?))", value: terms.join(" ") };
  },
  // with the C collation lower() folds ASCII letters only, as SQLite's NOCASE does
  place: `lower(e.location_name) = lower(? COLLATE "C")`,
  none: "false",
  nulls: { ASC: " NULLS FIRST", DESC: " NULLS LAST" },
};

/** The period an event date falls in over `e.date`, as ../filters.ts's PERIOD_SQL gives it; weeks start on Monday. */
export const PG_PERIOD: Record<Period, string> = {
  day: "e.date",
  week: `to_char(e.date::date - (extract(isodow FROM e.date::date)::int - 1), 'YYYY-MM-DD')`,
  month: "substr(e.date, 1, 7)",
  year: "substr(e.date, 1, 4)",
};

/** Events, distinct (date, source, target, code) tuples (an undated event is none) and Goldstein, over columns prefixed `p`. */
const measures = (p: string) =>
  `count(*) AS events, count(DISTINCT ${p}date || '|' || coalesce(${p}source_code, '') || '|' || coalesce(${p}target_code, '') || '|' || ${p}code) AS "distinct",` +
  ` sum(${p}goldstein) AS "goldsteinTotal", avg(${p}goldstein) AS "goldsteinMean"`;
const MEASURES = measures("");

export interface Sql {
  sql: string;
  params: (string | number)[];
}

function where(filter: EventFilter, extra: string): Sql {
  const { where, params } = filterCondition(filter, PG_DIALECT);
  return { sql: `${where ? where + " AND" : "WHERE"} ${extra}`, params };
}

/** Counts and Goldstein totals by period and quad class, as the SQLite store's `stats`. */
export function statsQuery(filter: EventFilter, by: Period, all: boolean): Sql {
  const w = where(all ? filter : { ...filter, counted: true }, "e.date IS NOT NULL");
  return { sql: `SELECT ${PG_PERIOD[by]} AS period, e.quad AS quad, ${measures("e.")} FROM events e ${w.sql} GROUP BY 1, 2 ORDER BY 1, 2`, params: w.params };
}

/** Top actors or dyads, by the rules of ../top.ts, in PostgreSQL's measures and filter. */
export function topQuery(filter: EventFilter, options: TopOptions): Sql {
  return sharedTopQuery(filter, options, { measures: MEASURES, filter: PG_DIALECT });
}
