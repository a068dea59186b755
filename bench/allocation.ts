/**
 * Heap allocated a sentence, for `npm run bench:code`, run as its own process:
 * `node --expose-gc --min-semi-space-size=64 --max-semi-space-size=64`.
 * Node 20 keeps no count of bytes allocated, so: a full collection, the
 * heap's used size, a small batch coded, the used size again; the difference
 * is what the batch allocated, provided no collection ran inside the batch. A
 * young generation of 64 MB makes that the rule (a batch allocates a few MB);
 * collections are watched all the same (a PerformanceObserver of "gc"
 * entries) and a batch one overlaps is left out. Batches are spread evenly
 * over the corpus. Prints one JSON line.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { loadDictionaries } from "../src/node/data-files.js";
import { readBatch } from "../src/node/inputs.js";
import { codeNews } from "./code-news.js";
import { newsCorpus } from "./news-corpus.js";

const BATCHES = 200;
const BATCH_SIZE = 20;
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error("run with node --expose-gc");

const { dictionaries } = loadDictionaries();
const docs = readBatch(Buffer.from(newsCorpus(dictionaries).sentences.join("\n") + "\n"), "news.txt", { lines: true, date: null }).documents;
codeNews(docs, dictionaries); // warm: what is built once is not allocation a sentence

const pauses: { start: number; end: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
});
observer.observe({ entryTypes: ["gc"] });
const measured: { start: number; end: number; bytes: number; sentences: number }[] = [];
const stride = Math.max(BATCH_SIZE, Math.floor(docs.length / BATCHES));
for (let at = 0; at + BATCH_SIZE <= docs.length && measured.length < BATCHES; at += stride) {
  const batch = docs.slice(at, at + BATCH_SIZE);
  collect();
  const start = performance.now();
  const before = getHeapStatistics().used_heap_size;
  codeNews(batch, dictionaries);
  const after = getHeapStatistics().used_heap_size;
  measured.push({ start, end: performance.now(), bytes: after - before, sentences: batch.length });
}
await new Promise((resolve) => setTimeout(resolve, 200)); // gc entries are delivered after the fact
observer.disconnect();
const kept = measured.filter((m) => !pauses.some((p) => p.start < m.end && p.end > m.start));
const sentences = kept.reduce((n, m) => n + m.sentences, 0);
const bytes = kept.reduce((n, m) => n + m.bytes, 0);
console.log(JSON.stringify({ bytesPerSentence: bytes / sentences, sentences, batches: kept.length, discarded: measured.length - kept.length }));
