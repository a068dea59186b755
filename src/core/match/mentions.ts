/**
 * Actor mentions: dictionary phrases found by longest match, then composed
 * the way news writes them: "Russian President Vladimir Putin", "China's
 * foreign ministry", "the foreign minister of Japan", "Putin, the Russian
 * president," and, through the document's coreference state, "Putin",
 * "the two leaders", "he" and "they".
 */
import type { Token } from "../analyse/tagger.js";
import { MEDIA_NOUNS } from "../analyse/grammar.js";
import { roleOn } from "../dictionary/actors.js";
import { textKeys, type TextKeys } from "../dictionary/text.js";
import type { Dictionaries, LexEntry } from "../dictionary/compile.js";
import { stateOn, type Place } from "../dictionary/ontology.js";
import { addCoreference } from "./anaphora.js";
import { compose, refOfCode, spanText } from "./compose.js";
import type { ActorRef, Coreference } from "./coreference.js";

export type MentionKind = "person" | "country" | "organisation" | "capital" | "place" | "agent" | "adjective" | "group" | "pronoun";

export interface Mention {
  /** Token range [start, end) in the sentence: the evidence span. */
  start: number;
  end: number;
  /** The actor(s) meant: one, or several for "the two leaders" and "they". */
  refs: ActorRef[];
  kind: MentionKind;
  /** Where it is, when the mention is a place ("in Moscow"). */
  place: Place | null;
  /** Followed by 's: a modifier ("China's ties"), not an actor in its own right. */
  possessive: boolean;
  /** For a pronoun: who else it could mean, in order, should the first reading be the clause's own subject. */
  alternatives?: ActorRef[];
  /** How the actor was found; anything but `dictionary` lowers the confidence. */
  via: "dictionary" | "title" | "surname" | "coreference";
  /** The dictionary entry behind the mention. */
  rule: string | null;
  /**
   * For a pronoun whose actor is named earlier in the same sentence ("the Israeli military says it ..."), the
   * token range of that name: the evidence an event shows for the actor.
   */
  antecedent?: [number, number];
  /** A prefix agent ("MSF", `NGO~`): its code goes in front of the actor right after it. */
  prefix?: string;
}

const PERSON_FILE = /^actors\/(leaders|people)/;

/**
 * A copy of a mention with some fields replaced, written out field by field: V8 in Node 20 takes a slow path for
 * each property added after a spread (`{ ...m, start }`), and composing mentions copies most mentions of a sentence.
 * Every mention made here has the same fields in the same order, absent ones undefined.
 */
export function changed(m: Mention, c: Partial<Mention>): Mention {
  return {
    start: c.start ?? m.start,
    end: c.end ?? m.end,
    refs: c.refs ?? m.refs,
    kind: c.kind ?? m.kind,
    place: c.place !== undefined ? c.place : m.place,
    possessive: c.possessive ?? m.possessive,
    alternatives: c.alternatives ?? m.alternatives,
    via: c.via ?? m.via,
    rule: c.rule !== undefined ? c.rule : m.rule,
    antecedent: c.antecedent ?? m.antecedent,
    prefix: c.prefix ?? m.prefix,
  };
}

/**
 * A mention that no dictionary line made (coreference, a new actor's name), with every field written out as
 * `changed` writes them: all mentions share one shape, which keeps the code that reads them optimised.
 */
export function madeMention(start: number, end: number, refs: ActorRef[], kind: MentionKind, via: Mention["via"], possessive: boolean): Mention {
  return { start, end, refs, kind, place: null, possessive, alternatives: undefined, via, rule: null, antecedent: undefined, prefix: undefined };
}

function caseFits(entry: LexEntry, surface: string[], start: number): boolean {
  for (let k = 0; k < entry.forms.length; k++) {
    const form = entry.forms[k];
    // (a form that starts in lower case, as most do, asks nothing of the text's case)
    const first = form.charCodeAt(0);
    if (first >= 97 && first <= 122) continue;
    const text = surface[start + k] ?? "";
    if (form.length > 1 && form === form.toUpperCase() && /[A-Z]/.test(form)) {
      if (text !== text.toUpperCase()) return false; // "WHO", "US" must be written in capitals
    } else if (/^[A-Z]/.test(form) && !/^[A-Z0-9]/.test(text)) return false; // "Turkey", not "turkey"
  }
  return true;
}

