/**
 * Trains annals' tagger and dependency parser on the Universal Dependencies English Web Treebank and
 * writes the model the coder ships with.
 *
 *   npm run train:parser [-- --ud DIR] [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--folds N] [--seed N]
 *
 * About five minutes on two cores. Experiments: --tagger-only (tagger accuracy and confusions on dev),
 * --gold-tags (the parser given the treebank's own tags: the ceiling a better tagger could reach).
 *
 * Train on train, choose the epoch on dev; the test file is never read here. Reproducible: one seed
 * orders every epoch.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Configuration, LEFT, SHIFT, TRANSITIONS } from "../src/core/parse/arc-hybrid.js";
import { readConllu, type TreebankSentence } from "../src/core/parse/conllu.js";
import { attachmentScores } from "../src/core/parse/evaluate.js";
import { encodeModel, type ModelFile } from "../src/core/parse/model-file.js";
import { LABEL_FEATURES, labelFeatures, PARSER_FEATURES, parserInput, transitionFeatures } from "../src/core/parse/parser-features.js";
import { DependencyParser } from "../src/core/parse/parser.js";
import { TAGGER_FEATURES, taggerFeatures, tagPass } from "../src/core/parse/pos-tagger.js";
import { LinearModel } from "../src/core/parse/linear-model.js";
import { normalForm, wordAtoms } from "../src/core/parse/words.js";
import { hashString } from "../src/core/parse/hashing.js";
import { modelTagsOf } from "../src/core/analyse/tagger.js";
import { AveragedPerceptron, seeded, shuffle } from "./perceptron.js";

const { values: opts } = parseArgs({
  options: {
    ud: { type: "string", default: "../shared/ud" },
    out: { type: "string", default: "models/parser-en-ewt.bin" },
    "tagger-epochs": { type: "string", default: "6" },
    "parser-epochs": { type: "string", default: "14" },
    folds: { type: "string", default: "4" },
    seed: { type: "string", default: "1" },
    // weights below these are dropped: the model shrinks from 29 MB to a few, for half a point of UAS on dev
    "tagger-min-weight": { type: "string", default: "1" },
    "parser-min-weight": { type: "string", default: "1.5" },
    "label-min-weight": { type: "string", default: "1" },
    "tagger-only": { type: "boolean", default: false },
    "gold-tags": { type: "boolean", default: false },
  },
});
const taggerEpochs = Number(opts["tagger-epochs"]);
const parserEpochs = Number(opts["parser-epochs"]);
const folds = Number(opts.folds);
const seed = Number(opts.seed);
const minWeight = { tagger: Number(opts["tagger-min-weight"]), parser: Number(opts["parser-min-weight"]), label: Number(opts["label-min-weight"]) };
const started = Date.now();
const log = (msg: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);

const train = readConllu(readFileSync(join(opts.ud!, "en_ewt-ud-train.conllu"), "utf8"));
const dev = readConllu(readFileSync(join(opts.ud!, "en_ewt-ud-dev.conllu"), "utf8"));
log(`read ${train.length} training and ${dev.length} development sentences`);

// ---- the tag set: UPOS|XPOS pairs seen often enough; a rare pair is read as its XPOS's commonest pair
const pairCounts = new Map<string, number>();
for (const s of train) for (const w of s.words) pairCounts.set(`${w.upos}|${w.xpos}`, (pairCounts.get(`${w.upos}|${w.xpos}`) ?? 0) + 1);
const tags = [...pairCounts].filter(([, n]) => n >= 10).sort((a, b) => b[1] - a[1]).map(([t]) => t);
const tagId = new Map(tags.map((t, i) => [t, i]));
function goldTag(w: { upos: string; xpos: string }): number {
  const exact = tagId.get(`${w.upos}|${w.xpos}`);
  if (exact !== undefined) return exact;
  const sameX = tags.findIndex((t) => t.endsWith(`|${w.xpos}`));
  if (sameX >= 0) return sameX;
  return Math.max(0, tags.findIndex((t) => t.startsWith(`${w.upos}|`)));
}
const labelCounts = new Map<string, number>();
for (const s of train) for (const w of s.words) labelCounts.set(w.deprel, (labelCounts.get(w.deprel) ?? 0) + 1);
const labels = [...labelCounts].sort((a, b) => b[1] - a[1]).map(([l]) => l);
const labelId = new Map(labels.map((l, i) => [l, i]));
const ROOT = labelId.get("root")!;
log(`${tags.length} tags, ${labels.length} relations`);

// ---- words the treebank always tags one way: the tagger does not need to ask its model
const byWord = new Map<string, Map<number, number>>();
for (const s of train)
  for (const w of s.words) {
    const key = normalForm(w.form);
    const m = byWord.get(key) ?? new Map<number, number>();
    byWord.set(key, m);
    const t = goldTag(w);
    m.set(t, (m.get(t) ?? 0) + 1);
  }
const unambiguous: [number, number][] = [];
for (const [word, m] of byWord) {
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  const [top, n] = [...m].sort((a, b) => b[1] - a[1])[0];
  if (total >= 10 && n / total >= 0.995) unambiguous.push([hashString(word), top]);
}
const unambiguousMap = new Map(unambiguous);
log(`${unambiguous.length} words always tagged one way`);

interface Prepared {
  s: TreebankSentence;
  forms: string[];
  gold: Int32Array;
  heads: Int32Array;
  rels: Int32Array;
  predicted: Int32Array;
  /** wink-nlp's universal tags of the words: the tagger's second opinion. */
  hints: string[];
}
const prepare = (s: TreebankSentence): Prepared => {
  const n = s.words.length;
  const gold = new Int32Array(n + 1);
  const heads = new Int32Array(n + 1).fill(-1);
  const rels = new Int32Array(n + 1).fill(-1);
  s.words.forEach((w, k) => {
    gold[k + 1] = goldTag(w);
    heads[k + 1] = w.head;
    rels[k + 1] = labelId.get(w.deprel) ?? 0;
  });
  const forms = s.words.map((w) => w.form);
  return { s, forms, gold, heads, rels, predicted: gold.slice(), hints: modelTagsOf(forms) };
};
const trainSet = train.map(prepare);

