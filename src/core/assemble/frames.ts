/**
 * Step two of a clause's events: what the verb says happened. The verb's own patterns, one reaching into the
 * clause it governs ("said it would [cut aid]"), or the act an infinitive names ("agreed to release the
 * sailors": the stance of a stated act), or an appeal to someone to act ("urged Iran to release").
 */
import type { Clause } from "../analyse/clauses.js";
import type { Dictionaries } from "../dictionary/compile.js";
import { statedAct, type Stance } from "../dictionary/ontology.js";
import { spellingKey } from "../dictionary/text.js";
import type { VerbPattern } from "../dictionary/verbs.js";
import type { Mention } from "../match/mentions.js";
import { matchVerb, type VerbMatch } from "../match/verb-patterns.js";
import type { Event } from "../types.js";
import type { Actors } from "./actors.js";
import { spanOf, type SentenceContext } from "./context.js";
import { moodOf } from "./mood.js";
import { contentClause, inRange } from "./participants.js";
import { locationOf } from "./places.js";
import { recordEvents } from "./records.js";
import { addresseeInfinitive, ASKING_VERBS, STANCE_VERBS, stancedInfinitive } from "./stated-acts.js";
import { eventDate } from "./time.js";

/**
 * The patterns of a verb: the very form when a dictionary writes it ("left", apart from "leave"), else the
 * lemma, the lemma with its "e" back ("seized" guessed as "seiz"), and, for a verb the model does not know,
 * the word without its ending ("cordoned").
 */
export function patternsFor(dicts: Dictionaries, lemma: string, word: string): readonly VerbPattern[] | undefined {
  if (word !== lemma && dicts.verbs.has(word)) return dicts.verbs.get(word);
  const found = dicts.verbs.get(lemma) ?? dicts.verbs.get(lemma + "e") ?? dicts.verbs.get(word);
  if (found || !/[a-z]{3}(ed|ing|s)$/.test(word)) return found;
  return dicts.verbs.get(word.replace(/(ed|ing|s)$/, "")) ?? dicts.verbs.get(word.replace(/(d|ing|s)$/, ""));
}

/** The patterns of the clause's own verb. */
export function clausePatterns(clause: Clause, ctx: SentenceContext): readonly VerbPattern[] | undefined {
  return patternsFor(ctx.dicts, spellingKey(clause.vg.lemma), spellingKey(ctx.sentence.tokens[clause.vg.head].lower));
}

/**
 * The act an infinitive at `inf` (-1: none) names ("agreed to release the sailors", "urged Iran to release"), by
 * its own verb's patterns up to `end`, with the actors that may be its target.
 */
function infinitiveAct(ctx: SentenceContext, inf: number, end: number, isSource: (m: Mention) => boolean, plural: boolean): { act: VerbMatch; candidates: Mention[] } | null {
  if (inf < 0) return null;
  const { tokens } = ctx.sentence;
  const patterns = patternsFor(ctx.dicts, spellingKey(tokens[inf].lemma), spellingKey(tokens[inf].lower));
  if (!patterns) return null;
  const range: [number, number] = [inf + 1, end];
  const candidates = ctx.mentions.filter((m) => inRange(m, range));
  const act = matchVerb(tokens, inf, range, candidates, patterns, [], isSource, plural);
  return act ? { act, candidates } : null;
}

export interface Frame {
  /** The pattern that fired and where its words and target are; null when none did. */
  match: VerbMatch | null;
  /** The mentions the pattern's target is chosen from. */
  candidates: Mention[];
  /** The clause the verb governs, if any ("said [that Iran would ...]"). */
  content: Clause | undefined;
  /** When the act is an infinitive's ("refused to meet"), how the verb stands to it. */
  stance: Stance | null;
}

export function verbFrame(clause: Clause, ctx: SentenceContext, patterns: readonly VerbPattern[], actors: Actors): Frame {
  const { tokens } = ctx.sentence;
  const vg = clause.vg;
  const { passiveSubject, isSource, plural } = actors;
  let candidates = actors.candidates;
  let match = matchVerb(tokens, vg.head, clause.complement, candidates, patterns, passiveSubject, isSource, plural);
  // the clause a verb governs is its object: a pattern may reach into it, and its subject is what the verb is about
  const content = contentClause(clause, ctx);
  if (content && (!match || match.pattern.specificity < 2)) {
    const wide: [number, number] = [clause.complement[0], content.complement[1]];
    const wideCandidates = ctx.mentions.filter((m) => inRange(m, wide));
    const reached = matchVerb(tokens, vg.head, wide, wideCandidates, patterns, passiveSubject, isSource, plural);
    // only for the words of a pattern that are there ("really pleasant"), never just for a target ("assure +")
    // ("announced it would cut aid" is no "announce aid": a content clause whose verb codes its own event is its own)
    const ownEvent = clausePatterns(content, ctx) !== undefined;
    const needsContent = reached !== null && reached.pattern.specificity >= 2 && reached.wordsEnd > content.introStart && !(ownEvent && reached.wordsEnd > content.vg.end);
    if (reached && needsContent && (!match || reached.pattern.specificity > match.pattern.specificity)) {
      match = reached;
      candidates = wideCandidates;
    }
  }
  // "agreed to hand over the prisoners", "refused to meet the envoy": the act is the infinitive, stated by the
  // verb, unless the verb's own patterns name the act ("agree to release +")
  let stance: Stance | null = null;
  const stanceOf = STANCE_VERBS.get(spellingKey(vg.lemma));
  if (stanceOf && ctx.statedActs && (!match || match.pattern.specificity <= 3)) {
    const stated = infinitiveAct(ctx, stancedInfinitive(tokens, vg.end, clause.complement[1]), clause.complement[1], isSource, plural);
    if (stated && statedAct(stanceOf, stated.act.pattern.code, ctx.dicts.ontology)) {
      match = stated.act;
      candidates = stated.candidates;
      stance = stanceOf;
    }
  }
  return { match, candidates, content, stance };
}

/**
 * "urged Iran to release the sailors", "called on Russia to withdraw": an appeal (or a demand) for the act,
 * aimed at whoever is asked to do it; null where the clause makes none (or its own pattern says more).
 */
export function appealEvents(clause: Clause, ctx: SentenceContext, actors: Actors, match: VerbMatch | null): Event[] | null {
  const { tokens } = ctx.sentence;
  const vg = clause.vg;
  const asking = ASKING_VERBS.get(spellingKey(vg.lemma));
  if (!asking || !ctx.statedActs || vg.passive || (match && match.pattern.specificity > 3)) return null;
  const asked = addresseeInfinitive(tokens, ctx.mentions, vg.end, clause.complement[1]);
  const requested = asked ? infinitiveAct(ctx, asked.inf, clause.complement[1], () => false, false) : null;
  if (!asked || !requested || !statedAct(asking, requested.act.pattern.code, ctx.dicts.ontology)) return null;
  const { mood, negated } = moodOf(clause, tokens, ctx.docDate);
  return recordEvents(
    {
      pattern: requested.act.pattern,
      sources: actors.sourceRefs,
      targets: asked.addressee.flatMap((m) => m.refs.map((ref) => ({ m, ref }))),
      places: new Set(),
      mutual: false,
      mood,
      negated,
      futureDenied: false,
      attempted: false,
      stance: asking,
      defaultTarget: false,
      verb: spanOf(tokens[vg.head]),
      date: eventDate(ctx.docDate, tokens, clause.introStart, clause.complement[1], mood === "intended"),
      location: locationOf(clause, ctx, asked.addressee),
    },
    ctx,
  );
}
