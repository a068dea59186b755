/**
 * Shallow clause structure: for each finite verb group, where its subject is
 * (or which clause it borrows one from), where its complement runs, and how
 * it hangs in the sentence (main, coordinated, relative, embedded after a
 * verb of saying, or a speech frame such as ", said Xi").
 */
import type { Token } from "./tagger.js";
import { findVerbGroups, type VerbGroup } from "./verb-groups.js";
import {
  CONDITIONALS,
  DIRECTIVE_VERBS,
  FAILURE_VERBS,
  HYPOTHETICAL_VERBS,
  ATTEMPT_VERBS,
  DECISION_VERBS,
  INTENT_VERBS,
  RELATIVE_PRONOUNS,
  SPEECH_VERBS,
  SUBORDINATORS,
  WITNESS_VERBS,
} from "./grammar.js";

export type ClauseKind = "main" | "coordinate" | "relative" | "embedded" | "frame";

/** How a catenative verb before the event verb colours it ("plans to visit", "failed to reach"). */
/** What a verb before an infinitive says of it: planned, possible, failed, witnessed ("was seen to break in") or begun. */
export type Catenative = "intended" | "hypothetical" | "attempted" | "decided" | "failed" | "witnessed" | "begun" | null;

export interface Clause {
  vg: VerbGroup;
  kind: ClauseKind;
  /** Token range of the clause's own subject, or null when it borrows one. */
  subject: [number, number] | null;
  /** The clause whose subject this one shares (coordinated verbs, parenthetical frames). */
  subjectFrom: Clause | null;
  /** For relative clauses: the subject is the noun phrase ending at this token index. */
  antecedentEnd: number | null;
  /** Token range of what follows the verb group up to the next clause. */
  complement: [number, number];
  /** Where the clause begins, including its subordinator or conjunction. */
  introStart: number;
  /** Introduced by "if" or "unless". */
  conditional: boolean;
  catenative: Catenative;
  /** The catenative verb group itself was negated ("did not plan to"). */
  catenativeNegated: boolean;
  /** The catenative verb's lemma ("need" in "needs to withdraw"), when there is one. */
  catenativeVerb?: string;
  /** For an embedded clause: the clause whose verb governs it ("demanded [that Russia withdraw]"). */
  parent: Clause | null;
  /** For a parenthetical frame: the subject it interrupts, which belongs to the next clause. */
  heldSubject?: [number, number];
}

const isWord = (t: Token) => t.pos !== "PUNCT" && t.pos !== "SYM";
const CATENATIVE_ADJECTIVES = new Set(["due", "set", "likely", "unlikely", "poised", "slated", "expected", "scheduled", "about", "ready", "prepared", "willing"]);

function hasWords(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWord(tokens[i])) return true;
  return false;
}

