/**
 * Who takes part in a clause: the subject's actors (joined by "and", a possessor, PETRARCH's new actors), the
 * actors a relative or coordinated clause borrows, and the content clause a verb governs.
 */
import type { Clause } from "../analyse/clauses.js";
import { OTHERS_NOUNS } from "../analyse/grammar.js";
import type { Token } from "../analyse/tagger.js";
import type { ActorRef } from "../match/coreference.js";
import { madeMention, type Mention } from "../match/mentions.js";
import { prepositionBefore } from "../match/verb-patterns.js";
import type { SentenceContext } from "./context.js";

/** Mentions joined to `first` by "and" or commas ("China, Russia and Iran"). */
export function withCoordinated(tokens: Token[], mentions: Mention[], first: Mention, limit: number): Mention[] {
  const out = [first];
  let i = mentions.indexOf(first);
  while (i + 1 < mentions.length && mentions[i + 1].end <= limit) {
    const gap = tokens.slice(mentions[i].end, mentions[i + 1].start).map((t) => t.lower).join(" ");
    if (!/^(and|,|, and|or|as well as)$/.test(gap)) break;
    out.push(mentions[++i]);
  }
  return out;
}

export function inRange(m: Mention, [a, b]: [number, number]): boolean {
  return m.start >= a && m.end <= b;
}

/** The actors of a subject range: not inside a prepositional phrase or an introductory phrase ("According to X,"). */
function subjectIn(tokens: Token[], mentions: Mention[], range: [number, number]): Mention[] {
  // Split the range at commas; a segment opened by a preposition or subordinator is an introduction, not the subject.
  const introAt: boolean[] = [];
  let segStart = range[0];
  for (let k = range[0]; k <= range[1]; k++) {
    if (k === range[1] || tokens[k].text === ",") {
      const first = tokens.slice(segStart, k).find((t) => t.pos !== "PUNCT");
      // the segment right before the verb is always the subject's own
      const intro = k < range[1] && !!first && (first.pos === "ADP" || first.pos === "SCONJ" || (first.pos === "ADV" && first.lower !== "both"));
      for (let j = segStart; j <= k && j < range[1]; j++) introAt[j - range[0]] = intro;
      segStart = k + 1;
    }
  }
  const found = mentions.filter(
    (m) => m.start >= range[0] && m.start < range[1] && !introAt[m.start - range[0]] && !m.possessive && m.refs.length > 0 && m.kind !== "place" && !prepositionBefore(tokens, m, range[0]),
  );
  // "Calenardhon and the evil Arnor awful Gondor": the subject is the first actor and those joined to it
  if (found.length > 1) {
    const chain = [found[0]];
    for (const m of found.slice(1)) {
      const gap = tokens.slice(chain[chain.length - 1].end, m.start);
      const joined = gap.some((t) => t.pos === "CCONJ" || t.text === "," || t.text === "/") || gap.length === 0;
      if (!joined) break;
      chain.push(m);
    }
    return chain;
  }
  if (found.length > 0) return found;
  // "Ithilen's militia vowed", "Caras Galadhon's new mayor left": a subject no dictionary names acts for its
  // possessor; not "Ukraine's allies", who are others
  const owner = mentions.find((m) => m.possessive && m.start === range[0] + (tokens[range[0]].pos === "DET" ? 1 : 0) && m.refs.length > 0);
  if (!owner) return [];
  const rest = tokens.slice(owner.end + 1, range[1]);
  const head = rest.filter((t) => t.pos === "NOUN" || t.pos === "PROPN").pop();
  if (!head || OTHERS_NOUNS.has(head.lemma) || rest.some((t) => t.pos === "ADP" || t.pos === "PUNCT" || t.pos === "CCONJ")) return [];
  // only people or bodies of them act ("the Kremlin's goal", "Russia's economy" do not)
  if (!ACTING_NOUN.test(head.lemma)) return [];
  return [owner];
}

