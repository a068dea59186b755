/**
 * `annals ingest`: documents in, coded, into the event store. Writes in
 * batches, each one transaction, so a stopped run keeps whole documents and
 * a re-run takes up the rest. A document already stored with the same
 * content and dictionaries is not coded again; a changed one replaces its
 * events. Bad documents are reported with their file (and line) and skipped.
 * Coding runs on `--workers N` threads (./coding-pipeline.ts); the writes
 * stay here, in input order, so any number of workers stores the same rows.
 */
import { statSync } from "node:fs";
import { defaultWorkers } from "../node/coding-pool.js";
import { DEFAULT_DATA_DIR, loadDictionaries } from "../node/data-files.js";
import { expandPaths, FirstOccurrences, readBatch, readFiles, readStdin, type InputBatch } from "../node/inputs.js";
import { openStore, redactAddress, type CodedItem, type Store } from "../store/index.js";
import { parse, UsageError, wholeNumber } from "./args.js";
import { CODING_ARGS, codingOptions } from "./coding-options.js";
import { CodingPipeline, workersOption } from "./coding-pipeline.js";
import { Progress, type ProgressState } from "./progress.js";
import { addSaved, failRun } from "./run-state.js";
import { storeLocation } from "./store-option.js";
import { ANNALS_VERSION } from "./version.js";

export { ANNALS_VERSION };

/**
 * What a stored document was coded with: the dictionary version, and the
 * coding options that change events when not the default. Ingesting again
 * with other options re-codes, as a dictionary change does.
 */
export function codingVersion(dictVersion: string, options: { requireDyad: boolean; useParse: boolean }): string {
  return dictVersion + (options.requireDyad ? "" : "+no-require-dyad") + (options.useParse ? "+use-parse" : "");
}

export async function runIngest(argv: string[], err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: "string" },
    ...CODING_ARGS,
    batch: { type: "string", default: "200" },
    workers: { type: "string" },
  });
  const { date, options: coding } = codingOptions(values);
  const batchSize = wholeNumber("batch", values.batch, 1, 100_000, " documents");
  if (positionals.includes("-") && positionals.some((p) => p !== "-")) throw new UsageError(`read files or standard input ("-"), not both`);
  const options = { maxChars: coding.maxChars, requireDyad: coding.requireDyad !== false, useParse: coding.useParse === true };
  const workers = workersOption(values.workers, defaultWorkers());

  const progress = new Progress(err, "ingest");
  const dictDir = values.dict ?? DEFAULT_DATA_DIR;
  // loaded (and cached on disk) here first: the workers then read the cache
  const { dictionaries, problems: dictProblems } = loadDictionaries(dictDir);
  for (const p of dictProblems.slice(0, 20)) progress.say(`annals: dictionary ${p.where}: ${p.message}`);
  if (dictProblems.length > 20) progress.say(`annals: ... and ${dictProblems.length - 20} more dictionary problems (run "annals dict check")`);
  const version = codingVersion(dictionaries.version, options);

  const store = await openStore(storeLocation(values.db));
  const state: ProgressState = { documents: 0, added: 0, replaced: 0, unchanged: 0, failed: 0, events: 0, bytesDone: 0, bytesTotal: 0 };
  let inputFailed = false;
  let run: number | undefined;
  let pipeline: CodingPipeline | undefined;
  try {
    const { batches, sizes } = await inputs(positionals, { lines: values.lines, date }, (p) => {
      progress.say(`annals: ${p}`);
      inputFailed = true;
    });
    state.bytesTotal = [...sizes.values()].reduce((a, b) => a + b, 0);
    await recoverRuns(store, (m) => progress.say(m));
    run = await store.beginRun({ command: ["ingest", ...argv.map(redactAddress)].join(" "), dictVersion: version, annalsVersion: ANNALS_VERSION, inputs: positionals.length ? positionals : ["-"] });

    pipeline = new CodingPipeline(store, version, options, dictionaries, dictDir, workers, (m) => progress.say(m));
    let pending: CodedItem[] = [];
    let pendingEvents = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const saved = await store.saveBatch(pending, version, run);
      addSaved(state, saved);
      pending = [];
      pendingEvents = 0;
    };
    const take = async (p: CodingPipeline) => {
      const item = await p.next();
      if (item === "failed") state.failed++;
      else if (item === "unchanged") state.unchanged++;
      else {
        pending.push(item);
        pendingEvents += item.events.length;
        if (pending.length >= batchSize || pendingEvents >= batchSize * 25) await flush();
      }
      progress.update(state);
    };
    const firsts = new FirstOccurrences();
    for (const read of batches) {
      const batch = firsts.keep(read);
      for (const p of batch.problems) {
        progress.say(`annals: ${p.severity === "warning" ? "warning: " : ""}${p.where}: ${p.message}`);
        if (p.severity === "error") inputFailed = true;
      }
      for (const doc of batch.documents) {
        state.documents++;
        pipeline.submit(doc, batch.name);
        while (pipeline.size > pipeline.ahead) await take(pipeline);
      }
      state.bytesDone += sizes.get(batch.name) ?? 0;
    }
    while (pipeline.size > 0) await take(pipeline);
    await flush();
    await store.finishRun(run, state, "done");
  } catch (e) {
    await failRun(store, run, state);
    throw e;
  } finally {
    await pipeline?.close();
    await store.close();
  }
  progress.finish(state);
  return inputFailed || state.failed > 0 ? 1 : 0;
}

/** The input batches (one a file, or stdin) and each file's size, for the ETA. */
export async function inputs(positionals: string[], options: { lines?: boolean; date: string | null }, problem: (message: string) => void): Promise<{ batches: Iterable<InputBatch>; sizes: Map<string, number> }> {
  if (positionals.length === 0 || positionals.includes("-")) {
    return { batches: [readBatch(await readStdin(), "<stdin>", options)], sizes: new Map() };
  }
  const { files, problems } = expandPaths(positionals);
  for (const p of problems) problem(`${p.where}: ${p.message}`);
  const sizes = new Map<string, number>();
  for (const f of files) {
    try {
      sizes.set(f, statSync(f).size);
    } catch {
      // unreadable: readFiles reports it
    }
  }
  return { batches: readFiles(files, options), sizes };
}

export type { CodingOptions } from "../node/coding-pool.js";

/** Marks runs a killed process left `running` as `interrupted`, saying so. */
export async function recoverRuns(store: Store, say: (message: string) => void): Promise<void> {
  const n = await store.recoverRuns();
  if (n > 0) say(`annals: ${n} earlier run${n > 1 ? "s were" : " was"} interrupted (killed?); marked as such, and its whole documents are kept`);
}
