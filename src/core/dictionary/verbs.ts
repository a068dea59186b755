/**
 * Verb patterns: `CODE | PATTERN | FLAGS`, grouped in files by CAMEO root,
 * with `&NAME = ...` synonym sets shared by all verb files.
 */
import { alternatives, entries, phraseTokens, pluralOf, spellingKey, type DataFile, type DictionaryProblem } from "./text.js";
import { CODE_SYNTAX, type Ontology } from "./ontology.js";

export type PatternElement =
  /**
   * One of several token sequences, each in base form; `accepts` holds each word's inflected forms. `exact`:
   * written in quotes, the word matches only as written ("effort" is not "efforts").
   */
  | {
      kind: "words";
      options: string[][];
      accepts: Set<string>[][];
      /** Every form any option's first word may take: where none is in a clause, the element cannot match there. */
      firsts: string[];
      label: string;
      exact?: boolean;
    }
  /** The target actor; `plural`: two or more of them ("agrees with % ": "with the Philippines and France"). */
  | { kind: "target"; plural?: boolean }
  /** A noun phrase passed over: an actor in it is not the target ("warned at ^ +": "at the border of X"). */
  | { kind: "skip" };

export interface VerbPattern {
  code: string;
  /** Lemma of the verb that heads the pattern. */
  lemma: string;
  /** Words that must come before the verb, in order, in its sentence ("did not [clash]", "indicated should [act]"). */
  before: PatternElement[];
  elements: PatternElement[];
  /** The last word before the verb must touch it ("recently_[allow]"). */
  adjacent: boolean;
  /** The words before the verb deny it ("did not [clash]"): the code says so, the event is not also negated. */
  absorbsNegation: boolean;
  /** Symmetric: each side is source and target. */
  both: boolean;
  /** "115 | noted + [regret]": the verb's subject is the target; the subject of the clause it depends on, the source. */
  subjectTarget: boolean;
  /** The target acts on the subject: "071 | receive money from + | inverse" ("Eriador received money from Osgiliath"). */
  inverse: boolean;
  /** The head is an event noun, not a verb: "190 | attack on + | noun" codes "Russia's attack on Kyiv" (assemble/nominal.ts). */
  noun: boolean;
  /** The target must be a place, not an actor: "192 | capture + | place" takes "captured Kunduz", not "captured the general". */
  placeTarget: boolean;
  /** Only for a subject of two or more actors ("China and Russia agreed"), who, with no other target, act on one another. */
  plural: boolean;
  /** Also code the target acting on the source with this code ("visit" 042, reverse "host" 043). */
  reverse: string | null;
  /** More words in the pattern make it more specific; the most specific match wins. */
  specificity: number;
  rule: string;
  /** The pattern as written, for people. */
  text: string;
}

const FLAGS = new Set(["both", "plural", "inverse", "place", "noun"]);
const NEGATIONS = new Set(["not", "n't", "never", "no"]);

/** A pattern word accepts its base form, its plural and its -d/-ed forms ("talk", "talks", "agreed"). */
function wordsElement(options: string[][], label: string, exact = false): PatternElement {
  const accepts = options.map((o) => o.map((w) => new Set(exact ? [w] : [w, pluralOf(w), w + "d", w + "ed"])));
  const firsts = [...new Set(options.flatMap((o, i) => [o[0], ...accepts[i][0]]))];
  return { kind: "words", options, accepts, firsts, label, exact };
}

