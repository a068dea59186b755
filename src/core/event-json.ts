/**
 * An event as JSON text: the very bytes `JSON.stringify(event)` gives, written
 * out field by field for the event's fixed shape, which takes a fraction of
 * the generic walk over an object's keys. Every field of `Event` is written, in
 * the order `recordEvents` makes them; a field added to the event must be
 * added here too (the tests compare the two on coded events).
 */
import type { Actor, Event, Location, TextSpan } from "./types.js";

/** What JSON must escape in a string: quotes, backslashes, control characters and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function str(s: string): string {
  // a string with nothing to escape is itself in quotes; any other is left to JSON.stringify
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

const strOrNull = (s: string | null): string => (s === null ? "null" : str(s));

/** As JSON writes numbers: NaN and the infinities as null. */
const num = (n: number): string => (Number.isFinite(n) ? String(n) : "null");

const numOrNull = (n: number | null): string => (n === null ? "null" : num(n));

function strings(list: readonly string[]): string {
  let out = "[";
  for (let i = 0; i < list.length; i++) out += (i > 0 ? "," : "") + str(list[i]);
  return out + "]";
}

const span = (s: TextSpan): string => `{"text":${str(s.text)},"start":${num(s.start)},"end":${num(s.end)}}`;

function actor(a: Actor | null): string {
  if (a === null) return "null";
  return `{"text":${str(a.text)},"start":${num(a.start)},"end":${num(a.end)},"code":${str(a.code)},"country":${strOrNull(a.country)},"sectors":${strings(a.sectors)},"name":${str(a.name)}}`;
}

function location(l: Location | null): string {
  if (l === null) return "null";
  return `{"name":${str(l.name)},"country":${strOrNull(l.country)},"lat":${numOrNull(l.lat)},"lon":${numOrNull(l.lon)}}`;
}

export function eventJson(e: Event): string {
  return (
    `{"id":${str(e.id)},"doc":${str(e.doc)},"sentence":${num(e.sentence)},"date":${strOrNull(e.date)},` +
    `"source":${actor(e.source)},"target":${actor(e.target)},"code":${str(e.code)},"root":${str(e.root)},` +
    `"quad":${num(e.quad)},"goldstein":${num(e.goldstein)},"plover":${str(e.plover)},"verb":${span(e.verb)},` +
    `"negated":${e.negated},"mood":${str(e.mood)},"intendedCode":${strOrNull(e.intendedCode)},` +
    `"location":${location(e.location)},"issues":${strings(e.issues)},"text":${str(e.text)},"rule":${str(e.rule)},` +
    `"confidence":${num(e.confidence)}}`
  );
}
