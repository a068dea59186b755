import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Configuration, LEFT, RIGHT, SHIFT } from "../src/core/parse/arc-hybrid.js";
import { ConlluError, readConllu, writeConllu, type TreebankSentence } from "../src/core/parse/conllu.js";
import { analyseText } from "../src/core/analyse/tagger.js";
import { attachmentScores } from "../src/core/parse/evaluate.js";
import { rawTextScores } from "../src/core/parse/evaluate-raw.js";
import { decodeModel, encodeModel, ModelFileError } from "../src/core/parse/model-file.js";
import { DependencyParser } from "../src/core/parse/parser.js";
import { parsedAsTree } from "../src/core/parse/show.js";
import { DEFAULT_PARSER_MODEL, loadParser } from "../src/node/parser-model.js";

// Our own sentences, annotated by hand in the Universal Dependencies style.
const SAMPLE = `# sent_id = a1
# text = Rebels freed two hostages on Monday.
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	freed	free	VERB	VBD	_	0	root	_	_
3	two	two	NUM	CD	_	4	nummod	_	_
4	hostages	hostage	NOUN	NNS	_	2	obj	_	_
5	on	on	ADP	IN	_	6	case	_	_
6	Monday	Monday	PROPN	NNP	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = a2
# text = They don't trust the envoy, who resigned.
1	They	they	PRON	PRP	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	trust	trust	VERB	VB	_	0	root	_	_
5	the	the	DET	DT	_	6	det	_	_
6	envoy	envoy	NOUN	NN	_	4	obj	_	_
7	,	,	PUNCT	,	_	9	punct	_	_
8	who	who	PRON	WP	_	9	nsubj	_	_
8.1	_	_	_	_	_	_	_	_	_
9	resigned	resign	VERB	VBD	_	6	acl:relcl	_	_
10	.	.	PUNCT	.	_	4	punct	_	_
`;

test("the CoNLL-U reader keeps syntactic words and skips multiword ranges and empty nodes", () => {
  const [a, b] = readConllu(SAMPLE);
  assert.equal(a.id, "a1");
  assert.equal(a.text, "Rebels freed two hostages on Monday.");
  assert.deepEqual(a.words.map((w) => `${w.form}/${w.head}/${w.deprel}`), ["Rebels/2/nsubj", "freed/0/root", "two/4/nummod", "hostages/2/obj", "on/6/case", "Monday/2/obl", "./2/punct"]);
  assert.deepEqual(b.words.map((w) => w.form), ["They", "do", "n't", "trust", "the", "envoy", ",", "who", "resigned", "."]);
  assert.equal(b.words[8].deprel, "acl:relcl");
  // what it writes, it reads back the same
  assert.deepEqual(readConllu(writeConllu(a) + "\n")[0].words, a.words);
});

test("a malformed CoNLL-U line is an error that names its line", () => {
  assert.throws(() => readConllu("1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\n"), (e: Error) => e instanceof ConlluError && /line 1: expected 10/.test(e.message));
  assert.throws(() => readConllu("# x\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n"), (e: Error) => e instanceof ConlluError && /line 3: word id "3" is not 2/.test(e.message));
  assert.throws(() => readConllu("1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n"), (e: Error) => e instanceof ConlluError && /line 1: head 5 is beyond/.test(e.message));
});

/** Follows the dynamic oracle's zero-cost transitions; on a projective tree that is the static oracle. */
function oracleTree(s: TreebankSentence): Int32Array {
  const n = s.words.length;
  const gold = new Int32Array(n + 1).fill(-1);
  s.words.forEach((w, k) => (gold[k + 1] = w.head));
  const c = new Configuration(n);
  while (!c.done) {
    const t = [LEFT, RIGHT, SHIFT].find((x) => c.legal(x) && c.cost(x, gold) === 0);
    assert.notEqual(t, undefined, `no zero-cost transition in sentence ${s.id}`);
    c.apply(t!, 0);
  }
  return c.heads;
}

