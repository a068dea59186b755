/** `annals eval petrarch FILE`: PETRARCH's unit-test records, coded and compared, by category. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { evaluatePetrarch } from "../core/evaluate/petrarch.js";
import { readDataDir } from "../node/data-files.js";
import { parse, UsageError } from "./args.js";

export function runEval(argv: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parse(argv, { "show-failures": { type: "boolean" }, "use-parse": { type: "boolean" } });
  const [what, file] = positionals;
  if (what !== "petrarch" || !file) throw new UsageError("annals eval petrarch FILE [--use-parse] [--show-failures]");
  const dir = dirname(file);
  const result = evaluatePetrarch(readFileSync(file, "utf8"), (name) => readFileSync(join(dir, name), "utf8"), readDataDir().filter((f) => f.path.startsWith("ontology/")), values["use-parse"]);
  if (values["show-failures"]) {
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
