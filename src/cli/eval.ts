/** `annals eval petrarch FILE`: PETRARCH's unit-test records, coded and compared, by category. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { codeDocument, compileDictionaries, importPetrarch, type Event } from "../core/index.js";
import { readPetrarchSuite, type Triple } from "../core/evaluate/petrarch-records.js";
import { readDataDir } from "../node/data-files.js";
import { parse, UsageError } from "./args.js";

const key = (t: Triple) => `${t.source} ${t.target} ${t.code}`;

/** What annals codes as a PETRARCH triple: every event not denied; PETRARCH marks no mood. */
function triples(events: Event[]): Triple[] {
  return events.filter((e) => !e.negated).map((e) => ({ source: e.source?.code ?? "---", target: e.target?.code ?? "---", code: e.code }));
}

export function runEval(argv: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parse(argv, { "show-failures": { type: "boolean" } });
  const [what, file] = positionals;
  if (what !== "petrarch" || !file) throw new UsageError("annals eval petrarch FILE [--show-failures]");
  const suite = readPetrarchSuite(readFileSync(file, "utf8"));
  const dir = dirname(file);
  const names = [suite.verbs, suite.actors, suite.agents, suite.discards].filter((n): n is string => !!n);
  const imported = importPetrarch(names.map((n) => ({ name: n, text: readFileSync(join(dir, n), "utf8") })), readDataDir().filter((f) => f.path.startsWith("ontology/")));
  const { dictionaries } = compileDictionaries(imported.files);
  const byCategory = new Map<string, { passed: number; failed: number }>();
  let passed = 0;
  let failed = 0;
  for (const r of suite.records) {
    const events = codeDocument({ id: r.id, text: r.text, date: r.date, place: null }, dictionaries, { requireDyad: r.requireDyad }).events;
    const got = [...new Set(triples(events).map(key))].sort();
    const want = r.expectsNothing ? [] : [...new Set(r.expected.map(key))].sort();
    const ok = got.length === want.length && got.every((g, i) => g === want[i]);
    const c = byCategory.get(r.category) ?? { passed: 0, failed: 0 };
    if (ok) {
      c.passed++;
      passed++;
    } else {
      c.failed++;
      failed++;
      if (values["show-failures"]) {
        out.write(`${r.id} (${file}:${r.line}): ${r.text}\n  expected: ${want.join("; ") || "nothing"}\n  produced: ${got.join("; ") || "nothing"}\n`);
        for (const e of events) out.write(`    ${e.source?.code ?? "---"} ${e.target?.code ?? "---"} ${e.code} ${e.mood}${e.negated ? " negated" : ""} [${e.rule}]\n`);
      }
    }
    byCategory.set(r.category, c);
  }
  out.write("category     passed  failed\n");
  for (const [cat, c] of [...byCategory].sort()) out.write(`${cat.padEnd(12)} ${String(c.passed).padStart(6)}  ${String(c.failed).padStart(6)}\n`);
  out.write(`${passed} passed, ${failed} failed\n`);
  return 0;
}
