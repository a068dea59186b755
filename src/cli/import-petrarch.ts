/** `annals dict import-petrarch FILES --out DIR`: PETRARCH dictionaries to an annals dictionary directory. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { importPetrarch } from "../core/index.js";
import { readDataDir } from "../node/data-files.js";
import { decodeText } from "../node/inputs.js";
import { parse, UsageError } from "./args.js";

export function runImportPetrarch(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const { values, positionals } = parse(argv, { out: { type: "string" } });
  if (!values.out || positionals.length === 0) throw new UsageError("annals dict import-petrarch FILES --out DIR");
  const inputs: { name: string; text: string }[] = [];
  for (const file of positionals) {
    const { text, problem } = decodeText(readFileSync(file), file);
    if (text === null) {
      err.write(`annals: ${problem!.where}: ${problem!.message}\n`);
      return 1;
    }
    inputs.push({ name: file, text });
  }
  const ontology = readDataDir().filter((f) => f.path.startsWith("ontology/"));
  const result = importPetrarch(inputs, ontology);
  for (const f of result.files) {
    const path = join(values.out, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
  }
  const report = result.unmapped.map((u) => `${u.where}: ${u.reason}: ${u.construct}`);
  writeFileSync(join(values.out, "import-report.txt"), `# Constructs of the PETRARCH dictionaries with no annals equivalent\n${report.join("\n")}\n`);
  const c = result.converted;
  out.write(`converted: ${c.actors} actors, ${c.agents} agents, ${c.verbs} verb patterns, ${c.discards} discards, ${c.issues} issue keywords into ${values.out}\n`);
  out.write(`not converted: ${result.unmapped.length} constructs, listed in ${join(values.out, "import-report.txt")}\n`);
  for (const line of report.slice(0, 20)) out.write(`  ${line}\n`);
  if (report.length > 20) out.write(`  ... ${report.length - 20} more\n`);
  return 0;
}
