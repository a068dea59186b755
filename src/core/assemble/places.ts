/**
 * Where a clause happened and whose country it is about: the place an event is located at, and the country
 * that gives a bare role ("police", "protesters") its nationality.
 */
import type { Clause } from "../analyse/clauses.js";
import { LOCATIVE_PREPOSITIONS } from "../analyse/grammar.js";
import { phrasesIn } from "../analyse/phrases.js";
import type { Dictionaries } from "../dictionary/compile.js";
import type { ActorRef } from "../match/coreference.js";
import type { Mention } from "../match/mentions.js";
import type { Location } from "../types.js";
import type { SentenceContext } from "./context.js";

/** Where the clause happened: a place in its "in", "at" or "near" phrase, else the dateline. */
export function locationOf(clause: Clause, ctx: SentenceContext, targets: Mention[]): Location | null {
  const { tokens } = ctx.sentence;
  const from = Math.min(clause.introStart, clause.subject ? clause.subject[0] : clause.vg.start);
  for (const pp of phrasesIn(tokens, from, clause.complement[1])) {
    if (!pp.preposition || !LOCATIVE_PREPOSITIONS.has(pp.preposition)) continue;
    const m = ctx.mentions.find((x) => x.place && x.start >= pp.start && x.end <= pp.end && !targets.includes(x));
    if (m?.place) return { name: m.place.name, country: m.place.country, lat: m.place.lat, lon: m.place.lon };
  }
  return ctx.datelinePlace;
}

/** A country as an actor: its code, named as countries.txt names it. */
export function countryRef(iso: string, dicts: Dictionaries): ActorRef {
  return { code: iso, country: iso, sectors: [], name: dicts.ontology.countries.get(iso)?.name ?? iso, person: false, open: undefined };
}

const DOMESTIC = new Set(["GOV", "LEG", "JUD", "COP", "ELI", "OPP", "PTY"]);

/**
 * The one country a clause is about, when it says so clearly enough to give a
 * bare role its country: "protesters stormed Kenya's parliament", "police in
 * Harare arrested opposition supporters". A foreign army is no such evidence:
 * "Russian troops shelled civilians" does not make the civilians Russian.
 */
export function clauseCountry(clause: Clause, ctx: SentenceContext): string | null {
  const from = Math.min(clause.introStart, clause.subject ? clause.subject[0] : clause.vg.start);
  // "protesters rallied in Yerevan against ... Azerbaijan": where the clause happened says whose they are
  const { tokens } = ctx.sentence;
  const here = ctx.mentions.find((m) => m.start >= clause.vg.end && m.end <= clause.complement[1] && (m.refs.length === 0 || m.kind === "capital") && m.place && m.place.kind !== "country" && /^(in|at)$/.test(tokens[m.start - 1]?.lower ?? ""));
  if (here?.place && ctx.dicts.ontology.countries.has(here.place.country)) return here.place.country;
  // the clause's own words first; a clause that names no country takes the sentence's
  return countryIn(ctx, from, clause.complement[1]) ?? countryIn(ctx, 0, ctx.sentence.tokens.length);
}

function countryIn(ctx: SentenceContext, from: number, to: number): string | null {
  const countries = new Set<string>();
  let evidence = false;
  for (const m of ctx.mentions) {
    if (m.start < from || m.end > to) continue;
    for (const r of m.refs) {
      if (!r.country || !ctx.dicts.ontology.countries.has(r.country)) continue;
      countries.add(r.country);
      if (r.sectors.some((x) => DOMESTIC.has(x))) evidence = true;
    }
    if (m.place && ctx.dicts.ontology.countries.has(m.place.country)) {
      countries.add(m.place.country);
      evidence = true;
    }
  }
  return countries.size === 1 && evidence ? [...countries][0] : null;
}
