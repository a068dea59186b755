/**
 * Whether a clause reports a new event: asserted, merely intended, hypothetical,
 * or background ("had met", "since 2013", "their third meeting").
 */
import type { Clause } from "../analyse/clauses.js";
import { DIRECTIVE_VERBS, SPEECH_VERBS } from "../analyse/grammar.js";
import type { Token } from "../analyse/tagger.js";
import type { Mood } from "../types.js";

const FUTURE_TIME = /^(tomorrow|next|upcoming|later)$/;

export function moodOf(clause: Clause, tokens: Token[], docDate: string | null): { mood: Mood; negated: boolean } {
  const vg = clause.vg;
  // "had no talks", "reached no agreement"
  const negated = vg.negated || clause.catenativeNegated || clause.catenative === "failed" || tokens[clause.complement[0]]?.lower === "no";
  const [from, to] = [clause.subject ? Math.min(clause.subject[0], vg.start) : vg.start, clause.complement[1]];
  if (clause.conditional) return { mood: "hypothetical", negated };
  if (clause.parent && DIRECTIVE_VERBS.has(clause.parent.vg.lemma)) return { mood: "hypothetical", negated };
  if (clause.catenative === "intended") return { mood: "intended", negated };
  // an attempt is not yet the act; the assembly makes an attempt at force one (`attemptCounts`)
  if (clause.catenative === "hypothetical" || clause.catenative === "attempted") return { mood: "hypothetical", negated };
  if (vg.modal === "will") return { mood: "intended", negated };
  // "said it would investigate": the future of reported speech
  if (vg.modal === "would" && clause.kind === "embedded" && clause.parent && SPEECH_VERBS.has(clause.parent.vg.lemma)) return { mood: "intended", negated };
  if (vg.modal) return { mood: "hypothetical", negated };
  // "Russia said it had expelled the diplomats": under a verb of saying in the past, the past perfect is the
  // reported simple past ("we expelled them"), a new event; elsewhere it is background ("had met before")
  const backshifted = clause.kind === "embedded" && clause.parent !== null && SPEECH_VERBS.has(clause.parent.vg.lemma) && /ed$|^said$|^told$/.test(tokens[clause.parent.vg.head].lower);
  if (vg.pastPerfect && !backshifted) return { mood: "reported-past", negated };
  // "the group that has seized parts of Iraq": a relative clause in the perfect describes, it does not report
  if (vg.perfect && clause.kind === "relative") return { mood: "reported-past", negated };
  const docYear = docDate ? Number(docDate.slice(0, 4)) : null;
  for (let i = from; i < to; i++) {
    // "Canadians detained in China last month": time words after a participle belong to it, not to the event
    if (i > vg.end && tokens[i].pos === "VERB") break;
    const w = tokens[i].lower;
    const next = tokens[i + 1]?.lower ?? "";
    if (w === "since" && /^\d{4}$/.test(next)) return { mood: "reported-past", negated };
    if (w === "ago" || w === "previously" || w === "formerly" || (w === "earlier" && next === "this")) return { mood: "reported-past", negated };
    if (w === "last" && (next === "year" || next === "month")) return { mood: "reported-past", negated };
    if (w === "in" && /^\d{4}$/.test(next) && docYear !== null && Number(next) < docYear) return { mood: "reported-past", negated };
    // "will meet next week" is a plan; "met ahead of next week's summit" is not.
    const modifiesNoun = tokens[i + 2]?.lower === "'s" || tokens[i + 1]?.lower === "'s" || /^(of|ahead|before|until|for)$/.test(tokens[i - 1]?.lower ?? "");
    if (FUTURE_TIME.test(w) && !modifiesNoun && (w !== "next" || /^(week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(next))) {
      if (w === "later" && next !== "this") continue;
      return { mood: "intended", negated };
    }
  }
  return { mood: "asserted", negated };
}
