/**
 * From a clause to its events, in the order a reader would ask:
 * 1. who acts (`whoActs`: the subject, or the passive's "by" phrase);
 * 2. what the verb says happened (`verbFrame`: the verb pattern that fired, perhaps through an infinitive
 *    or the clause it governs), unless the clause reports a demand or an appeal, which are coded by the act
 *    asked for (`obligedEvents`, `appealEvents`);
 * 3. who acts where the clause names no one (`impliedSources`);
 * 4. who is acted on (`actedOn`);
 * 5. the actors of each side (`targetSides`);
 * 6. how the pair stands: one on the other or on one another, in what mood, when and where (`readingOf`), and
 *    the events of that reading (`recordEvents`: compounds expanded, self-dyads dropped, every field filled).
 */
import type { Clause } from "../analyse/clauses.js";
import { MUTUAL_VERBS, RELATION_NOUNS } from "../analyse/grammar.js";
import { spellingKey } from "../dictionary/text.js";
import type { VerbMatch } from "../match/verb-patterns.js";
import type { Event } from "../types.js";
import { impliedSources, whoActs, type Actors } from "./actors.js";
import { spanOf, type SentenceContext } from "./context.js";
import { appealEvents, clausePatterns, verbFrame, type Frame } from "./frames.js";
import { moodOf } from "./mood.js";
import { obligedEvents } from "./obliged.js";
import { locationOf } from "./places.js";
import { recordEvents, type Reading } from "./records.js";
import { actedOn, targetSides, type ActedOn, type TargetSides } from "./targets.js";
import { eventDate } from "./time.js";

export type { SentenceContext } from "./context.js";

export function clauseEvents(clause: Clause, ctx: SentenceContext): Event[] {
  const obliged = obligedEvents(clause, ctx);
  if (obliged) return obliged;
  const patterns = clausePatterns(clause, ctx);
  if (!patterns) return [];
  const actors = whoActs(clause, ctx);
  const frame = verbFrame(clause, ctx, patterns, actors);
  const appeal = appealEvents(clause, ctx, actors, frame.match);
  if (appeal) return appeal;
  const { match } = frame;
  if (!match) return [];
  impliedSources(clause, ctx, match.pattern, actors);
  const acted = actedOn(clause, ctx, frame, match, actors);
  if (!acted) return [];
  const sides = targetSides(clause, ctx, match.pattern, actors, acted);
  return recordEvents(readingOf(clause, ctx, frame, match, actors, acted, sides), ctx);
}

/** Everything the events of the clause say, one field of the event record after another. */
function readingOf(clause: Clause, ctx: SentenceContext, frame: Frame, match: VerbMatch, actors: Actors, acted: ActedOn, sides: TargetSides): Reading {
  const { tokens } = ctx.sentence;
  const vg = clause.vg;
  const { pattern } = match;
  const { sourceRefs } = actors;
  const { targetRefs, places } = sides;
  // "shared data with one another": each side is the other's target, whatever the verb
  const reciprocal = sourceRefs.length >= 2 && tokens.slice(clause.complement[0], clause.complement[1]).some((t, k, all) => (t.lower === "each" && all[k + 1]?.lower === "other") || (t.lower === "one" && all[k + 1]?.lower === "another"));
  // "China and Russia agreed that ...", "X and Y delayed their meeting", "X and Y renewed ties": with nothing else
  // named, the members of a plural subject act on one another
  const comp = tokens.slice(clause.complement[0], Math.min(clause.complement[1], clause.complement[0] + 5));
  const mutualSubject =
    sourceRefs.length >= 2 &&
    targetRefs.length === 0 &&
    !vg.passive &&
    (MUTUAL_VERBS.has(spellingKey(vg.lemma)) || comp.some((t) => t.pos === "NOUN" && RELATION_NOUNS.has(t.lemma)));
  const mutual = (pattern.both || pattern.plural || reciprocal || mutualSubject) && (targetRefs.length === 0 || reciprocal);
  const { mood, negated: denied } = moodOf(clause, tokens, ctx.docDate);
  return {
    pattern,
    sources: sourceRefs,
    targets: targetRefs,
    places,
    mutual,
    mood,
    // "did not [clash]": a pattern that names the denial codes it; the event is not denied again
    negated: denied && !pattern.absorbsNegation,
    // "will not lift", "failed to reach agreement": held back, which CAMEO codes as a rejection
    futureDenied: (vg.negated && (vg.modal === "will" || vg.modal === "would")) || clause.catenative === "failed",
    attempted: clause.catenative === "attempted",
    stance: frame.stance,
    defaultTarget: acted.byDefault,
    verb: spanOf(tokens[vg.head]),
    date: eventDate(ctx.docDate, tokens, clause.introStart, clause.complement[1], mood === "intended"),
    location: locationOf(clause, ctx, acted.mentions),
  };
}
