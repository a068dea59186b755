/**
 * Stated acts, as CAMEO codes them: an act a sentence says an actor will do, promised, offered or agreed to
 * do is an expression of intent (03x), an act of force so stated a threat (13x), and one it will not do or
 * refused to do a rejection (12x). The act's own code stays on the event as `intendedCode`. The table is
 * data (ontology/stated-acts.txt); here is only when it applies.
 */
import type { Token } from "../analyse/tagger.js";
import type { Clause } from "../analyse/clauses.js";
import { SPEECH_VERBS } from "../analyse/grammar.js";
import type { Mention } from "../match/mentions.js";
import { statedAct, type Ontology, type Stance } from "../dictionary/ontology.js";
import type { Event, Mood } from "../types.js";

/**
 * Whether an event counts in aggregates, as in the field: asserted and not denied, or a stated act (an intent,
 * threat or refusal, whose statement is itself the event).
 */
export function countsAsEvent(e: Pick<Event, "mood" | "negated" | "intendedCode">): boolean {
  return !e.negated && (e.mood === "asserted" || e.intendedCode !== null);
}

/** Verbs whose infinitive is an act they state: "agreed to release", "refused to meet", "threatened to strike". */
export const STANCE_VERBS: ReadonlyMap<string, Stance> = new Map([
  ...["agree", "promise", "pledge", "vow", "offer", "undertake", "threaten", "volunteer", "commit"].map((v): [string, Stance] => [v, "intend"]),
  ...["refuse", "decline"].map((v): [string, Stance] => [v, "refuse"]),
]);

/** Where the infinitive after a stance verb is ("agreed on Monday to hand over"), or -1. */
export function stancedInfinitive(tokens: Token[], from: number, to: number): number {
  let k = from;
  while (k < to && (tokens[k].pos === "ADV" || tokens[k].pos === "ADP" || tokens[k].pos === "PROPN" || tokens[k].pos === "NOUN" || tokens[k].pos === "DET") && tokens[k].lower !== "to" && k - from < 4) k++;
  // "agreed not to attack" promises restraint, which is no act of the table
  if (tokens[k]?.lower !== "to" || tokens[k - 1]?.lower === "not") return -1;
  k++;
  while (k < to && tokens[k].pos === "ADV") k++;
  return k < to && tokens[k].pos === "VERB" ? k : -1;
}

/** Verbs that ask someone to act: their addressee is the target, the act they ask for gives the code. */
export const ASKING_VERBS: ReadonlyMap<string, Stance> = new Map([
  ...["urge", "ask", "call", "appeal", "press", "encourage", "implore", "beg", "request", "recommend", "suggest", "propose"].map((v): [string, Stance] => [v, "appeal"]),
  ...["demand", "insist"].map((v): [string, Stance] => [v, "demand"]),
]);

/**
 * "urged Iran to release", "called on Russia to withdraw": the addressee and where its infinitive is, or null.
 */
export function addresseeInfinitive(tokens: Token[], mentions: Mention[], from: number, to: number): { addressee: Mention[]; inf: number } | null {
  let k = from;
  if (/^(on|upon)$/.test(tokens[k]?.lower ?? "")) k++;
  const first = mentions.find((m) => m.start >= k && m.start <= k + 2 && m.refs.length > 0 && tokens.slice(k, m.start).every((t) => t.pos === "DET" || t.pos === "ADJ"));
  if (!first) return null;
  const addressee = [first];
  let i = mentions.indexOf(first);
  while (mentions[i + 1] && /^(and|,|, and)$/.test(tokens.slice(mentions[i].end, mentions[i + 1].start).map((t) => t.lower).join(" "))) addressee.push(mentions[++i]);
  let j = addressee[addressee.length - 1].end;
  if (tokens[j]?.lower !== "to") return null;
  j++;
  while (j < to && tokens[j].pos === "ADV") j++;
  return j < to && tokens[j].pos === "VERB" ? { addressee, inf: j } : null;
}

/**
 * How a clause obliges its subject, as reported by the clause it depends on: "said Y must" or "demanded that Y"
 * is a demand; "said Y should" or "urged that Y" an appeal; else null.
 */
export function obligation(clause: Clause): Stance | null {
  const parent = clause.parent?.vg.lemma ?? "";
  const asked = ASKING_VERBS.get(parent);
  if (asked) return asked;
  if (!SPEECH_VERBS.has(parent)) return null;
  const modal = clause.vg.modal;
  if (modal === "must" || (clause.catenative === "hypothetical" && (clause.catenativeVerb === "have" || clause.catenativeVerb === "need"))) return "demand";
  if (modal === "should" || modal === "ought") return "appeal";
  return null;
}

export interface StatedCode {
  code: string;
  intendedCode: string | null;
  negated: boolean;
  mood: Mood;
}

/**
 * The code an act gets as the sentence states it. `stance` is the stance verb's, when the act is its
 * infinitive; otherwise the mood decides: an intended act is intended, and an act denied with "will not",
 * "would not" or "failed to" (`futureDenied`) is refused.
 */
export function statedCode(act: string, mood: Mood, negated: boolean, futureDenied: boolean, stance: Stance | null, onto: Ontology): StatedCode {
  const as = (s: Stance, keepNegation: boolean): StatedCode | null => {
    const row = statedAct(s, act, onto);
    return row ? { code: row.code, intendedCode: act, negated: keepNegation && negated, mood } : null;
  };
  if (stance) return as(stance, true) ?? { code: act, intendedCode: null, negated, mood };
  // "will not end the embargo", "failed to reach agreement": a denied act the actor holds back is a refusal
  if (negated && futureDenied) {
    const refused = as("refuse", false);
    if (refused) return refused;
  }
  if (mood === "intended" && !negated) return as("intend", false) ?? { code: act, intendedCode: null, negated, mood };
  return { code: act, intendedCode: null, negated, mood };
}
