/**
 * From a clause, its mentions and the verb pattern that fired, to events:
 * source and target from clause roles, compounds expanded, symmetric verbs
 * both ways, self-dyads dropped, and every field of the event record filled.
 */
import type { Clause } from "../analyse/clauses.js";
import { ADVERBIAL_SUBORDINATORS, LOCATIVE_PREPOSITIONS, MUTUAL_VERBS, RELATION_NOUNS } from "../analyse/grammar.js";
import { phrasesIn } from "../analyse/phrases.js";
import type { Sentence, Token } from "../analyse/tagger.js";
import type { Dictionaries } from "../dictionary/compile.js";
import { spellingKey } from "../dictionary/text.js";
import type { ActorRef } from "../match/coreference.js";
import type { Mention } from "../match/mentions.js";
import { isFreeTarget, matchVerb, prepositionBefore, prepositionIndex, type VerbMatch } from "../match/verb-patterns.js";
import type { Event, Location } from "../types.js";
import type { VerbPattern } from "../dictionary/verbs.js";
import { moodOf } from "./mood.js";
import { isSelf, recordEvents } from "./records.js";
import { addresseeInfinitive, ASKING_VERBS, obligation, STANCE_VERBS, stancedInfinitive } from "./stated-acts.js";
import { statedAct, type Stance } from "../dictionary/ontology.js";
import { contentClause, inRange, newActor, sourcesOf, withCoordinated } from "./participants.js";
import { eventDate } from "./time.js";

export interface SentenceContext {
  docId: string;
  docDate: string | null;
  docText: string;
  sentence: Sentence;
  clauses: Clause[];
  mentions: Mention[];
  dicts: Dictionaries;
  requireDyad: boolean;
  /** PETRARCH's `new_actor_length` (see `CodeOptions`); 0: off. */
  newActorLength: number;
  /** `CodeOptions.statedActs`. */
  statedActs: boolean;
  /** `CodeOptions.mutualBothWays`. */
  mutualBothWays: boolean;
  datelinePlace: Location | null;
  issues: string[];
}