const PRIORITY: Record<LexEntry["kind"], number> = { none: -1, actor: 0, country: 1, capital: 2, city: 3, adjective: 4, agent: 5 };

/** Finds and composes the mentions of one sentence, reading and updating the document's coreference state. */
export function findMentions(tokens: Token[], dicts: Dictionaries, coref: Coreference, date: string | null, tk: TextKeys = textKeys(tokens)): Mention[] {
  const raw: Mention[] = [];
  for (let i = 0; i < tk.keys.length; ) {
    const candidates = dicts.lexicon.allAt(tk.keys, i);
    let chosen: { end: number; entry: LexEntry } | null = null;
    for (let c = candidates.length - 1; c >= 0 && !chosen; c--) {
      const fits = candidates[c].values.filter((e) => caseFits(e, tk.surface, i)).sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]);
      if (fits.length > 0) chosen = { end: candidates[c].end, entry: fits[0] };
    }
    // "his official residence": a role word used as an adjective is no actor, unless what it describes speaks
    // for someone ("the official news agency")
    const adjectival =
      chosen?.entry.kind === "agent" &&
      tokens[tk.end[chosen.end - 1] - 1].pos === "ADJ" &&
      tokens[tk.end[chosen.end - 1]]?.pos === "NOUN" &&
      !MEDIA_NOUNS.has(tokens[tk.end[chosen.end - 1]].lemma);
    if (chosen && chosen.entry.kind !== "none" && !adjectival) raw.push(baseMention(tk.start[i], tk.end[chosen.end - 1], chosen.entry, dicts, date, tokens));
    i = chosen ? chosen.end : i + 1;
  }

  const composed = compose(tokens, raw, dicts, coref);
  const withCoref = addCoreference(tokens, composed, coref);
  coref.observe(tokens, withCoref);
  return withCoref;
}

function baseMention(start: number, end: number, entry: LexEntry, dicts: Dictionaries, date: string | null, tokens: Token[]): Mention {
  const text = spanText(tokens, start, end);
  const found = (kind: MentionKind, refs: ActorRef[], place: Place | null = null, prefix?: string): Mention => ({
    start, end, refs, kind, place, possessive: tokens[end]?.lower === "'s", alternatives: undefined, via: "dictionary", rule: entry.rule, antecedent: undefined, prefix,
  });
  switch (entry.kind) {
    case "actor": {
      const person = PERSON_FILE.test(entry.rule);
      // "FRO/BIL/SAM": one name for several actors, one event each
      // "the Kremlin" in 1985 speaks for the Soviet Union: a successor's code within a former state's years is the former state's
      const refs = roleOn(entry.actor, date)
        .split("/")
        .map((code) => refOfCode(stateOn(code.slice(0, 3), date, dicts.ontology) + code.slice(3), entry.actor.name, person, dicts));
      return found(person ? "person" : "organisation", refs);
    }
    case "country": {
      const iso = stateOn(entry.country, date, dicts.ontology);
      const c = dicts.ontology.countries.get(iso);
      const place: Place = { name: c?.name ?? text, country: iso, lat: null, lon: null, kind: "country" };
      return found("country", [refOfCode(iso, c?.name ?? text, false, dicts)], place);
    }
    case "capital": {
      const iso = stateOn(entry.country, date, dicts.ontology);
      const place = iso === entry.country ? entry.place : { ...entry.place, country: iso };
      return found("capital", [refOfCode(iso + "GOV", entry.place.name, false, dicts)], place);
    }
    case "city": {
      const iso = stateOn(entry.country, date, dicts.ontology);
      return found("place", [], iso === entry.country ? entry.place : { ...entry.place, country: iso });
    }
    case "adjective": {
      const iso = stateOn(entry.country, date, dicts.ontology);
      const c = dicts.ontology.countries.get(iso);
      return found("adjective", [refOfCode(iso, c?.name ?? text, false, dicts)]);
    }
    case "agent":
      if (entry.prefix) return found("agent", [{ code: entry.prefix, country: entry.prefix, sectors: [], name: text, person: false, open: undefined }], null, entry.prefix);
      return found("agent", [{ code: entry.sectors.join(""), country: null, sectors: entry.sectors, name: text, person: false, open: undefined }]);
    case "none":
      return found("place", []);
  }
}