// ---- the tagger: two passes, the second seeing the first's tags of the words ahead
function trainTagger(sentences: Prepared[], epochs: number, random: () => number, ahead: Map<Prepared, Int32Array> | null): AveragedPerceptron {
  const model = new AveragedPerceptron(tags.length);
  const features = new Uint32Array(TAGGER_FEATURES);
  const scores = new Float32Array(tags.length);
  for (let e = 0; e < epochs; e++) {
    for (const p of shuffle(sentences, random)) {
      const a = wordAtoms(p.forms, p.hints);
      const history = new Int32Array(a.n + 1);
      const next = ahead?.get(p) ?? null;
      for (let i = 1; i <= a.n; i++) {
        const known = unambiguousMap.get(a.word[i]);
        if (known !== undefined) {
          history[i] = known;
          continue;
        }
        const n = taggerFeatures(a, history, i, features, next);
        scores.fill(0);
        model.score(features, n, scores);
        let guess = 0;
        for (let c = 1; c < tags.length; c++) if (scores[c] > scores[guess]) guess = c;
        if (guess !== p.gold[i]) model.update(features, n, p.gold[i], guess);
        model.tick();
        history[i] = guess;
      }
    }
  }
  return model;
}

/** The averaged, exported model, as the coder will read it. */
function finished(model: AveragedPerceptron): LinearModel {
  return new LinearModel(model.export(minWeight.tagger));
}

const tagSet = { tags, unambiguous: unambiguousMap };
const atomsOf = (p: Prepared) => wordAtoms(p.forms, p.hints);
const random = seeded(seed);
const foldOf = (k: number) => k % folds;

