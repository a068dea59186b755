/**
 * The HTTP API's requests and responses: the contract between `annals serve`
 * and its web page (and any other client). Types only, with no Node import,
 * so the page imports this file as it is. The OpenAPI document
 * (./openapi.ts) says the same for other tools.
 *
 * Every error is `ApiError` with a 4xx or 5xx status.
 */
import type { DataFile, Event, InputProblem, Mood, QuadClass } from "../core/index.js";

export type { DataFile, Event, InputProblem, Mood, QuadClass };

// The store's data types live in a module of their own that imports nothing from Node, so the page can follow them.
import type { EventCount, LocationRow, Period, StatsRow, StoreCounts, TopKind, TopRow } from "../store/types.js";

export type { EventCount, LocationRow, Period, StatsRow, StoreCounts, TopKind, TopRow };

/** `{ "error": "what is wrong, and with which parameter" }`. */
export interface ApiError {
  error: string;
}

/**
 * The filter query parameters shared by events, series, top and locations;
 * the meaning of `EventFilter` (and of `annals query`'s flags). All strings
 * on the wire; an unknown parameter or a bad value is a 400 naming it.
 */
export interface FilterParams {
  /** Actor code prefix on either side (`CHN`). */
  actor?: string;
  /** Source actor code prefix. */
  source?: string;
  /** Target actor code prefix. */
  target?: string;
  /** CAMEO root (`04`) or code (`043`, takes the codes below it). */
  code?: string;
  quad?: "1" | "2" | "3" | "4";
  plover?: string;
  mood?: Mood;
  negated?: "true" | "false";
  /** "true": only events that count (asserted and not denied, or stated acts). */
  counted?: "true" | "false";
  /** "true": only events with a date; "false": only those without one. */
  dated?: "true" | "false";
  /** First date, inclusive, `YYYY-MM-DD`. */
  from?: string;
  /** Last date, inclusive, `YYYY-MM-DD`. */
  to?: string;
  /** Words that must all be in the sentence (full-text, stemmed). */
  text?: string;
  /** Document id. */
  doc?: string;
  /** Where the event happened: its location's country, ISO 3166-1 alpha-3 (`JPN`). */
  country?: string;
  /** Where the event happened: its location's name, as `/api/locations` gives it (any case). */
  place?: string;
}

/** Series, top and locations count only asserted, non-negated events and stated acts unless `all=true` (as `annals stats --all`). */
export interface CountParams extends FilterParams {
  all?: "true" | "false";
}

/** An event as the API gives it: the record plus where its sentence starts in its document. */
export type ApiEvent = Event & {
  /** Offset of `text` in the document text: `span.start - sentenceStart` indexes into `text`; null if unknown. Actor spans found by coreference may lie in an earlier sentence (a negative index). */
  sentenceStart: number | null;
};

/** `GET /api/health` */
export interface HealthResponse {
  ok: true;
  /** annals' version. */
  annals: string;
  counts: StoreCounts;
  /** True when the store's reads were all busy and `counts` are the last ones read rather than the store's now (health answers at once whatever the load). */
  stale: boolean;
  /** Whether `POST /api/documents` is on (the server was started with a token). */
  writes: boolean;
}

/** What `GET /api/events` sorts by: a column, ascending, or after "-" descending. Ties go in insertion order (reversed by "-"); events without the value (no date, no source, no target) come last either way. */
export type EventsSort = "date" | "-date" | "goldstein" | "-goldstein" | "source" | "-source" | "target" | "-target" | "code" | "-code";

/** `GET /api/events?<filter>&sort=S&limit=N&cursor=C`; limit 1..500, default 50; sort default `date`. */
export interface EventsParams extends FilterParams {
  sort?: EventsSort;
  limit?: string;
  /** The `next` of the previous page (of the same sort). */
  cursor?: string;
}

export interface EventsResponse {
  /** In the order of `sort`: by date unless told, unknown dates last. */
  events: ApiEvent[];
  /** Opaque cursor for the following page; null on the last page. */
  next: string | null;
  /**
   * How many events match the filter (on every page): exact up to the server's bound (10,000 unless
   * configured), past it `{count: bound, exact: false}`, "more than count". Null when counting took longer
   * than the time limit (the page itself was read).
   */
  total: EventCount | null;
}

/** The formats of `GET /api/export`, those of `annals export` that are text. */
export type ExportFormat = "jsonl" | "csv" | "gdelt";

/**
 * `GET /api/export?<filter>&format=jsonl|csv|gdelt` (default jsonl): every matching event, streamed in
 * insertion order, exactly as `annals export --format F` writes it for the same filter (a file to download:
 * Content-Disposition: attachment). At most a few downloads at once (429 beyond, with Retry-After).
 */
export interface ExportParams extends FilterParams {
  format?: ExportFormat;
}

/** `GET /api/events/:id` */
export interface EventResponse {
  event: ApiEvent;
}

/** `GET /api/series?<filter>&by=day|week|month|year` (default month). */
export interface SeriesResponse {
  by: Period;
  rows: StatsRow[];
}

/** `GET /api/top?<filter>&kind=actors|dyads&limit=N`; limit 1..100, default 20. */
export interface TopResponse {
  kind: TopKind;
  rows: TopRow[];
}

/** `GET /api/locations?<filter>`: events grouped by location, most first. */
export interface LocationsResponse {
  rows: LocationRow[];
}

/** `GET /api/documents/:id` */
export interface DocumentResponse {
  document: { id: string; date: string | null; place: string | null; title: string | null; source: string | null; url: string | null; text: string };
  /** The sentences that carry events. */
  sentences: { idx: number; text: string }[];
  events: ApiEvent[];
}

/** `POST /api/code` (body at most 1 MB): coded, not stored. */
export interface CodeRequest {
  text: string;
  /** Document date `YYYY-MM-DD`. */
  date?: string;
  /** Dateline place. */
  place?: string;
}

export interface CodeResponse {
  events: Event[];
  problems: InputProblem[];
}

/** One document to ingest; without an id it gets a content hash, as `annals ingest` gives. */
export interface DocumentInput {
  id?: string;
  text: string;
  date?: string;
  place?: string;
  title?: string;
  source?: string;
  url?: string;
}

/** `POST /api/documents` (body at most 10 MB; `Authorization: Bearer TOKEN`). */
export interface DocumentsRequest {
  documents: DocumentInput[];
}

export interface DocumentsResponse {
  added: number;
  replaced: number;
  unchanged: number;
  /** Events written. */
  events: number;
  /** Documents not stored (see `problems`). */
  failed: number;
  problems: InputProblem[];
}

/** `GET /api/dictionary`: the dictionary files the server codes with, for the same coder in the browser. */
export interface DictionaryResponse {
  version: string;
  files: DataFile[];
}
