/**
 * Named actors (people, organisations, seats of government) with their roles
 * over time, and agents (role nouns such as "police" or "foreign minister").
 */
import { alternatives, entries, isIsoDate, type DataFile, type DictionaryProblem } from "./text.js";
import type { Ontology } from "./ontology.js";

/** A code an actor holds, optionally limited to a date range [from, to). */
export interface ActorRole {
  code: string;
  /** ISO date, inclusive; null: no start. */
  from: string | null;
  /** ISO date, exclusive; null: open-ended. */
  to: string | null;
  /** True for the role without a range, used when no range covers the date. */
  fallback: boolean;
}

export interface NamedActor {
  /** The first name of the entry, used as the actor's display name. */
  name: string;
  names: string[];
  roles: ActorRole[];
  rule: string;
}

export interface Agent {
  phrases: string[];
  sectors: string[];
  /** `NGO~`: the agent's code goes in front of the actor it names ("MSF Arnor" is NGOARN), PETRARCH's `[NGO~]`. */
  prefix: string | null;
  rule: string;
}

/** International and special prefixes allowed in place of a country. */
export const INTERNATIONAL_PREFIXES = new Set(["IGO", "NGO", "IMG", "MNC", "UIS", "---"]);

/** Checks one actor code, or several joined by "/" (one actor each: "FRO/BIL/SAM"). */
export function checkActorCode(code: string, onto: Ontology): string | null {
  for (const one of code.split("/")) {
    if (!/^([A-Z0-9]{3}|---)[A-Z0-9]*$/.test(one)) return `actor code "${one}" must be capitals and digits, starting with a 3-letter prefix`;
    const head = one.slice(0, 3);
    if (!onto.countries.has(head) && !INTERNATIONAL_PREFIXES.has(head) && !onto.prefixes.has(head)) return `actor code "${one}" starts with "${head}", which is neither a country in ontology/countries.txt nor IGO, NGO, IMG, MNC`;
  }
  return null;
}

function parseRole(text: string, where: string, onto: Ontology, problems: DictionaryProblem[]): ActorRole | null {
  const m = /^(\S+)(?:\s+(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?)?$/.exec(text);
  if (!m) {
    problems.push({ where, message: `bad role "${text}": expected CODE or CODE FROM..TO with ISO dates` });
    return null;
  }
  const [, code, from, to] = m;
  const bad = checkActorCode(code, onto);
  if (bad) {
    problems.push({ where, message: bad });
    return null;
  }
  for (const d of [from, to]) {
    if (d && !isIsoDate(d)) {
      problems.push({ where, message: `impossible date ${d} in role "${text}"` });
      return null;
    }
  }
  if (from && to && from >= to) {
    problems.push({ where, message: `empty date range ${from}..${to}: the start must come before the end` });
    return null;
  }
  const ranged = text.includes("..");
  return { code, from: from ?? null, to: to ?? null, fallback: !ranged };
}

export function parseActors(file: DataFile, onto: Ontology, problems: DictionaryProblem[]): NamedActor[] {
  const out: NamedActor[] = [];
  for (const e of entries(file)) {
    const [names, roles] = e.fields;
    const nameList = alternatives(names);
    if (nameList.length === 0 || e.fields.length < 2) {
      problems.push({ where: e.rule, message: `expected "NAMES | ROLES"` });
      continue;
    }
    const parsed = alternatives(roles).map((r) => parseRole(r, e.rule, onto, problems));
    if (parsed.some((r) => r === null)) continue;
    const roleList = parsed as ActorRole[];
    if (roleList.length === 0) {
      problems.push({ where: e.rule, message: `actor "${nameList[0]}" has no role code` });
      continue;
    }
    // Ranges may nest (a short spell inside a longer one overrides it) but not partly overlap.
    const ranged = roleList.filter((r) => !r.fallback);
    const lo = (r: ActorRole) => r.from ?? "0000-00-00";
    const hi = (r: ActorRole) => r.to ?? "9999-99-99";
    for (let i = 0; i < ranged.length; i++) {
      for (let j = i + 1; j < ranged.length; j++) {
        const [a, b] = [ranged[i], ranged[j]];
        const overlap = lo(a) < hi(b) && lo(b) < hi(a);
        const nested = (lo(a) <= lo(b) && hi(b) <= hi(a)) || (lo(b) <= lo(a) && hi(a) <= hi(b));
        if (overlap && !nested) problems.push({ where: e.rule, message: `overlapping date ranges for "${nameList[0]}": ${a.from ?? ""}..${a.to ?? ""} and ${b.from ?? ""}..${b.to ?? ""}` });
      }
    }
    if (roleList.filter((r) => r.fallback).length > 1) problems.push({ where: e.rule, message: `"${nameList[0]}" has more than one role without a date range` });
    out.push({ name: nameList[0], names: nameList, roles: roleList, rule: e.rule });
  }
  return out;
}

export function parseAgents(file: DataFile, onto: Ontology, problems: DictionaryProblem[]): Agent[] {
  const out: Agent[] = [];
  for (const e of entries(file)) {
    const [phrases, roles] = e.fields;
    const phraseList = alternatives(phrases);
    const prefix = /^\s*([A-Z]{3})~\s*$/.exec(roles ?? "")?.[1] ?? null;
    if (prefix !== null) {
      if (!INTERNATIONAL_PREFIXES.has(prefix) && !onto.roles.has(prefix)) problems.push({ where: e.rule, message: `unknown prefix ${prefix}~ (an international prefix such as NGO~ or a role code)` });
      else if (phraseList.length > 0) out.push({ phrases: phraseList, sectors: [], prefix, rule: e.rule });
      continue;
    }
    const sectors = (roles ?? "").split(/\s+/).filter((s) => s !== "");
    if (phraseList.length === 0 || sectors.length === 0) {
      problems.push({ where: e.rule, message: `expected "PHRASE; PHRASE | ROLE ROLE"` });
      continue;
    }
    const unknown = sectors.filter((s) => !onto.roles.has(s));
    if (unknown.length > 0) {
      problems.push({ where: e.rule, message: `unknown role code ${unknown.join(", ")} (see ontology/roles.txt)` });
      continue;
    }
    out.push({ phrases: phraseList, sectors, prefix: null, rule: e.rule });
  }
  return out;
}

/** The code an actor holds on a date: the range that covers it, else the fallback, else (no date) the latest range. */
export function roleOn(actor: NamedActor, date: string | null): string {
  if (date) {
    // the narrowest range that covers the date: a nested spell overrides the range around it
    let best: ActorRole | null = null;
    for (const r of actor.roles) {
      if (!r.fallback && (r.from === null || r.from <= date) && (r.to === null || date < r.to)) {
        if (!best || (r.from ?? "") > (best.from ?? "")) best = r;
      }
    }
    if (best) return best.code;
    const fb = actor.roles.find((r) => r.fallback);
    if (fb) return fb.code;
    // Out of office and no fallback given: an elite of the country, never its government.
    return actor.roles[0].code.slice(0, 3) + "ELI";
  }
  const fb = actor.roles.find((r) => r.fallback && actor.roles.length === 1);
  if (fb) return fb.code;
  const open = actor.roles.find((r) => !r.fallback && r.to === null);
  return (open ?? actor.roles.find((r) => !r.fallback) ?? actor.roles[0]).code;
}
