/**
 * The store's data types: filters, pages, counts and rows. Types only, importing nothing from Node, so the API's
 * contract (and through it the web page) can use them as they are.
 */
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
  /** Only events that count (`countsAsEvent`): asserted or a stated act, and not denied. */
  counted?: boolean;
  /** First event date, inclusive, `YYYY-MM-DD`. */
  from?: string;
  /** Last event date, inclusive, `YYYY-MM-DD`. */
  to?: string;
  /** Words that must all appear in the event's sentence (full-text search, stemmed). */
  text?: string;
  /** Document id. */
  doc?: string;
  /** Only events with a date (true) or only those without one (false). */
  dated?: boolean;
  /** Where the event happened: the ISO 3166-1 alpha-3 country of its location (`JPN`). */
  country?: string;
  /** Where the event happened: its location's name, as `locations` gives it (`Tokyo`); any case. */
  place?: string;
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
  /** Count every stored event, not only asserted, non-negated ones and stated acts (the default, as the design asks). */
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

/** What a page of events can be ordered by. */
export type EventSortKey = "date" | "goldstein" | "source" | "target" | "code";

/**
 * An order of events: by the value (the date, the Goldstein score, the source or target actor code, the CAMEO
 * code), ties in insertion order; `desc` reverses both. Events without the value (no date, no source, no
 * target) come last either way.
 */
export interface EventSort {
  by: EventSortKey;
  desc?: boolean;
}

/** Where a keyset page starts: after the event with this value of the sort's column (null: none) and store sequence number. */
export interface EventKey {
  value: string | number | null;
  seq: number;
}

export interface KeysetPage {
  /** Start after this event (a key of the same sort); from the first when absent. */
  after?: EventKey | null;
  /** Most events returned; default 100. */
  limit?: number;
  /** Default by date, ascending. */
  sort?: EventSort;
}

/** How many events match, counted up to a bound: past it, `count` is the bound and `exact` false (more than `count`). */
export interface EventCount {
  count: number;
  exact: boolean;
}

/** An event as stored: the record, its key for paging, and where its sentence starts in the document text. */
export interface StoredEvent {
  event: Event;
  /** Its key in the order it was read in (by date for a single event or a document's). */
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
