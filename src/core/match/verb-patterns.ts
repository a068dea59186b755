/**
 * Matches a clause against the verb patterns of its verb: words in order
 * after the verb (others may come between), `+` for the target.
 */
import type { Token } from "../analyse/tagger.js";
import { LOCATIVE_PREPOSITIONS, PARTICLES, TARGETING_NOUNS, TOPIC_PREPOSITIONS } from "../analyse/grammar.js";
import type { VerbPattern } from "../dictionary/verbs.js";
import type { Mention } from "./mentions.js";

const QUANTITIES = /^(dozens|hundreds|thousands|tens|millions|scores|dozen|hundred|thousand|million|number|group|groups|some|many|most|all|each|several|one|two|three|four|five|six|seven|eight|nine|ten|members|supporters|crowds|crowd)$/;

export interface VerbMatch {
  pattern: VerbPattern;
  /** The mention the pattern's `+` fell on, or null when the pattern has none. */
  target: Mention | null;
  /** Token index just after the pattern's last word: "sanctions on Iran" aims "on" at the target. */
  wordsEnd: number;
}

/** At most this many words between a pattern's verb and each of its words: "truce" ten words on is another story. */
const MAX_GAP = 8;

/** Prepositions that, right after the verb in a pattern, make it a prepositional verb ("call on", "meet with"). */
const VERB_PREPOSITIONS = new Set(["on", "for", "with", "to", "at", "against", "into", "in", "over", "about", "from", "of", "off", "up", "out", "down", "back"]);

/**
 * "called the attack on parliament" is no "call on": a verb's own preposition may follow adverbials
 * ("met on Monday with Xi") but not an object of its own.
 */
