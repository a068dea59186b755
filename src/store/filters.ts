/**
 * An `EventFilter` to a SQL condition over `events e` with its parameters.
 * Every value the user gives travels as a bound parameter; the SQL text is
 * built only from the fixed fragments below. Prefix matches are written as
 * ranges (`code >= 'CHN' AND code < 'CHN\uffff'`) so they use the indexes.
 * The few fragments that differ between SQLite and PostgreSQL (full-text
 * search, a case-blind place name, a condition that takes nothing) come
 * from the `SqlDialect` given; placeholders are `?` for both, numbered
 * later for PostgreSQL.
 */
import type { EventFilter, Period } from "./store.js";

export interface Condition {
  /** `WHERE ...`, or "" when the filter takes everything. */
  where: string;
  params: (string | number)[];
}

// codes are ASCII, so U+FFFF (EF BF BF in UTF-8) sorts after every code that starts with the prefix
const prefixEnd = (prefix: string) => prefix + "\uffff";

/** Words to an FTS5 query that needs all of them: each one quoted, so no user text is read as FTS syntax. */
export function ftsQuery(words: string): string | null {
  const terms = words.match(/[\p{L}\p{N}]+/gu);
  return terms ? terms.map((t) => `"${t}"`).join(" ") : null;
}

/** What SQLite and PostgreSQL write differently in a filter. */
export interface SqlDialect {
  /** The condition that an event's sentence has all the words (one placeholder), and that value; null: no words to look for. */
  text(words: string): { sql: string; value: string } | null;
  /** The condition that the event's place is the one named (one placeholder), in any case. */
  place: string;
  /** A condition no event meets. */
  none: string;
  /**
   * What an ascending and a descending order add to put NULL where SQLite
   * puts it (first, and last): nothing on SQLite; on PostgreSQL, which sorts
   * NULL the other way, the clause that lets a `NULLS FIRST` index serve both.
   */
  nulls: { ASC: string; DESC: string };
}

export const SQLITE_DIALECT: SqlDialect = {
  text(words) {
    const match = ftsQuery(words);
    // not correlated: the full-text match runs once, not once per event
    return match === null ? null : { sql: "(e.doc, e.sentence) IN (SELECT s2.doc, s2.idx FROM sentences s2 WHERE s2.seq IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))", value: match };
  },
  place: "e.location_name = ? COLLATE NOCASE",
  none: "0",
  nulls: { ASC: "", DESC: "" },
};

export function filterCondition(f: EventFilter, dialect: SqlDialect = SQLITE_DIALECT): Condition {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const prefix = (column: string, value: string) => {
    parts.push(`(${column} >= ? AND ${column} < ?)`);
    params.push(value, prefixEnd(value));
  };
  if (f.actor) {
    const a = f.actor.toUpperCase();
    parts.push("((e.source_code >= ? AND e.source_code < ?) OR (e.target_code >= ? AND e.target_code < ?))");
    params.push(a, prefixEnd(a), a, prefixEnd(a));
  }
  // a three-letter side ("CHN") is the indexed prefix of the code; a longer one ("CHNGOV") a range
  const side = (column: string, value: string) => {
    if (value.length === 3) {
      parts.push(`substr(${column}, 1, 3) = ?`);
      params.push(value);
    } else prefix(column, value);
  };
  if (f.source) side("e.source_code", f.source.toUpperCase());
  if (f.target) side("e.target_code", f.target.toUpperCase());
  if (f.code) {
    if (f.code.length <= 2) {
      parts.push("e.root = ?");
      params.push(f.code.padStart(2, "0"));
    } else prefix("e.code", f.code);
  }
  if (f.quad !== undefined) {
    parts.push("e.quad = ?");
    params.push(f.quad);
  }
  if (f.plover) {
    parts.push("e.plover = ?");
    params.push(f.plover.toUpperCase());
  }
  if (f.mood) {
    parts.push("e.mood = ?");
    params.push(f.mood);
  }
  if (f.negated !== undefined) {
    parts.push("e.negated = ?");
    params.push(f.negated ? 1 : 0);
  }
  if (f.counted) parts.push("e.negated = 0 AND (e.mood = 'asserted' OR e.intended_code IS NOT NULL)");
  if (f.from) {
    parts.push("e.date >= ?");
    params.push(f.from);
  }
  if (f.to) {
    parts.push("e.date <= ?");
    params.push(f.to);
  }
  if (f.dated !== undefined) parts.push(f.dated ? "e.date IS NOT NULL" : "e.date IS NULL");
  if (f.doc) {
    parts.push("e.doc = ?");
    params.push(f.doc);
  }
  if (f.country) {
    parts.push("e.location_country = ?");
    params.push(f.country.toUpperCase());
  }
  if (f.place) {
    parts.push(dialect.place);
    params.push(f.place);
  }
  if (f.text !== undefined) {
    const match = dialect.text(f.text);
    if (match === null) parts.push(dialect.none); // no words to look for: nothing matches
    else {
      parts.push(match.sql);
      params.push(match.value);
    }
  }
  return { where: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}

/** The period an event date falls in, as SQL over `e.date`; weeks start on Monday (ISO). */
export const PERIOD_SQL: Record<Period, string> = {
  day: "e.date",
  week: "date(e.date, 'weekday 0', '-6 days')",
  month: "substr(e.date, 1, 7)",
  year: "substr(e.date, 1, 4)",
};
