/**
 * The event store as the rest of annals sees it: one small interface, so the
 * commands never know which database is behind it (a SQLite file or a
 * PostgreSQL server; `openStore` in ./index.ts is the one place that
 * chooses). Every method is asynchronous, because a server answers over the
 * network; SQLite answers at once and its promises are already settled.
 */
import { createHash } from "node:crypto";
import type { Document, Event } from "../core/index.js";
import type { EventFilter, Page, SaveOutcome, SaveCounts, CodedItem, RunInfo, RunCounts, StatsOptions, StatsRow, TopOptions, TopRow, EventRow, StoreCounts, KeysetPage, StoredEvent, StoredDocument, LocationOptions, LocationRow, EventCount } from "./types.js";

export type * from "./types.js";

export interface Store {
  /** The file or address the store was opened on, for messages. */
  readonly location: string;
  /** True when this document, with this content, is stored coded with this dictionary version. */
  hasDocument(id: string, contentHash: string, dictVersion: string): Promise<boolean>;
  /** Saves a document and its events in one transaction; a stored document with other content or dictionaries loses its old events. */
  saveDocument(doc: Document, events: Event[], dictVersion: string): Promise<SaveOutcome>;
  /** Saves many documents in one transaction (each as `saveDocument`), adding the counts to the run when given. */
  saveBatch(items: CodedItem[], dictVersion: string, run?: number): Promise<SaveCounts>;
  beginRun(info: RunInfo): Promise<number>;
  finishRun(run: number, counts: RunCounts, status: "done" | "failed"): Promise<void>;
  /** Events in date order, then insertion order. */
  query(filter: EventFilter, page?: Page): Promise<Event[]>;
  /** Counts and Goldstein totals by period and quad class. */
  stats(filter: EventFilter, options: StatsOptions): Promise<StatsRow[]>;
  /** The actors or dyads with the most events that match the filter. */
  top(filter: EventFilter, options: TopOptions): Promise<TopRow[]>;
  /** Events in the page's sort order (by date unless told; unknown values last), after a key (keyset paging: each page costs the same however deep). */
  eventsAfter(filter: EventFilter, page?: KeysetPage): Promise<StoredEvent[]>;
  /** How many events match, counting no further than `upTo` (the cost stays bounded on any store). */
  countEvents(filter: EventFilter, upTo: number): Promise<EventCount>;
  /** One event by its id; null if none. */
  getEvent(id: string): Promise<StoredEvent | null>;
  /** One document with its sentences and events; null if none. */
  getDocument(id: string): Promise<StoredDocument | null>;
  /** Events grouped by location, most events first. */
  locations(filter: EventFilter, options?: LocationOptions): Promise<LocationRow[]>;
  /** Marks runs left `running` by a process that is gone (killed) as `interrupted`; how many. */
  recoverRuns(): Promise<number>;
  /** Up to `limit` stored documents not coded with `dictVersion`, by id, after the id `after` (keyset paging). */
  staleDocuments(dictVersion: string, after: string | null, limit: number): Promise<Document[]>;
  /** How many stored documents are not coded with `dictVersion`. */
  countStale(dictVersion: string): Promise<number>;
  /** Every matching event as a flat row, streamed in insertion order: memory stays flat (a reader that stops early frees the query). */
  exportRows(filter?: EventFilter): AsyncIterable<EventRow>;
  counts(): Promise<StoreCounts>;
  /**
   * A mark that differs whenever a write may have been committed since it was
   * taken, by any process: a result read after taking a mark stays true while
   * the mark is the same (the server's cache of counts relies on this).
   */
  changeMark(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The content of a document as far as storing it goes: everything the coder
 * reads and everything the documents table keeps. A change to any of it
 * re-codes the document; the same content is never coded twice.
 */
export function contentHash(doc: Document): string {
  const fields = [doc.text, doc.date, doc.place, doc.title ?? null, doc.source ?? null, doc.url ?? null, doc.parse ?? null];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}
