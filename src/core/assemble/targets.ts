/**
 * Step four and five of a clause's events: who is acted on, and the actors of each side. The target a pattern
 * points at, the passive's subject, the first free actor after the verb, the subject of the clause the verb
 * governs, the place force is used in; then each target mention's actors, and the clause's country for bare
 * roles on either side.
 */
import type { Clause } from "../analyse/clauses.js";
import type { Token } from "../analyse/tagger.js";
import type { Dictionaries } from "../dictionary/compile.js";
import type { VerbPattern } from "../dictionary/verbs.js";
import type { ActorRef } from "../match/coreference.js";
import type { Mention } from "../match/mentions.js";
import { isFreeTarget, prepositionBefore, prepositionIndex, type VerbMatch } from "../match/verb-patterns.js";
import type { Actors } from "./actors.js";
import type { SentenceContext } from "./context.js";
import type { Frame } from "./frames.js";
import { newActor, sourcesOf, withCoordinated } from "./participants.js";
import { clauseCountry, countryRef } from "./places.js";
import { isSelf, type Side } from "./records.js";

export interface ActedOn {
  mentions: Mention[];
  /** The target was taken by default, not named by the pattern. */
  byDefault: boolean;
}

/**
 * The mentions acted on; null when the pattern makes the subject the target and no one governs the clause.
 * A pattern that makes the subject the target ("noted + [regret]") also makes whoever governs the clause the
 * source: `actors.sourceRefs` is changed to them.
 */
export function actedOn(clause: Clause, ctx: SentenceContext, frame: Frame, match: VerbMatch, actors: Actors): ActedOn | null {
  const { tokens } = ctx.sentence;
  const { candidates } = frame;
  const { pattern } = match;
  const { sources, sourceRefs, passiveSubject } = actors;
  let mentions: Mention[] = [];
  let byDefault = false;
  if (pattern.subjectTarget) {
    // "Gondor's prime minister noted that Cirith Ungol regretted ...": the verb's subject is the target, and
    // whoever governs the clause the source
    const governing = clause.parent ? sourcesOf(clause.parent, ctx) : [];
    if (governing.length === 0 || sources.length === 0) return null;
    mentions = sources;
    sourceRefs.splice(0, sourceRefs.length, ...governing.flatMap((m) => m.refs.map((ref) => ({ m, ref }))));
  } else if (match.target) {
    mentions = passiveSubject.includes(match.target) && !pattern.inverse ? passiveSubject : withCoordinated(tokens, candidates, match.target, clause.complement[1]);
  } else if (clause.vg.passive && passiveSubject.length > 0) {
    mentions = passiveSubject;
  } else if (!(pattern.both && sourceRefs.length >= 2)) {
    mentions = unnamedTargets(clause, ctx, match, candidates, frame.content, actors.isSource);
    byDefault = mentions.length > 0;
  }
  if (mentions.length === 0 && !pattern.both && !pattern.inverse) mentions = placeOfForce(clause, ctx, pattern, candidates);
  if (mentions.length === 0 && ctx.newActorLength > 0 && !pattern.both) {
    // the first noun phrase after the verb, or after its preposition ("left for the Ministry of Magic")
    let k = match.wordsEnd;
    if (tokens[k]?.pos === "ADP") k++;
    const made = k < clause.complement[1] ? newActor(tokens, k, clause.complement[1], ctx.newActorLength) : null;
    if (made) mentions = [made];
  }
  return { mentions, byDefault };
}

export interface TargetSides {
  targetRefs: Side[];
  /** Targets that are places (see `Reading.places`). */
  places: Set<ActorRef>;
}

/** The actors of the targets; bare roles on either side take the clause's country (`actors.sourceRefs` too). */
export function targetSides(clause: Clause, ctx: SentenceContext, pattern: VerbPattern, actors: Actors, acted: ActedOn): TargetSides {
  const { tokens } = ctx.sentence;
  const { sourceRefs, selfRef } = actors;
  const places = new Set<ActorRef>();
  const targetRefs = acted.mentions.flatMap((m) => targetRefsOf(m, tokens, clause.complement[0], ctx.dicts, selfRef, places, pattern.placeTarget).map((ref) => ({ m, ref })));
  const fill = clauseCountry(clause, ctx);
  if (fill) {
    // ("lawmakers criticized Russia": the lawmakers are not Russia's own, or the event would be Russia on itself;
    // "China detained journalists" are China's; "rebels captured Kunduz": a place is no country acting, its rebels are
    // the place's)
    for (const [side, other] of [[sourceRefs, targetRefs], [targetRefs, sourceRefs]] as const) {
      for (const x of side) {
        if (x.ref.country || (x.m.kind !== "agent" && x.m.kind !== "pronoun")) continue;
        const filled: ActorRef = { code: fill + x.ref.code, country: fill, sectors: x.ref.sectors, name: x.ref.name, person: x.ref.person, open: x.ref.open };
        // (a target is always the clause's: "Pakistan deployed police" is its own police, no event)
        if (side === targetRefs || !other.some((o) => o.ref.country === fill && o.ref.sectors.length === 0 && !places.has(o.ref) && isSelf(filled, o.ref))) x.ref = filled;
      }
    }
  }
  return { targetRefs, places };
}

