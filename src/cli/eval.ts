/**
 * `annals eval petrarch FILE`: PETRARCH's unit-test records, coded and compared, by category.
 * `annals eval plv FILE.tsv`, `annals eval gold FILE.jsonl`: real text with gold events, scored by the PLV rule.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { normalizeDate } from "../core/index.js";
import { evaluateGold } from "../core/evaluate/gold.js";
import { readGold } from "../core/evaluate/gold-file.js";
import { evaluatePetrarch } from "../core/evaluate/petrarch.js";
import { GoldFormatError, readPlv } from "../core/evaluate/plv.js";
import { DEFAULT_DATA_DIR, loadDictionaries, readDataDir } from "../node/data-files.js";
import { ConlluError, readConllu } from "../core/parse/conllu.js";
import { attachmentScores } from "../core/parse/evaluate.js";
import { rawTextScores } from "../core/parse/evaluate-raw.js";
import { loadParser } from "../node/parser-model.js";
import { parse, UsageError } from "./args.js";
import { goldReport, showCases, type Show } from "./eval-report.js";
import { EVAL_USAGE } from "./usage.js";

export function runEval(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const { values, positionals } = parse(argv, {
    "show-failures": { type: "boolean" },
    "use-parse": { type: "boolean" },
    show: { type: "string" },
    date: { type: "string" },
    dict: { type: "string" },
    "no-require-dyad": { type: "boolean" },
    model: { type: "string" },
  });
  const [what, file] = positionals;
  if (!file || positionals.length > 2) throw new UsageError(EVAL_USAGE);
  if (what === "ud") return evalUd(file, values.model, out, err);
  if (what === "petrarch") return evalPetrarch(file, values["use-parse"] === true, values["show-failures"] === true, out);
  if (what !== "plv" && what !== "gold") throw new UsageError(EVAL_USAGE);

  const show = values.show as Show | undefined;
  if (show !== undefined && !["misses", "false", "all"].includes(show)) throw new UsageError(`--show must be misses, false or all, not "${show}"`);
  let date: string | null | undefined;
  if (values.date !== undefined) {
    date = normalizeDate(values.date);
    if (!date) throw new UsageError(`--date "${values.date}" is not a real date (YYYY-MM-DD)`);
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    err.write(`annals: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  let docs;
  try {
    docs = what === "plv" ? readPlv(text, basename(file)) : readGold(text, basename(file), (d) => normalizeDate(d) === d);
  } catch (e) {
    if (!(e instanceof GoldFormatError)) throw e;
    err.write(`annals: ${e.message}\n`);
    return 1;
  }
  const { dictionaries, problems } = loadDictionaries(values.dict ?? DEFAULT_DATA_DIR);
  if (problems.length) err.write(`annals: ${problems.length} dictionary problems (run "annals dict check")\n`);
  const result = evaluateGold(docs, dictionaries, { requireDyad: !values["no-require-dyad"] }, date);
  if (show) out.write(showCases(result, show));
  out.write(goldReport(result));
  const refused = result.cases.filter((c) => c.error);
  for (const c of refused) err.write(`annals: ${c.doc.where}: not coded: ${c.error}\n`);
  return 0;
}

function evalUd(file: string, model: string | undefined, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  let sentences;
  try {
    sentences = readConllu(readFileSync(file, "utf8"));
  } catch (e) {
    const why = e instanceof ConlluError ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    err.write(`annals: ${file}: ${why}\n`);
    return 1;
  }
  const parser = loadParser(model);
  const s = attachmentScores(parser, sentences);
  const raw = rawTextScores(parser, sentences);
  const pct = (x: number) => x.toFixed(3);
  out.write(`${sentences.length} sentences, ${s.words} words; tags: UPOS ${pct(s.upos)}, XPOS ${pct(s.xpos)}\n`);
  out.write("relation         words    UAS    LAS\n");
  for (const r of s.byRelation) out.write(`${r.relation.padEnd(15)} ${String(r.words).padStart(6)}  ${pct(r.uas)}  ${pct(r.las)}\n`);
  out.write(`from the raw text of each sentence, split into words by annals' reader: ${raw.systemWords} words for ${raw.goldWords}; F1 of words ${pct(raw.words)}, UAS ${pct(raw.uas)}, LAS ${pct(raw.las)}\n`);
  out.write(`UAS ${pct(s.uas)} LAS ${pct(s.las)}\n`);
  return 0;
}

function evalPetrarch(file: string, useParse: boolean, showFailures: boolean, out: NodeJS.WritableStream): number {
  const dir = dirname(file);
  const result = evaluatePetrarch(readFileSync(file, "utf8"), (name) => readFileSync(join(dir, name), "utf8"), readDataDir().filter((f) => f.path.startsWith("ontology/")), useParse);
  if (showFailures) {
    for (const r of result.results.filter((x) => !x.passed)) {
      out.write(`${r.record.id} (${file}:${r.record.line}): ${r.record.text}\n  expected: ${r.expected.join("; ") || "nothing"}\n  produced: ${r.produced.join("; ") || "nothing"}\n`);
      for (const e of r.coded.events) out.write(`    ${e.source?.code ?? "---"} ${e.target?.code ?? "---"} ${e.code} ${e.mood}${e.negated ? " negated" : ""} [${e.rule}]\n`);
    }
  }
  out.write("category     passed  failed\n");
  for (const [cat, c] of [...result.byCategory].sort()) out.write(`${cat.padEnd(12)} ${String(c.passed).padStart(6)}  ${String(c.failed).padStart(6)}\n`);
  out.write(`${result.passed} passed, ${result.failed} failed\n`);
  return 0;
}
