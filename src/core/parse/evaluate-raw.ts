/**
 * Attachment scores from raw text: each treebank sentence's text is split into words by annals' own
 * reader (as the coder splits news), tagged and parsed, and the result is scored against the gold tree
 * the way the CoNLL 2018 shared task scores it. Words are aligned by where they sit in the text: a
 * system word and a gold word match when they cover the same characters (spaces left out), so a word
 * the reader splits differently counts as missed, and its dependents' heads cannot be right either.
 *
 * A word is right when it is aligned and its head is the aligned gold head (the root for the root);
 * precision is over the system's words, recall over the gold words, and the score is their F1.
 * Sentences are the treebank's: the reader may cut one in two, never join two.
 */
import { analyseText } from "../analyse/tagger.js";
import type { TreebankSentence } from "./conllu.js";
import type { DependencyParser, ParsedWord } from "./parser.js";

export interface RawTextScores {
  goldWords: number;
  systemWords: number;
  /** F1 of words: how well the reader's words match the treebank's. */
  words: number;
  uas: number;
  las: number;
}

/** Character spans of words, with whitespace left out of the count. */
function spansOf(forms: readonly string[]): [number, number][] {
  let at = 0;
  return forms.map((f) => {
    const length = f.replace(/\s+/g, "").length;
    const span: [number, number] = [at, at + length];
    at += length;
    return span;
  });
}

/** The sentence's text as the treebank has it, or its words with spaces when it gives none. */
const textOf = (s: TreebankSentence) => s.text ?? s.words.map((w) => w.form).join(" ");

/** The reader's words of one text, parsed piece by piece; heads are indexes into the whole list (0 the root). */
function parseText(parser: DependencyParser, text: string): ParsedWord[] {
  const words: ParsedWord[] = [];
  for (const piece of analyseText(text)) {
    if (piece.tokens.length === 0) continue;
    const offset = words.length;
    const parsed = parser.parse(piece.tokens.map((t) => t.text), piece.tokens.map((t) => t.pos));
    for (const w of parsed) words.push({ form: w.form, upos: w.upos, xpos: w.xpos, head: w.head === 0 ? 0 : w.head + offset, deprel: w.deprel });
  }
  return words;
}

export function rawTextScores(parser: DependencyParser, sentences: TreebankSentence[]): RawTextScores {
  let goldWords = 0, systemWords = 0, aligned = 0, heads = 0, labelled = 0;
  for (const s of sentences) {
    const system = parseText(parser, textOf(s));
    const goldSpans = spansOf(s.words.map((w) => w.form));
    const systemSpans = spansOf(system.map((w) => w.form));
    // gold word (1-based) of each system word (1-based), 0 when none covers the same characters
    const goldOf = new Int32Array(system.length + 1);
    const byStart = new Map(goldSpans.map(([start, end], k) => [start, { end, word: k + 1 }]));
    systemSpans.forEach(([start, end], k) => {
      const g = byStart.get(start);
      if (g && g.end === end) goldOf[k + 1] = g.word;
    });
    goldWords += s.words.length;
    systemWords += system.length;
    for (let k = 1; k <= system.length; k++) {
      const g = goldOf[k];
      if (g === 0) continue;
      aligned++;
      const gold = s.words[g - 1];
      const head = system[k - 1].head;
      if ((head === 0 ? 0 : goldOf[head] || -1) !== gold.head) continue;
      heads++;
      if (system[k - 1].deprel === gold.deprel) labelled++;
    }
  }
  const f1 = (right: number) => (right === 0 ? 0 : (2 * right) / (goldWords + systemWords));
  return { goldWords, systemWords, words: f1(aligned), uas: f1(heads), las: f1(labelled) };
}
