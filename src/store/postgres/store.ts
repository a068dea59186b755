/**
 * The event store on a PostgreSQL server, behind the same `Store` interface
 * as the SQLite file: `--db postgres://user@host/database` (or `ANNALS_DB`).
 * Any number of processes, on any number of machines, may read and write it
 * at once; each batch of documents is one transaction, so a killed writer
 * leaves whole documents or none, as on SQLite.
 *
 * node-postgres (`pg`) rather than `postgres` (porsager): `pg-copy-streams`
 * streams `COPY ... FROM STDIN` on a pooled `pg` connection inside the
 * saving transaction, `pg-cursor` gives the exports a server-side cursor,
 * and `pg`'s pool is the most used and longest maintained in Node; its
 * pure-JavaScript protocol needs nothing native to build.
 */
import type pg from "pg";
import type { Document, Event } from "../../core/index.js";
import { StoreError } from "../errors.js";
import type { CodedItem, EventCount, EventFilter, EventRow, KeysetPage, LocationOptions, LocationRow, Page, RunCounts, RunInfo, SaveCounts, SaveOutcome, StatsOptions, StatsRow, Store, StoreCounts, StoredDocument, StoredEvent, TopOptions, TopRow } from "../store.js";
import { redactAddress } from "../address.js";
import { createPool, explainPostgresError, guarded, inTransaction } from "./connection.js";
import { migrate } from "./migrate.js";
import * as reads from "./reads.js";
import * as writes from "./writes.js";

export interface PostgresOpenOptions {
  readonly?: boolean;
  /** Connections at most (default 4). */
  connections?: number;
  /** Milliseconds a statement may run before the server cancels it (default: no limit). */
  statementTimeoutMs?: number;
  /** Internal, for tests that compare the two: answer `stats` and `top` by scanning the events, never from counts kept at ingest. */
  scanCounts?: boolean;
}

export async function openPostgresStore(address: string, options: PostgresOpenOptions = {}): Promise<Store> {
  const location = redactAddress(address);
  const readonly = options.readonly === true;
  const pool = createPool(address, { readonly, max: options.connections ?? 4, statementTimeoutMs: options.statementTimeoutMs });
  try {
    await guarded(location, () => migrate(pool, location, readonly));
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
  return new PostgresStore(pool, location, readonly, options.scanCounts === true);
}

class PostgresStore implements Store {
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    private readonly readonly: boolean,
    private readonly scanCounts: boolean,
  ) {}

  /** Runs a read or write, with the failures a user can act on said in words. */
  private run<T>(fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError(`${this.location} is closed`));
    return guarded(this.location, () => fn(this.pool));
  }

  private write<T>(fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
    if (this.readonly) return Promise.reject(new StoreError(`${this.location} was opened read-only`));
    return this.run(fn);
  }

  async hasDocument(id: string, hash: string, dictVersion: string): Promise<boolean> {
    return this.run(async (pool) => (await pool.query("SELECT 1 FROM documents WHERE id = $1 AND content_hash = $2 AND dict_version = $3", [id, hash, dictVersion])).rowCount! > 0);
  }

  async saveDocument(doc: Document, events: Event[], dictVersion: string): Promise<SaveOutcome> {
    return this.write(async (pool) => (await inTransaction(pool, (client) => writes.saveItems(client, [{ doc, events }], dictVersion, null)))[0]);
  }

  async saveBatch(items: CodedItem[], dictVersion: string, run?: number): Promise<SaveCounts> {
    return this.write((pool) =>
      inTransaction(pool, async (client) => {
        const counts = writes.countOutcomes(items, await writes.saveItems(client, items, dictVersion, run ?? null));
        if (run !== undefined) await writes.addToRun(client, run, counts);
        return counts;
      }),
    );
  }

  beginRun(info: RunInfo): Promise<number> {
    return this.write((pool) => writes.beginRun(pool, info));
  }

  finishRun(run: number, counts: RunCounts, status: "done" | "failed"): Promise<void> {
    return this.write((pool) => writes.finishRun(pool, run, counts, status));
  }

  query(filter: EventFilter, page: Page = {}): Promise<Event[]> {
    return this.run((pool) => reads.query(pool, filter, page));
  }

  stats(filter: EventFilter, options: StatsOptions): Promise<StatsRow[]> {
    return this.run((pool) => reads.stats(pool, filter, options, this.scanCounts));
  }

  top(filter: EventFilter, options: TopOptions): Promise<TopRow[]> {
    return this.run((pool) => reads.top(pool, filter, options, this.scanCounts));
  }

  eventsAfter(filter: EventFilter, page: KeysetPage = {}): Promise<StoredEvent[]> {
    return this.run((pool) => reads.eventsAfter(pool, filter, page));
  }

  countEvents(filter: EventFilter, upTo: number): Promise<EventCount> {
    return this.run((pool) => reads.countEvents(pool, filter, upTo));
  }

  getEvent(id: string): Promise<StoredEvent | null> {
    return this.run((pool) => reads.getEvent(pool, id));
  }

  getDocument(id: string): Promise<StoredDocument | null> {
    return this.run((pool) => reads.getDocument(pool, id));
  }

  locations(filter: EventFilter, options: LocationOptions = {}): Promise<LocationRow[]> {
    return this.run((pool) => reads.locations(pool, filter, options));
  }

  recoverRuns(): Promise<number> {
    return this.write((pool) => writes.recoverRuns(pool));
  }

  staleDocuments(dictVersion: string, after: string | null, limit: number): Promise<Document[]> {
    return this.run((pool) => reads.staleDocuments(pool, dictVersion, after, limit));
  }

  countStale(dictVersion: string): Promise<number> {
    return this.run((pool) => reads.countStale(pool, dictVersion));
  }

  exportRows(filter: EventFilter = {}): AsyncIterable<EventRow> {
    const { pool, location } = this;
    return (async function* () {
      try {
        yield* reads.exportRows(pool, filter);
      } catch (e) {
        throw explainPostgresError(e, location) ?? e;
      }
    })();
  }

  counts(): Promise<StoreCounts> {
    return this.run((pool) => reads.counts(pool));
  }

  changeMark(): Promise<string> {
    // the server's transactions in progress and the next id to assign: any commit of a write changes them
    return this.run(async (pool) => (await pool.query<{ mark: string }>("SELECT pg_current_snapshot()::text AS mark")).rows[0].mark);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
