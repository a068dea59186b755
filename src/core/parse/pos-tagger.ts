/**
 * A part-of-speech tagger trained on the same treebank as the parser: greedy, left to right, an averaged
 * perceptron over the word, its neighbours, suffixes, shapes and the two tags before it. Each tag is a
 * pair of a universal tag and a Penn Treebank tag ("VERB|VBN"): the fine tag tells the parser a participle
 * from a past tense.
 */
import { feature1, feature2, feature3 } from "./hashing.js";
import { best, type LinearModel } from "./linear-model.js";
import { NO_WORD, type WordAtoms } from "./words.js";

export const TAGGER_FEATURES = 36;
const START = 0x5eed;

/**
 * The features of word `i` (1-based) given the tags already chosen before it, and in the second pass
 * the first pass's tags of the words after it (`ahead`).
 */
export function taggerFeatures(a: WordAtoms, tags: Int32Array, i: number, out: Uint32Array, ahead: Int32Array | null = null): number {
  const n = a.n;
  const w = a.word;
  const p1 = i > 1 ? tags[i - 1] + 1 : START;
  const p2 = i > 2 ? tags[i - 2] + 1 : START;
  const wPrev = i > 1 ? w[i - 1] : NO_WORD;
  const wPrev2 = i > 2 ? w[i - 2] : NO_WORD;
  const wNext = i < n ? w[i + 1] : NO_WORD;
  const wNext2 = i + 1 < n ? w[i + 2] : NO_WORD;
  let k = 0;
  out[k++] = feature1(0, 1);
  out[k++] = feature1(1, w[i]);
  out[k++] = feature1(2, a.suffix3[i]);
  out[k++] = feature1(3, a.suffix2[i]);
  out[k++] = feature1(4, a.prefix1[i]);
  out[k++] = feature1(5, a.shape[i]);
  out[k++] = feature1(6, p1);
  out[k++] = feature2(7, p2, p1);
  out[k++] = feature2(8, p1, w[i]);
  out[k++] = feature1(9, wPrev);
  out[k++] = feature1(10, i > 1 ? a.suffix3[i - 1] : NO_WORD);
  out[k++] = feature1(11, wPrev2);
  out[k++] = feature1(12, wNext);
  out[k++] = feature1(13, i < n ? a.suffix3[i + 1] : NO_WORD);
  out[k++] = feature1(14, wNext2);
  out[k++] = feature2(15, wPrev, w[i]);
  out[k++] = feature2(16, w[i], wNext);
  out[k++] = feature2(17, a.shape[i], i === 1 ? 1 : 2);
  out[k++] = feature2(18, p1, a.suffix3[i]);
  out[k++] = feature2(19, i < n ? a.shape[i + 1] : NO_WORD, a.shape[i]);
  out[k++] = feature1(20, a.prefix3[i]);
  out[k++] = feature1(21, a.suffix4[i]);
  out[k++] = feature1(22, a.suffix1[i]);
  out[k++] = feature2(23, p1, wNext);
  out[k++] = feature2(24, i < n ? a.suffix2[i + 1] : NO_WORD, w[i]);
  out[k++] = feature2(25, i > 1 ? a.shape[i - 1] : NO_WORD, a.shape[i]);
  out[k++] = feature3(26, wPrev, w[i], wNext);
  const hint = a.hint[i];
  out[k++] = feature1(31, hint);
  out[k++] = feature2(32, hint, w[i]);
  out[k++] = feature2(33, hint, a.suffix3[i]);
  out[k++] = feature3(34, i > 1 ? a.hint[i - 1] : NO_WORD, hint, i < n ? a.hint[i + 1] : NO_WORD);
  out[k++] = feature2(35, hint, p1);
  if (ahead) {
    const n1 = i < n ? ahead[i + 1] + 1 : START;
    const n2 = i + 1 < n ? ahead[i + 2] + 1 : START;
    out[k++] = feature1(27, n1);
    out[k++] = feature2(28, n1, n2);
    out[k++] = feature2(29, p1, n1);
    out[k++] = feature2(30, w[i], n1);
  }
  return k;
}

export interface TagSet {
  /** "UPOS|XPOS" pairs; a tag id indexes this list. */
  tags: string[];
  /** Words the treebank always tags the same way, with that tag: no need to ask the model. */
  unambiguous: Map<number, number>;
}

/**
 * Tags the words in two passes: the second sees the first's tags of the words ahead ("that" before a
 * verb is a conjunction, before a noun a determiner). Ids index `tagSet.tags`; position 0 is the root.
 * The second pass asks again only where the first was unsure: a first choice ahead of the next by at
 * least `sure` stands.
 */
export function tagWords(first: LinearModel, second: LinearModel, tagSet: TagSet, a: WordAtoms, sure = Infinity): Int32Array {
  const margins = new Float32Array(a.n + 1);
  const ahead = tagPass(first, tagSet, a, null, margins);
  return tagPass(second, tagSet, a, ahead, null, margins, sure);
}

/**
 * One left-to-right pass. `margins`, when given, receives how far each word's tag was ahead of the next
 * best (Infinity for words always tagged one way); with `keep`, words whose margin there is at least
 * `sure` keep their tag from `ahead`.
 */
export function tagPass(
  model: LinearModel,
  tagSet: TagSet,
  a: WordAtoms,
  ahead: Int32Array | null,
  margins: Float32Array | null = null,
  keep: Float32Array | null = null,
  sure = Infinity,
): Int32Array {
  const tags = new Int32Array(a.n + 1);
  const features = new Uint32Array(TAGGER_FEATURES);
  const scores = new Float32Array(model.classes);
  for (let i = 1; i <= a.n; i++) {
    const known = tagSet.unambiguous.get(a.word[i]);
    if (known !== undefined) {
      tags[i] = known;
      if (margins) margins[i] = Infinity;
      continue;
    }
    if (keep && ahead && keep[i] >= sure) {
      tags[i] = ahead[i];
      continue;
    }
    const count = taggerFeatures(a, tags, i, features, ahead);
    scores.fill(0);
    model.score(features, count, scores);
    const top = best(scores, model.classes);
    tags[i] = top;
    if (margins) {
      let next = -Infinity;
      for (let c = 0; c < model.classes; c++) if (c !== top && scores[c] > next) next = scores[c];
      margins[i] = scores[top] - next;
    }
  }
  return tags;
}