// Each fold's first-pass tags come from a tagger that never saw it, as the words ahead will be tagged
// in new text; so do the tags the parser learns from.
const aheadTags = new Map<Prepared, Int32Array>();
const firstByFold: LinearModel[] = [];
for (let f = 0; folds > 1 && f < folds; f++) {
  const model = finished(trainTagger(trainSet.filter((_, k) => foldOf(k) !== f), taggerEpochs, random, null));
  firstByFold.push(model);
  for (const [k, p] of trainSet.entries()) if (foldOf(k) === f) aheadTags.set(p, tagPass(model, tagSet, atomsOf(p), null));
  log(`first pass: fold ${f + 1} of ${folds} tagged`);
}
for (let f = 0; folds > 1 && f < folds; f++) {
  const second = finished(trainTagger(trainSet.filter((_, k) => foldOf(k) !== f), taggerEpochs, random, aheadTags));
  for (const [k, p] of trainSet.entries()) if (foldOf(k) === f) p.predicted = tagPass(second, tagSet, atomsOf(p), aheadTags.get(p)!);
  log(`second pass: fold ${f + 1} of ${folds} tagged`);
}
const firstTagger = trainTagger(trainSet, taggerEpochs, random, null);
if (folds <= 1) {
  const first = finished(firstTagger);
  for (const p of trainSet) aheadTags.set(p, tagPass(first, tagSet, atomsOf(p), null));
}
const secondTagger = trainTagger(trainSet, taggerEpochs, random, aheadTags);
const taggerData = firstTagger.export(minWeight.tagger);
const taggerAheadData = secondTagger.export(minWeight.tagger);
if (folds <= 1) for (const p of trainSet) p.predicted = p.gold;
{
  let right = 0, all = 0, right1 = 0;
  const confusions = new Map<string, number>();
  const first = new LinearModel(taggerData);
  const second = new LinearModel(taggerAheadData);
  for (const s of dev) {
    const p = prepare(s);
    const one = tagPass(first, tagSet, atomsOf(p), null);
    const two = tagPass(second, tagSet, atomsOf(p), one);
    for (let i = 1; i < p.gold.length; i++, all++) {
      if (two[i] !== p.gold[i] && opts["tagger-only"]) confusions.set(`${tags[p.gold[i]]} -> ${tags[two[i]]}`, (confusions.get(`${tags[p.gold[i]]} -> ${tags[two[i]]}`) ?? 0) + 1);
      if (two[i] === p.gold[i]) right++;
      if (one[i] === p.gold[i]) right1++;
    }
  }
  log(`tagger on dev: ${(right1 / all).toFixed(4)} of UPOS|XPOS pairs right after one pass, ${(right / all).toFixed(4)} after two`);
  if (opts["tagger-only"]) {
    log([...confusions].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k}: ${v}`).join("\n"));
    process.exit(0);
  }
}

// ---- the parser
const transitions = new AveragedPerceptron(TRANSITIONS);
const labeller = new AveragedPerceptron(labels.length);
const feats = new Uint32Array(PARSER_FEATURES);
const labelFeats = new Uint32Array(LABEL_FEATURES);
const scores = new Float32Array(TRANSITIONS);
const labelScores = new Float32Array(labels.length);
const costs = new Int32Array(TRANSITIONS);

function parseEpoch(explore: boolean): void {
  for (const p of shuffle(trainSet, random)) {
    const x = parserInput(wordAtoms(p.forms).word, p.predicted);
    const c = new Configuration(x.n);
    while (!c.done) {
      const n = transitionFeatures(c, x, feats);
      scores.fill(0);
      transitions.score(feats, n, scores);
      let guess = -1;
      let least = Infinity;
      for (let t = 0; t < TRANSITIONS; t++) {
        if (!c.legal(t)) continue;
        costs[t] = c.cost(t, p.heads);
        least = Math.min(least, costs[t]);
        if (guess < 0 || scores[t] > scores[guess]) guess = t;
      }
      let right = -1;
      for (let t = 0; t < TRANSITIONS; t++) if (c.legal(t) && costs[t] === least && (right < 0 || scores[t] > scores[right])) right = t;
      if (costs[guess] > least) transitions.update(feats, n, right, guess);
      transitions.tick();
      // after the first epoch, follow the model's own mistakes now and then, to learn to recover from them
      const next = costs[guess] === least || (explore && random() < 0.9) ? guess : right;
      if (next === SHIFT) {
        c.apply(SHIFT, -1);
        continue;
      }
      const dep = c.s(0);
      const head = next === LEFT ? c.b(0) : c.s(1);
      let label = ROOT;
      if (head !== 0) {
        const m = labelFeatures(c, x, head, dep, labelFeats);
        labelScores.fill(0);
        labeller.score(labelFeats, m, labelScores);
        label = -1;
        for (let l = 0; l < labels.length; l++) if (l !== ROOT && (label < 0 || labelScores[l] > labelScores[label])) label = l;
        const truth = p.rels[dep];
        if (truth !== ROOT && truth !== label) labeller.update(labelFeats, m, truth, label);
        labeller.tick();
      }
      c.apply(next, label);
    }
  }
}

function snapshot(training: Record<string, unknown>): ModelFile {
  return {
    header: {
      tags,
      labels,
      unambiguous,
      about: "annals dependency parser and tagger, trained on the Universal Dependencies English Web Treebank (UD_English-EWT); CC BY-SA 4.0, see models/LICENSE-parser.md",
      models: ["tagger", "tagger-ahead", "transitions", "labels"],
      training,
    },
    models: { tagger: taggerData, "tagger-ahead": taggerAheadData, transitions: transitions.export(minWeight.parser), labels: labeller.export(minWeight.label) },
  };
}

/** An experiment's upper bound: the parser given the treebank's own tags. */
function goldTagScores(parser: DependencyParser) {
  let words = 0, heads = 0, labelled = 0;
  for (const s of dev) {
    const p = prepare(s);
    const r = parser.parseTagged(p.forms, p.gold);
    for (let i = 1; i <= p.forms.length; i++, words++) if (r.heads[i] === p.heads[i]) {
      heads++;
      if (r.labels[i] === p.rels[i]) labelled++;
    }
  }
  return { uas: heads / words, las: labelled / words, upos: 1, xpos: 1 };
}

let bestLas = -1;
let bestBytes: Uint8Array | null = null;
for (let e = 1; e <= parserEpochs; e++) {
  parseEpoch(e > 1);
  const settings = { seed, taggerEpochs, parserEpochs: e, folds, minWeight, trainingSentences: train.length };
  const bytes = encodeModel(snapshot(settings));
  const scores = opts["gold-tags"] ? goldTagScores(new DependencyParser(bytes)) : attachmentScores(new DependencyParser(bytes), dev);
  log(`epoch ${e}: dev UAS ${scores.uas.toFixed(4)} LAS ${scores.las.toFixed(4)} UPOS ${scores.upos.toFixed(4)} XPOS ${scores.xpos.toFixed(4)}; ${transitions.features} transition and ${labeller.features} label features; model ${(bytes.length / 1e6).toFixed(1)} MB`);
  if (scores.las > bestLas) {
    bestLas = scores.las;
    const withScores = { ...settings, dev: { uas: Number(scores.uas.toFixed(4)), las: Number(scores.las.toFixed(4)), upos: Number(scores.upos.toFixed(4)) } };
    bestBytes = encodeModel(snapshot(withScores));
  }
}
writeFileSync(opts.out!, bestBytes!);
log(`wrote ${opts.out} (${(bestBytes!.length / 1e6).toFixed(1)} MB), best dev LAS ${bestLas.toFixed(4)}`);
