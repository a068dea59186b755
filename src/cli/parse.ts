/** `annals parse [FILES]`: the dependency trees of raw text, as CoNLL-U or as indented trees. */
import { readFileSync } from "node:fs";
import { analyseText } from "../core/analyse/tagger.js";
import { parsedAsConllu, parsedAsTree } from "../core/parse/show.js";
import { loadParser } from "../node/parser-model.js";
import { parse, UsageError } from "./args.js";

export function runParse(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const { values, positionals } = parse(argv, { format: { type: "string", default: "conllu" }, model: { type: "string" } });
  const format = values.format;
  if (format !== "conllu" && format !== "pretty") throw new UsageError(`--format must be conllu or pretty, not "${format}"`);
  const parser = loadParser(values.model);
  const inputs = positionals.length ? positionals : ["-"];
  let failed = false;
  for (const file of inputs) {
    let text: string;
    try {
      text = readFileSync(file === "-" ? 0 : file, "utf8");
    } catch (e) {
      err.write(`annals: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      failed = true;
      continue;
    }
    for (const sentence of analyseText(text)) {
      if (sentence.tokens.length === 0) continue;
      const words = parser.parse(sentence.tokens.map((t) => t.text), sentence.tokens.map((t) => t.pos));
      const id = `${file === "-" ? "stdin" : file}#${sentence.index + 1}`;
      out.write(format === "conllu" ? `${parsedAsConllu(id, sentence.text.replace(/\s+/g, " "), words, sentence.tokens.map((t) => t.lemma))}\n\n` : `# ${sentence.text.replace(/\s+/g, " ")}\n${parsedAsTree(words)}\n\n`);
    }
  }
  return failed ? 1 : 0;
}
