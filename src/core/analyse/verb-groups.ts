/**
 * Verb groups: the auxiliaries, modals, negation and main verb of a clause
 * ("would not have been attacked"), with voice, tense and modality read off them.
 */
import type { Token } from "./tagger.js";
import { FUTURE_MODALS, HYPOTHETICAL_MODALS, IRREGULAR_PARTICIPLES, NEGATORS, PARTICLES, SPEECH_VERBS, STATE_PARTICIPLES, SUBORDINATORS } from "./grammar.js";

export interface VerbGroup {
  /** Token range [start, end) of the whole group. */
  start: number;
  end: number;
  /** Token index of the main verb (or of the copula when there is none). */
  head: number;
  /** Lemma of the head. */
  lemma: string;
  negated: boolean;
  /** Lemma of the first modal ("will", "would", ...), or null. */
  modal: string | null;
  passive: boolean;
  /** Perfect aspect ("has met"); `pastPerfect` for "had met". */
  perfect: boolean;
  pastPerfect: boolean;
  /** Preceded by "to": part of another verb's complement. */
  infinitive: boolean;
}

// (a plural possessive's bare apostrophe too: "the two nations' disputed boundary")
const POSSESSIVES = new Set(["his", "her", "its", "their", "our", "my", "your", "'s", "'", "\u2019", "\u2019s"]);

export function isParticiple(t: Token): boolean {
  // "was hit", "were cut": a few participles are spelt like the verb itself
  if (t.lower === t.lemma) return IRREGULAR_PARTICIPLES.has(t.lower);
  return /(ed|en|wn|ne)$/.test(t.lower) || IRREGULAR_PARTICIPLES.has(t.lower);
}

/** A participle used as an adjective inside a noun phrase ("Visiting Chinese President", "the disputed islands"). */
function isModifier(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  let b = i - 1;
  while (b > 0 && tokens[b].pos === "ADV" && tokens[b - 1].pos === "ADP") b--; // "of deliberately targeting"
  const before = tokens[b];
  // After a determiner a "verb" is a noun ("the sit-down"); after a preposition, a gerund ("in dealing with").
  if (t.pos === "VERB" && before && (before.pos === "DET" || (before.pos === "ADP" && before.lower !== "to" && /ing$/.test(t.lower)) || POSSESSIVES.has(before.lower))) return true;
  // "the country's most wanted drug lord"
  if (t.pos === "VERB" && before?.pos === "ADV" && /^(most|more|less|least|very|highly|well|so|newly|recently|widely|heavily)$/.test(before.lower) && isParticiple(t) && (tokens[i + 1]?.pos === "NOUN" || tokens[i + 1]?.pos === "ADJ")) return true;
  // "releasing treated water": a participle between a verb and its object's noun
  if (t.pos === "VERB" && before?.pos === "VERB" && isParticiple(t) && (tokens[i + 1]?.pos === "ADJ" || tokens[i + 1]?.pos === "NOUN")) return true;
  // "since securing a third term", "while visiting Paris": a gerund phrase, not a clause with a subject
  if (t.pos === "VERB" && before?.pos === "SCONJ" && /ing$/.test(t.lower)) return true;
  if (t.pos !== "VERB" || !(/ing$/.test(t.lower) || isParticiple(t))) return false;
  const next = tokens[i + 1];
  if (!next || !(next.pos === "NOUN" || next.pos === "PROPN" || next.pos === "ADJ")) return false;
  const prev = tokens[i - 1];
  if (!prev) return /ing$/.test(t.lower);
  return prev.pos === "DET" || prev.pos === "ADJ" || prev.pos === "ADP" || POSSESSIVES.has(prev.lower) || prev.text === "-";
}

function isNegator(t: Token): boolean {
  return NEGATORS.has(t.lower) || NEGATORS.has(t.lemma);
}

