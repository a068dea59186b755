/**
 * The reads of a PostgreSQL store: the same SQL as the SQLite store's where
 * the two engines agree (../filters.ts, ../reads.ts, numbered here), with the
 * orders written out where they do not: PostgreSQL sorts NULL last in an
 * ascending order, SQLite first, so an order over a column that may be NULL
 * says `NULLS FIRST`. Keyset pages read in one repeatable-read transaction,
 * as SQLite reads them in one, so the scans of a page see one store.
 */
import type pg from "pg";
import Cursor from "pg-cursor";
import type { Document, Event } from "../../core/index.js";
import { aggregateStatsQuery, aggregateTopQuery } from "../aggregate-reads.js";
import { filterCondition } from "../filters.js";
import { boundedCount, EVENT_SELECT, keysetScans, locationsQuery, SORT_COLUMNS, STORED_SELECT, storedEvent } from "../reads.js";
import { rowToEvent } from "../rows.js";
import type { EventCount, EventFilter, EventRow, KeysetPage, LocationOptions, LocationRow, Page, StatsOptions, StatsRow, StoreCounts, StoredDocument, StoredEvent, TopOptions, TopRow } from "../store.js";
import { inTransaction, numbered } from "./connection.js";
import { PG_DIALECT, PG_PERIOD, statsQuery, topQuery } from "./sql.js";

/** Rows a cursor of `exportRows` fetches at a time: few enough to keep memory flat, enough to keep round trips rare. */
const EXPORT_FETCH = 2000;

const rows = async <T>(db: pg.Pool | pg.ClientBase, sql: string, params: unknown[] = []): Promise<T[]> => (await db.query(numbered(sql), params)).rows as T[];

export async function query(pool: pg.Pool, filter: EventFilter, page: Page): Promise<Event[]> {
  const { where, params } = filterCondition(filter, PG_DIALECT);
  const found = await rows<EventRow>(pool, `${EVENT_SELECT} ${where} ORDER BY e.date NULLS FIRST, e.seq LIMIT ? OFFSET ?`, [...params, page.limit ?? 100, page.offset ?? 0]);
  return found.map(rowToEvent);
}

/** `stats` from the aggregates kept at ingest when they can answer the filter (unless `scan`), else from the events. */
export async function stats(pool: pg.Pool, filter: EventFilter, options: StatsOptions, scan = false): Promise<StatsRow[]> {
  const { sql, params } = (scan ? null : aggregateStatsQuery(filter, options, PG_PERIOD)) ?? statsQuery(filter, options.by, options.all === true);
  return rows<StatsRow>(pool, sql, params);
}

/** `top` from the aggregates kept at ingest when they can answer the filter (unless `scan`), else from the events. */
export async function top(pool: pg.Pool, filter: EventFilter, options: TopOptions, scan = false): Promise<TopRow[]> {
  const { sql, params } = (scan ? null : aggregateTopQuery(filter, options)) ?? topQuery(filter, options);
  return rows<TopRow>(pool, sql, params);
}

export async function eventsAfter(pool: pg.Pool, filter: EventFilter, page: KeysetPage): Promise<StoredEvent[]> {
  const sort = page.sort ?? { by: "date" };
  const limit = page.limit ?? 100;
  // the scans of one page see one snapshot, as SQLite's single statement does
  const out = await inTransaction(
    pool,
    async (client) => {
      const found: EventRow[] = [];
      for (const { sql, params } of keysetScans(filter, sort, page.after, PG_DIALECT)) {
        if (found.length >= limit) break;
        found.push(...(await rows<EventRow>(client, `${STORED_SELECT} ${sql} LIMIT ?`, [...params, limit - found.length])));
      }
      return found;
    },
    "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY",
  );
  return out.map((r) => storedEvent(r, SORT_COLUMNS[sort.by]));
}

export async function countEvents(pool: pg.Pool, filter: EventFilter, upTo: number): Promise<EventCount> {
  const { sql, params } = boundedCount(filter, upTo, PG_DIALECT);
  const n = (await rows<{ count: number }>(pool, sql, params))[0].count;
  return n > upTo ? { count: upTo, exact: false } : { count: n, exact: true };
}

export async function getEvent(pool: pg.Pool, id: string): Promise<StoredEvent | null> {
  const [row] = await rows<EventRow>(pool, `${STORED_SELECT} WHERE e.id = ?`, [id]);
  return row ? storedEvent(row) : null;
}

export async function getDocument(pool: pg.Pool, id: string): Promise<StoredDocument | null> {
  const [document] = await rows<StoredDocument["document"]>(pool, "SELECT id, date, place, title, source, url, text FROM documents WHERE id = ?", [id]);
  if (!document) return null;
  const sentences = await rows<StoredDocument["sentences"][number]>(pool, "SELECT idx, text FROM sentences WHERE doc = ? ORDER BY idx", [id]);
  const events = (await rows<EventRow>(pool, `${STORED_SELECT} WHERE e.doc = ? ORDER BY e.sentence, e.seq`, [id])).map((r) => storedEvent(r));
  return { document, sentences, events };
}

export async function locations(pool: pg.Pool, filter: EventFilter, options: LocationOptions): Promise<LocationRow[]> {
  const { sql, params } = locationsQuery(filter, options.all === true, PG_DIALECT);
  return rows<LocationRow>(pool, sql, params);
}

export async function staleDocuments(pool: pg.Pool, dictVersion: string, after: string | null, limit: number): Promise<Document[]> {
  return rows<Document>(pool, "SELECT id, text, date, place, title, source, url, parse FROM documents WHERE dict_version <> ? AND id > ? ORDER BY id LIMIT ?", [dictVersion, after ?? "", limit]);
}

export async function countStale(pool: pg.Pool, dictVersion: string): Promise<number> {
  return (await rows<{ n: number }>(pool, "SELECT count(*) AS n FROM documents WHERE dict_version <> ?", [dictVersion]))[0].n;
}

export async function counts(pool: pg.Pool): Promise<StoreCounts> {
  const [c] = await rows<StoreCounts>(
    pool,
    "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM sentences) AS sentences, (SELECT count(*) FROM runs) AS runs",
  );
  return c;
}

/**
 * Every matching event in insertion order, through a server-side cursor on a
 * connection of its own, `EXPORT_FETCH` rows at a time: memory stays flat on
 * any size of store. A reader that stops early closes the cursor and gives the
 * connection back.
 */
export async function* exportRows(pool: pg.Pool, filter: EventFilter): AsyncGenerator<EventRow> {
  const { where, params } = filterCondition(filter, PG_DIALECT);
  const client = await pool.connect();
  const cursor = client.query(new Cursor<EventRow>(numbered(`${EVENT_SELECT} ${where} ORDER BY e.seq`), params));
  let failed = false;
  try {
    for (let batch = await cursor.read(EXPORT_FETCH); batch.length > 0; batch = await cursor.read(EXPORT_FETCH)) yield* batch;
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    await cursor.close().catch(() => (failed = true));
    client.release(failed);
  }
}