/**
 * PETRARCH's new actors: a noun phrase at `from` that no dictionary codes, of at most `max` words, as an actor
 * coded by its words ("Gryffindor's head Minerva McGonagall" is `"GRYFFINDOR HEAD MINERVA MCGONAGALL"`).
 */
export function newActor(tokens: Token[], from: number, to: number, max: number): Mention | null {
  let k = from;
  const nominal = (t: Token) => /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(t.pos) || t.lower === "'s";
  while (k < to && (nominal(tokens[k]) || (tokens[k].lower === "of" && k + 1 < to && /^(DET|NOUN|PROPN)$/.test(tokens[k + 1].pos) && k > from))) k++;
  const words = tokens.slice(from, k).filter((t) => t.lower !== "'s").map((t) => t.text.toUpperCase());
  if (words.length === 0 || words.length > max || !tokens.slice(from, k).some((t) => t.pos === "NOUN" || t.pos === "PROPN")) return null;
  const name = words.join(" ");
  const ref: ActorRef = { code: `"${name}"`, country: null, sectors: [], name, person: false, open: undefined };
  return madeMention(from, k, [ref], "organisation", "dictionary", false);
}

/** Nouns for people or bodies of people, by their endings and a few common words: "mayor", "militia", "guards". */
const ACTING_NOUN = /(er|or|ist|ian|ant|ent|ee|man|men|woman|women|ary|ia|guard|force|troop|army|navy|people|staff|crew|team|unit|squad|delegation|cabinet|council|board|committee|regime|office|campaign|camp|aide|chief|head|envoy|deputy)s?$/;

export function sourcesOf(clause: Clause, ctx: SentenceContext, depth = 0): Mention[] {
  const { tokens } = ctx.sentence;
  if (depth > 6) return [];
  if (clause.subject) return subjectIn(tokens, ctx.mentions, clause.subject);
  if (clause.antecedentEnd !== null) {
    // ("a militia raid in Goma that left ...": where it happened is no antecedent)
    const venue = (m: Mention) => (m.kind === "capital" || m.kind === "country") && /^(in|at|near)$/.test(prepositionBefore(tokens, m, 0) ?? "");
    const before = ctx.mentions.filter((m) => m.end <= clause.antecedentEnd! && m.refs.length > 0 && !m.possessive && m.kind !== "place" && !venue(m));
    const last = before[before.length - 1];
    if (!last || clause.antecedentEnd - last.end > 1) return [];
    // "a woman linked to Al-Qaeda who shot ...": "who" with no comma is a person, not the organisation before it
    const pronoun = tokens[clause.antecedentEnd];
    if (pronoun?.lower === "who" && tokens[clause.antecedentEnd - 1]?.text !== "," && (last.kind === "organisation" || last.kind === "country")) return [];
    // the whole coordination the relative pronoun follows
    let first = before.length - 1;
    while (first > 0) {
      const gap = tokens.slice(before[first - 1].end, before[first].start).map((t) => t.lower).join(" ");
      if (!/^(and|,|, and)$/.test(gap)) break;
      first--;
    }
    return before.slice(first);
  }
  if (clause.subjectFrom) return sourcesOf(clause.subjectFrom, ctx, depth + 1);
  return [];
}

/**
 * The content clause a verb governs, if any: "allowed that Mordor isn't ...", "believes Dagolath can cope",
 * "believed linked to Al-Qaeda" (sharing the verb's subject). Not a clause that says when ("after crowds burned").
 */
export function contentClause(clause: Clause, ctx: SentenceContext): Clause | undefined {
  if (clause.vg.passive) return undefined;
  const { tokens } = ctx.sentence;
  return ctx.clauses.find(
    (c) =>
      c.parent === clause &&
      c.kind === "embedded" &&
      c.introStart <= clause.complement[1] + 1 &&
      (c.subject !== null ? c.introStart === c.subject[0] || /^(that|whether)$/.test(tokens[c.introStart].lower) : c.subjectFrom === clause),
  );
}