function objectBefore(tokens: Token[], from: number, at: number): boolean {
  let inPhrase = false;
  for (let k = from; k < at; k++) {
    const t = tokens[k];
    if (t.pos === "ADP" || t.pos === "PUNCT") inPhrase = t.pos === "ADP";
    else if (!inPhrase && (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON" || t.pos === "DET" || t.pos === "NUM")) return true;
  }
  return false;
}

/** A verb's patterns by the words that can open them: `led` from each such word, `unled` those opened by no word. */
interface LeadIndex {
  led: Map<string, number[]>;
  unled: number[];
}

/** Built on first use for each verb's patterns; kept as long as the dictionaries are. */
const leadIndexes = new WeakMap<readonly VerbPattern[], LeadIndex>();

function leadIndex(patterns: readonly VerbPattern[]): LeadIndex {
  let index = leadIndexes.get(patterns);
  if (!index) {
    index = { led: new Map(), unled: [] };
    for (let p = 0; p < patterns.length; p++) {
      const lead = patterns[p].elements[0];
      if (lead?.kind !== "words") {
        index.unled.push(p);
        continue;
      }
      for (const w of lead.firsts) {
        const list = index.led.get(w);
        if (list) list.push(p);
        else index.led.set(w, [p]);
      }
    }
    leadIndexes.set(patterns, index);
  }
  return index;
}

/**
 * The patterns that may match a complement starting at `from`, in dictionary order. A pattern that opens with
 * words matches only where one of them stands within MAX_GAP words of the complement's start (see findWords),
 * so a verb with 150 patterns ("demand") tries the few whose first words are there.
 */
function candidatePatterns(tokens: Token[], from: number, to: number, patterns: readonly VerbPattern[]): VerbPattern[] {
  const index = leadIndex(patterns);
  const found = index.unled.slice();
  for (let q = from; q < to && q - from <= MAX_GAP; q++) {
    const byKey = index.led.get(tokens[q].key);
    if (byKey) found.push(...byKey);
    const byLemma = tokens[q].lemmaKey === tokens[q].key ? undefined : index.led.get(tokens[q].lemmaKey);
    if (byLemma) found.push(...byLemma);
  }
  found.sort((a, b) => a - b);
  const out: VerbPattern[] = [];
  for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) out.push(patterns[found[i]]);
  return out;
}

function findWords(tokens: Token[], from: number, to: number, options: string[][], accepts: Set<string>[][], first = false, exact = false): number {
  let best = -1;
  for (let o = 0; o < options.length; o++) {
    const opt = options[o];
    const acc = accepts[o];
    const prepositional = first && VERB_PREPOSITIONS.has(opt[0]);
    for (let q = from; q + opt.length <= to && q - from <= MAX_GAP; q++) {
      if (best >= 0 && q >= best) break;
      if (prepositional && q > from && objectBefore(tokens, from, q)) break;
      let ok = true;
      for (let k = 0; k < opt.length && ok; k++) {
        const t = tokens[q + k];
        ok = acc[k].has(t.key) || (t.lemmaKey === opt[k] && !exact);
      }
      if (ok) {
        best = q + opt.length;
        break;
      }
    }
  }
  return best;
}

/** The preposition a mention's phrase hangs on ("with" in "with the Chinese president"), if any. */
export function prepositionBefore(tokens: Token[], m: Mention, floor: number): string | null {
  const k = prepositionIndex(tokens, m, floor);
  return k >= 0 ? tokens[k].lower : null;
}

/** Index of the preposition a mention hangs on, or -1. */
export function prepositionIndex(tokens: Token[], m: Mention, floor: number): number {
  let k = m.start - 1;
  while (k >= floor && (tokens[k].pos === "DET" || tokens[k].pos === "ADJ" || tokens[k].pos === "NUM" || /^(his|her|its|their|our)$/.test(tokens[k].lower))) k--;
  if (k >= floor && (tokens[k].pos === "ADP" || tokens[k].lower === "to")) {
    // "dozens of protesters", "thousands of Israeli protesters": a quantity, not a prepositional phrase
    if (tokens[k].lower === "of" && k > 0 && (tokens[k - 1].pos === "NUM" || QUANTITIES.test(tokens[k - 1].lower))) return -1;
    // "more than 140 civilians"
    if (tokens[k].lower === "than" && k > 0 && /^(more|less|fewer)$/.test(tokens[k - 1].lower)) return -1;
    return k;
  }
  return -1;
}

/** Words between a verb and the place it takes: "seized the port city of Hodeidah". */
const PLACE_NOUNS = new Set(["city", "town", "village", "port", "capital", "province", "region", "district", "area", "enclave", "stronghold", "base", "airport", "border", "crossing", "of"]);

/** Is the place at `at` the object of the verb whose object starts at `from`: "seized the port city of Hodeidah"? */
function placeObject(tokens: Token[], from: number, at: number): boolean {
  if (at - from > 6) return false;
  for (let k = from; k < at; k++) if (!/^(DET|ADJ|NUM)$/.test(tokens[k].pos) && !PLACE_NOUNS.has(tokens[k].lemma) && tokens[k].text !== "-") return false;
  return true;
}

/** Can this mention be a target that no pattern word pointed at? Not a topic ("talks on Syria") nor a venue ("met in Moscow"). */
export function isFreeTarget(tokens: Token[], m: Mention, floor: number, wordsEnd = -1): boolean {
  // A possessor can be the target ("commented on Zelensky's remarks"); only the subject side drops them.
  // A place stands for its country ("shelled Kharkiv", "visited Beijing"), unless it is where the event was.
  if (m.refs.length === 0 && !m.place) return false;
  const at = prepositionIndex(tokens, m, floor);
  const prep = at >= 0 ? tokens[at].lower : null;
  // a topic ("talks on Syria", "data on missiles") is no target, unless the pattern's own last word aims "on" at it:
  // a verb ("comment on Zelensky's remarks") or a targeting noun ("sanctions on Iran")
  // (or the pattern itself ends in the preposition: "rumors about +" written "&SET_rumors about")
  // (or the pattern's own last words are the mention: "open fire on &PROTESTER" aims at the protesters it names)
  const aimed = (at === wordsEnd && at > 0 && tokens[at - 1].pos === "VERB") || (at >= 0 && at + 1 === wordsEnd) || (at >= 0 && m.start < wordsEnd && m.end >= wordsEnd) ||
    // "the attack on Kabul", "sanctions against Iran", "the crackdown on protesters": the noun aims its phrase
    (at > 0 && TARGETING_NOUNS.has(tokens[at - 1].lemma)) ||
    // "eased restrictions placed on Sudan", "lifted sanctions imposed on India": through the participle too
    (at > 1 && tokens[at - 1].pos === "VERB" && /ed$/.test(tokens[at - 1].lower) && TARGETING_NOUNS.has(tokens[at - 2].lemma));
  if (prep && TOPIC_PREPOSITIONS.has(prep) && !aimed) return false;
  if (prep && LOCATIVE_PREPOSITIONS.has(prep) && (m.kind === "capital" || m.kind === "place")) return false;
  // "released water from the Fukushima plant": a place things come from is no party, unless the pattern aims
  // at it ("withdrew from +")
  if (prep === "from" && m.refs.length === 0 && m.place && !aimed) return false;
  return true;
}

/**
 * Do the pattern's words before the verb occur, in order, before it in the sentence, each at most
 * MAX_GAP words from the next? ("indicated it would [act]", "did not [clash]")
 */
function matchBefore(tokens: Token[], verbAt: number, before: VerbPattern["before"], adjacent: boolean): boolean {
  let limit = verbAt;
  for (let e = before.length - 1; e >= 0; e--) {
    const el = before[e];
    if (el.kind !== "words") return false;
    // "recently_[allow]": nothing may come between the last word and the verb
    const gap = adjacent && e === before.length - 1 ? 0 : MAX_GAP;
    let found = -1;
    for (let o = 0; o < el.options.length; o++) {
      const opt = el.options[o];
      const acc = el.accepts[o];
      for (let q = limit - opt.length; q >= 0 && limit - (q + opt.length) <= gap; q--) {
        if (q <= found) break;
        let ok = true;
        for (let k = 0; k < opt.length && ok; k++) ok = acc[k].has(tokens[q + k].key) || (tokens[q + k].lemmaKey === opt[k] && !el.exact);
        if (ok) {
          found = q;
          break;
        }
      }
    }
    if (found < 0) return false;
    limit = found;
  }
  return true;
}

export function matchVerb(
  tokens: Token[],
  /** Index of the verb that heads the clause. */
  verbAt: number,
  complement: [number, number],
  mentions: Mention[],
  patterns: readonly VerbPattern[],
  /** In a passive clause the surface subject is the logical object: it can fill `+`. */
  passiveSubject: Mention[] = [],
  /** Mentions that cannot be the target (the source itself: "Xi praised China's ties with Russia"). */
  isSource: (m: Mention) => boolean = () => false,
  /** The subject names two or more actors: patterns flagged `plural` may match. */
  pluralSubject = false,
): VerbMatch | null {
  const [from, to] = complement;
  const particle = from < to && PARTICLES.has(tokens[from].lower) ? tokens[from].lower : null;
  for (const pattern of candidatePatterns(tokens, from, to, patterns)) {
    if (pattern.plural && !pluralSubject) continue;
    if (pattern.before.length > 0 && !matchBefore(tokens, verbAt, pattern.before, pattern.adjacent)) continue;
    // a phrasal verb only matches patterns written with its particle
    if (particle) {
      const first = pattern.elements[0];
      if (!first || first.kind !== "words" || !first.options.some((o) => o[0] === particle)) continue;
    }
    let p = from;
    let target: Mention | null = null;
    let ok = true;
    let afterPreposition = false;
    for (let e = 0; e < pattern.elements.length; e++) {
      const el = pattern.elements[e];
      if (el.kind === "skip") {
        // a noun or prepositional phrase: its preposition, determiners and modifiers, then its nouns
        let q = p;
        if (q < to && tokens[q].pos === "ADP") q++;
        while (q < to && /^(DET|ADJ|NUM)$/.test(tokens[q].pos)) q++;
        const nouns = q;
        while (q < to && (tokens[q].pos === "NOUN" || tokens[q].pos === "PROPN" || tokens[q].lower === "'s")) q++;
        if (q === nouns) {
          ok = false;
          break;
        }
        p = q;
        afterPreposition = false;
      } else if (el.kind === "words") {
        const at = findWords(tokens, p, to, el.options, el.accepts, e === 0, el.exact);
        if (at < 0) {
          ok = false;
          break;
        }
        const last = tokens[at - 1];
        afterPreposition = last.pos === "ADP" || last.lower === "to";
        p = at;
      } else {
        let found: Mention | undefined;
        if (afterPreposition) {
          // "with the Chinese president", "to his predecessor Jacques Chirac"
          found = mentions.find((m) => m.start >= p && m.start <= p + 3 && (m.refs.length > 0 || m.place !== null) && !isSource(m) && tokens.slice(p, m.start).every((t) => t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM" || (t.pos === "NOUN" && /^[a-z]/.test(t.text)) || t.text === "-" || /^(his|her|its|their)$/.test(t.lower)));
        } else {
          found = passiveSubject.find((m) => m.refs.length > 0) ?? mentions.find((m) => m.start >= p && m.end <= to && isFreeTarget(tokens, m, from) && !isSource(m));
        }
        // "| place": the target must be a city, region or capital, not an actor
        // and be what the verb takes, not a word inside its object ("took bribes for a Jerusalem project")
        if (found && pattern.placeTarget && !(found.place && found.kind !== "country" && (found.refs.length === 0 || found.kind === "capital") && placeObject(tokens, p, found.start))) found = undefined;
        // "%": the target must be two or more actors joined by "and" or commas
        if (found && el.plural) {
          const i = mentions.indexOf(found);
          const next = mentions[i + 1];
          const gap = next ? tokens.slice(found.end, next.start).map((t) => t.lower).join(" ") : "";
          if (!next || !/^(and|,|, and|or)$/.test(gap)) found = undefined;
        }
        if (!found) {
          ok = false;
          break;
        }
        target = found;
        p = found.start >= p ? found.end : p;
        afterPreposition = false;
      }
    }
    if (ok) return { pattern, target, wordsEnd: p };
  }
  return null;
}
