/**
 * From the sides of an event and the pattern that fired, to event records: who acts on whom (compounds,
 * mutual and inverse patterns), self-dyads dropped, the stated-act convention, confidence, and every field of
 * the record. Shared by events carried by verbs (events.ts) and by nouns (nominal.ts).
 */
import type { Token } from "../analyse/tagger.js";
import type { Stance } from "../dictionary/ontology.js";
import type { VerbPattern } from "../dictionary/verbs.js";
import { hash64 } from "../hash.js";
import type { ActorRef } from "../match/coreference.js";
import type { Mention } from "../match/mentions.js";
import type { Actor, Event, Location, Mood, QuadClass, TextSpan } from "../types.js";
import type { SentenceContext } from "./context.js";
import { statedCode } from "./stated-acts.js";

/** One actor of a side: the mention that names it and the actor it means. */
export interface Side {
  m: Mention;
  ref: ActorRef;
}

/** The sectors of a state: a country named alone speaks for them ("Syria said", "Russia's troops"). */
const STATE = new Set(["GOV", "MIL", "COP", "SPY", "LEG", "JUD", "ELI"]);

export function isSelf(a: ActorRef, b: ActorRef): boolean {
  if (a.code === b.code) return true;
  // two named organisations of one country ("PSEREBHMS" and "PSEREBPIJ") are two sides
  const named = (r: ActorRef) => r.code.length > 3 + 3 * r.sectors.length;
  if (named(a) || named(b)) return false;
  if (a.country && a.country === b.country) {
    // a country and its own state are one side; the country and its rebels, opposition, press or people are two
    // ("Syria attacked rebels", "China detained journalists"), as are opposition against government
    if (a.sectors.length === 0) return b.sectors.every((s) => STATE.has(s));
    if (b.sectors.length === 0) return a.sectors.every((s) => STATE.has(s));
    return a.sectors.every((s) => b.sectors.includes(s));
  }
  return false;
}

export function actorOf(m: Mention, ref: ActorRef, tokens: Token[], docText: string): Actor {
  // a pronoun shows the name it stands for, when the sentence gives it ("the military says it ...")
  const [a, b] = m.antecedent && m.refs[0] === ref ? m.antecedent : [m.start, m.end];
  const start = tokens[a].start;
  const end = tokens[b - 1].end;
  return { text: docText.slice(start, end), start, end, code: ref.code, country: ref.country, sectors: ref.sectors, name: ref.name };
}

export interface Reading {
  pattern: VerbPattern;
  sources: Side[];
  targets: Side[];
  /** Targets that are places: of the source's own country, they are still targets ("Syrian troops shelled Aleppo"). */
  places: Set<ActorRef>;
  /** The members of a plural subject act on one another ("China and Russia agreed"). */
  mutual: boolean;
  mood: Mood;
  negated: boolean;
  /** "will not" or "would not": a denied intention is a refusal. */
  futureDenied: boolean;
  /** "tried to storm": an attempt at force counts as the act. */
  attempted: boolean;
  stance: Stance | null;
  /** The target was taken by default, not named by the pattern. */
  defaultTarget: boolean;
  verb: TextSpan;
  date: string | null;
  location: Location | null;
}

/** The events of one reading of a clause or noun phrase. */
export function recordEvents(r: Reading, ctx: SentenceContext): Event[] {
  const { pattern } = r;
  const tokens = ctx.sentence.tokens;
  const pairs: [Side | null, Side | null][] = [];
  if (r.mutual && ctx.mutualBothWays) {
    for (const a of r.sources) for (const b of r.sources) if (a !== b) pairs.push([a, b]);
  } else if (r.mutual) {
    // "X and Y agreed": one report, one event between each two of them, the first named as the source
    r.sources.forEach((a, i) => r.sources.slice(i + 1).forEach((b) => pairs.push([a, b])));
  } else {
    for (const s of r.sources) {
      if (r.targets.length === 0) pairs.push([s, null]);
      // "X met Y" is one event, X's, as PETRARCH, ICEWS and GDELT record it; only a compound subject ("X and Y
      // met") makes each side the other's target
      for (const t of r.targets) pairs.push([s, t]);
    }
    if (r.sources.length === 0) for (const t of r.targets) pairs.push([null, t]);
  }
  // "received money from X": the pattern says the one named after the verb did it
  if (pattern.inverse) for (const pair of pairs) pair.reverse();
  // "[active:reverse]" patterns: the target also acts back on the source ("X visited Y": Y hosts X)
  const coded: { s: Side | null; t: Side | null; code: string }[] = pairs.map(([s, t]) => ({ s, t, code: pattern.code }));
  if (pattern.reverse) for (const [s, t] of pairs) if (s && t) coded.push({ s: t, t: s, code: pattern.reverse });

  // (the same source, target and code twice in one sentence is one event: the coder keeps the first)
  const events: Event[] = [];
  for (const { s, t, code: act } of coded) {
    if (s && t && isSelf(s.ref, t.ref) && !(r.places.has(t.ref) && s.ref.sectors.length > 0)) continue;
    const mood = r.attempted && Number(act.slice(0, 2)) >= 14 ? "asserted" : r.mood;
    const stated = ctx.statedActs ? statedCode(act, mood, r.negated, r.futureDenied, r.stance, ctx.dicts.ontology) : { code: act, intendedCode: null, negated: r.negated, mood };
    const eventCode = stated.code;
    if (ctx.requireDyad && (!s || !t)) continue;
    let confidence = 0.9;
    for (const x of [s, t]) {
      if (!x) continue;
      if (x.m.via === "coreference") confidence -= 0.15;
      else if (x.m.via === "surname" || x.m.via === "title") confidence -= 0.05;
      if (x.m.kind === "agent" && !x.ref.country) confidence -= 0.1;
    }
    if (r.defaultTarget) confidence -= 0.1;
    if (pattern.elements.length === 0) confidence -= 0.05;
    const code = ctx.dicts.ontology.codes.get(eventCode)!;
    const root = eventCode.slice(0, 2);
    const quad = (ctx.dicts.ontology.quads.get(root) ?? 1) as QuadClass;
    events.push({
      id: hash64([ctx.docId, ctx.sentence.index, r.verb.start, eventCode, s?.ref.code ?? "", t?.ref.code ?? ""].join("|")),
      doc: ctx.docId,
      sentence: ctx.sentence.index,
      date: r.date,
      source: s ? actorOf(s.m, s.ref, tokens, ctx.docText) : null,
      target: t ? actorOf(t.m, t.ref, tokens, ctx.docText) : null,
      code: eventCode,
      root,
      quad,
      goldstein: code.goldstein,
      plover: code.plover,
      verb: r.verb,
      negated: stated.negated,
      mood: stated.mood,
      intendedCode: stated.intendedCode,
      location: r.location,
      issues: ctx.issues,
      text: ctx.sentence.text,
      rule: pattern.rule,
      confidence: Math.max(0.1, Math.round(confidence * 100) / 100),
    });
  }
  return events;
}