export function findClauses(tokens: Token[]): Clause[] {
  const groups = findVerbGroups(tokens);
  const clauses: Clause[] = [];
  let prevGroup: VerbGroup | null = null;
  let prevWasInfinitive = false;

  for (const vg of groups) {
    const before = (() => {
      let k = vg.start - 1;
      while (k >= 0 && tokens[k].pos === "ADV") k--;
      return k;
    })();
    const prevTok = before >= 0 ? tokens[before] : null;
    // A base-form verb coordinated with an infinitive is an infinitive too ("to cement ties and strengthen ...").
    const coordinatedInfinitive = prevWasInfinitive && prevTok?.pos === "CCONJ" && tokens[vg.head].lower === tokens[vg.head].lemma;
    // "to stop fighting", "to keep shelling": a gerund right after an infinitive belongs to it
    const gerundOfInfinitive = prevWasInfinitive && prevGroup !== null && vg.start === prevGroup.end && /ing$/.test(tokens[vg.head].lower) && !vg.passive;
    // "accused Russia of (having) attacking", "blamed Iran for sending": a gerund after "of" or "for" is what the verb
    // before it is about, not a clause of its own
    let opens = vg.start - 1;
    while (opens > 0 && /^(having|being|been)$/.test(tokens[opens].lower)) opens--;
    const gerundOfNoun = /^(of|for)$/.test(tokens[opens]?.lower ?? "") && (opens < vg.start - 1 || /ing$/.test(tokens[vg.start].lower) || /ing$/.test(tokens[vg.head].lower));
    if (vg.infinitive || coordinatedInfinitive || gerundOfInfinitive || gerundOfNoun) {
      vg.infinitive = true;
      prevGroup = vg;
      prevWasInfinitive = true;
      continue;
    }
    prevWasInfinitive = false;
    const gapStart = prevGroup ? prevGroup.end : 0;
    const last = clauses[clauses.length - 1] ?? null;
    // "began shelling", "stop selling": a gerund right after a verb completes it
    if (last && prevGroup === last.vg && vg.start === gapStart && /ing$/.test(tokens[vg.head].lower) && !vg.passive) {
      if (ASPECTUAL.has(last.vg.lemma)) {
        if (STOPPING.has(last.vg.lemma)) last.catenative = "failed";
        last.catenativeNegated = last.vg.negated;
        // "will begin sharing": the gerund keeps the modal and aspect of the verb it completes
        last.vg = { ...vg, modal: last.vg.modal, perfect: last.vg.perfect, pastPerfect: last.vg.pastPerfect };
      }
      prevGroup = vg;
      continue;
    }
    const clause: Clause = {
      vg,
      kind: "main",
      subject: null,
      subjectFrom: null,
      antecedentEnd: null,
      complement: [vg.end, tokens.length],
      introStart: gapStart,
      conditional: false,
      catenative: null,
      catenativeNegated: false,
      parent: null,
    };

    // "WHO" in capitals is the organisation, not the pronoun
    if (prevTok && ((RELATIVE_PRONOUNS.has(prevTok.lower) && prevTok.text !== "WHO") || (prevTok.lower === "that" && before > gapStart))) {
      clause.kind = "relative";
      clause.introStart = before > 0 && tokens[before - 1].text === "," ? before - 1 : before;
      clause.antecedentEnd = clause.introStart;
    } else if (last && last.kind === "relative" && prevTok?.text === "," && last.antecedentEnd !== null) {
      // "Xi, who arrived on Monday, met Putin": the comma closes the relative clause.
      clause.introStart = before;
      clause.antecedentEnd = last.antecedentEnd;
    } else if (prevTok && prevTok.pos === "CCONJ" && last) {
      clause.kind = "coordinate";
      const comma = before > 0 && tokens[before - 1].text === ",";
      clause.introStart = comma ? before - 1 : before;
      // ", and agreed" hangs on the last main clause; "and agreed" on the clause just before.
      const outer = [...clauses].reverse().find((c) => c.kind === "main") ?? last;
      clause.subjectFrom = comma ? outer : last.kind === "relative" || last.kind === "frame" ? outer : last;
      // "demanded that Russia declare a ceasefire and withdraw": the second verb is as wanted as the first
      clause.parent = clause.subjectFrom.parent;
    } else {
      let split = gapStart;
      let found = false;
      // "over remarks he made": a relative clause without its pronoun
      const pron = tokens[vg.start - 1];
      const contact =
        vg.start - 2 >= gapStart &&
        /^(he|she|they|we|it)$/.test(pron?.lower ?? "") &&
        /^(NOUN|PROPN)$/.test(tokens[vg.start - 2].pos) &&
        !CALENDAR_WORD.test(tokens[vg.start - 2].lower) &&
        !(prevGroup && SPEECH_OR_COMPLEMENT.has(prevGroup.lemma));
      if (contact) {
        split = vg.start - 1;
        found = true;
        clause.kind = "relative";
      }
      for (let k = vg.start - 1; k >= gapStart && !contact; k--) {
        const t = tokens[k];
        // "after a rift, the agency said": a subordinator before the comma opened another clause
        if (t.text === "," && k < vg.start - 1) break;
        if (SUBORDINATORS.has(t.lower) && (t.pos === "SCONJ" || t.pos === "ADP" || t.pos === "PRON" || t.pos === "ADV" || t.lower === "that" || t.lower === "if")) {
          split = k;
          found = true;
          clause.kind = "embedded";
          clause.conditional = CONDITIONALS.has(t.lower);
          break;
        }
        // "controls, which it announced": a relative clause with a subject of its own
        if (RELATIVE_PRONOUNS.has(t.lower) && t.text !== "WHO") {
          split = k;
          found = true;
          clause.kind = "relative";
          break;
        }
      }
      let splitIsToken = found;
      // "X agreed to a truce, the minister said": a verb of saying after a comma frames the sentence; it is not
      // what "agreed" took as its content
      const frameAfterComma = SPEECH_VERBS.has(vg.lemma) && tokens.slice(gapStart, vg.start).some((t) => t.text === ",");
      if (!found && prevGroup && SPEECH_OR_COMPLEMENT.has(prevGroup.lemma) && !frameAfterComma) {
        clause.kind = "embedded";
        found = true;
      }
      if (!found && prevGroup) {
        for (let k = vg.start - 1; k >= gapStart; k--) {
          const t = tokens[k];
          if (t.text === "," || t.text === ";" || t.text === ":" || t.lower === "but" || t.lower === "while" || t.text === "\u201c" || t.text === '"') {
            split = k;
            found = true;
            splitIsToken = true;
            break;
          }
        }
        if (!found) {
          for (let k = gapStart; k < vg.start; k++) {
            if (tokens[k].lower === "and" || tokens[k].lower === "or") {
              split = k;
              found = true;
              splitIsToken = true;
              break;
            }
          }
        }
        // "the militia fighting the army in Darfur has signed ...", "a man arrested in Paris said ...": a bare
        // participle right after a noun is a reduced relative; the finite verb after it is its noun's
        if (!found && last && last.vg === prevGroup && reducedRelative(tokens, last) && finite(tokens, vg)) {
          clause.introStart = vg.start;
          clause.subject = last.subject;
          clauses.push(clause);
          prevGroup = vg;
          continue;
        }
        if (!found && !/^(being|having)$/.test(tokens[vg.start].lower)) {
          // a run-on with no comma or conjunction ("ties with Libya almost crowds trashed its embassy"):
          // the new verb's subject is only the noun phrase right before it
          let k = vg.start - 1;
          while (k >= gapStart && (/^(NOUN|PROPN|ADJ|DET|NUM)$/.test(tokens[k].pos) || /^(its|their|his|her|our)$/.test(tokens[k].lower))) k--;
          if (k >= gapStart && k + 1 < vg.start) {
            split = k + 1;
            found = true;
          }
        }
      }
      clause.introStart = split;
      let subjStart = splitIsToken ? split + 1 : split;
      // "told CNN he would ...", "assured Kenya it will ...": the person told comes first; the subject is the pronoun
      if (clause.kind === "embedded") {
        for (let k = vg.start - 1; k > subjStart; k--) {
          if (tokens[k].pos === "PRON" && /^(he|she|it|they|we|i)$/.test(tokens[k].lower)) {
            subjStart = k;
            break;
          }
        }
      }
      clause.subject = [subjStart, vg.start];
      if (!hasWords(tokens, subjStart, vg.start)) {
        clause.subject = null;
        if (last && last.kind === "relative") {
          clause.antecedentEnd = last.antecedentEnd;
          clause.subjectFrom = clauses.find((c) => c.vg.end <= (last.antecedentEnd ?? 0) && c.kind !== "frame") ?? null;
          clause.kind = "main";
        } else if (last && last.kind === "frame" && last.heldSubject) {
          // "China and Russia, they stressed, are opposed ...": the subject stands before the frame.
          clause.subject = last.heldSubject;
        } else if (last) {
          clause.subjectFrom = last;
        }
      }
    }

    if (clause.kind === "embedded" && last && last.vg.end <= clause.introStart + 1 && last.kind !== "frame") clause.parent = last;
    if (SPEECH_VERBS.has(vg.lemma)) markSpeechFrame(tokens, clause);
    clauses.push(clause);
    prevGroup = vg;
  }

  setComplements(tokens, clauses, groups);
  return clauses;
}

