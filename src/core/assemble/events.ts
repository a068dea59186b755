/**
 * From a clause, its mentions and the verb pattern that fired, to events:
 * source and target from clause roles, compounds expanded, symmetric verbs
 * both ways, self-dyads dropped, and every field of the event record filled.
 */
import type { Clause } from "../analyse/clauses.js";
import { LOCATIVE_PREPOSITIONS, MUTUAL_VERBS, OTHERS_NOUNS, RELATION_NOUNS } from "../analyse/grammar.js";
import { phrasesIn } from "../analyse/phrases.js";
import type { Sentence, Token } from "../analyse/tagger.js";
import type { Dictionaries } from "../dictionary/compile.js";
import { spellingKey } from "../dictionary/text.js";
import { hash64 } from "../hash.js";
import type { ActorRef } from "../match/coreference.js";
import type { Mention } from "../match/mentions.js";
import { isFreeTarget, matchVerb, prepositionBefore, prepositionIndex } from "../match/verb-patterns.js";
import type { Actor, Event, Location, QuadClass } from "../types.js";
import { moodOf } from "./mood.js";
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
  datelinePlace: Location | null;
  issues: string[];
}

/** Mentions joined to `first` by "and" or commas ("China, Russia and Iran"). */
function withCoordinated(tokens: Token[], mentions: Mention[], first: Mention, limit: number): Mention[] {
  const out = [first];
  let i = mentions.indexOf(first);
  while (i + 1 < mentions.length && mentions[i + 1].end <= limit) {
    const gap = tokens.slice(mentions[i].end, mentions[i + 1].start).map((t) => t.lower).join(" ");
    if (!/^(and|,|, and|or|as well as)$/.test(gap)) break;
    out.push(mentions[++i]);
  }
  return out;
}

