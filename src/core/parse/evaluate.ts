/**
 * Attachment scores against a treebank, on its own words: UAS counts words given the right head,
 * LAS the right head and relation (subtypes included). Punctuation counts, as in the CoNLL 2018 scorer.
 */
import { modelTagsOf } from "../analyse/tagger.js";
import type { TreebankSentence } from "./conllu.js";
import type { DependencyParser } from "./parser.js";

export interface AttachmentScores {
  words: number;
  uas: number;
  las: number;
  /** Part-of-speech accuracy of the parser's tagger: universal tags, and Penn tags. */
  upos: number;
  xpos: number;
  /** By gold relation: how many words, and the share with the right head and relation. */
  byRelation: { relation: string; words: number; uas: number; las: number }[];
}

export function attachmentScores(parser: DependencyParser, sentences: TreebankSentence[]): AttachmentScores {
  let words = 0, heads = 0, labelled = 0, upos = 0, xpos = 0;
  const by = new Map<string, { words: number; heads: number; labelled: number }>();
  for (const s of sentences) {
    const forms = s.words.map((w) => w.form);
    const parsed = parser.parse(forms, modelTagsOf(forms));
    for (let i = 0; i < s.words.length; i++) {
      const gold = s.words[i];
      const got = parsed[i];
      const r = by.get(gold.deprel) ?? { words: 0, heads: 0, labelled: 0 };
      by.set(gold.deprel, r);
      words++;
      r.words++;
      if (got.upos === gold.upos) upos++;
      if (got.xpos === gold.xpos) xpos++;
      if (got.head !== gold.head) continue;
      heads++;
      r.heads++;
      if (got.deprel === gold.deprel) {
        labelled++;
        r.labelled++;
      }
    }
  }
  const share = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    words,
    uas: share(heads, words),
    las: share(labelled, words),
    upos: share(upos, words),
    xpos: share(xpos, words),
    byRelation: [...by].map(([relation, r]) => ({ relation, words: r.words, uas: share(r.heads, r.words), las: share(r.labelled, r.words) })).sort((a, b) => b.words - a.words),
  };
}
