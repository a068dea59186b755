/**
 * Query strings to the store's `EventFilter` and paging values. Every
 * parameter is checked: an unknown name, a repeated one or a bad value is a
 * 400 that names the parameter, so a typo never silently widens a query.
 */
import { normalizeDate, type Mood, type QuadClass } from "../core/index.js";
import type { EventFilter } from "../store/index.js";
import { badRequest } from "./errors.js";

/** The filter parameters of events, series, top and locations. */
export const FILTER_PARAMS = ["actor", "source", "target", "code", "quad", "plover", "mood", "negated", "counted", "from", "to", "text", "doc", "dated", "country", "place"] as const;

export const MOODS: readonly Mood[] = ["asserted", "intended", "hypothetical", "reported-past"];
const ACTOR = /^[A-Za-z0-9]{1,32}$/;
/** Longer full-text queries are not a search anyone types; they are refused rather than run. */
const MAX_TEXT = 500;
const MAX_PLACE = 200;

/** The query parameters of a request, checked against the names a route takes. */
export class Params {
  private readonly values = new Map<string, string>();

  constructor(url: string, allowed: readonly string[]) {
    for (const [name, value] of new URL(url).searchParams) {
      if (!allowed.includes(name)) throw badRequest(`unknown parameter "${name}": this endpoint takes ${allowed.join(", ")}`);
      if (this.values.has(name)) throw badRequest(`parameter "${name}" is given twice`);
      this.values.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** A whole number in [min, max]; `fallback` when absent. */
  int(name: string, min: number, max: number, fallback: number): number {
    const v = this.values.get(name);
    if (v === undefined) return fallback;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw badRequest(`${name} must be a whole number from ${min} to ${max}, not "${v}"`);
    return n;
  }

  /** One of `choices`; `fallback` when absent. */
  oneOf<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const v = this.values.get(name);
    if (v === undefined) return fallback;
    if (!choices.includes(v as T)) throw badRequest(`${name} must be one of ${choices.join(", ")}, not "${v}"`);
    return v as T;
  }

  bool(name: string): boolean | undefined {
    const v = this.values.get(name);
    if (v === undefined) return undefined;
    if (v !== "true" && v !== "false") throw badRequest(`${name} must be true or false, not "${v}"`);
    return v === "true";
  }

  /** The filter parameters as an `EventFilter`; an empty value counts as absent (a form's blank field). */
  filter(): EventFilter {
    const f: EventFilter = {};
    const given = (name: string) => {
      const v = this.values.get(name);
      return v === undefined || v.trim() === "" ? undefined : v.trim();
    };
    for (const side of ["actor", "source", "target"] as const) {
      const v = given(side);
      if (v === undefined) continue;
      if (!ACTOR.test(v)) throw badRequest(`${side} "${v}" is not an actor code or code prefix (letters and digits, as CHN or CHNGOV)`);
      f[side] = v.toUpperCase();
    }
    const code = given("code");
    if (code !== undefined) {
      if (!/^\d{2,4}$/.test(code)) throw badRequest(`code "${code}" must be a CAMEO root (04) or code (040, 0431), digits with their leading zeros`);
      f.code = code;
    }
    const quad = given("quad");
    if (quad !== undefined) {
      if (!/^[1-4]$/.test(quad)) throw badRequest(`quad must be 1, 2, 3 or 4, not "${quad}"`);
      f.quad = Number(quad) as QuadClass;
    }
    const plover = given("plover");
    if (plover !== undefined) {
      if (!/^[A-Za-z_-]{1,40}$/.test(plover)) throw badRequest(`plover "${plover}" is not a PLOVER category (letters, as CONSULT)`);
      f.plover = plover.toUpperCase();
    }
    const mood = given("mood");
    if (mood !== undefined) {
      if (!MOODS.includes(mood as Mood)) throw badRequest(`mood must be one of ${MOODS.join(", ")}, not "${mood}"`);
      f.mood = mood as Mood;
    }
    if (given("negated") !== undefined) f.negated = this.bool("negated");
    if (given("counted") !== undefined) f.counted = this.bool("counted");
    if (given("dated") !== undefined) f.dated = this.bool("dated");
    for (const end of ["from", "to"] as const) {
      const v = given(end);
      if (v === undefined) continue;
      const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? normalizeDate(v) : null;
      if (!d) throw badRequest(`${end} "${v}" is not a real date (YYYY-MM-DD)`);
      f[end] = d;
    }
    if (f.from && f.to && f.from > f.to) throw badRequest(`from ${f.from} is after to ${f.to}`);
    const text = given("text");
    if (text !== undefined) {
      if (text.length > MAX_TEXT) throw badRequest(`text is longer than ${MAX_TEXT} characters`);
      f.text = text;
    }
    const doc = given("doc");
    if (doc !== undefined) f.doc = doc;
    const country = given("country");
    if (country !== undefined) {
      if (!/^[A-Za-z]{3}$/.test(country)) throw badRequest(`country "${country}" is not a country code (three letters, ISO 3166-1 alpha-3, as JPN)`);
      f.country = country.toUpperCase();
    }
    const place = given("place");
    if (place !== undefined) {
      if (place.length > MAX_PLACE) throw badRequest(`place is longer than ${MAX_PLACE} characters`);
      f.place = place;
    }
    return f;
  }
}
