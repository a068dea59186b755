/**
 * The dependency parser: words in, a Universal Dependencies tree out (a head and a relation per word),
 * with part-of-speech tags from its own tagger. Greedy: one pass of about two decisions per word.
 */
import { Configuration, LEFT, RIGHT, SHIFT, TRANSITIONS } from "./arc-hybrid.js";
import { LinearModel } from "./linear-model.js";
import { decodeModel, type ModelHeader } from "./model-file.js";
import { LABEL_FEATURES, labelFeatures, PARSER_FEATURES, parserInput, transitionFeatures } from "./parser-features.js";
import { tagWords, type TagSet } from "./pos-tagger.js";
import { wordAtoms, type WordAtoms } from "./words.js";

/**
 * The tagger's second pass looks again only at words whose first tag won by less than this: on EWT dev the
 * tags are the same to four decimals as when it looks at every word, and tagging is 1.7 times as fast.
 */
const SURE_MARGIN = 20;

/** The best class but one: "root" is only ever the relation of the word the root takes. */
function bestBut(scores: Float32Array, n: number, except: number): number {
  let top = -1;
  for (let c = 0; c < n; c++) if (c !== except && (top < 0 || scores[c] > scores[top])) top = c;
  return top;
}

export interface ParsedWord {
  form: string;
  /** Universal and Penn Treebank part-of-speech tags. */
  upos: string;
  xpos: string;
  /** 1-based index of the head word; 0 for the root. */
  head: number;
  deprel: string;
}

export class DependencyParser {
  readonly header: ModelHeader;
  private readonly tagger: LinearModel;
  private readonly taggerAhead: LinearModel;
  private readonly transitions: LinearModel;
  private readonly labeller: LinearModel;
  private readonly tagSet: TagSet;
  private readonly upos: string[];
  private readonly xpos: string[];
  private readonly rootLabel: number;
  // scratch space reused by every parse: the parser holds no state between sentences
  private readonly features = new Uint32Array(Math.max(PARSER_FEATURES, LABEL_FEATURES));
  private readonly transitionScores = new Float32Array(TRANSITIONS);
  private readonly labelScores: Float32Array;

  constructor(bytes: Uint8Array) {
    const file = decodeModel(bytes);
    this.header = file.header;
    this.tagger = new LinearModel(file.models.tagger);
    this.taggerAhead = new LinearModel(file.models["tagger-ahead"]);
    this.transitions = new LinearModel(file.models.transitions);
    this.labeller = new LinearModel(file.models.labels);
    this.tagSet = { tags: file.header.tags, unambiguous: new Map(file.header.unambiguous) };
    this.upos = file.header.tags.map((t) => t.split("|")[0]);
    this.xpos = file.header.tags.map((t) => t.split("|")[1]);
    this.rootLabel = file.header.labels.indexOf("root");
    this.labelScores = new Float32Array(file.header.labels.length);
  }

  /**
   * Tag ids (indexes into `header.tags`) of the words; position 0 is the root. `hints` are wink-nlp's
   * universal tags of the words (`modelTagsOf`, or the coder's own tokens'), which the tagger was trained with.
   */
  tag(forms: readonly string[], hints: readonly string[] | null = null): Int32Array {
    return tagWords(this.tagger, this.taggerAhead, this.tagSet, wordAtoms(forms, hints), SURE_MARGIN);
  }

  /** Heads and label ids of the words (position 0 unused), given their tag ids. */
  parseTagged(forms: readonly string[], tagIds: Int32Array): { heads: Int32Array; labels: Int32Array } {
    return this.parseAtoms(wordAtoms(forms), tagIds);
  }

  private parseAtoms(atoms: WordAtoms, tagIds: Int32Array): { heads: Int32Array; labels: Int32Array } {
    const x = parserInput(atoms.word, tagIds);
    const c = new Configuration(x.n);
    const features = this.features;
    const scores = this.transitionScores;
    const labelScores = this.labelScores;
    const labelCount = this.header.labels.length;
    const root = this.rootLabel;
    while (!c.done) {
      let t = -1;
      let legal = 0;
      for (let k = 0; k < TRANSITIONS; k++) if (c.legal(k)) legal++;
      if (legal === 1) {
        // one way on (an empty stack shifts, an empty buffer reduces to the right): nothing to score
        for (let k = 0; k < TRANSITIONS; k++) if (c.legal(k)) t = k;
      } else {
        const n = transitionFeatures(c, x, features);
        scores.fill(0);
        this.transitions.score(features, n, scores);
        for (let k = 0; k < TRANSITIONS; k++) if (c.legal(k) && (t < 0 || scores[k] > scores[t])) t = k;
      }
      if (t === SHIFT) {
        c.apply(SHIFT, -1);
        continue;
      }
      const dep = c.s(0);
      const head = t === LEFT ? c.b(0) : c.s(1);
      let label = root;
      if (head !== 0) {
        const m = labelFeatures(c, x, head, dep, features);
        labelScores.fill(0);
        this.labeller.score(features, m, labelScores);
        label = bestBut(labelScores, labelCount, root);
      }
      c.apply(t === LEFT ? LEFT : RIGHT, label);
    }
    return { heads: c.heads, labels: c.labels };
  }

  /** Tags and parses one sentence's words. */
  parse(forms: readonly string[], hints: readonly string[] | null = null): ParsedWord[] {
    const atoms = wordAtoms(forms, hints);
    const tags = tagWords(this.tagger, this.taggerAhead, this.tagSet, atoms, SURE_MARGIN);
    const { heads, labels } = this.parseAtoms(atoms, tags);
    const out: ParsedWord[] = [];
    for (let i = 1; i <= forms.length; i++) out.push({ form: forms[i - 1], upos: this.upos[tags[i]], xpos: this.xpos[tags[i]], head: heads[i], deprel: this.header.labels[labels[i]] });
    return out;
  }
}
