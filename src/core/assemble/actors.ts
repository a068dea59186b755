/**
 * Step one and three of a clause's events: who acts. The subject (or, in the passive, the "by" phrase), PETRARCH's
 * new actors where no dictionary names the subject, and the actors a pattern implies when the clause names
 * none (the state that arrests, the possessor of "death toll").
 */
import type { Clause } from "../analyse/clauses.js";
import { ADVERBIAL_SUBORDINATORS } from "../analyse/grammar.js";
import type { ActorRef } from "../match/coreference.js";
import type { Mention } from "../match/mentions.js";
import { prepositionBefore } from "../match/verb-patterns.js";
import type { VerbPattern } from "../dictionary/verbs.js";
import type { SentenceContext } from "./context.js";
import { inRange, newActor, sourcesOf, withCoordinated } from "./participants.js";
import { countryRef } from "./places.js";
import { isSelf, type Side } from "./records.js";

export interface Actors {
  /** The mentions that act: the subject, or the passive's "by" phrase. */
  sources: Mention[];
  /** Their actors; later steps add the actors a pattern implies, and `selfRef` and `isSource` read it as it is then. */
  sourceRefs: Side[];
  /** In the passive, the subject: what is acted on. */
  passiveSubject: Mention[];
  /** The mentions after the verb, up to any adverbial clause, that may be acted on. */
  candidates: Mention[];
  /** An actor that is (one of) the sources. */
  selfRef: (r: ActorRef) => boolean;
  /** A mention that can only mean the sources: "Xi promised to cooperate with him" means someone else. */
  isSource: (m: Mention) => boolean;
  /** Two or more different actors act together. */
  plural: boolean;
}

export function whoActs(clause: Clause, ctx: SentenceContext): Actors {
  const { tokens } = ctx.sentence;
  const vg = clause.vg;
  // ("a guard shot when their lorry overturned": an adverbial clause is no part of the object; "said that when
  // Israel ..." opens what was said)
  const opens = (k: number) => ADVERBIAL_SUBORDINATORS.has(tokens[k].lower) && tokens[k].pos !== "NOUN" && tokens[k - 1]?.lower !== "that";
  let objectEnd = clause.complement[0];
  while (objectEnd < clause.complement[1] && !opens(objectEnd)) objectEnd++;
  const compMentions = ctx.mentions.filter((m) => inRange(m, clause.complement) && m.start < objectEnd);
  let sources: Mention[];
  let passiveSubject: Mention[] = [];
  let candidates = compMentions;
  if (vg.passive) {
    const by = compMentions.find((m) => prepositionBefore(tokens, m, clause.complement[0]) === "by" && m.refs.length > 0);
    sources = by ? withCoordinated(tokens, compMentions, by, clause.complement[1]) : [];
    candidates = compMentions.filter((m) => !sources.includes(m));
    passiveSubject = sourcesOf(clause, ctx);
  } else sources = sourcesOf(clause, ctx);

  if (sources.length === 0 && !vg.passive && ctx.newActorLength > 0 && clause.subject) {
    const made = newActor(tokens, clause.subject[0], clause.subject[1], ctx.newActorLength);
    if (made && made.end === clause.subject[1]) sources = [made];
  }
  const sourceRefs: Side[] = sources.flatMap((m) => m.refs.map((ref) => ({ m, ref })));
  const selfRef = (r: ActorRef) => sourceRefs.some((s) => isSelf(s.ref, r));
  // (a place has no actor of its own: it is never the source)
  const isSource = (m: Mention) => sourceRefs.length > 0 && m.refs.length > 0 && m.refs.every(selfRef) && !(m.alternatives ?? []).some((r) => !selfRef(r));
  const plural = new Set(sourceRefs.map((x) => x.ref.code)).size >= 2;
  return { sources, sourceRefs, passiveSubject, candidates, selfRef, isSource, plural };
}

/** Adds to `actors.sourceRefs` the actors the pattern implies where the clause names none. */
export function impliedSources(clause: Clause, ctx: SentenceContext, pattern: VerbPattern, actors: Actors): void {
  const { tokens } = ctx.sentence;
  const { sourceRefs, passiveSubject } = actors;
  const passive = clause.vg.passive;
  // "the journalist was arrested in Niger": only a state arrests, jails or deports; with no agent named, the
  // state where it happened did it (to someone of political note: "a man was arrested in Lyon" is no event)
  const noted = passiveSubject.some((m) => m.refs.some((r) => r.person || r.sectors.some((s) => s !== "CVL")));
  if (passive && sourceRefs.length === 0 && pattern.code.startsWith("17") && noted) {
    const where = ctx.mentions.find((m) => inRange(m, clause.complement) && m.place && (m.kind === "country" || m.kind === "capital" || m.kind === "place") && /^(in|at)$/.test(prepositionBefore(tokens, m, clause.complement[0]) ?? ""));
    if (where?.place && ctx.dicts.ontology.countries.has(where.place.country)) sourceRefs.push({ m: where, ref: countryRef(where.place.country, ctx.dicts) });
  }
  // "was [shot] dead in + | inverse", "[free] from + | inverse": an inverse pattern reads the surface, so in
  // the passive too the subject is what is acted on and the actor after the verb the source
  if (pattern.inverse && passive && sourceRefs.length === 0) for (const m of passiveSubject) for (const ref of m.refs) sourceRefs.push({ m, ref });
  // "Eriador's death toll has risen" with "death toll [rise]": the pattern names the subject's own noun, so
  // whose toll it is, is the actor
  if (sourceRefs.length === 0 && pattern.before.length > 0 && clause.subject) {
    const [a, b] = clause.subject;
    for (const m of ctx.mentions) if (m.possessive && m.start >= a && m.end <= b) for (const ref of m.refs) sourceRefs.push({ m, ref });
  }
}