function inRange(m: Mention, [a, b]: [number, number]): boolean {
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
function newActor(tokens: Token[], from: number, to: number, max: number): Mention | null {
  let k = from;
  const nominal = (t: Token) => /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(t.pos) || t.lower === "'s";
  while (k < to && (nominal(tokens[k]) || (tokens[k].lower === "of" && k + 1 < to && /^(DET|NOUN|PROPN)$/.test(tokens[k + 1].pos) && k > from))) k++;
  const words = tokens.slice(from, k).filter((t) => t.lower !== "'s").map((t) => t.text.toUpperCase());
  if (words.length === 0 || words.length > max || !tokens.slice(from, k).some((t) => t.pos === "NOUN" || t.pos === "PROPN")) return null;
  const name = words.join(" ");
  return { start: from, end: k, refs: [{ code: `"${name}"`, country: null, sectors: [], name, person: false }], kind: "organisation", place: null, possessive: false, via: "dictionary", rule: null };
}

/** Nouns for people or bodies of people, by their endings and a few common words: "mayor", "militia", "guards". */
const ACTING_NOUN = /(er|or|ist|ian|ant|ent|ee|man|men|woman|women|ary|ia|guard|force|troop|army|navy|people|staff|crew|team|unit|squad|delegation|cabinet|council|board|committee|regime)s?$/;

function sourcesOf(clause: Clause, ctx: SentenceContext, depth = 0): Mention[] {
  const { tokens } = ctx.sentence;
  if (depth > 6) return [];
  if (clause.subject) return subjectIn(tokens, ctx.mentions, clause.subject);
  if (clause.antecedentEnd !== null) {
    const before = ctx.mentions.filter((m) => m.end <= clause.antecedentEnd! && m.refs.length > 0 && !m.possessive && m.kind !== "place");
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

function isSelf(a: ActorRef, b: ActorRef): boolean {
  if (a.code === b.code) return true;
  // two named organisations of one country ("PSEREBHMS" and "PSEREBPIJ") are two sides
  const named = (r: ActorRef) => r.code.length > 3 + 3 * r.sectors.length;
  if (named(a) || named(b)) return false;
  if (a.country && a.country === b.country) {
    // a country and its own government are one side; opposition against government are two
    if (a.sectors.length === 0 || b.sectors.length === 0) return true;
    return a.sectors.every((s) => b.sectors.includes(s));
  }
  return false;
}

function actorOf(m: Mention, ref: ActorRef, tokens: Token[], docText: string): Actor {
  const start = tokens[m.start].start;
  const end = tokens[m.end - 1].end;
  return { text: docText.slice(start, end), start, end, code: ref.code, country: ref.country, sectors: ref.sectors, name: ref.name };
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

function countryRef(iso: string, dicts: Dictionaries): ActorRef {
  return { code: iso, country: iso, sectors: [], name: dicts.ontology.countries.get(iso)?.name ?? iso, person: false };
}

/** A place as target is its country: "visited Beijing", "sent aid to Gaza" aim at China, at the Palestinian territories. */
function targetRefsOf(m: Mention, tokens: Token[], floor: number, dicts: Dictionaries, selfRef: (r: ActorRef) => boolean): ActorRef[] {
  if (m.refs.length === 0) return m.place ? [countryRef(m.place.country, dicts)] : [];
  if (m.alternatives && m.refs.every(selfRef)) {
    const other = m.alternatives.find((r) => !selfRef(r));
    if (other) return [other];
  }
  // "arrived in Pyongyang" visits North Korea; "delivered to Kyiv" still reaches Ukraine's government
  if (m.kind === "capital" && m.place && /^(in|at)$/.test(prepositionBefore(tokens, m, floor) ?? "")) return [countryRef(m.place.country, dicts)];
  return m.refs;
}

const DOMESTIC = new Set(["GOV", "LEG", "JUD", "COP", "ELI", "OPP", "PTY"]);

/**
 * The one country a clause is about, when it says so clearly enough to give a
 * bare role its country: "protesters stormed Kenya's parliament", "police in
 * Harare arrested opposition supporters". A foreign army is no such evidence:
 * "Russian troops shelled civilians" does not make the civilians Russian.
 */
function clauseCountry(clause: Clause, ctx: SentenceContext): string | null {
  const from = Math.min(clause.introStart, clause.subject ? clause.subject[0] : clause.vg.start);
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

export function clauseEvents(clause: Clause, ctx: SentenceContext): Event[] {
  const { tokens } = ctx.sentence;
  const vg = clause.vg;
  // the lemma, else the lemma with its "e" back ("seized" guessed as "seiz"), else the word itself
  const lemma = spellingKey(vg.lemma);
  const word = spellingKey(tokens[vg.head].lower);
  // a verb the model does not know keeps its ending ("cordoned"): try it without
  // a dictionary that writes this very form ("left", apart from "leave") means it
  const patterns =
    (word !== lemma ? ctx.dicts.verbs.get(word) : undefined) ??
    ctx.dicts.verbs.get(lemma) ??
    ctx.dicts.verbs.get(lemma + "e") ??
    ctx.dicts.verbs.get(word) ??
    (/[a-z]{3}(ed|ing|s)$/.test(word) ? ctx.dicts.verbs.get(word.replace(/(ed|ing|s)$/, "")) ?? ctx.dicts.verbs.get(word.replace(/(d|ing|s)$/, "")) : undefined);
  if (!patterns) return [];

  const compMentions = ctx.mentions.filter((m) => inRange(m, clause.complement));
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
  const isSource = (m: Mention) => sourceRefs.length > 0 && m.refs.every(selfRef) && !(m.alternatives ?? []).some((r) => !selfRef(r));
  const plural = new Set(sourceRefs.map((x) => x.ref.code)).size >= 2;
  let match = matchVerb(tokens, vg.head, clause.complement, candidates, patterns, passiveSubject, isSource, plural);
  // "allowed that Mordor isn't a really pleasant place", "believes Dagolath can cope": the clause a verb
  // governs is its object; a pattern may reach into it, and its subject is what the verb is about
  // (only a content clause: "that ...", "whether ..." or none; "after crowds burned ..." says when, not what)
  // ("believed linked to Al-Qaeda": a content clause may share the verb's own subject)
  const content = vg.passive
    ? undefined
    : ctx.clauses.find(
        (c) =>
          c.parent === clause &&
          c.kind === "embedded" &&
          c.introStart <= clause.complement[1] + 1 &&
          (c.subject !== null ? c.introStart === c.subject[0] || /^(that|whether)$/.test(tokens[c.introStart].lower) : c.subjectFrom === clause),
      );
  if (content && (!match || match.pattern.specificity < 2)) {
    const wide: [number, number] = [clause.complement[0], content.complement[1]];
    const wideCandidates = ctx.mentions.filter((m) => inRange(m, wide));
    const reached = matchVerb(tokens, vg.head, wide, wideCandidates, patterns, passiveSubject, isSource, plural);
    // only for the words of a pattern that are there ("really pleasant"), never just for a target ("assure +")
    const needsContent = reached !== null && reached.pattern.specificity >= 2 && reached.wordsEnd > content.introStart;
    if (reached && needsContent && (!match || reached.pattern.specificity > match.pattern.specificity)) {
      match = reached;
      candidates = wideCandidates;
    }
  }
  if (!match) return [];
  const { pattern } = match;
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
    // a bare role ("children", "police") is only a target where a pattern's + points at it, or the clause gives it a country
    const fillable = clauseCountry(clause, ctx) !== null;
    const free = candidates.filter((m) => isFreeTarget(tokens, m, clause.complement[0], match.wordsEnd) && !isSource(m) && (m.refs.some((r) => r.country) || (fillable && m.kind === "agent")));
    // "deployed troops to the border with Belarus": a role with no country is the means, not the target, when a country follows.
    const first = free.find((m) => m.refs.some((r) => r.country)) && !free[0]?.refs.some((r) => r.country) ? free.find((m) => m.refs.some((r) => r.country)) : free[0];
    if (first) {
      targetMentions = withCoordinated(tokens, candidates, first, clause.complement[1]);
      defaultTarget = true;
    } else if (content && !pattern.plural && tokens.slice(clause.complement[0], content.introStart).every((t) => t.pos === "ADV")) {
      // "Arnor believes Dagolath and Osgiliath can cope", "Russia alleged that Ukraine ...": what the verb is
      // about is the named subject of the clause right after it ("assured the emissary that the U.S. ..." is not).
      // Only a pattern that names more than its verb ("begun [question]") reaches further, to the first actor
      // the clause names ("whether he has a future with the Orcs").
      const [a, b] = content.subject ?? [content.complement[0], content.complement[0]];
      const about = ctx.mentions.filter((m) => m.start >= a && m.end <= b && m.kind !== "pronoun" && m.refs.some((r) => r.country) && !isSource(m) && prepositionIndex(tokens, m, a) < 0);
      const named = pattern.specificity < 2 ? [] : ctx.mentions.filter((m) => m.start >= b && m.end <= content.complement[1] && m.refs.some((r) => r.country) && !isSource(m) && isFreeTarget(tokens, m, content.complement[0]));
      const first = about[0] ?? named[0];
      if (first) {
        targetMentions = withCoordinated(tokens, ctx.mentions, first, about[0] ? b : content.complement[1]);
        defaultTarget = true;
      }
    }
  }
  if (targetMentions.length === 0 && ctx.newActorLength > 0 && !pattern.both) {
    // the first noun phrase after the verb, or after its preposition ("left for the Ministry of Magic")
    let k = match.wordsEnd;
    if (tokens[k]?.pos === "ADP") k++;
    const made = k < clause.complement[1] ? newActor(tokens, k, clause.complement[1], ctx.newActorLength) : null;
    if (made) targetMentions = [made];
  }
  const targetRefs = targetMentions.flatMap((m) => targetRefsOf(m, tokens, clause.complement[0], ctx.dicts, selfRef).map((ref) => ({ m, ref })));
  const fill = clauseCountry(clause, ctx);
  if (fill) {
    for (const x of [...sourceRefs, ...targetRefs]) if (!x.ref.country && x.m.kind === "agent") x.ref = { ...x.ref, country: fill, code: fill + x.ref.code };
  }

  const pairs: [(typeof sourceRefs)[number] | null, (typeof targetRefs)[number] | null][] = [];
  // "shared data with one another": each side is the other's target, whatever the verb
  const reciprocal = sourceRefs.length >= 2 && tokens.slice(clause.complement[0], clause.complement[1]).some((t, k, all) => (t.lower === "each" && all[k + 1]?.lower === "other") || (t.lower === "one" && all[k + 1]?.lower === "another"));
  // "China and Russia agreed that ...", "X and Y delayed their meeting", "X and Y renewed ties": with nothing else
  // named, the members of a plural subject act on one another
  const comp = tokens.slice(clause.complement[0], Math.min(clause.complement[1], clause.complement[0] + 5));
  const mutual =
    sourceRefs.length >= 2 &&
    targetRefs.length === 0 &&
    !vg.passive &&
    (MUTUAL_VERBS.has(lemma) || comp.some((t) => t.pos === "NOUN" && RELATION_NOUNS.has(t.lemma)));
  if ((pattern.both || pattern.plural || reciprocal || mutual) && (targetRefs.length === 0 || reciprocal)) {
    for (const a of sourceRefs) for (const b of sourceRefs) if (a !== b) pairs.push([a, b]);
  } else {
    for (const s of sourceRefs) {
      if (targetRefs.length === 0) pairs.push([s, null]);
      for (const t of targetRefs) {
        pairs.push([s, t]);
        if (pattern.both) pairs.push([t, s]);
      }
    }
    if (sourceRefs.length === 0) for (const t of targetRefs) pairs.push([null, t]);
  }

  // "received money from X": the pattern says the one named after the verb did it
  if (pattern.inverse) for (const pair of pairs) pair.reverse();
  // "[active:reverse]" patterns: the target also acts back on the source ("X visited Y": Y hosts X)
  const coded: { s: (typeof sourceRefs)[number] | null; t: (typeof targetRefs)[number] | null; code: string }[] = pairs.map(([s, t]) => ({ s, t, code: pattern.code }));
  if (pattern.reverse) for (const [s, t] of pairs) if (s && t) coded.push({ s: t, t: s, code: pattern.reverse });
  const { mood, negated: denied } = moodOf(clause, tokens, ctx.docDate);
  // "did not [clash]": a pattern that names the denial codes it; the event is not denied again
  const negated = denied && !pattern.absorbsNegation;
  const date = eventDate(ctx.docDate, tokens, clause.introStart, clause.complement[1], mood === "intended");
  const location = locationOf(clause, ctx, targetMentions);
  const head = tokens[vg.head];
  const verb = { text: head.text, start: head.start, end: head.end };
  const seen = new Set<string>();
  const events: Event[] = [];
  for (const { s, t, code: eventCode } of coded) {
    if (s && t && isSelf(s.ref, t.ref)) continue;
    if (ctx.requireDyad && (!s || !t)) continue;
    const key = `${s?.ref.code}|${t?.ref.code}|${eventCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let confidence = 0.9;
    for (const x of [s, t]) {
      if (!x) continue;
      if (x.m.via === "coreference") confidence -= 0.15;
      else if (x.m.via === "surname" || x.m.via === "title") confidence -= 0.05;
      if (x.m.kind === "agent" && !x.ref.country) confidence -= 0.1;
    }
    if (defaultTarget) confidence -= 0.1;
    if (pattern.elements.length === 0) confidence -= 0.05;
    const code = ctx.dicts.ontology.codes.get(eventCode)!;
    const root = eventCode.slice(0, 2);
    const quad = (ctx.dicts.ontology.quads.get(root) ?? 1) as QuadClass;
    events.push({
      id: hash64([ctx.docId, ctx.sentence.index, verb.start, eventCode, s?.ref.code ?? "", t?.ref.code ?? ""].join("|")),
      doc: ctx.docId,
      sentence: ctx.sentence.index,
      date,
      source: s ? actorOf(s.m, s.ref, tokens, ctx.docText) : null,
      target: t ? actorOf(t.m, t.ref, tokens, ctx.docText) : null,
      code: eventCode,
      root,
      quad,
      goldstein: code.goldstein,
      plover: code.plover,
      verb,
      negated,
      mood,
      location,
      issues: ctx.issues,
      text: ctx.sentence.text,
      rule: pattern.rule,
      confidence: Math.max(0.1, Math.round(confidence * 100) / 100),
    });
  }
  return events;
}
