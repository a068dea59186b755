/**
 * The SQL of the reads a server needs beyond `query`: keyset pages in five
 * orders, bounded counts, events by place, and where an event's sentence
 * starts in its document. Only fixed fragments are joined; every value
 * travels as a bound parameter.
 *
 * The sentence start is found again at read time rather than stored: the
 * store keeps each sentence's text, the document's text and the event's verb
 * offsets, which fix it (the sentence is the occurrence of its text that
 * covers the verb). A stored column would need a schema migration, and a
 * store opened read-only (as `annals serve` opens one without a token)
 * cannot be migrated; finding it costs one `indexOf` per event of a page.
 */
import { filterCondition, SQLITE_DIALECT, type SqlDialect } from "./filters.js";
import { EVENT_COLUMNS, rowToEvent } from "./rows.js";
import type { EventFilter, EventKey, EventRow, EventSort, EventSortKey, StoredEvent } from "./store.js";

export interface Sql {
  sql: string;
  params: (string | number)[];
}

/** The column each order sorts by. */
// besides the record's columns: the store's event number and the document's url and coding time (for the GDELT export)
export const EVENT_SELECT =
  `SELECT ${EVENT_COLUMNS.map((c) => `e.${c}`).join(", ")}, s.text AS text, e.seq AS seq, d.url AS doc_url, d.coded_at AS doc_coded_at` +
  ` FROM events e JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence JOIN documents d ON d.id = e.doc`;
// the event columns, its key and its document's text, from which the sentence start is found
export const STORED_SELECT =
  `SELECT ${EVENT_COLUMNS.map((c) => `e.${c}`).join(", ")}, s.text AS text, e.seq AS seq, d.text AS doc_text` +
  ` FROM events e JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence JOIN documents d ON d.id = e.doc`;

/** A read row as a stored event, keyed by the column of the order it was read in. */
export function storedEvent(r: EventRow, column = "date"): StoredEvent {
  const event = rowToEvent(r);
  return { event, key: { value: r[column], seq: r.seq as number }, sentenceStart: sentenceStart(r.doc_text as string, event.text, event.verb.start) };
}

export const SORT_COLUMNS: Record<EventSortKey, string> = { date: "date", goldstein: "goldstein", source: "source_code", target: "target_code", code: "code" };
/** The columns that may be NULL: their events come last, after a second scan. */
const NULLABLE = new Set<EventSortKey>(["date", "source", "target"]);

/**
 * A keyset page as the scans that read it, in order: the events with a value
 * of the sort's column, by (value, seq), then those without one, by seq. Each
 * scan follows an index where there is one (date, code, source, target), so a
 * page costs the same however deep; a key without a value starts in the
 * second scan. SQLite sorts NULL first and an index keeps it so, hence two
 * scans rather than `NULLS LAST`, which would sort every match.
 */
export function keysetScans(filter: EventFilter, sort: EventSort, after: EventKey | null | undefined, dialect: SqlDialect = SQLITE_DIALECT): Sql[] {
  const { where, params } = filterCondition(filter, dialect);
  const and = where ? `${where} AND` : "WHERE";
  const col = `e.${SORT_COLUMNS[sort.by]}`;
  const dir = sort.desc ? "DESC" : "ASC";
  const beyond = sort.desc ? "<" : ">";
  const scans: Sql[] = [];
  if (!after || after.value !== null) {
    // a row value compares as the index is ordered, so SQLite can start the scan at the key
    const key = after ? ` AND (${col}, e.seq) ${beyond} (?, ?)` : "";
    scans.push({ sql: `${and} ${col} IS NOT NULL${key} ORDER BY ${col} ${dir}${dialect.nulls[dir]}, e.seq ${dir}`, params: after ? [...params, after.value!, after.seq] : params });
  }
  if (NULLABLE.has(sort.by)) {
    const key = after && after.value === null ? ` AND e.seq ${beyond} ?` : "";
    scans.push({ sql: `${and} ${col} IS NULL${key} ORDER BY e.seq ${dir}`, params: key ? [...params, after!.seq] : params });
  }
  return scans;
}

/** Counts the matches up to `upTo + 1`: one past the bound says there are more, and no more rows are read than that. */
export function boundedCount(filter: EventFilter, upTo: number, dialect: SqlDialect = SQLITE_DIALECT): Sql {
  const { where, params } = filterCondition(filter, dialect);
  return { sql: `SELECT count(*) FROM (SELECT 1 FROM events e ${where} LIMIT ?) AS bounded`, params: [...params, upTo + 1] };
}

export function locationsQuery(filter: EventFilter, all: boolean, dialect: SqlDialect = SQLITE_DIALECT): Sql {
  const { where, params } = filterCondition(all ? filter : { ...filter, counted: true }, dialect);
  return {
    sql:
      `SELECT e.location_country AS country, e.location_name AS name, e.location_lat AS lat, e.location_lon AS lon, count(*) AS events, avg(e.goldstein) AS "goldsteinMean"` +
      // a place without a country before one with: SQLite's order of NULL, written out for PostgreSQL
      ` FROM events e ${where ? where + " AND" : "WHERE"} e.location_name IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY events DESC, 2, 1 NULLS FIRST`,
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
