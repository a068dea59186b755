/**
 * Events named by nouns where no verb carries them: "Russia's attack on Kyiv", "a rebel attack on a police
 * post killed ...", "talks between Serbia and Kosovo", "the visit by Xi to Moscow", and headlines without a
 * verb ("Israeli strikes on Gaza"). The noun's patterns are verb patterns flagged `noun`; its source is the
 * actor that owns or modifies it ("Russia's", "Taliban"), the actor after "by", or, after a light verb
 * ("launched an attack on"), the clause's subject.
 */
import type { Clause } from "../analyse/clauses.js";
import { LIGHT_VERBS } from "../analyse/grammar.js";
import type { Token } from "../analyse/tagger.js";
import { spellingKey } from "../dictionary/text.js";
import type { Mention } from "../match/mentions.js";
import { matchVerb, prepositionBefore } from "../match/verb-patterns.js";
import type { Event, Mood } from "../types.js";
import { spanOf, type SentenceContext } from "./context.js";
import { clauseCountry, countryRef } from "./places.js";
import { moodOf } from "./mood.js";
import { inRange, sourcesOf, withCoordinated } from "./participants.js";
import { isSelf, recordEvents, type Side } from "./records.js";
import { eventDate } from "./time.js";

/** Words before an event noun that say it has not happened, or happened before. */
const PLANNED = new Set(["planned", "proposed", "upcoming", "scheduled", "expected", "promised", "intended", "future", "forthcoming", "threatened"]);
const POSSIBLE = new Set(["possible", "potential", "feared", "imminent", "likely", "alleged", "rumoured", "rumored", "suspected"]);
const EARLIER = new Set(["previous", "earlier", "past", "former", "last", "prior", "first", "second", "third", "recent"]);

function nounMood(tokens: Token[], k: number, clauseMood: Mood): Mood {
  for (let j = k - 1; j >= 0 && j >= k - 4 && /^(ADJ|VERB|NUM|DET|NOUN|PROPN|PART)$/.test(tokens[j].pos); j--) {
    const w = tokens[j].lower;
    if (PLANNED.has(w)) return "intended";
    if (POSSIBLE.has(w)) return "hypothetical";
    if (EARLIER.has(w)) return "reported-past";
    if (tokens[j].pos === "DET") break;
  }
  return clauseMood;
}

/** The clause a token belongs to, and whether it is in its subject or its complement. */
function clauseAt(clauses: Clause[], k: number): { clause: Clause; part: "subject" | "complement" } | null {
  for (const c of clauses) {
    if (c.subject && k >= c.subject[0] && k < c.subject[1]) return { clause: c, part: "subject" };
    if (k >= c.complement[0] && k < c.complement[1]) return { clause: c, part: "complement" };
  }
  return null;
}

/** The actor that owns or modifies the noun: "Russia's attack", "a rebel attack", "Israeli air strikes". */
function modifierOf(tokens: Token[], mentions: Mention[], k: number): Mention | null {
  for (const m of mentions) {
    if (m.end > k || m.end < k - 3 || m.refs.length === 0 || m.kind === "place") continue;
    let j = m.end;
    if (m.possessive && tokens[j]?.lower === "'s") j++;
    // "Israeli air strikes", "a Saudi-led coalition airstrike": modifiers between the actor and the noun
    // ("Japan's planned visit": a participle before the noun modifies it too)
    // (a plural noun between is no modifier but more likely a verb read as one: "Saudi Arabia lifts blockade")
    const modifies = (t: Token) => t.pos === "ADJ" || (t.pos === "NOUN" && t.lower === t.lemma) || (t.pos === "VERB" && /ed$/.test(t.lower));
    while (j < k && modifies(tokens[j]) && !/^[A-Z]/.test(tokens[j].text)) j++;
    if (j === k) return m;
  }
  return null;
}

/**
 * The events of a sentence's event nouns. `carried[i]`: clause i gave events, so a noun in its complement is
 * that verb's ("condemned the attack on X" is a condemnation, not a new attack).
 */