/** "nationals detained in China": a participle after a noun, inside a clause that already has its verb. */
function isReducedRelative(tokens: Token[], i: number, groups: VerbGroup[]): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !(prev.pos === "NOUN" || prev.pos === "PROPN")) return false;
  // "Protesters led by a cleric rallied": a participle with its "by" before the clause's own verb
  if (groups.length === 0) return next?.lower === "by" && isParticiple(t) && tokens.slice(i + 2).some((x) => x.pos === "VERB");
  if (SPEECH_VERBS.has(t.lemma)) return false;
  if (/ing$/.test(t.lower)) {
    // "a corruption probe involving gifts", "a ceasefire in Nagorno-Karabakh starting at midday": a present
    // participle after a noun, once the clause has its verb
  } else {
    if (!isParticiple(t)) return false;
    const regular = /ed$/.test(t.lower);
    if (!regular && !IRREGULAR_PARTICIPLES.has(t.lower)) return false;
    // "jewellery brought into", "nationals detained in China", "people killed."
    if (!(next?.pos === "ADP" || (regular && (!next || next.pos === "PUNCT")))) return false;
    // "crowds burned down its embassy": a particle with an object after it makes an active verb
    if (next && PARTICLES.has(next.lower) && /^(DET|PRON|NOUN|PROPN|NUM)$/.test(tokens[i + 2]?.pos ?? "")) return false;
  }
  // "Iran said Israel retaliated on Friday": right after a verb of saying, the noun is a subject
  const last = groups[groups.length - 1];
  let k = i - 1;
  while (k >= last.end && /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[k].pos)) k--;
  if ((k < last.end || tokens[k].lower === "that") && SPEECH_VERBS.has(last.lemma)) return false;
  // "after Calenardhon crowds burned ...": a subordinator right before the noun phrase opens a clause of its own
  if (k >= last.end && SUBORDINATORS.has(tokens[k].lower) && tokens[k].lower !== "that" && (tokens[k].pos === "SCONJ" || tokens[k].pos === "ADP") && !/ing$/.test(t.lower)) return false;
  return true;
}

export function findVerbGroups(tokens: Token[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!(t.pos === "VERB" || t.pos === "AUX") || isModifier(tokens, i) || (t.pos === "VERB" && isReducedRelative(tokens, i, groups))) {
      i++;
      continue;
    }
    let j = i;
    let main = -1;
    let lastAux = -1;
    while (j < tokens.length) {
      const u = tokens[j];
      if (u.pos === "AUX") {
        if (main >= 0) break;
        lastAux = j;
      } else if (u.pos === "VERB") {
        if (main >= 0) break;
        main = j;
      } else if (isNegator(u) || ((u.pos === "ADV" || u.lower === "both" || u.lower === "all") && main < 0 && lastAux >= 0)) {
        // adverbs and negation between auxiliary and main verb ("will also visit", "are both opposed")
        const rest = tokens.slice(j + 1, j + 4).find((x) => !(x.pos === "ADV" || isNegator(x)));
        if (!rest || !(rest.pos === "VERB" || rest.pos === "AUX")) {
          if (!isNegator(u)) break;
        }
      } else break;
      j++;
    }
    // "without being declared", "after having met": a gerund phrase, not a clause
    if ((t.lower === "being" || t.lower === "having") && tokens[i - 1]?.pos === "ADP" && tokens[i - 1].lower !== "to") {
      i = Math.max(j, i + 1);
      continue;
    }
    let head = main >= 0 ? main : lastAux >= 0 ? lastAux : i;
    let end = Math.max(j, head + 1);
    const auxes = tokens.slice(i, head).filter((x) => x.pos === "AUX" || x.pos === "VERB");
    const be = auxes.find((x) => x.lemma === "be" || x.lemma === "get");
    let passive = !!be && head !== be.i && tokens[head].pos === "VERB" && isParticiple(tokens[head]);
    // "are opposed to", "is committed to": a state, not a passive of oppose/commit.
    const after = tokens[head + 1];
    if (passive && be && STATE_PARTICIPLES.has(tokens[head].lower) && after && /^(to|about|in|with)$/.test(after.lower)) {
      passive = false;
      head = be.i;
      end = head + 1;
      while (end < tokens.length && (tokens[end].pos === "ADV" || isNegator(tokens[end]) || tokens[end].lower === "both")) end++;
    }
    const have = auxes.find((x) => x.lemma === "have");
    const perfect = !!have && isParticiple(tokens[head]) && have.i < head;
    const modalTok = tokens.slice(i, head + 1).find((x) => x.pos === "AUX" && (FUTURE_MODALS.has(x.lower) || FUTURE_MODALS.has(x.lemma) || HYPOTHETICAL_MODALS.has(x.lower) || HYPOTHETICAL_MODALS.has(x.lemma)));
    let k = i - 1;
    while (k >= 0 && tokens[k].pos === "ADV") k--;
    groups.push({
      start: i,
      end,
      head,
      lemma: tokens[head].lemma,
      negated: tokens.slice(i, end).some(isNegator),
      modal: modalTok ? (FUTURE_MODALS.has(modalTok.lower) || FUTURE_MODALS.has(modalTok.lemma) ? "will" : modalTok.lemma) : null,
      passive,
      perfect,
      pastPerfect: perfect && !!have && (have.lower === "had" || have.lower === "'d"),
      infinitive: k >= 0 && tokens[k].lower === "to" && tokens[k].pos === "PART",
    });
    i = end;
  }
  return groups;
}