/** Speech frames: ", said Xi", ", Xi said", ", he added": a clause of saying that frames the sentence has no event of its own. */
function markSpeechFrame(tokens: Token[], clause: Clause): void {
  const vg = clause.vg;
  const afterFrame = frameEnd(tokens, vg.end);
  const closesSentence = afterFrame >= tokens.length || tokens[afterFrame].text === "," || tokens[afterFrame].lower === "adding" || tokens.slice(afterFrame).every((t) => t.pos === "PUNCT");
  const subj = clause.subject;
  if (subj && tokens[afterFrame]?.text === ",") {
    // A parenthetical frame inside the subject: "China and Russia, they stressed, are ..."
    let c = -1;
    for (let k = subj[1] - 1; k >= subj[0]; k--) if (tokens[k].text === ",") { c = k; break; }
    if (c > subj[0] && subj[1] - c <= 5 && !tokens.slice(c + 1, subj[1]).some((t) => t.pos === "VERB")) {
      clause.heldSubject = [subj[0], c];
      clause.subject = [c + 1, subj[1]];
      clause.introStart = c;
    }
  }
  const opener = tokens[clause.introStart];
  if (opener && (opener.text === "," || opener.text === "\u201d" || opener.text === '"') && closesSentence) {
    clause.kind = "frame";
    if (!clause.subject) {
      clause.subject = [vg.end, afterFrame];
      clause.subjectFrom = null;
    }
  } else if (clause.subject === null && clause.subjectFrom === null && closesSentence && opener && /[,”"]/.test(opener.text)) {
    clause.kind = "frame";
    clause.subject = [vg.end, afterFrame];
  }
}

/** Each clause's complement: from its verb (or a frame's subject) to the next clause, or further for a directive's aim. */
function setComplements(tokens: Token[], clauses: Clause[], groups: VerbGroup[]): void {
  for (let c = 0; c < clauses.length; c++) {
    const next = clauses[c + 1];
    const end = next ? next.introStart : tokens.length;
    const cl = clauses[c];
    const from = cl.kind === "frame" && cl.subject && cl.subject[0] >= cl.vg.end ? cl.subject[1] : cl.vg.end;
    // "demanded that Washington stop ...": the embedded subject is also what the demand is aimed at.
    const reach = next && next.parent === cl && next.subject && DIRECTIVE_VERBS.has(cl.vg.lemma) ? next.subject[1] : end;
    cl.complement = [Math.min(from, Math.max(reach, from)), Math.max(reach, from)];
    applyCatenative(cl, groups, tokens);
  }
}

/** A main clause whose verb is one bare participle right after its subject's noun: "the coalition fighting ...". */
function reducedRelative(tokens: Token[], c: Clause): boolean {
  const { vg } = c;
  if (c.kind !== "main" || !c.subject || c.subject[1] !== vg.start || vg.start !== vg.head || vg.end !== vg.head + 1) return false;
  const before = tokens[vg.start - 1];
  if (!before || !/^(NOUN|PROPN)$/.test(before.pos) || CALENDAR_WORD.test(before.lower)) return false;
  const verb = tokens[vg.head];
  return /ing$/.test(verb.lower) && verb.lower !== verb.lemma ? true : verb.lower !== verb.lemma && /ed$/.test(verb.lower);
}

/** A verb group with a tense of its own: an auxiliary or modal, or a tensed verb that is no gerund. */
function finite(tokens: Token[], vg: VerbGroup): boolean {
  if (vg.head > vg.start || vg.modal) return true;
  return !/ing$/.test(tokens[vg.head].lower);
}

const CALENDAR_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|month|year|night|morning|evening)$/;
const ASPECTUAL = new Set(["begin", "start", "continue", "keep", "resume", "stop", "cease", "quit", "finish", "halt", "end"]);
const STOPPING = new Set(["stop", "cease", "quit", "halt", "end"]);
const SPEECH_OR_COMPLEMENT = new Set([...SPEECH_VERBS, "agree", "believe", "think", "expect", "hope", "fear", "warn", "deny", "accept", "insist", "doubt", "feel", "hear", "learn", "see", "show", "mean", "decide", "understand"]);