export function nominalEvents(ctx: SentenceContext, carried: boolean[]): Event[] {
  const { tokens } = ctx.sentence;
  const events: Event[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.pos !== "NOUN" && t.pos !== "PROPN") continue;
    // ("Talks between ..." opening a sentence is tagged a proper noun)
    const first = k === 0 || /^["“(]$/.test(tokens[k - 1].text);
    if (t.pos === "PROPN" && !first) continue;
    const patterns = ctx.dicts.nouns.get(t.lemmaKey) ?? ctx.dicts.nouns.get(t.key) ?? (first ? ctx.dicts.nouns.get(spellingKey(t.lower.replace(/s$/, ""))) : undefined);
    if (!patterns) continue;
    if (ctx.mentions.some((m) => m.start <= k && k < m.end)) continue;
    const at = clauseAt(ctx.clauses, k);
    const light = at?.part === "complement" && LIGHT_VERBS.has(at.clause.vg.lemma) && k - at.clause.vg.end <= 4;
    if (at?.part === "complement" && carried[ctx.clauses.indexOf(at.clause)]) continue;
    // the noun's phrase runs to the end of its part of the clause, or to the next verb
    let end = at ? (at.part === "subject" ? at.clause.subject![1] : at.clause.complement[1]) : tokens.length;
    for (let j = k + 1; j < end; j++) if (tokens[j].pos === "VERB" || tokens[j].pos === "AUX") end = j;
    const range: [number, number] = [k + 1, end];
    const candidates = ctx.mentions.filter((m) => inRange(m, range));

    const modifier = modifierOf(tokens, ctx.mentions, k);
    const by = candidates.find((m) => prepositionBefore(tokens, m, k + 1) === "by" && m.refs.length > 0);
    let sources: Mention[] = modifier ? [modifier] : by ? withCoordinated(tokens, candidates, by, end) : [];
    // "Russia launched an attack on Kyiv": after a light verb the clause's subject owns the noun
    if (sources.length === 0 && light && at) sources = sourcesOf(at.clause, ctx);
    const sourceRefs: Side[] = sources.flatMap((m) => m.refs.map((ref) => ({ m, ref })));
    const isSource = (m: Mention) => sources.includes(m) || (m.refs.length > 0 && sourceRefs.some((s) => m.refs.every((r) => isSelf(s.ref, r))));
    const match = matchVerb(tokens, k, range, candidates.filter((m) => m !== by), patterns, [], isSource, false);
    if (!match || !match.target) continue;
    const targets = withCoordinated(tokens, candidates, match.target, end).filter((m) => !sources.includes(m));
    const places = new Set<Side["ref"]>();
    const targetRefs: Side[] = targets.flatMap((m) => {
      if (m.refs.length > 0) return m.refs.map((ref) => ({ m, ref }));
      if (!m.place) return [];
      const ref = countryRef(m.place.country, ctx.dicts);
      places.add(ref);
      return [{ m, ref }];
    });
    // a bare role takes the one country its clause is about, as in clauses ("protests against government policies")
    const fill = at ? clauseCountry(at.clause, ctx) : null;
    if (fill) for (const x of [...sourceRefs, ...targetRefs]) if (!x.ref.country && (x.m.kind === "agent" || x.m.kind === "pronoun")) x.ref = { ...x.ref, country: fill, code: fill + x.ref.code };
    // "talks between Serbia and Kosovo": with no owner, the parties named act on one another
    const mutual = sourceRefs.length === 0 && targetRefs.length >= 2 && match.pattern.both;
    const clauseMood = at ? moodOf(at.clause, tokens, ctx.docDate) : { mood: "asserted" as Mood, negated: false };
    const mood = nounMood(tokens, k, clauseMood.mood);
    events.push(
      ...recordEvents(
        {
          pattern: match.pattern,
          sources: mutual ? targetRefs : sourceRefs,
          targets: mutual ? [] : targetRefs,
          places,
          mutual,
          mood,
          // a noun is denied only by its own determiner ("no talks"), or as its light verb is ("did not launch an attack")
          negated: tokens[k - 1]?.lower === "no" || (light && clauseMood.negated),
          futureDenied: false,
          attempted: false,
          stance: null,
          defaultTarget: false,
          verb: spanOf(t),
          date: eventDate(ctx.docDate, tokens, at ? at.clause.introStart : 0, at ? at.clause.complement[1] : tokens.length, mood === "intended"),
          location: ctx.datelinePlace,
        },
        ctx,
      ),
    );
  }
  return events;
}
