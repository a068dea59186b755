/**
 * The event store as the rest of annals sees it: one small interface, so the
 * commands never know which database is behind it (SQLite now, PostgreSQL
 * later; `openStore` in ./index.ts is the one place that chooses).
 */
import { createHash } from "node:crypto";
import type { Document, Event, Mood, QuadClass } from "../core/index.js";

/** Which events a query, a count or an export takes. Every field is optional; all given ones must hold. */
export interface EventFilter {
  /** Actor code prefix matched on either side: `CHN` takes CHNGOV, CHNMIL, ... */
  actor?: string;
  /** Source actor code prefix (the first half of a dyad). */
  source?: string;
  /** Target actor code prefix (the second half of a dyad). */
  target?: string;
  /** CAMEO code: two digits is a root (`04`), more is a code and the codes below it (`043` takes `0431`). */
  code?: string;
  quad?: QuadClass;
  /** PLOVER category (`CONSULT`). */
  plover?: string;
  mood?: Mood;
  negated?: boolean;
  /** First event date, inclusive, `YYYY-MM-DD`. */
  from?: string;
  /** Last event date, inclusive, `YYYY-MM-DD`. */
  to?: string;
  /** Words that must all appear in the event's sentence (full-text search, stemmed). */
  text?: string;
  /** Document id. */
  doc?: string;
}

export interface Page {
  /** Most events returned; default 100. */
  limit?: number;
  /** Events skipped first, for paging; default 0. */
  offset?: number;
}

/** What saving one document did. */
export type SaveOutcome = "added" | "replaced" | "unchanged";

export interface SaveCounts {
  added: number;
  replaced: number;
  unchanged: number;
  /** Events written (not counting those of unchanged documents). */
  events: number;
}

/** A document and the events its coding gave, saved together or not at all. */
export interface CodedItem {
  doc: Document;
  events: Event[];
}

/** One ingestion (or, later, re-coding) run, kept in the store so a database says how it was filled. */
export interface RunInfo {
  command: string;
  dictVersion: string;
  annalsVersion: string;
  inputs: string[];
}

export interface RunCounts extends SaveCounts {
  failed: number;
}

export type Period = "day" | "week" | "month" | "year";

export interface StatsOptions {
  by: Period;
  /** Count every stored event, not only asserted, non-negated ones (the default, as the design asks). */
  all?: boolean;
}

/** One period and quad class: counts and Goldstein totals. */
export interface StatsRow {
  /** `2023-03-16` by day, the Monday `2023-03-13` by week, `2023-03` by month, `2023` by year. */
  period: string;
  quad: number;
  /** Events (mentions: one per report). */
  events: number;
  /** Distinct (date, source, target, code) tuples: the Phoenix one-a-day count. */
  distinct: number;
  goldsteinTotal: number;
  goldsteinMean: number;
}

/** What `top` ranks: actors (either side of an event) or dyads (source, target). */
export type TopKind = "actors" | "dyads";

export interface TopOptions {
  kind: TopKind;
  /** Most rows returned; default 10. */
  limit?: number;
  /** Count every stored event, not only asserted, non-negated ones, as in `StatsOptions`. */
  all?: boolean;
}

/** One actor (`target` null) or dyad, with the events it takes part in; most events first. */
export interface TopRow {
  /** The actor, or the dyad's source. */
  source: string;
  /** The dyad's target; null when ranking actors. */
  target: string | null;
  events: number;
  /** Distinct (date, source, target, code) tuples. */
  distinct: number;
  goldsteinTotal: number;
  goldsteinMean: number;
}

/**
 * A flat event row: the columns of the events table plus its sentence text.
 * The actor, verb and location objects are spread into `source_code`, ...;
 * `sectors` and `issues` are comma-joined; `negated` is 0 or 1.
 */
export type EventRow = Record<string, string | number | null>;

export interface StoreCounts {
  documents: number;
  events: number;
  sentences: number;
  runs: number;
}

/** Where a keyset page starts: after the event with this date and store sequence number (the order of `query`). */
export interface EventKey {
  date: string | null;
  seq: number;
}

export interface KeysetPage {
  /** Start after this event; from the first when absent. */
  after?: EventKey | null;
  /** Most events returned; default 100. */
  limit?: number;
}

/** An event as stored: the record, its key for paging, and where its sentence starts in the document text. */
export interface StoredEvent {
  event: Event;
  key: EventKey;
  /** Offset of `event.text` in the document text (found again at read time); null if the text is not there. */
  sentenceStart: number | null;
}

/** A stored document with the sentences that carry events and all its events. */
export interface StoredDocument {
  document: { id: string; date: string | null; place: string | null; title: string | null; source: string | null; url: string | null; text: string };
  /** Sentences that carry at least one event, by index. */
  sentences: { idx: number; text: string }[];
  /** In sentence order, then insertion order. */
  events: StoredEvent[];
}

export interface LocationOptions {
  /** Count every stored event, not only asserted, non-negated ones, as in `StatsOptions`. */
  all?: boolean;
}

/** Events at one place (the event's `location`), most events first; events without a location are left out. */
export interface LocationRow {
  country: string | null;
  name: string;
  lat: number | null;
  lon: number | null;
  events: number;
  goldsteinMean: number;
}

export interface Store {
  /** The file or address the store was opened on, for messages. */
  readonly location: string;
  /** True when this document, with this content, is stored coded with this dictionary version. */
  hasDocument(id: string, contentHash: string, dictVersion: string): boolean;
  /** Saves a document and its events in one transaction; a stored document with other content or dictionaries loses its old events. */
  saveDocument(doc: Document, events: Event[], dictVersion: string): SaveOutcome;
  /** Saves many documents in one transaction (each as `saveDocument`), adding the counts to the run when given. */
  saveBatch(items: CodedItem[], dictVersion: string, run?: number): SaveCounts;
  beginRun(info: RunInfo): number;
  finishRun(run: number, counts: RunCounts, status: "done" | "failed"): void;
  /** Events in date order, then insertion order. */
  query(filter: EventFilter, page?: Page): Event[];
  /** Counts and Goldstein totals by period and quad class. */
  stats(filter: EventFilter, options: StatsOptions): StatsRow[];
  /** The actors or dyads with the most events that match the filter. */
  top(filter: EventFilter, options: TopOptions): TopRow[];
  /** Events in the order of `query`, after a key (keyset paging: each page costs the same however deep). */
  eventsAfter(filter: EventFilter, page?: KeysetPage): StoredEvent[];
  /** One event by its id; null if none. */
  getEvent(id: string): StoredEvent | null;
  /** One document with its sentences and events; null if none. */
  getDocument(id: string): StoredDocument | null;
  /** Events grouped by location, most events first. */
  locations(filter: EventFilter, options?: LocationOptions): LocationRow[];
  /** Marks runs left `running` by a process that is gone (killed) as `interrupted`; how many. */
  recoverRuns(): number;
  /** Up to `limit` stored documents not coded with `dictVersion`, by id, after the id `after` (keyset paging). */
  staleDocuments(dictVersion: string, after: string | null, limit: number): Document[];
  /** How many stored documents are not coded with `dictVersion`. */
  countStale(dictVersion: string): number;
  /** Every matching event as a flat row, streamed in insertion order: memory stays flat. */
  exportRows(filter?: EventFilter): IterableIterator<EventRow>;
  counts(): StoreCounts;
  close(): void;
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
