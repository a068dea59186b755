/** `annals code`: documents in, events out (JSONL, TSV or pretty). */
import { codeDocument, DocumentError, type Document, type InputProblem } from "../core/index.js";
import { eventJson } from "../core/event-json.js";
import { loadDictionaries, DEFAULT_DATA_DIR } from "../node/data-files.js";
import { expandPaths, FirstOccurrences, readBatch, readFiles, readStdin, type InputBatch } from "../node/inputs.js";
import { parse, UsageError } from "./args.js";
import { CODING_ARGS, codingOptions } from "./coding-options.js";
import { pretty, tsvRow, TSV_COLUMNS, type OutputFormat } from "./format.js";

/**
 * Text gathered into writes of about 64 KB: a stream write per event costs more than coding a short sentence.
 * A terminal gets each write at once, for whoever watches it.
 */
class BatchedOutput {
  private pending = "";
  private readonly size: number;
  constructor(private readonly out: NodeJS.WritableStream) {
    this.size = (out as NodeJS.WriteStream).isTTY === true ? 0 : 65_536;
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= this.size) this.flush();
  }

  flush(): void {
    if (this.pending === "") return;
    this.out.write(this.pending);
    this.pending = "";
  }
}

export async function runCode(argv: string[], stream: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const out = new BatchedOutput(stream);
  try {
    return await codeAll(argv, stream, out, err);
  } finally {
    out.flush();
  }
}

async function codeAll(argv: string[], stream: NodeJS.WritableStream, out: BatchedOutput, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...CODING_ARGS,
    format: { type: "string", default: "jsonl" },
    "report-unknown": { type: "boolean" },
  });
  const unknown = new Map<string, { count: number; example: string }>();
  const format = values.format as OutputFormat;
  if (!["jsonl", "tsv", "pretty"].includes(format)) throw new UsageError(`--format must be jsonl, tsv or pretty, not "${format}"`);
  const { date, options } = codingOptions(values);

  const { dictionaries, problems: dictProblems } = loadDictionaries(values.dict ?? DEFAULT_DATA_DIR);
  for (const p of dictProblems.slice(0, 20)) err.write(`annals: dictionary ${p.where}: ${p.message}\n`);
  if (dictProblems.length > 20) err.write(`annals: ... and ${dictProblems.length - 20} more dictionary problems (run "annals dict check")\n`);

  const problems: InputProblem[] = [];
  let batches: Iterable<InputBatch>;
  const paths = positionals.filter((p) => p !== "-");
  if (positionals.length === 0 || positionals.includes("-")) {
    const bytes = await readStdin();
    batches = [readBatch(bytes, "<stdin>", { lines: values.lines, date })];
  } else {
    const expanded = expandPaths(paths);
    problems.push(...expanded.problems);
    batches = readFiles(expanded.files, { lines: values.lines, date });
  }

  const colour = format === "pretty" && (stream as NodeJS.WriteStream).isTTY === true;
  const codeNames = new Map([...dictionaries.ontology.codes.values()].map((c) => [c.code, c.name]));
  if (format === "tsv") out.write(TSV_COLUMNS.join("\t") + "\n");
  let failed = problems.length > 0;
  for (const p of problems) err.write(`annals: ${p.where}: ${p.message}\n`);
  const firsts = new FirstOccurrences();
  for (const read of batches) {
    const batch = firsts.keep(read);
    for (const p of batch.problems) {
      err.write(`annals: ${p.severity === "warning" ? "warning: " : ""}${p.where}: ${p.message}\n`);
      if (p.severity === "error") failed = true;
    }
    for (const doc of batch.documents) failed = !codeOne(doc, batch.name) || failed;
  }
  if (values["report-unknown"]) {
    // names the dictionaries miss, most frequent first, each with a sentence to read
    out.write("count\tname\texample\n");
    for (const [name, u] of [...unknown].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))) out.write(`${u.count}\t${name}\t${u.example.replace(/\s+/g, " ")}\n`);
  }
  return failed ? 1 : 0;

  function codeOne(doc: Document, name: string): boolean {
    try {
      const coded = codeDocument(doc, dictionaries, { ...options, reportUnknown: values["report-unknown"] });
      if (values["report-unknown"]) {
        for (const u of coded.unknown) {
          const seen = unknown.get(u.name) ?? { count: 0, example: coded.sentences[u.sentence]?.text ?? "" };
          seen.count++;
          unknown.set(u.name, seen);
        }
        return true;
      }
      for (const w of coded.warnings) if (format !== "pretty" && w.startsWith("not coded")) err.write(`annals: warning: ${name} (document ${doc.id}): ${w}\n`);
      if (format === "jsonl") for (const e of coded.events) out.write(eventJson(e) + "\n");
      else if (format === "tsv") for (const e of coded.events) out.write(tsvRow(e) + "\n");
      else out.write(pretty(doc, coded, colour, codeNames) + "\n\n");
      return true;
    } catch (e) {
      if (e instanceof DocumentError) {
        err.write(`annals: ${name} (document ${doc.id}): ${e.message}\n`);
        return false;
      }
      throw e;
    }
  }
}
