/**
 * The event record to a flat row and back, losslessly: what the coder emits
 * is what a query or a JSONL export gives back, field for field and in the
 * same key order. Flat rows are also the CSV export's columns.
 */
import type { Actor, Event, Mood, QuadClass } from "../core/index.js";
import type { EventRow } from "./store.js";

const actorColumns = (side: "source" | "target") => [`${side}_code`, `${side}_country`, `${side}_sectors`, `${side}_name`, `${side}_text`, `${side}_start`, `${side}_end`] as const;

/** Columns of the events table that come from the event record, in the order of the record. */
export const EVENT_COLUMNS = [
  "id",
  "doc",
  "sentence",
  "date",
  ...actorColumns("source"),
  ...actorColumns("target"),
  "code",
  "root",
  "quad",
  "goldstein",
  "plover",
  "verb_text",
  "verb_start",
  "verb_end",
  "negated",
  "mood",
  "intended_code",
  "location_name",
  "location_country",
  "location_lat",
  "location_lon",
  "issues",
  "rule",
  "confidence",
] as const;

/** What an export row carries: the event columns and the sentence. */
export const ROW_COLUMNS = [...EVENT_COLUMNS, "text"] as const;

// sectors and issues are codes of capitals and underscores, so a comma cannot be part of one
const joinCodes = (codes: string[]) => codes.join(",");
const splitCodes = (s: unknown) => (typeof s === "string" && s !== "" ? s.split(",") : []);

function actorRow(side: "source" | "target", a: Actor | null): EventRow {
  return {
    [`${side}_code`]: a?.code ?? null,
    [`${side}_country`]: a?.country ?? null,
    [`${side}_sectors`]: a ? joinCodes(a.sectors) : null,
    [`${side}_name`]: a?.name ?? null,
    [`${side}_text`]: a?.text ?? null,
    [`${side}_start`]: a?.start ?? null,
    [`${side}_end`]: a?.end ?? null,
  };
}

/** The events-table columns of an event (its sentence text goes to the sentences table). */
export function eventToRow(e: Event): EventRow {
  return {
    id: e.id,
    doc: e.doc,
    sentence: e.sentence,
    date: e.date,
    ...actorRow("source", e.source),
    ...actorRow("target", e.target),
    code: e.code,
    root: e.root,
    quad: e.quad,
    goldstein: e.goldstein,
    plover: e.plover,
    verb_text: e.verb.text,
    verb_start: e.verb.start,
    verb_end: e.verb.end,
    negated: e.negated ? 1 : 0,
    mood: e.mood,
    intended_code: e.intendedCode,
    location_name: e.location?.name ?? null,
    location_country: e.location?.country ?? null,
    location_lat: e.location?.lat ?? null,
    location_lon: e.location?.lon ?? null,
    issues: joinCodes(e.issues),
    rule: e.rule,
    confidence: e.confidence,
  };
}

function rowActor(side: "source" | "target", r: EventRow): Actor | null {
  if (r[`${side}_code`] === null) return null;
  return {
    text: r[`${side}_text`] as string,
    start: r[`${side}_start`] as number,
    end: r[`${side}_end`] as number,
    code: r[`${side}_code`] as string,
    country: r[`${side}_country`] as string | null,
    sectors: splitCodes(r[`${side}_sectors`]),
    name: r[`${side}_name`] as string,
  };
}

/** A stored row (with its sentence `text`) back to the event record. */
export function rowToEvent(r: EventRow): Event {
  return {
    id: r.id as string,
    doc: r.doc as string,
    sentence: r.sentence as number,
    date: r.date as string | null,
    source: rowActor("source", r),
    target: rowActor("target", r),
    code: r.code as string,
    root: r.root as string,
    quad: r.quad as QuadClass,
    goldstein: r.goldstein as number,
    plover: r.plover as string,
    verb: { text: r.verb_text as string, start: r.verb_start as number, end: r.verb_end as number },
    negated: r.negated === 1,
    mood: r.mood as Mood,
    // stores written before stated acts have no column: nothing was a stated act
    intendedCode: (r.intended_code as string | null | undefined) ?? null,
    location: r.location_name === null ? null : { name: r.location_name as string, country: r.location_country as string | null, lat: r.location_lat as number | null, lon: r.location_lon as number | null },
    issues: splitCodes(r.issues),
    text: r.text as string,
    rule: r.rule as string,
    confidence: r.confidence as number,
  };
}
