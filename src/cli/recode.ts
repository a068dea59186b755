/**
 * `annals recode`: after a dictionary change, re-codes the stored documents
 * coded with another dictionary version (or other coding options), from the
 * text the store keeps; documents already coded with the current ones are
 * not touched. Same batches, transactions, progress and run records as
 * ingest, so a killed recode is taken up by the next one.
 */
import { existsSync } from "node:fs";
import { DEFAULT_DATA_DIR, loadDictionaries } from "../node/data-files.js";
import { openStore, StoreError, type CodedItem } from "../store/index.js";
import { parse, UsageError } from "./args.js";
import { ANNALS_VERSION, codeOne, codingVersion, recoverRuns } from "./ingest.js";
import { Progress, type ProgressState } from "./progress.js";

export const RECODE_USAGE = `annals recode [--db FILE] [--dict DIR] [--max-chars N] [--no-require-dyad] [--use-parse] [--batch N]`;

export async function runRecode(argv: string[], err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: "string", default: "annals.db" },
    dict: { type: "string" },
    "max-chars": { type: "string" },
    "no-require-dyad": { type: "boolean" },
    "use-parse": { type: "boolean" },
    batch: { type: "string", default: "200" },
  });
  if (positionals.length) throw new UsageError(`recode takes no files (the store keeps the texts); give the database with --db, not "${positionals[0]}"`);
  const maxChars = values["max-chars"] !== undefined ? Number(values["max-chars"]) : undefined;
  if (maxChars !== undefined && !(maxChars > 0)) throw new UsageError("--max-chars must be a positive number");
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch must be a whole number of documents, at least 1, not "${values.batch}"`);
  const options = { maxChars, requireDyad: !values["no-require-dyad"], useParse: values["use-parse"] === true };

  // re-coding an empty new file would only create it
  if (values.db !== ":memory:" && !existsSync(values.db)) throw new StoreError(`no database at ${values.db}: run "annals ingest --db ${values.db}" first`);
  const progress = new Progress(err, "recode");
  const { dictionaries, problems } = loadDictionaries(values.dict ?? DEFAULT_DATA_DIR);
  for (const p of problems.slice(0, 20)) progress.say(`annals: dictionary ${p.where}: ${p.message}`);
  const version = codingVersion(dictionaries.version, options);

  const store = openStore(values.db);
  // progress counts documents, not bytes: bytesTotal is the number to re-code
  const state: ProgressState = { documents: 0, added: 0, replaced: 0, unchanged: 0, failed: 0, events: 0, bytesDone: 0, bytesTotal: 0 };
  let run: number | undefined;
  try {
    recoverRuns(store, (m) => progress.say(m));
    state.bytesTotal = store.countStale(version);
    run = store.beginRun({ command: ["recode", ...argv].join(" "), dictVersion: version, annalsVersion: ANNALS_VERSION, inputs: [store.location] });
    let after: string | null = null;
    while (true) {
      // a page is read whole before the batch is written: one statement at a time on the connection
      const docs = store.staleDocuments(version, after, batchSize);
      if (docs.length === 0) break;
      after = docs[docs.length - 1].id;
      const pending: CodedItem[] = [];
      for (const doc of docs) {
        state.documents++;
        state.bytesDone++;
        const item = codeOne(doc, store.location, store, version, options, dictionaries, (m) => progress.say(m));
        if (item === "failed") state.failed++;
        else if (item === "unchanged") state.unchanged++;
        else pending.push(item);
        progress.update(state);
      }
      const saved = store.saveBatch(pending, version, run);
      state.added += saved.added;
      state.replaced += saved.replaced;
      state.unchanged += saved.unchanged;
      state.events += saved.events;
    }
    store.finishRun(run, state, "done");
  } catch (e) {
    if (run !== undefined) {
      try {
        store.finishRun(run, state, "failed");
      } catch {
        // the store itself failed: the error below says how
      }
    }
    throw e;
  } finally {
    store.close();
  }
  progress.finish(state);
  return state.failed > 0 ? 1 : 0;
}