function projective(s: TreebankSentence): boolean {
  const arcs = s.words.map((w, k) => [Math.min(w.head, k + 1), Math.max(w.head, k + 1)]);
  return arcs.every(([a, b]) => arcs.every(([c, d]) => !(a < c && c < b && b < d) && !(c < a && a < d && d < b)));
}

test("the transition system's oracle reproduces a projective tree exactly", () => {
  for (const s of readConllu(SAMPLE)) assert.deepEqual([...oracleTree(s)].slice(1), s.words.map((w) => w.head));
});

const UD_TRAIN = new URL("../../shared/ud/en_ewt-ud-train.conllu", import.meta.url);
test("the oracle reproduces every projective tree of the English Web Treebank", { skip: !existsSync(UD_TRAIN) && "../shared/ud is absent: the treebank check is skipped" }, () => {
  const all = readConllu(readFileSync(UD_TRAIN, "utf8"));
  const trees = all.filter((s) => projective(s) && s.words.filter((w) => w.head === 0).length === 1);
  assert.ok(trees.length > 11_000, `${trees.length} projective trees`);
  for (const s of trees) assert.deepEqual([...oracleTree(s)].slice(1), s.words.map((w) => w.head), s.id);
});

test("the shipped model loads, and a damaged model file is refused with a reason", () => {
  const bytes = readFileSync(DEFAULT_PARSER_MODEL);
  const file = decodeModel(bytes);
  assert.ok(file.header.labels.includes("nsubj:pass") && file.header.labels.includes("obl:agent"));
  assert.ok(file.header.tags.includes("VERB|VBN"));
  assert.match(file.header.about, /CC BY-SA 4\.0/);
  // encoding what was decoded gives the same bytes
  assert.deepEqual(Buffer.from(encodeModel(file)), Buffer.from(bytes));
  assert.throws(() => new DependencyParser(bytes.subarray(0, bytes.length - 100)), (e: Error) => e instanceof ModelFileError && /cut short/.test(e.message));
  assert.throws(() => new DependencyParser(new TextEncoder().encode("not a model at all")), (e: Error) => e instanceof ModelFileError && /magic/.test(e.message));
});

/** The relation of `word` and the form of its head, as parsed. */
function arcs(sentence: string): Map<string, string> {
  const forms = sentence.match(/n't|[\w'-]+|[^\s\w]/g)!;
  const words = loadParser().parse(forms);
  return new Map(words.map((w) => [w.form, `${w.deprel} ${w.head === 0 ? "ROOT" : words[w.head - 1].form}`]));
}

test("the parser finds the relations the coder reads", () => {
  const a = arcs("Russian forces shelled the town on Tuesday .");
  assert.equal(a.get("forces"), "nsubj shelled");
  assert.equal(a.get("town"), "obj shelled");
  assert.equal(a.get("Tuesday"), "obl shelled");
  assert.equal(a.get("shelled"), "root ROOT");

  const p = arcs("The protesters were arrested by the police in Harare .");
  assert.equal(p.get("protesters"), "nsubj:pass arrested");
  assert.equal(p.get("police"), "obl:agent arrested");
  assert.equal(p.get("by"), "case police");

  const s = arcs("The minister said that Iran had attacked the embassy .");
  assert.equal(s.get("attacked"), "ccomp said");
  assert.equal(s.get("Iran"), "nsubj attacked");
  assert.equal(s.get("embassy"), "obj attacked");

  const x = arcs("China agreed to send aid to Nepal .");
  assert.equal(x.get("send"), "xcomp agreed");
  assert.equal(x.get("aid"), "obj send");
  assert.equal(x.get("Nepal"), "obl send");

  const c = arcs("Police detained the leader and released his aides .");
  assert.equal(c.get("released"), "conj detained");
  assert.equal(c.get("and"), "cc released");
  assert.equal(c.get("aides"), "obj released");

  const r = arcs("The envoy who visited Cairo met the president .");
  assert.equal(r.get("visited"), "acl:relcl envoy");
  assert.equal(r.get("envoy"), "nsubj met");
  assert.equal(r.get("president"), "obj met");

  const n = arcs("Japan sent two patrol boats to the disputed islands .");
  assert.equal(n.get("boats"), "obj sent");
  assert.equal(n.get("patrol"), "compound boats");
  assert.equal(n.get("to"), "case islands");
});

