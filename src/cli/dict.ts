/** `annals dict check [DIR]`: every dictionary problem as file:line, exit 1 if any. */
import { loadDictionaries, DEFAULT_DATA_DIR } from "../node/data-files.js";
import { HelpRequested, UsageError, wantsHelp } from "./args.js";
import { runImportPetrarch } from "./import-petrarch.js";

export function runDict(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const [sub, dirArg] = argv;
  if (sub === "import-petrarch") return runImportPetrarch(argv.slice(1), out, err);
  if (wantsHelp(argv)) throw new HelpRequested([]);
  if (sub !== "check" && sub !== "stats") throw new UsageError(`annals dict check [DIR] | annals dict stats [DIR] | annals dict import-petrarch FILES --out DIR`);
  const dir = dirArg ?? DEFAULT_DATA_DIR;
  const started = performance.now();
  const { dictionaries, problems } = loadDictionaries(dir);
  const ms = Math.round(performance.now() - started);
  if (sub === "stats") {
    for (const [k, v] of Object.entries(dictionaries.counts)) out.write(`${k.padEnd(18)} ${v}\n`);
    // verb and event-noun patterns and CAMEO codes covered, by root
    const byRoot = new Map<string, { patterns: number; codes: Set<string> }>();
    for (const list of [...dictionaries.verbs.values(), ...dictionaries.nouns.values()]) {
      for (const p of list) {
        const root = p.code.slice(0, 2);
        const r = byRoot.get(root) ?? { patterns: 0, codes: new Set<string>() };
        r.patterns++;
        r.codes.add(p.code);
        byRoot.set(root, r);
      }
    }
    out.write("\nroot  patterns  codes covered\n");
    for (const root of [...byRoot.keys()].sort()) {
      const all = [...dictionaries.ontology.codes.keys()].filter((c) => c.length > 2 && c.startsWith(root));
      const r = byRoot.get(root)!;
      out.write(`${root}    ${String(r.patterns).padStart(8)}  ${r.codes.size}/${all.length}\n`);
    }
    return 0;
  }
  for (const p of problems) err.write(`${p.where}: ${p.message}\n`);
  const c = dictionaries.counts;
  out.write(`${problems.length === 0 ? "ok" : `${problems.length} problem(s)`}: ${c.codes} event codes, ${c.countries} countries, ${c.actors} actors, ${c.agents} agents, ${c.verbPatterns} verb patterns, ${c.nounPatterns} event-noun patterns, ${c.issues} issue keywords, ${c.discards} discards; compiled in ${ms} ms (version ${dictionaries.version})\n`);
  return problems.length === 0 ? 0 : 1;
}
