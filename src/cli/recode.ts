/**
 * `annals recode`: after a dictionary change, re-codes the stored documents
 * coded with another dictionary version (or other coding options), from the
 * text the store keeps; documents already coded with the current ones are
 * not touched. Same batches, transactions, progress and run records as
 * ingest, so a killed recode is taken up by the next one. The workers code
 * the next page while this one is written.
 */
import { existsSync } from "node:fs";
import { defaultWorkers } from "../node/coding-pool.js";
import { DEFAULT_DATA_DIR, loadDictionaries } from "../node/data-files.js";
import { isServerAddress, openStore, redactAddress, StoreError, type CodedItem } from "../store/index.js";
import { parse, UsageError, wholeNumber } from "./args.js";
import { codingOptions } from "./coding-options.js";
import { CodingPipeline, workersOption } from "./coding-pipeline.js";
import { ANNALS_VERSION, codingVersion, recoverRuns } from "./ingest.js";
import { Progress, type ProgressState } from "./progress.js";
import { addSaved, failRun } from "./run-state.js";
import { storeLocation } from "./store-option.js";

export async function runRecode(argv: string[], err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: "string" },
    dict: { type: "string" },
    "max-chars": { type: "string" },
    "no-require-dyad": { type: "boolean" },
    "use-parse": { type: "boolean" },
    batch: { type: "string", default: "200" },
    workers: { type: "string" },
  });
  if (positionals.length) throw new UsageError(`recode takes no files (the store keeps the texts); give the database with --db, not "${positionals[0]}"`);
  const { options: coding } = codingOptions(values);
  const batchSize = wholeNumber("batch", values.batch, 1, 100_000, " documents");
  const options = { maxChars: coding.maxChars, requireDyad: coding.requireDyad !== false, useParse: coding.useParse === true };
  const workers = workersOption(values.workers, defaultWorkers());

  // re-coding an empty new file would only create it
  const db = storeLocation(values.db);
  if (!isServerAddress(db) && db !== ":memory:" && !existsSync(db)) throw new StoreError(`no database at ${db}: run "annals ingest --db ${db}" first`);
  const progress = new Progress(err, "recode");
  const dictDir = values.dict ?? DEFAULT_DATA_DIR;
  const { dictionaries, problems } = loadDictionaries(dictDir);
  for (const p of problems.slice(0, 20)) progress.say(`annals: dictionary ${p.where}: ${p.message}`);
  const version = codingVersion(dictionaries.version, options);

  const store = await openStore(db);
  // progress counts documents, not bytes: bytesTotal is the number to re-code
  const state: ProgressState = { documents: 0, added: 0, replaced: 0, unchanged: 0, failed: 0, events: 0, bytesDone: 0, bytesTotal: 0 };
  let run: number | undefined;
  let pipeline: CodingPipeline | undefined;
  try {
    await recoverRuns(store, (m) => progress.say(m));
    state.bytesTotal = await store.countStale(version);
    run = await store.beginRun({ command: ["recode", ...argv.map(redactAddress)].join(" "), dictVersion: version, annalsVersion: ANNALS_VERSION, inputs: [store.location] });
    pipeline = new CodingPipeline(store, version, options, dictionaries, dictDir, workers, (m) => progress.say(m));
    // a page is read whole before the batch is written: one statement at a time on the connection
    let docs = await store.staleDocuments(version, null, batchSize);
    for (const doc of docs) pipeline.submit(doc, store.location);
    while (docs.length > 0) {
      // the next page goes to the workers before this one is written (its ids come after, so writing this one cannot change it)
      const nextDocs = await store.staleDocuments(version, docs[docs.length - 1].id, batchSize);
      for (const doc of nextDocs) pipeline.submit(doc, store.location);
      const pending: CodedItem[] = [];
      for (let i = 0; i < docs.length; i++) {
        state.documents++;
        state.bytesDone++;
        const item = await pipeline.next();
        if (item === "failed") state.failed++;
        else if (item === "unchanged") state.unchanged++;
        else pending.push(item);
        progress.update(state);
      }
      const saved = await store.saveBatch(pending, version, run);
      addSaved(state, saved);
      docs = nextDocs;
    }
    await store.finishRun(run, state, "done");
  } catch (e) {
    await failRun(store, run, state);
    throw e;
  } finally {
    await pipeline?.close();
    await store.close();
  }
  progress.finish(state);
  return state.failed > 0 ? 1 : 0;
}
