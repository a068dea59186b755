/**
 * `npm run bench:code`: how fast `annals code` is on news, as a user runs it.
 * The corpus is every distinct news-like sentence at hand (./news-corpus.ts),
 * each coded as a `--lines` document with the default options, its events
 * serialised as JSON Lines. The whole bench runs on one core (`taskset -c 0`,
 * where taskset exists), and prints:
 * (a) steady state in the bench's own process, after a warm-up pass:
 *     sentences, words and events a second, wall and CPU;
 * (b) the whole `annals code --lines` process on a file of BENCH_CODE_LINES
 *     (default 100,000) lines, the distinct sentences repeated (each copy a
 *     distinct line), its events written to a file: wall and CPU seconds,
 *     sentences a second;
 * (c) cold start: the whole process on one sentence, median of 5, the
 *     dictionary cache already written;
 * (d) peak memory (max RSS of the process in (b)) and heap allocated per
 *     sentence (./allocation.ts, a process of its own, says how).
 * Each child process reports its own CPU time and max RSS as it exits (a
 * module given to `node --import`). The header names the machine. Prints
 * figures; asserts nothing. Temporary files are deleted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadDictionaries } from "../src/node/data-files.js";
import { readBatch } from "../src/node/inputs.js";
import { codeNews } from "./code-news.js";
import { newsCorpus } from "./news-corpus.js";

const LINES = Number(process.env.BENCH_CODE_LINES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_CODE_ROUNDS ?? 3);
const ROOT = join(import.meta.dirname, "..");
const hasTaskset = spawnSync("taskset", ["-V"]).status === 0;

// one core for everything, the coder's garbage collector threads included: re-run this file under taskset
if (hasTaskset && !process.env.BENCH_CODE_PINNED) {
  const run = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, process.argv[1]], { stdio: "inherit", env: { ...process.env, BENCH_CODE_PINNED: "1" } });
  process.exit(run.status ?? 1);
}

const n0 = (x: number) => Math.round(x).toLocaleString("en-US");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall and CPU (user + system) seconds of `work`. */
function timed<T>(work: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = work();
  const c = process.cpuUsage(c0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

// a child's own account of itself, written to stderr as it exits
const USAGE_HOOK =
  "data:text/javascript," +
  encodeURIComponent(`import { writeSync } from "node:fs";
process.on("exit", () => { const u = process.resourceUsage(); writeSync(2, "\\nBENCH_USAGE " + JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssKb: u.maxRSS }) + "\\n"); });`);

/** `annals code --lines FILE` as a whole process (pinned to one core as this one is); events go to `out`. */
function annalsCode(file: string, out: string): { wall: number; cpu: number; maxRssKb: number } {
  const t0 = performance.now();
  const run = spawnSync("sh", ["-c", `exec "$0" "$@" > "${out}"`, process.execPath, `--import=${USAGE_HOOK}`, join(ROOT, "bin", "annals.js"), "code", "--lines", file], { encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const usage = /BENCH_USAGE (.*)/.exec(run.stderr);
  if (run.status !== 0 || !usage) throw new Error(`annals code exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
  return { wall, ...(JSON.parse(usage[1]) as { cpu: number; maxRssKb: number }) };
}

if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) throw new Error("no dist/: run npm run build first (npm run bench:code builds)");
const load = loadavg();
console.log(`annals bench:code: news-like sentences, one at a time as annals code --lines reads them`);
console.log(`  machine           ${cpus()[0]?.model.trim()}, ${cpus().length} cores; node ${process.version}; load average ${load.map((l) => l.toFixed(2)).join(" ")} at start`);
console.log(`  pinned            ${hasTaskset ? "taskset -c 0: this process and every child on core 0" : "no taskset here: NOT pinned, the figures may use more than one core"}`);

const { dictionaries } = loadDictionaries(); // writes the disk cache the child processes read
const corpus = newsCorpus(dictionaries);
for (const s of corpus.sources) console.log(`  corpus            ${n0(s.sentences).padStart(6)} distinct sentences from ${s.name}`);
for (const m of corpus.missing) console.log(`  corpus            left out: ${m}`);
const docs = readBatch(Buffer.from(corpus.sentences.join("\n") + "\n"), "news.txt", { lines: true, date: null }).documents;
const words = corpus.sentences.reduce((n, s) => n + s.split(" ").length, 0);
console.log(`  corpus            ${n0(docs.length)} sentences, ${n0(words)} words (${(words / docs.length).toFixed(1)} a sentence)`);

// (a) steady state
codeNews(docs, dictionaries); // warm-up: the tagger, the JIT, the dictionaries' lazy parts
const rounds = Array.from({ length: ROUNDS }, () => timed(() => codeNews(docs, dictionaries)));
const mid = [...rounds].sort((a, b) => a.wall - b.wall)[Math.floor(rounds.length / 2)];
const perCpu = (x: number) => n0(x / mid.cpu);
console.log(`(a) steady state    median of ${ROUNDS} passes: ${mid.wall.toFixed(2)} s wall, ${mid.cpu.toFixed(2)} s CPU a pass`);
console.log(`                    ${n0(docs.length / mid.wall)} sentences/s, ${n0(words / mid.wall)} words/s, ${n0(mid.value / mid.wall)} events/s (wall); ${perCpu(docs.length)} sentences/s of CPU`);
console.log(`                    ${n0(mid.value)} events a pass; passes ${rounds.map((r) => n0(docs.length / r.wall)).join(", ")} sentences/s`);

// (b) the whole process on a big file, (c) on one sentence
const dir = mkdtempSync(join(tmpdir(), "annals-bench-code-"));
try {
  const big = join(dir, "news.txt");
  // a line's id is its hash and a repeated id is read once, so the k-th copy of a sentence carries k trailing
  // spaces: another document to the reader, the same words to the coder
  const n = corpus.sentences.length;
  writeFileSync(big, Array.from({ length: LINES }, (_, i) => corpus.sentences[i % n] + " ".repeat(Math.floor(i / n))).join("\n") + "\n");
  const out = join(dir, "events.jsonl");
  const whole = annalsCode(big, out);
  const events = readFileSync(out, "utf8").split("\n").length - 1;
  console.log(`(b) whole process   annals code --lines, ${n0(LINES)} lines: ${whole.wall.toFixed(2)} s wall, ${whole.cpu.toFixed(2)} s CPU`);
  console.log(`                    ${n0(LINES / whole.wall)} sentences/s (wall), ${n0(LINES / whole.cpu)} sentences/s of CPU; ${n0(events)} events written`);

  const one = join(dir, "one.txt");
  writeFileSync(one, corpus.sentences[0] + "\n");
  annalsCode(one, join(dir, "one.jsonl")); // the cache is written already; this only steadies the file cache
  const colds = Array.from({ length: 5 }, () => annalsCode(one, join(dir, "one.jsonl")));
  console.log(`(c) cold start      one sentence, median of 5: ${median(colds.map((c) => c.wall)).toFixed(3)} s wall, ${median(colds.map((c) => c.cpu)).toFixed(3)} s CPU (runs ${colds.map((c) => c.wall.toFixed(2)).join(", ")} s)`);
  console.log(`(d) peak memory     max RSS of the process in (b): ${(whole.maxRssKb / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const allocation = spawnSync(process.execPath, ["--expose-gc", "--min-semi-space-size=64", "--max-semi-space-size=64", ...process.execArgv, join(import.meta.dirname, "allocation.ts")], { encoding: "utf8" });
if (allocation.status !== 0) throw new Error(`bench/allocation.ts failed: ${allocation.stderr}`);
const alloc = JSON.parse(allocation.stdout) as { bytesPerSentence: number; sentences: number; batches: number; discarded: number };
console.log(`    allocation      ${(alloc.bytesPerSentence / 1024).toFixed(0)} KB of heap a sentence (${n0(alloc.sentences)} sentences in ${alloc.batches} batches of 20, each between two full collections; ${alloc.discarded} batches a collection ran in left out)`);
console.log(`  load average at the end ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