export function parseVerbs(files: DataFile[], onto: Ontology, problems: DictionaryProblem[]): Map<string, VerbPattern[]> {
  const synsets = new Map<string, { members: string[][]; rule: string }>();
  const patternLines: { rule: string; fields: string[] }[] = [];
  for (const file of files) {
    for (const e of entries(file)) {
      const syn = /^&([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(e.raw);
      if (syn) {
        const [, name, members] = syn;
        if (synsets.has(name)) problems.push({ where: e.rule, message: `synonym set &${name} defined twice (first at ${synsets.get(name)!.rule})` });
        const list = alternatives(members).map((m) => phraseTokens(m).map(spellingKey));
        if (list.length === 0) problems.push({ where: e.rule, message: `synonym set &${name} is empty` });
        synsets.set(name, { members: list, rule: e.rule });
      } else patternLines.push(e);
    }
  }

  const byLemma = new Map<string, VerbPattern[]>();
  const seen = new Map<string, string>();
  // A word of a pattern means the same in every pattern ("&R04_TALKS" is in hundreds): each is built once and
  // shared, which keeps the compiled form (and its cache) a fifth the size. Nothing changes an element once built.
  const built = new Map<string, PatternElement>();
  for (const e of patternLines) {
    const [code, pattern, flags] = e.fields;
    if (e.fields.length < 2 || !pattern) {
      problems.push({ where: e.rule, message: `expected "CODE | PATTERN | FLAGS": a verb pattern needs a code` });
      continue;
    }
    if (!CODE_SYNTAX.test(code)) {
      problems.push({ where: e.rule, message: `"${code}" is not a CAMEO code` });
      continue;
    }
    if (!onto.codes.has(code)) {
      problems.push({ where: e.rule, message: `unknown CAMEO code ${code} (not in ontology/cameo.txt)` });
      continue;
    }
    const flagList = (flags ?? "").split(/\s+/).filter((f) => f !== "");
    const badFlag = flagList.find((f) => !FLAGS.has(f) && !/^reverse=/.test(f));
    if (badFlag) {
      problems.push({ where: e.rule, message: `unknown flag "${badFlag}" (known: both, plural, inverse, place, noun, reverse=CODE)` });
      continue;
    }
    const reverse = flagList.find((f) => f.startsWith("reverse="))?.slice(8) ?? null;
    if (reverse !== null && !onto.codes.has(reverse)) {
      problems.push({ where: e.rule, message: `reverse code ${reverse} is not in ontology/cameo.txt` });
      continue;
    }
    const words = pattern.split(/\s+/);
    // "[verb]" marks the verb when words must come before it; otherwise the verb comes first
    // "recently_[allow]": the word joined to the bracket must come right before the verb
    const joined = words.findIndex((w) => /^[^\s\[\]]+_\[[^\]]+\]$/.test(w));
    if (joined >= 0) {
      const [lead, verb] = words[joined].split(/_(?=\[)/);
      words.splice(joined, 1, lead, verb);
    }
    const marked = words.findIndex((w) => /^\[[^\]]+\]$/.test(w));
    const adjacent = joined >= 0;
    const verbWord = marked >= 0 ? words[marked].slice(1, -1) : words[0];
    if (verbWord === "+" || verbWord.startsWith("&") || words.filter((w) => w.startsWith("[")).length > 1) {
      problems.push({ where: e.rule, message: `pattern "${pattern}" must start with the verb's lemma, or mark one verb as [verb]` });
      continue;
    }
    const lemma = spellingKey(verbWord.toLowerCase());
    const elements: PatternElement[] = [];
    const before: PatternElement[] = [];
    let subjectTarget = false;
    let ok = true;
    const element = (w: string): PatternElement | null => {
      // "effort" in quotes: that very form
      const quoted = /^"[^"]+"$/.exec(w);
      if (quoted) {
        const inner = w.slice(1, -1);
        if (!/^[\p{L}0-9'’._-]+$/u.test(inner) || inner.includes("&")) {
          problems.push({ where: e.rule, message: `"${w}" in pattern "${pattern}": only words go in quotes` });
          return null;
        }
        return wordsElement([inner.split("_").filter(Boolean).flatMap((x) => phraseTokens(x)).map(spellingKey)], w.toLowerCase(), true);
      }
      if (w === "+") return { kind: "target" };
      if (w === "%") return { kind: "target", plural: true };
      if (w === "^") return { kind: "skip" };
      // "most_certainly_&NEG_ever": joined parts must follow one another with nothing between
      const pieces = w.split("_").filter(Boolean);
      // set names hold underscores too ("&R04_TALKS"): a set takes the longest run of pieces that names one
      const parts: string[] = [];
      for (let k = 0; k < pieces.length; k++) {
        if (!pieces[k].startsWith("&")) {
          parts.push(pieces[k]);
          continue;
        }
        let end = pieces.length;
        while (end > k + 1 && !synsets.has(pieces.slice(k, end).join("_").slice(1))) end--;
        parts.push(pieces.slice(k, end).join("_"));
        k = end - 1;
      }
      let options: string[][] = [[]];
      for (const part of parts) {
        let alternatives: string[][];
        if (part.startsWith("&")) {
          const set = synsets.get(part.slice(1));
          if (!set) {
            problems.push({ where: e.rule, message: `pattern "${pattern}" uses ${part}, which no verb file defines: it can never match` });
            return null;
          }
          alternatives = set.members;
        } else if (/^[\p{L}0-9'’.-]+$/u.test(part)) alternatives = [phraseTokens(part).map(spellingKey)];
        else {
          problems.push({ where: e.rule, message: `"${w}" in pattern "${pattern}" is neither a word, + nor &SET` });
          return null;
        }
        options = options.flatMap((o) => alternatives.map((a) => [...o, ...a]));
      }
      return wordsElement(options, w.startsWith("&") && parts.length === 1 ? w : w.toLowerCase());
    };
    for (const [k, w] of words.entries()) {
      if (k === (marked >= 0 ? marked : 0)) continue;
      const el = built.get(w) ?? element(w);
      if (!el) {
        ok = false;
        continue;
      }
      built.set(w, el);
      if (marked >= 0 && k < marked) {
        if (el.kind === "target" && !el.plural && !subjectTarget) {
          subjectTarget = true;
          continue;
        }
        if (el.kind !== "words") {
          problems.push({ where: e.rule, message: `pattern "${pattern}": before the verb only words and one + (the verb's subject as the target)` });
          ok = false;
        } else before.push(el);
        continue;
      }
      if (el.kind === "target" && elements.some((x) => x.kind === "target")) {
        problems.push({ where: e.rule, message: `pattern "${pattern}" has two targets (+ or %)` });
        ok = false;
      }
      elements.push(el);
    }
    if (!ok) continue;
    const label = (x: PatternElement) => (x.kind === "target" ? (x.plural ? "%" : "+") : x.kind === "skip" ? "^" : x.label);
    const key = `${flagList.includes("plural") ? "plural " : ""}${flagList.includes("inverse") ? "inverse " : ""}${flagList.includes("place") ? "place " : ""}${flagList.includes("noun") ? "noun " : ""}${subjectTarget ? "+ " : ""}${before.map(label).join(" ")}${adjacent ? "_" : " "}[${lemma}] ${elements.map(label).join(" ")}`;
    const dup = seen.get(key);
    if (dup) {
      problems.push({ where: e.rule, message: `duplicate pattern "${pattern}" (first at ${dup})` });
      continue;
    }
    seen.set(key, e.rule);
    // joined words count one by one: "most_certainly_&NEG_ever [clash]" is more specific than "&NEG ever [clash]"
    const wordCount = [...before, ...elements].reduce((n, x) => n + (x.kind === "words" ? Math.min(...x.options.map((o) => o.length)) : 0), 0);
    const p: VerbPattern = {
      code,
      lemma,
      before,
      adjacent,
      subjectTarget,
      elements,
      absorbsNegation: before.some((x) => x.kind === "words" && x.options.some((o) => o.some((w) => NEGATIONS.has(w)))),
      both: flagList.includes("both"),
      plural: flagList.includes("plural"),
      inverse: flagList.includes("inverse"),
      placeTarget: flagList.includes("place"),
      noun: flagList.includes("noun"),
      reverse,
      // a target or a plural subject asks more of the sentence than the bare verb
      specificity: wordCount * 2 + (elements.some((x) => x.kind === "target") || subjectTarget ? 1 : 0) + (elements.some((x) => x.kind === "target" && x.plural) || flagList.includes("plural") ? 1 : 0) + (flagList.includes("place") ? 1 : 0),
      rule: e.rule,
      text: pattern,
    };
    const list = byLemma.get(lemma);
    if (list) list.push(p);
    else byLemma.set(lemma, [p]);
  }
  for (const list of byLemma.values()) list.sort((a, b) => b.specificity - a.specificity);
  return byLemma;
}
