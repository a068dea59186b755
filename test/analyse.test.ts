import { test } from "node:test";
import assert from "node:assert/strict";
import { analyseText } from "../src/core/analyse/tagger.js";
import { findClauses } from "../src/core/analyse/clauses.js";

const sentencesOf = (t: string) => analyseText(t).map((s) => s.text);

test("sentence splitting survives abbreviations, initials, numbers and quotes", () => {
  const text = `The U.S. envoy met Lt. Gen. John A. Smith on Jan. 5 in Washington. He said the No. 2 official "would resign." Officials in St. Petersburg declined to comment. Mr. Lee left at 10 a.m. on Tuesday.`;
  assert.deepEqual(sentencesOf(text), [
    "The U.S. envoy met Lt. Gen. John A. Smith on Jan. 5 in Washington.",
    `He said the No. 2 official "would resign."`,
    "Officials in St. Petersburg declined to comment.",
    "Mr. Lee left at 10 a.m. on Tuesday.",
  ]);
});

test("token offsets point into the document text, lemmas are base forms", () => {
  const text = "  Protesters were attacked by police in Harare.\n\nXi’s visit began.";
  for (const s of analyseText(text)) {
    assert.equal(text.slice(s.start, s.end), s.text);
    for (const t of s.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  }
  const [first] = analyseText(text);
  const attacked = first.tokens.find((t) => t.text === "attacked")!;
  assert.equal(attacked.lemma, "attack");
  assert.equal(attacked.pos, "VERB");
});

function clausesOf(sentence: string) {
  const [s] = analyseText(sentence);
  const r = (a: [number, number] | null) => (a ? s.tokens.slice(a[0], a[1]).map((t) => t.text).join(" ") : null);
  return findClauses(s.tokens).map((c) => ({
    verb: s.tokens[c.vg.head].text,
    kind: c.kind,
    subject: r(c.subject),
    from: c.subjectFrom ? s.tokens[c.subjectFrom.vg.head].text : null,
    complement: r(c.complement),
    passive: c.vg.passive,
    negated: c.vg.negated,
    modal: c.vg.modal,
    catenative: c.catenative,
  }));
}

test("a bare participle after a noun is a reduced relative: the finite verb after it has the noun as its subject", () => {
  const cs = clausesOf("The Gondorian coalition fighting rebels in Rohan has declared a truce.");
  assert.deepEqual(cs.map((c) => [c.verb, c.subject, c.complement]), [
    ["fighting", "The Gondorian coalition", "rebels in Rohan"],
    ["declared", "The Gondorian coalition", "a truce ."],
  ]);
  const arrested = clausesOf("A man arrested in Minas Tirith said Mordor had paid him.");
  assert.equal(arrested[1].verb, "said");
  assert.equal(arrested[1].subject, "A man");
  // a finite verb after a noun is no participle: "Police arrested protesters" keeps its own subject
  assert.equal(clausesOf("Police arrested protesters blocking the road.")[0].subject, "Police");
});

test("passive voice, negation and modals are read off the verb group", () => {
  const [c] = clausesOf("Ten protesters were not detained by police.");
  assert.equal(c.verb, "detained");
  assert.equal(c.passive, true);
  assert.equal(c.negated, true);
  assert.equal(clausesOf("Iran will visit Iraq.")[0].modal, "will");
  assert.equal(clausesOf("Iran could attack Iraq.")[0].modal, "could");
});

test("coordinated verbs share the subject; relative clauses take their antecedent", () => {
  const cs = clausesOf("Chinese President Xi Jinping met in Moscow and agreed to further cement ties.");
  assert.equal(cs[0].subject, "Chinese President Xi Jinping");
  assert.deepEqual([cs[1].verb, cs[1].kind, cs[1].from], ["agreed", "coordinate", "met"]);
  const rel = clausesOf("Xi, who arrived on Monday, met Putin.");
  assert.deepEqual(rel.map((c) => [c.verb, c.kind]), [["arrived", "relative"], ["met", "main"]]);
});

test("reported speech: the frame is separate from the reported clause", () => {
  const cs = clausesOf("Russia will boost ties, said Putin.");
  assert.deepEqual(cs.map((c) => [c.verb, c.kind, c.subject]), [["boost", "main", "Russia"], ["said", "frame", "Putin"]]);
  const that = clausesOf("Putin said that the two sides should beef up support.");
  assert.deepEqual(that.map((c) => [c.verb, c.kind, c.subject]), [["said", "main", "Putin"], ["beef", "embedded", "the two sides"]]);
  const paren = clausesOf("China and Russia, they stressed, are both opposed to the plan.");
  assert.equal(paren[1].subject, "China and Russia");
});

test("catenatives: plans, expectations and failures move the event to the infinitive", () => {
  assert.deepEqual(clausesOf("Merkel plans to visit China.").map((c) => [c.verb, c.catenative]), [["visit", "intended"]]);
  assert.deepEqual(clausesOf("The deal is expected to be signed.").map((c) => [c.verb, c.catenative, c.passive]), [["signed", "intended", true]]);
  assert.deepEqual(clausesOf("Talks failed to reach a deal.").map((c) => [c.verb, c.catenative]), [["reach", "failed"]]);
});

test("noun phrases and prepositional phrases of a complement", async () => {
  const { phrasesIn } = await import("../src/core/analyse/phrases.js");
  const [s] = analyseText("Xi held talks with the Russian president in the Kremlin on Monday.");
  const held = findClauses(s.tokens)[0];
  const phrases = phrasesIn(s.tokens, held.complement[0], held.complement[1]).map((p) => `${p.preposition ?? "-"}:${s.tokens.slice(p.start, p.end).map((t) => t.text).join(" ")}`);
  assert.deepEqual(phrases, ["-:talks", "with:the Russian president", "in:the Kremlin", "on:Monday"]);
});

test("a Penn Treebank parse gives tokens, tags and offsets; a malformed tree is a clear error", async () => {
  const { sentenceFromParse } = await import("../src/core/analyse/penn-tree.js");
  const { DocumentError } = await import("../src/core/index.js");
  const text = "Arnor didn't restore ties with Gondor.";
  const s = sentenceFromParse(text, "(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (RB n't) (VP (VB restore) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))) (. .)))");
  assert.deepEqual(s.tokens.map((t) => `${t.text}/${t.pos}`), ["Arnor/PROPN", "did/AUX", "n't/PART", "restore/VERB", "ties/NOUN", "with/ADP", "Gondor/PROPN", "./PUNCT"]);
  for (const t of s.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(findClauses(s.tokens)[0].vg.negated, true);
  assert.throws(() => sentenceFromParse(text, "(ROOT (S (NP (NNP Arnor))"), (e: unknown) => e instanceof DocumentError && /unbalanced/.test((e as Error).message));
  assert.equal(s.differsAt, null);
});

test("a parse of another wording is coded by its own words, each spanning the text's next word", async () => {
  const { sentenceFromParse } = await import("../src/core/analyse/penn-tree.js");
  const text = "The ministry condemned the attack.";
  const s = sentenceFromParse(text, "(ROOT (S (NP (DT The) (NNS officials)) (VP (VBD condemned) (NP (DT the) (NN attack))) (. .)))");
  assert.equal(s.differsAt, 1);
  assert.deepEqual(s.tokens.map((t) => `${t.text}/${t.lemma}@${text.slice(t.start, t.end)}`), ["The/the@The", "officials/official@ministry", "condemned/condemn@condemned", "the/the@the", "attack/attack@attack", "./.@."]);
});

test("an irregular past tense the model reads as a noun after a plural subject is a verb", () => {
  const [s] = analyseText("Israeli forces shot a Palestinian teenager.");
  const shot = s.tokens.find((t) => t.lower === "shot")!;
  assert.deepEqual([shot.pos, shot.lemma], ["VERB", "shoot"]);
});

test("tag repairs of news text: a headline's missed verb, 'for help', a participle describing a noun", () => {
  const pos = (text: string, word: string) => analyseText(text)[0].tokens.find((t) => t.lower === word)?.pos;
  assert.equal(pos("Eritrea releases dozens of political detainees.", "releases"), "VERB");
  assert.equal(pos("Iraq asked Russia for help.", "help"), "NOUN");
  assert.equal(pos("Israel evacuated wounded Palestinians.", "wounded"), "ADJ");
  assert.equal(pos("Kosovo honored the American ambassador.", "honored"), "VERB");
  assert.equal(pos("Rohan returned the treasures, including a crown, to Gondor.", "including"), "ADP");
  assert.equal(pos("The package is including new loans.", "including"), "VERB");
  // a sentence with no verb has the one the model missed
  assert.equal(pos("Mordor police beheaded a Gondorian spy.", "beheaded"), "VERB");
  assert.equal(pos("Rohan police tortured a Gondorian prisoner.", "tortured"), "VERB");
  assert.equal(pos("The beheaded spy from Gondor.", "beheaded"), "ADJ");
});