function frameEnd(tokens: Token[], from: number): number {
  let k = from;
  while (k < tokens.length && tokens[k].text !== "," && tokens[k].pos !== "PUNCT" && !RELATIVE_PRONOUNS.has(tokens[k].lower) && tokens[k].lower !== "adding") k++;
  return k;
}

/** "plans to visit", "is expected to sign", "failed to reach": the event is the infinitive. */
function applyCatenative(cl: Clause, groups: VerbGroup[], tokens: Token[]): void {
  const vg = cl.vg;
  let kind: Catenative = null;
  const head = tokens[vg.head];
  let k = vg.end;
  if (head.lemma === "be" && tokens[k] && CATENATIVE_ADJECTIVES.has(tokens[k].lower)) {
    kind = tokens[k].lower === "likely" || tokens[k].lower === "unlikely" ? "hypothetical" : "intended";
    k++;
  } else if (INTENT_VERBS.has(vg.lemma) || head.lower === "going") kind = "intended";
  else if (HYPOTHETICAL_VERBS.has(vg.lemma)) kind = "hypothetical";
  else if (ATTEMPT_VERBS.has(vg.lemma)) kind = "attempted";
  else if (DECISION_VERBS.has(vg.lemma)) kind = "decided";
  else if (FAILURE_VERBS.has(vg.lemma)) kind = "failed";
  // "was seen to break into", "is known to have met": the infinitive is the event, reported as fact
  else if (vg.passive && WITNESS_VERBS.has(vg.lemma)) kind = "witnessed";
  // "has begun to question", "continued to shell": the infinitive is happening ("stopped to talk" is a purpose)
  else if (ASPECTUAL.has(vg.lemma) && !STOPPING.has(vg.lemma)) kind = "begun";
  if (!kind) return;
  while (k < tokens.length && tokens[k].pos === "ADV") k++;
  if (tokens[k]?.lower !== "to") return;
  const inf = groups.find((g) => g.start > k && g.start <= k + 3 && g.infinitive);
  if (!inf || inf.start >= cl.complement[1]) return;
  cl.catenative = kind;
  cl.catenativeNegated = vg.negated;
  cl.catenativeVerb = vg.lemma;
  cl.vg = inf;
  cl.complement = [inf.end, cl.complement[1]];
}