/** Where the clause happened: a place in its "in", "at" or "near" phrase, else the dateline. */
function locationOf(clause: Clause, ctx: SentenceContext, targets: Mention[]): Location | null {
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
  return { code: iso, country: iso, sectors: [], name: dicts.ontology.countries.get(iso)?.name ?? iso, person: false };
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

/**
 * The patterns of a verb: the very form when a dictionary writes it ("left", apart from "leave"), else the
 * lemma, the lemma with its "e" back ("seized" guessed as "seiz"), and, for a verb the model does not know,
 * the word without its ending ("cordoned").
 */
function patternsFor(dicts: Dictionaries, lemma: string, word: string): readonly VerbPattern[] | undefined {
  if (word !== lemma && dicts.verbs.has(word)) return dicts.verbs.get(word);
  const found = dicts.verbs.get(lemma) ?? dicts.verbs.get(lemma + "e") ?? dicts.verbs.get(word);
  if (found || !/[a-z]{3}(ed|ing|s)$/.test(word)) return found;
  return dicts.verbs.get(word.replace(/(ed|ing|s)$/, "")) ?? dicts.verbs.get(word.replace(/(d|ing|s)$/, ""));
}

/** A verb's text and offsets, as the event shows them. */
export const spanOf = (t: Token) => ({ text: t.text, start: t.start, end: t.end });

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

/** A pattern for a demand or appeal whose act no verb pattern knows ("said Iran must do more"). */
function wholeStatement(row: { code: string; rule: string }): VerbPattern {
  return { code: row.code, lemma: "", before: [], elements: [], adjacent: false, absorbsNegation: false, both: false, subjectTarget: false, inverse: false, plural: false, placeTarget: false, noun: false, reverse: null, specificity: 0, rule: row.rule, text: "*" };
}

/**
 * "the minister said North Korea must give up its weapons", "demanded that Serbia hold talks": a demand of the
 * speaker (with "should", or after "urged that", an appeal), aimed at whoever is to act, coded by the act; null
 * where the clause is no such report.
 */
function obligedEvents(clause: Clause, ctx: SentenceContext): Event[] | null {
  const { tokens } = ctx.sentence;
  const vg = clause.vg;
  const obliged = ctx.statedActs && !vg.passive && clause.kind === "embedded" && clause.parent ? obligation(clause) : null;
  if (!obliged || !clause.parent) return null;
  const speakers = sourcesOf(clause.parent, ctx).flatMap((m) => m.refs.map((ref) => ({ m, ref })));
  const addressees = sourcesOf(clause, ctx).flatMap((m) => m.refs.map((ref) => ({ m, ref })));
  if (speakers.length === 0 || addressees.length === 0) return [];
  const patterns = patternsFor(ctx.dicts, spellingKey(vg.lemma), spellingKey(tokens[vg.head].lower));
  // ("must stop attacking", "should not meet": what is asked is not the act named, only that something be done)
  const denied = moodOf(clause, tokens, ctx.docDate).negated;
  const act = patterns && !denied ? matchVerb(tokens, vg.head, clause.complement, ctx.mentions.filter((m) => inRange(m, clause.complement)), patterns, [], () => false, false) : null;
  const row = statedAct(obliged, act?.pattern.code ?? "", ctx.dicts.ontology);
  if (!row) return null;
  const { mood, negated } = moodOf(clause.parent, tokens, ctx.docDate);
  return recordEvents(
    {
      pattern: act ? act.pattern : wholeStatement(row),
      sources: speakers,
      targets: addressees,
      places: new Set(),
      mutual: false,
      mood,
      negated,
      futureDenied: false,
      attempted: false,
      stance: act ? obliged : null,
      defaultTarget: false,
      verb: spanOf(tokens[clause.parent.vg.head]),
      date: eventDate(ctx.docDate, tokens, clause.parent.introStart, clause.complement[1], mood === "intended"),
      location: locationOf(clause, ctx, []),
    },
    ctx,
  );
}

export function clauseEvents(clause: Clause, ctx: SentenceContext): Event[] {
  const { tokens } = ctx.sentence;
  const vg = clause.vg;
  const obliged = obligedEvents(clause, ctx);
  if (obliged) return obliged;
  const lemma = spellingKey(vg.lemma);
  const patterns = patternsFor(ctx.dicts, lemma, spellingKey(tokens[vg.head].lower));
  if (!patterns) return [];

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
  const sourceRefs: { m: Mention; ref: ActorRef }[] = sources.flatMap((m) => m.refs.map((ref) => ({ m, ref })));
  const selfRef = (r: ActorRef) => sourceRefs.some((s) => isSelf(s.ref, r));
  // a pronoun that would point back at the subject means someone else: "Xi promised to cooperate with him"
  // (a place has no actor of its own: it is never the source)
  const isSource = (m: Mention) => sourceRefs.length > 0 && m.refs.length > 0 && m.refs.every(selfRef) && !(m.alternatives ?? []).some((r) => !selfRef(r));
  const plural = new Set(sourceRefs.map((x) => x.ref.code)).size >= 2;
  let match = matchVerb(tokens, vg.head, clause.complement, candidates, patterns, passiveSubject, isSource, plural);
  // the clause a verb governs is its object: a pattern may reach into it, and its subject is what the verb is about
  const content = contentClause(clause, ctx);
  if (content && (!match || match.pattern.specificity < 2)) {
    const wide: [number, number] = [clause.complement[0], content.complement[1]];
    const wideCandidates = ctx.mentions.filter((m) => inRange(m, wide));
    const reached = matchVerb(tokens, vg.head, wide, wideCandidates, patterns, passiveSubject, isSource, plural);
    // only for the words of a pattern that are there ("really pleasant"), never just for a target ("assure +")
    // ("announced it would cut aid" is no "announce aid": a content clause whose verb codes its own event is its own)
    const contentHead = tokens[content.vg.head];
    const ownEvent = patternsFor(ctx.dicts, spellingKey(content.vg.lemma), spellingKey(contentHead.lower)) !== undefined;
    const needsContent = reached !== null && reached.pattern.specificity >= 2 && reached.wordsEnd > content.introStart && !(ownEvent && reached.wordsEnd > content.vg.end);
    if (reached && needsContent && (!match || reached.pattern.specificity > match.pattern.specificity)) {
      match = reached;
      candidates = wideCandidates;
    }
  }
  // "agreed to hand over the prisoners", "refused to meet the envoy": the act is the infinitive, stated by the
  // verb, unless the verb's own patterns name the act ("agree to release +")
  let stance: Stance | null = null;
  const stanceOf = STANCE_VERBS.get(lemma);
  if (stanceOf && ctx.statedActs && (!match || match.pattern.specificity <= 3)) {
    const stated = infinitiveAct(ctx, stancedInfinitive(tokens, vg.end, clause.complement[1]), clause.complement[1], isSource, plural);
    if (stated && statedAct(stanceOf, stated.act.pattern.code, ctx.dicts.ontology)) {
      match = stated.act;
      candidates = stated.candidates;
      stance = stanceOf;
    }
  }
  // "urged Iran to release the sailors", "called on Russia to withdraw": an appeal (or a demand) for the act,
  // aimed at whoever is asked to do it
  const asking = ASKING_VERBS.get(lemma);
  if (asking && ctx.statedActs && !vg.passive && (!match || match.pattern.specificity <= 3)) {
    const asked = addresseeInfinitive(tokens, ctx.mentions, vg.end, clause.complement[1]);
    const requested = asked ? infinitiveAct(ctx, asked.inf, clause.complement[1], () => false, false) : null;
    if (asked && requested && statedAct(asking, requested.act.pattern.code, ctx.dicts.ontology)) {
      const { mood, negated } = moodOf(clause, tokens, ctx.docDate);
      return recordEvents(
        { pattern: requested.act.pattern, sources: sourceRefs, targets: asked.addressee.flatMap((m) => m.refs.map((ref) => ({ m, ref }))), places: new Set(), mutual: false, mood, negated, futureDenied: false, attempted: false, stance: asking, defaultTarget: false, verb: spanOf(tokens[vg.head]), date: eventDate(ctx.docDate, tokens, clause.introStart, clause.complement[1], mood === "intended"), location: locationOf(clause, ctx, asked.addressee) },
        ctx,
      );
    }
  }
  if (!match) return [];
  const { pattern } = match;
  // "the journalist was arrested in Niger": only a state arrests, jails or deports; with no agent named, the
  // state where it happened did it (to someone of political note: "a man was arrested in Lyon" is no event)
  const noted = passiveSubject.some((m) => m.refs.some((r) => r.person || r.sectors.some((s) => s !== "CVL")));
  if (vg.passive && sourceRefs.length === 0 && pattern.code.startsWith("17") && noted) {
    const where = ctx.mentions.find((m) => inRange(m, clause.complement) && m.place && (m.kind === "country" || m.kind === "capital" || m.kind === "place") && /^(in|at)$/.test(prepositionBefore(tokens, m, clause.complement[0]) ?? ""));
    if (where?.place && ctx.dicts.ontology.countries.has(where.place.country)) sourceRefs.push({ m: where, ref: countryRef(where.place.country, ctx.dicts) });
  }
  // "was [shot] dead in + | inverse", "[free] from + | inverse": an inverse pattern reads the surface, so in
  // the passive too the subject is what is acted on and the actor after the verb the source
  if (pattern.inverse && vg.passive && sourceRefs.length === 0) for (const m of passiveSubject) for (const ref of m.refs) sourceRefs.push({ m, ref });
  // "Eriador's death toll has risen" with "death toll [rise]": the pattern names the subject's own noun, so
  // whose toll it is, is the actor
  if (sourceRefs.length === 0 && pattern.before.length > 0 && clause.subject) {
    const [a, b] = clause.subject;
    for (const m of ctx.mentions) if (m.possessive && m.start >= a && m.end <= b) for (const ref of m.refs) sourceRefs.push({ m, ref });
  }

  let targetMentions: Mention[] = [];
  let defaultTarget = false;
  if (pattern.subjectTarget) {
    // "noted + [regret]": "Gondor's prime minister noted that Cirith Ungol regretted ...": the verb's subject is
    // the target, and whoever governs the clause the source
    const governing = clause.parent ? sourcesOf(clause.parent, ctx) : [];
    if (governing.length === 0 || sources.length === 0) return [];
    targetMentions = sources;
    sourceRefs.splice(0, sourceRefs.length, ...governing.flatMap((m) => m.refs.map((ref) => ({ m, ref }))));
  } else if (match.target) {
    targetMentions = passiveSubject.includes(match.target) && !pattern.inverse ? passiveSubject : withCoordinated(tokens, candidates, match.target, clause.complement[1]);
  } else if (vg.passive && passiveSubject.length > 0) {
    targetMentions = passiveSubject;
  } else if (!(pattern.both && sourceRefs.length >= 2)) {
    targetMentions = unnamedTargets(clause, ctx, match, candidates, content, isSource);
    defaultTarget = targetMentions.length > 0;
  }
  if (targetMentions.length === 0 && !pattern.both && !pattern.inverse) targetMentions = placeOfForce(clause, ctx, pattern, candidates);
  if (targetMentions.length === 0 && ctx.newActorLength > 0 && !pattern.both) {
    // the first noun phrase after the verb, or after its preposition ("left for the Ministry of Magic")
    let k = match.wordsEnd;
    if (tokens[k]?.pos === "ADP") k++;
    const made = k < clause.complement[1] ? newActor(tokens, k, clause.complement[1], ctx.newActorLength) : null;
    if (made) targetMentions = [made];
  }
  const places = new Set<ActorRef>();
  const targetRefs = targetMentions.flatMap((m) => targetRefsOf(m, tokens, clause.complement[0], ctx.dicts, selfRef, places, pattern.placeTarget).map((ref) => ({ m, ref })));
  const fill = clauseCountry(clause, ctx);
  if (fill) {
    // ("lawmakers criticized Russia": the lawmakers are not Russia's own, or the event would be Russia on itself;
    // "China detained journalists" are China's; "rebels captured Kunduz": a place is no country acting, its rebels are
    // the place's)
    for (const [side, other] of [[sourceRefs, targetRefs], [targetRefs, sourceRefs]] as const) {
      for (const x of side) {
        if (x.ref.country || (x.m.kind !== "agent" && x.m.kind !== "pronoun")) continue;
        const filled = { ...x.ref, country: fill, code: fill + x.ref.code };
        // (a target is always the clause's: "Pakistan deployed police" is its own police, no event)
        if (side === targetRefs || !other.some((o) => o.ref.country === fill && o.ref.sectors.length === 0 && !places.has(o.ref) && isSelf(filled, o.ref))) x.ref = filled;
      }
    }
  }

  // "shared data with one another": each side is the other's target, whatever the verb
  const reciprocal = sourceRefs.length >= 2 && tokens.slice(clause.complement[0], clause.complement[1]).some((t, k, all) => (t.lower === "each" && all[k + 1]?.lower === "other") || (t.lower === "one" && all[k + 1]?.lower === "another"));
  // "China and Russia agreed that ...", "X and Y delayed their meeting", "X and Y renewed ties": with nothing else
  // named, the members of a plural subject act on one another
  const comp = tokens.slice(clause.complement[0], Math.min(clause.complement[1], clause.complement[0] + 5));
  const mutualSubject =
    sourceRefs.length >= 2 &&
    targetRefs.length === 0 &&
    !vg.passive &&
    (MUTUAL_VERBS.has(lemma) || comp.some((t) => t.pos === "NOUN" && RELATION_NOUNS.has(t.lemma)));
  const mutual = (pattern.both || pattern.plural || reciprocal || mutualSubject) && (targetRefs.length === 0 || reciprocal);
  const { mood, negated: denied } = moodOf(clause, tokens, ctx.docDate);
  return recordEvents(
    {
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
      stance,
      defaultTarget,
      verb: spanOf(tokens[vg.head]),
      date: eventDate(ctx.docDate, tokens, clause.introStart, clause.complement[1], mood === "intended"),
      location: locationOf(clause, ctx, targetMentions),
    },
    ctx,
  );
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
