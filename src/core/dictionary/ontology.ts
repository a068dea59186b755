/**
 * The ontology tables: CAMEO codes with Goldstein scores and PLOVER
 * categories, quad classes, actor roles, countries and places.
 */
import type { QuadClass } from "../types.js";
import { alternatives, entries, isIsoDate, type DataFile, type DictionaryProblem } from "./text.js";

export interface CameoCode {
  code: string;
  goldstein: number;
  plover: string;
  name: string;
  rule: string;
}

export interface Role {
  code: string;
  name: string;
}

export interface Place {
  name: string;
  country: string;
  lat: number | null;
  lon: number | null;
  kind: "capital" | "city" | "country";
}

export interface Country {
  iso3: string;
  name: string;
  names: string[];
  adjectives: string[];
  capital: Place | null;
  /** Every name of the capital ("Washington; Washington, D.C."). */
  capitalNames: string[];
  /** For a state of the past: when it existed, `to` its last day plus one (ISO dates; null: open). */
  existed: { from: string | null; to: string | null } | null;
  /** For a state of the past: the countries whose names, within `existed`, mean this state ("Russia" in 1985 is the USSR). */
  successors: string[];
  rule: string;
}

/** A CAMEO code: a two-digit root and up to three more digits; imported dictionaries may add letters ("174K"). */
export const CODE_SYNTAX = /^\d{2}[0-9A-Z]{0,3}$/;

export interface Ontology {
  codes: Map<string, CameoCode>;
  quads: Map<string, QuadClass>;
  roles: Map<string, Role>;
  countries: Map<string, Country>;
  cities: Place[];
  /** Rule of each city, parallel to `cities`. */
  cityRules: string[];
  /** Actor-code prefixes that are neither countries nor international prefixes, from ontology/extra-prefixes.txt (imported dictionaries). */
  prefixes: Set<string>;
  /** A successor country's former states, by successor: RUS -> [SUN, to 1991-12-26]. */
  formerStates: Map<string, Country[]>;
  /** ontology/stated-acts.txt: the code of an act intended (03x, 13x) or refused (12x), by the start of the act's code. */
  statedActs: Record<Stance, Map<string, { code: string; rule: string }>>;
}

/** How a sentence stands to an act it names: the actor intends (promises, plans, threatens) it, or refuses it. */
export type Stance = "intend" | "refuse" | "demand" | "appeal";

/** The code of a statement that an act is intended or refused, and the rule that says so; null when the table has none. */
export function statedAct(stance: Stance, act: string, onto: Ontology): { code: string; rule: string } | null {
  const table = onto.statedActs[stance];
  for (let n = act.length; n >= 2; n--) {
    const row = table.get(act.slice(0, n));
    if (row) return row;
  }
  // "*": any other act, or one the verb patterns do not know ("said Y must do more")
  return table.get("*") ?? null;
}

/**
 * The state a country's name means on a date: a successor named within a former state's years is that state
 * ("Russian troops" in 1985 are Soviet troops); without a date, the country itself.
 */
export function stateOn(iso3: string, date: string | null, onto: Ontology): string {
  if (!date) return iso3;
  const former = onto.formerStates.get(iso3);
  if (!former) return iso3;
  for (const c of former) if (c.existed && (!c.existed.from || c.existed.from <= date) && (!c.existed.to || date < c.existed.to)) return c.iso3;
  return iso3;
}

function parseLatLon(field: string | undefined, where: string, problems: DictionaryProblem[]): [number | null, number | null] {
  if (!field) return [null, null];
  const m = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(field);
  if (!m || Math.abs(+m[1]) > 90 || Math.abs(+m[2]) > 180) {
    problems.push({ where, message: `bad coordinates "${field}": expected LAT,LON in decimal degrees` });
    return [null, null];
  }
  return [+m[1], +m[2]];
}

