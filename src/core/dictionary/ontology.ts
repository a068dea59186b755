/**
 * The ontology tables: CAMEO codes with Goldstein scores and PLOVER
 * categories, quad classes, actor roles, countries and places.
 */
import type { QuadClass } from "../types.js";
import { alternatives, entries, type DataFile, type DictionaryProblem } from "./text.js";

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
  const onto: Ontology = { codes: new Map(), quads: new Map(), roles: new Map(), countries: new Map(), cities: [], cityRules: [], prefixes: new Set() };

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
    const [iso3, names, adjectives, capital, latlon] = e.fields;
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
    onto.countries.set(iso3, {
      iso3,
      name: nameList[0],
      names: nameList,
      adjectives: alternatives(adjectives),
      capital: capital ? { name: alternatives(capital)[0], country: iso3, lat, lon, kind: "capital" } : null,
      capitalNames: alternatives(capital),
      rule: e.rule,
    });
  }

  const prefixes = byPath.get("ontology/extra-prefixes.txt");
  if (prefixes) {
    for (const e of entries(prefixes)) {
      if (/^([A-Z0-9]{3}|---)$/.test(e.fields[0])) onto.prefixes.add(e.fields[0]);
      else problems.push({ where: e.rule, message: `"${e.fields[0]}" is not a 3-character actor-code prefix` });
    }
  }

  const cities = byPath.get("ontology/cities.txt");
  if (cities) {
    for (const e of entries(cities)) {
      const [names, iso3, latlon] = e.fields;
      if (!/^[A-Z]{3}$/.test(iso3 ?? "")) {
        problems.push({ where: e.rule, message: `expected "CITY | ISO3 | LAT,LON"` });
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
