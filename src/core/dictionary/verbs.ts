/**
 * Verb patterns: `CODE | PATTERN | FLAGS`, grouped in files by CAMEO root,
 * with `&NAME = ...` synonym sets shared by all verb files.
 */
import { alternatives, entries, phraseTokens, pluralOf, spellingKey, type DataFile, type DictionaryProblem } from "./text.js";
import { CODE_SYNTAX, type Ontology } from "./ontology.js";

export type PatternElement =
  /** One of several token sequences, each in base form; `accepts` holds each word's inflected forms. */
  | { kind: "words"; options: string[][]; accepts: Set<string>[][]; label: string }
  /** The target actor. */
  | { kind: "target" };

export interface VerbPattern {
  code: string;
  /** Lemma of the verb that heads the pattern. */
  lemma: string;
  elements: PatternElement[];
  /** Symmetric: each side is source and target. */
  both: boolean;
  /** Also code the target acting on the source with this code ("visit" 042, reverse "host" 043). */
  reverse: string | null;
  /** More words in the pattern make it more specific; the most specific match wins. */
  specificity: number;
  rule: string;
  /** The pattern as written, for people. */
  text: string;
}

const FLAGS = new Set(["both"]);

/** A pattern word accepts its base form, its plural and its -d/-ed forms ("talk", "talks", "agreed"). */
function wordsElement(options: string[][], label: string): PatternElement {
  const accepts = options.map((o) => o.map((w) => new Set([w, pluralOf(w), w + "d", w + "ed"])));
  return { kind: "words", options, accepts, label };
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
      problems.push({ where: e.rule, message: `unknown flag "${badFlag}" (known: both, reverse=CODE)` });
      continue;
    }
    const reverse = flagList.find((f) => f.startsWith("reverse="))?.slice(8) ?? null;
    if (reverse !== null && !onto.codes.has(reverse)) {
      problems.push({ where: e.rule, message: `reverse code ${reverse} is not in ontology/cameo.txt` });
      continue;
    }
    const words = pattern.split(/\s+/);
    if (words[0] === "+" || words[0].startsWith("&")) {
      problems.push({ where: e.rule, message: `pattern "${pattern}" must start with the verb's lemma` });
      continue;
    }
    const lemma = spellingKey(words[0].toLowerCase());
    const elements: PatternElement[] = [];
    let ok = true;
    for (const w of words.slice(1)) {
      if (w === "+") {
        if (elements.some((x) => x.kind === "target")) {
          problems.push({ where: e.rule, message: `pattern "${pattern}" has two targets (+)` });
          ok = false;
        }
        elements.push({ kind: "target" });
      } else if (w.startsWith("&")) {
        const set = synsets.get(w.slice(1));
        if (!set) {
          problems.push({ where: e.rule, message: `pattern "${pattern}" uses ${w}, which no verb file defines: it can never match` });
          ok = false;
        } else elements.push(wordsElement(set.members, w));
      } else if (/^[\p{L}0-9'’.-]+$/u.test(w)) {
        elements.push(wordsElement([phraseTokens(w).map(spellingKey)], w.toLowerCase()));
      } else {
        problems.push({ where: e.rule, message: `"${w}" in pattern "${pattern}" is neither a word, + nor &SET` });
        ok = false;
      }
    }
    if (!ok) continue;
    const key = `${lemma} ${elements.map((x) => (x.kind === "target" ? "+" : x.label)).join(" ")}`;
    const dup = seen.get(key);
    if (dup) {
      problems.push({ where: e.rule, message: `duplicate pattern "${pattern}" (first at ${dup})` });
      continue;
    }
    seen.set(key, e.rule);
    const wordCount = elements.filter((x) => x.kind === "words").length;
    const p: VerbPattern = {
      code,
      lemma,
      elements,
      both: flagList.includes("both"),
      reverse,
      specificity: wordCount * 2 + (elements.some((x) => x.kind === "target") ? 1 : 0),
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