export function parseOntology(files: DataFile[], problems: DictionaryProblem[]): Ontology {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const need = (path: string): DataFile => {
    const f = byPath.get(path);
    if (!f) {
      problems.push({ where: path, message: "missing ontology file" });
      return { path, text: "" };
    }
    return f;
  };
  const onto: Ontology = { codes: new Map(), quads: new Map(), roles: new Map(), countries: new Map(), cities: [], cityRules: [], prefixes: new Set(), formerStates: new Map(), statedActs: { intend: new Map(), refuse: new Map(), demand: new Map(), appeal: new Map() } };

  for (const e of entries(need("ontology/quad-classes.txt"))) {
    const [root, quad] = e.fields;
    if (!/^\d\d$/.test(root) || !/^[0-4]$/.test(quad ?? "")) {
      problems.push({ where: e.rule, message: `expected "ROOT | QUAD | LABEL" with a 2-digit root and quad 1-4 (0: not a CAMEO root)` });
      continue;
    }
    onto.quads.set(root, Number(quad) as QuadClass);
  }

  for (const e of entries(need("ontology/cameo.txt"))) {
    const [code, goldstein, plover, name] = e.fields;
    if (!CODE_SYNTAX.test(code) || goldstein === undefined || !/^-?\d+(\.\d+)?$/.test(goldstein) || Math.abs(+goldstein) > 10) {
      problems.push({ where: e.rule, message: `expected "CODE | GOLDSTEIN | PLOVER | NAME" with a numeric code and a score in -10..10` });
      continue;
    }
    if (onto.codes.has(code)) problems.push({ where: e.rule, message: `duplicate CAMEO code ${code} (first at ${onto.codes.get(code)!.rule})` });
    if (!onto.quads.has(code.slice(0, 2))) problems.push({ where: e.rule, message: `code ${code} has a root with no quad class` });
    onto.codes.set(code, { code, goldstein: +goldstein, plover: plover ?? "", name: name ?? "", rule: e.rule });
  }

  for (const e of entries(need("ontology/roles.txt"))) {
    const [code, name] = e.fields;
    if (!/^[A-Z]{3}$/.test(code)) {
      problems.push({ where: e.rule, message: `role code "${code}" must be three capital letters` });
      continue;
    }
    onto.roles.set(code, { code, name: name ?? code });
  }

  for (const e of entries(need("ontology/countries.txt"))) {
    const [iso3, names, adjectives, capital, latlon, existedField, successorField] = e.fields;
    if (!/^[A-Z]{3}$/.test(iso3)) {
      problems.push({ where: e.rule, message: `country code "${iso3}" must be ISO 3166 alpha-3` });
      continue;
    }
    const nameList = alternatives(names);
    if (nameList.length === 0) {
      problems.push({ where: e.rule, message: `country ${iso3} has no name` });
      continue;
    }
    if (onto.countries.has(iso3)) problems.push({ where: e.rule, message: `duplicate country ${iso3}` });
    const [lat, lon] = parseLatLon(latlon, e.rule, problems);
    let existed: Country["existed"] = null;
    if (existedField) {
      const m = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(existedField);
      if (!m || (m[1] && !isIsoDate(m[1])) || (m[2] && !isIsoDate(m[2])) || (!m[1] && !m[2]) || (m[1] && m[2] && m[1] >= m[2])) {
        problems.push({ where: e.rule, message: `bad years "${existedField}" for ${iso3}: expected FROM..TO, ..TO or FROM.. with ISO dates, FROM before TO` });
      } else existed = { from: m[1] ?? null, to: m[2] ?? null };
    }
    const successors = alternatives(successorField);
    if (successors.length > 0 && !existed) problems.push({ where: e.rule, message: `${iso3} names successors but no years: successors mean it only within FROM..TO` });
    onto.countries.set(iso3, {
      iso3,
      name: nameList[0],
      names: nameList,
      adjectives: alternatives(adjectives),
      capital: capital ? { name: alternatives(capital)[0], country: iso3, lat, lon, kind: "capital" } : null,
      capitalNames: alternatives(capital),
      existed,
      successors,
      rule: e.rule,
    });
  }
  for (const c of onto.countries.values()) {
    for (const s of c.successors) {
      if (!onto.countries.has(s)) problems.push({ where: c.rule, message: `successor "${s}" of ${c.iso3} is not a country of this file` });
      else onto.formerStates.set(s, [...(onto.formerStates.get(s) ?? []), c]);
    }
  }

  const prefixes = byPath.get("ontology/extra-prefixes.txt");
  if (prefixes) {
    for (const e of entries(prefixes)) {
      if (/^([A-Z0-9]{3}|---)$/.test(e.fields[0])) onto.prefixes.add(e.fields[0]);
      else problems.push({ where: e.rule, message: `"${e.fields[0]}" is not a 3-character actor-code prefix` });
    }
  }

  const stated = byPath.get("ontology/stated-acts.txt");
  if (stated) {
    for (const e of entries(stated)) {
      const [stance, act, code] = e.fields;
      if (!(stance in onto.statedActs) || !/^(\d{2,4}|\*)$/.test(act ?? "") || !code) {
        problems.push({ where: e.rule, message: `expected "intend|refuse|demand|appeal | ACT | CODE" with ACT the start of a CAMEO code` });
        continue;
      }
      if (!onto.codes.has(code)) problems.push({ where: e.rule, message: `"${code}" is not a CAMEO code of ontology/cameo.txt` });
      if (act !== "*" && ![...onto.codes.keys()].some((c) => c.startsWith(act))) problems.push({ where: e.rule, message: `no CAMEO code starts with "${act}"` });
      const table = onto.statedActs[stance as Stance];
      if (table.has(act)) problems.push({ where: e.rule, message: `duplicate ${stance} row for ${act} (first at ${table.get(act)!.rule})` });
      else table.set(act, { code, rule: e.rule });
    }
  }

  // regions ("Idlib", "Tigray", "Donbas") are places as cities are: where an event is, and whose country it is
  for (const path of ["ontology/cities.txt", "ontology/regions.txt"]) {
    const cities = byPath.get(path);
    if (!cities) continue;
    for (const e of entries(cities)) {
      const [names, iso3, latlon] = e.fields;
      if (!/^[A-Z]{3}$/.test(iso3 ?? "")) {
        problems.push({ where: e.rule, message: `expected "PLACE | ISO3 | LAT,LON"` });
        continue;
      }
      const [lat, lon] = parseLatLon(latlon, e.rule, problems);
      for (const name of alternatives(names)) {
        onto.cities.push({ name, country: iso3, lat, lon, kind: "city" });
        onto.cityRules.push(e.rule);
      }
    }
  }
  return onto;
}

/** The role codes (sectors) inside an actor code: every 3-letter chunk after the first that is a known role. */
export function sectorsOf(code: string, roles: Map<string, Role>): string[] {
  const out: string[] = [];
  for (let i = 3; i + 3 <= code.length; i += 3) {
    const chunk = code.slice(i, i + 3);
    if (roles.has(chunk)) out.push(chunk);
  }
  return out;
}
