/**
 * Typed calls to the annals HTTP API (the same server that serves this page).
 * Every call is relative to the page's origin: the page talks to nothing else.
 */
import type { CodeRequest, Coded, DictionaryFiles, EventsPage, EventsSort, ExportFormat, Health, Locations, Period, Series, StoredDocument, Top, ApiEvent } from "./contract.js";

/** The filter parameters shared by events, series, top and locations, as the API names them. */
export interface Filter {
  actor?: string;
  source?: string;
  target?: string;
  /** CAMEO root or code prefix. */
  code?: string;
  quad?: string;
  plover?: string;
  mood?: string;
  negated?: string;
  /** "true": only events that count (asserted, not denied, or stated acts). */
  counted?: string;
  from?: string;
  to?: string;
  /** Words that must all be in the sentence. */
  text?: string;
  doc?: string;
  /** "true": only events with a date; "false": only those without one. */
  dated?: string;
  /** Where the event happened: its location's country (`JPN`) and name (`Tokyo`). */
  country?: string;
  place?: string;
}

export const FILTER_KEYS = ["actor", "source", "target", "code", "quad", "plover", "mood", "negated", "counted", "from", "to", "text", "doc", "dated", "country", "place"] as const;

/** An error the API answered with (`{error}`), or a network failure, as one message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) } });
  } catch (e) {
    throw new ApiError(`cannot reach the server (${(e as Error).message})`, 0);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(body && typeof body.error === "string" ? body.error : `${path}: HTTP ${res.status}`, res.status);
  return body as T;
}

export const api = {
  health: () => call<Health>("/api/health"),
  events: (filter: Filter, limit: number, cursor?: string, sort?: EventsSort) => call<EventsPage>(`/api/events${query({ ...filter, sort: sort === "date" ? undefined : sort, limit, cursor })}`),
  /** The address of the filter's events as a file (`annals export`'s), for a link the browser downloads. */
  exportUrl: (filter: Filter, format: ExportFormat) => `/api/export${query({ ...filter, format })}`,
  event: (id: string) => call<{ event: ApiEvent }>(`/api/events/${encodeURIComponent(id)}`),
  // counts take asserted, non-negated events and stated acts only, unless `all`
  series: (filter: Filter, by: Period, all = false) => call<Series>(`/api/series${query({ ...filter, by, all: all ? "true" : undefined })}`),
  top: (filter: Filter, kind: "actors" | "dyads", limit: number, all = false) => call<Top>(`/api/top${query({ ...filter, kind, limit, all: all ? "true" : undefined })}`),
  locations: (filter: Filter, all = false) => call<Locations>(`/api/locations${query({ ...filter, all: all ? "true" : undefined })}`),
  document: (id: string) => call<StoredDocument>(`/api/documents/${encodeURIComponent(id)}`),
  code: (text: string, date?: string, place?: string) => call<Coded>("/api/code", { method: "POST", body: JSON.stringify({ text, date: date || undefined, place: place || undefined } satisfies CodeRequest) }),
  dictionary: () => call<DictionaryFiles>("/api/dictionary"),
};
