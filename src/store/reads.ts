/**
 * The SQL of the reads a server needs beyond `query`: keyset pages, events
 * by place, and where an event's sentence starts in its document. Only fixed
 * fragments are joined; every value travels as a bound parameter.
 *
 * The sentence start is found again at read time rather than stored: the
 * store keeps each sentence's text, the document's text and the event's verb
 * offsets, which fix it (the sentence is the occurrence of its text that
 * covers the verb). A stored column would need a schema migration, and a
 * store opened read-only (as `annals serve` opens one without a token)
 * cannot be migrated; finding it costs one `indexOf` per event of a page.
 */
import { filterCondition } from "./filters.js";
import type { EventFilter, EventKey } from "./store.js";

export interface Sql {
  sql: string;
  params: (string | number)[];
}

/** The filter's condition, plus "after this key" in the order (date, seq), with NULL dates first as SQLite sorts them. */
export function keysetCondition(filter: EventFilter, after: EventKey | null | undefined): Sql {
  const { where, params } = filterCondition(filter);
  if (!after) return { sql: where, params };
  const and = where ? `${where} AND` : "WHERE";
  // a row value compares as the index is ordered, so SQLite can start the scan at the key
  if (after.date === null) return { sql: `${and} ((e.date IS NULL AND e.seq > ?) OR e.date IS NOT NULL)`, params: [...params, after.seq] };
  return { sql: `${and} (e.date, e.seq) > (?, ?)`, params: [...params, after.date, after.seq] };
}

export function locationsQuery(filter: EventFilter, all: boolean): Sql {
  const { where, params } = filterCondition(all ? filter : { ...filter, counted: true });
  return {
    sql:
      `SELECT e.location_country AS country, e.location_name AS name, e.location_lat AS lat, e.location_lon AS lon, count(*) AS events, avg(e.goldstein) AS goldsteinMean` +
      ` FROM events e ${where ? where + " AND" : "WHERE"} e.location_name IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY events DESC, 2, 1`,
    params,
  };
}

/**
 * Where `sentence` starts in `docText`: the occurrence that covers the verb
 * at `verbStart`. Any occurrence starting in [verbStart - length + 1,
 * verbStart] covers it, and the first one found from there is the sentence
 * (a text repeated so closely that two copies overlap is the only case where
 * it could be the other copy, which reads the same). Null when the text is
 * not in the document (a store written from other text).
 */
export function sentenceStart(docText: string, sentence: string, verbStart: number): number | null {
  if (sentence === "") return null;
  const from = Math.max(0, verbStart - sentence.length + 1);
  const at = docText.indexOf(sentence, from);
  if (at !== -1 && at <= verbStart) return at;
  // the verb offsets do not point inside an occurrence: the nearest one before, else the first
  const before = docText.lastIndexOf(sentence, verbStart);
  if (before !== -1) return before;
  const first = docText.indexOf(sentence);
  return first === -1 ? null : first;
}
