/**
 * Reported demands: "the minister said North Korea must give up its weapons", "demanded that Serbia hold talks".
 * The speaker demands (with "should", or after "urged that", appeals for) the act, aimed at whoever is to act.
 */
import type { Clause } from "../analyse/clauses.js";
import { statedAct } from "../dictionary/ontology.js";
import type { VerbPattern } from "../dictionary/verbs.js";
import { matchVerb } from "../match/verb-patterns.js";
import type { Event } from "../types.js";
import { spanOf, type SentenceContext } from "./context.js";
import { clausePatterns } from "./frames.js";
import { moodOf } from "./mood.js";
import { inRange, sourcesOf } from "./participants.js";
import { locationOf } from "./places.js";
import { recordEvents } from "./records.js";
import { obligation } from "./stated-acts.js";
import { eventDate } from "./time.js";

/** A pattern for a demand or appeal whose act no verb pattern knows ("said Iran must do more"). */
function wholeStatement(row: { code: string; rule: string }): VerbPattern {
  return { code: row.code, lemma: "", before: [], elements: [], adjacent: false, absorbsNegation: false, both: false, subjectTarget: false, inverse: false, plural: false, placeTarget: false, noun: false, reverse: null, specificity: 0, rule: row.rule, text: "*" };
}

/** The demand's events, coded by the act; null where the clause is no such report. */
export function obligedEvents(clause: Clause, ctx: SentenceContext): Event[] | null {
  const { tokens } = ctx.sentence;
  const vg = clause.vg;
  const obliged = ctx.statedActs && !vg.passive && clause.kind === "embedded" && clause.parent ? obligation(clause) : null;
  if (!obliged || !clause.parent) return null;
  const speakers = sourcesOf(clause.parent, ctx).flatMap((m) => m.refs.map((ref) => ({ m, ref })));
  const addressees = sourcesOf(clause, ctx).flatMap((m) => m.refs.map((ref) => ({ m, ref })));
  if (speakers.length === 0 || addressees.length === 0) return [];
  const patterns = clausePatterns(clause, ctx);
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