test("a parse is drawn as an indented tree", () => {
  const words = loadParser().parse(["Rebels", "freed", "two", "hostages", "."]);
  const tree = parsedAsTree(words);
  assert.match(tree, /^root {2}freed VERB/);
  assert.match(tree, /├─ nsubj {2}Rebels NOUN/);
});

const BIN = new URL("../bin/annals.js", import.meta.url).pathname;
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8" });

test("annals parse prints CoNLL-U with the text's own words, and trees with --format pretty", () => {
  const r = run(["parse"], "Police arrested the protesters. They were released.");
  assert.equal(r.status, 0, r.stderr);
  const sentences = readConllu(r.stdout);
  assert.equal(sentences.length, 2);
  assert.deepEqual(sentences[0].words.map((w) => `${w.form} ${w.deprel}`), ["Police nsubj", "arrested root", "the det", "protesters obj", ". punct"]);
  assert.equal(sentences[1].words[0].deprel, "nsubj:pass");
  // lemmas come from annals' reader
  assert.equal(sentences[0].words[1].lemma, "arrest");
  const pretty = run(["parse", "--format", "pretty"], "Police arrested the protesters.");
  assert.match(pretty.stdout, /^# Police arrested the protesters\.\nroot {2}arrested VERB\n/);
  const bad = run(["parse", "--format", "xml"], "x");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format must be conllu or pretty/);
});

test("raw text is scored by aligning the reader's words with the treebank's by their characters", () => {
  const parser = loadParser();
  const sentences = readConllu(SAMPLE);
  // the reader's words are the treebank's here, so scores from raw text equal scores on its words
  const gold = attachmentScores(parser, sentences);
  const raw = rawTextScores(parser, sentences);
  assert.deepEqual([raw.goldWords, raw.systemWords, raw.words], [17, 17, 1]);
  assert.equal(raw.uas, gold.uas);
  assert.equal(raw.las, gold.las);
  // a treebank that keeps "Monday." as one word: the reader's two words match neither, and the words
  // that hang on it cannot have the right head
  const joined = readConllu(SAMPLE.split("\n\n")[0].replace("6\tMonday\tMonday\tPROPN\tNNP\t_\t2\tobl\t_\t_\n7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_", "6\tMonday.\tMonday\tPROPN\tNNP\t_\t2\tobl\t_\t_"));
  assert.equal(joined[0].words.length, 6);
  const split = rawTextScores(parser, joined);
  assert.deepEqual([split.goldWords, split.systemWords], [6, 7]);
  assert.equal(split.words, (2 * 5) / 13);
  const tokens = analyseText(sentences[0].text!)[0].tokens;
  const parsed = parser.parse(tokens.map((t) => t.text), tokens.map((t) => t.pos));
  const rightAmongFirstFive = parsed.slice(0, 5).filter((w, k) => w.head === sentences[0].words[k].head && w.head !== 6).length;
  assert.equal(split.uas, (2 * rightAmongFirstFive) / 13);
});

test("annals eval ud scores a treebank and ends with the UAS and LAS line; a broken file names its line", () => {
  const dir = mkdtempSync(join(tmpdir(), "annals-ud-"));
  writeFileSync(join(dir, "a.conllu"), SAMPLE);
  const r = run(["eval", "ud", join(dir, "a.conllu")]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^2 sentences, 17 words/);
  assert.match(r.stdout, /\nfrom the raw text of each sentence, split into words by annals' reader: 17 words for 17; F1 of words 1\.000, UAS \d\.\d{3}, LAS \d\.\d{3}\nUAS \d\.\d{3} LAS \d\.\d{3}\n$/);
  writeFileSync(join(dir, "b.conllu"), "1\tx\tx\tX\n");
  const bad = run(["eval", "ud", join(dir, "b.conllu")]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /b\.conllu: line 1: expected 10 tab-separated columns/);
});