/**
 * A place as target is its country: "visited Beijing", "sent aid to Gaza" aim at China, at the Palestinian
 * territories. Such refs go into `places`: a place of the source's own country is still a target ("Syrian
 * troops shelled Aleppo").
 */
function targetRefsOf(m: Mention, tokens: Token[], floor: number, dicts: Dictionaries, selfRef: (r: ActorRef) => boolean, places: Set<ActorRef>, asPlace: boolean): ActorRef[] {
  // "captured Kabul" (a `place` pattern) takes the city, not the government seated there
  if (m.refs.length === 0 || (asPlace && m.kind === "capital")) {
    if (!m.place) return [];
    const ref = countryRef(m.place.country, dicts);
    places.add(ref);
    return [ref];
  }
  if (m.alternatives && m.refs.every(selfRef)) {
    const other = m.alternatives.find((r) => !selfRef(r));
    if (other) return [other];
  }
  // "arrived in Pyongyang" visits North Korea; "delivered to Kyiv" still reaches Ukraine's government; "a state
  // of emergency in Kenya" is imposed on the country as a place, also by its own government
  if ((m.kind === "capital" || m.kind === "country") && m.place && /^(in|at)$/.test(prepositionBefore(tokens, m, floor) ?? "")) {
    const ref = countryRef(m.place.country, dicts);
    places.add(ref);
    return [ref];
  }
  return m.refs;
}

/**
 * The target when no word of the pattern points at one: the first actor after the verb that can be one, else
 * the named subject of the clause the verb governs.
 */
function unnamedTargets(clause: Clause, ctx: SentenceContext, match: VerbMatch, candidates: Mention[], content: Clause | undefined, isSource: (m: Mention) => boolean): Mention[] {
  const { tokens } = ctx.sentence;
  const { pattern } = match;
  // a bare role ("children", "police") is only a target where a pattern's + points at it, or the clause gives it a country
  const fillable = clauseCountry(clause, ctx) !== null;
  // ("withdrew its troops from ...": the subject's own forces are no target)
  const own = (m: Mention) => m.kind === "agent" && /^(its|their|his|her|our)$/.test(tokens[m.start - 1]?.lower ?? "");
  const free = candidates.filter((m) => isFreeTarget(tokens, m, clause.complement[0], match.wordsEnd) && !isSource(m) && !own(m) && (m.refs.some((r) => r.country) || (fillable && m.kind === "agent") || (m.refs.length === 0 && m.place !== null)));
  // "deployed troops to the border with Belarus": a role with no country is the means, not the target, when a country follows.
  const withCountry = free.find((m) => m.refs.some((r) => r.country));
  const first = withCountry && !free[0].refs.some((r) => r.country) ? withCountry : free[0];
  if (first) return withCoordinated(tokens, candidates, first, clause.complement[1]);
  if (!content || pattern.plural || !tokens.slice(clause.complement[0], content.introStart).every((t) => t.pos === "ADV")) return [];
  // "Arnor believes Dagolath and Osgiliath can cope", "Russia alleged that Ukraine ...": what the verb is
  // about is the named subject of the clause right after it ("assured the emissary that the U.S. ..." is not).
  // Only a pattern that names more than its verb ("begun [question]") reaches further, to the first actor
  // the clause names ("whether he has a future with the Orcs").
  const [a, b] = content.subject ?? [content.complement[0], content.complement[0]];
  const about = ctx.mentions.filter((m) => m.start >= a && m.end <= b && m.kind !== "pronoun" && m.refs.some((r) => r.country) && !isSource(m) && prepositionIndex(tokens, m, a) < 0);
  const named = pattern.specificity < 2 ? [] : ctx.mentions.filter((m) => m.start >= b && m.end <= content.complement[1] && m.refs.some((r) => r.country) && !isSource(m) && isFreeTarget(tokens, m, content.complement[0]));
  const found = about[0] ?? named[0];
  return found ? withCoordinated(tokens, ctx.mentions, found, about[0] ? b : content.complement[1]) : [];
}

/**
 * "launched airstrikes in Idlib", "massed troops in Crimea": force used or shown in a place with no other target
 * is aimed at that place; so is coercion of a whole country by its own state ("declared a state of emergency in
 * Peru").
 */
function placeOfForce(clause: Clause, ctx: SentenceContext, pattern: VerbPattern, candidates: Mention[]): Mention[] {
  if (!/^(15|17|18|19|20)/.test(pattern.code)) return [];
  const { tokens } = ctx.sentence;
  const inside = (m: Mention) => /^(in|into|inside|across|throughout)$/.test(prepositionBefore(tokens, m, clause.complement[0]) ?? "");
  const there = candidates.find((m) => inside(m) && ((m.refs.length === 0 && m.place && m.place.kind !== "country") || (m.kind === "country" && m.refs.length > 0)));
  return there ? [there] : [];
}
