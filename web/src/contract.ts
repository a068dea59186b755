/**
 * The HTTP API's shapes as the page reads them: a copy of the contract in
 * src/serve/api-types.ts. The page cannot import that file yet, because it
 * takes its store types from src/store/store.ts, which imports node:crypto,
 * and the page is type-checked without Node's types (so that a Node import in
 * src/core fails the build). Keep the two the same.
 */
import type { DataFile, Event, InputProblem } from "../../src/core/index.js";

export type { DataFile, Event, InputProblem };

/** An event as the API gives it: the record plus where its sentence starts in its document. */
export type ApiEvent = Event & { sentenceStart: number | null };

export interface StoreCounts {
  documents: number;
  events: number;
  sentences: number;
  runs: number;
}

export interface Health {
  ok: true;
  annals: string;
  counts: StoreCounts;
  writes: boolean;
}

export interface EventsPage {
  events: ApiEvent[];
  next: string | null;
}

export type Period = "day" | "week" | "month" | "year";

export interface StatsRow {
  period: string;
  quad: number;
  events: number;
  distinct: number;
  goldsteinTotal: number;
  goldsteinMean: number;
}

export interface Series {
  by: Period;
  rows: StatsRow[];
}

export interface TopRow {
  source: string;
  target: string | null;
  events: number;
  distinct: number;
  goldsteinTotal: number;
  goldsteinMean: number;
}

export interface Top {
  kind: "actors" | "dyads";
  rows: TopRow[];
}

export interface LocationRow {
  country: string | null;
  name: string;
  lat: number | null;
  lon: number | null;
  events: number;
  goldsteinMean: number;
}

export interface Locations {
  rows: LocationRow[];
}

export interface StoredDocument {
  document: { id: string; date: string | null; place: string | null; title: string | null; source: string | null; url: string | null; text: string };
  sentences: { idx: number; text: string }[];
  events: ApiEvent[];
}

export interface Coded {
  events: Event[];
  problems: InputProblem[];
}

export interface DictionaryFiles {
  version: string;
  files: DataFile[];
}
