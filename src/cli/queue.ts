/**
 * `annals queue add|status|retry`: the queue of documents that `annals
 * worker` processes, on any number of machines, code into a PostgreSQL
 * store (src/store/postgres/queue.ts). `add` reads documents as ingest does
 * (the same readers, the same messages for bad input) and queues them in
 * batches; `add --recode` queues the store's documents coded with other
 * dictionaries or options; `status` shows the queue; `retry` puts failed
 * batches back, and documents that failed on their own in batches of their own.
 */
import type pg from "pg";
import { DEFAULT_DATA_DIR, loadDictionaries } from "../node/data-files.js";
import { FirstOccurrences } from "../node/inputs.js";
import { isServerAddress, openStore, StoreError } from "../store/index.js";
import { guarded } from "../store/postgres/connection.js";
import { addToQueue, openQueue, retryFailed, type AddCounts, type QueueEntry } from "../store/postgres/queue.js";
import { queueStatus } from "../store/postgres/queue-status.js";
import { parse, UsageError, wholeNumber } from "./args.js";
import { codingOptions } from "./coding-options.js";
import { codingVersion, inputs } from "./ingest.js";
import { formatQueueStatus } from "./queue-format.js";
import { storeLocation } from "./store-option.js";

const OPTIONS = {
  db: { type: "string" },
  lines: { type: "boolean" },
  date: { type: "string" },
  batch: { type: "string", default: "200" },
  recode: { type: "boolean" },
  dict: { type: "string" },
  "no-require-dyad": { type: "boolean" },
  "use-parse": { type: "boolean" },
  format: { type: "string", default: "table" },
} as const;

/** The options each subcommand takes besides --db (and --batch's default, which is always there). */
const TAKES: Record<string, string[]> = {
  add: ["lines", "date", "batch", "recode", "dict", "no-require-dyad", "use-parse"],
  status: ["format"],
  retry: [],
};

/** How far back `status` measures the rate. */
const RATE_WINDOW_SECONDS = 300;

export async function runQueue(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parse(sub === undefined || sub.startsWith("-") ? argv : rest, OPTIONS);
  if (!sub || !(sub in TAKES)) throw new UsageError(sub && !sub.startsWith("-") ? `unknown queue command "${sub}": add, status or retry` : "queue add, status or retry?");
  for (const [name, value] of Object.entries(values)) {
    if (name === "db" || value === undefined || (name === "batch" && value === "200") || (name === "format" && value === "table")) continue;
    if (!TAKES[sub].includes(name)) throw new UsageError(`queue ${sub} takes no --${name}`);
  }
  const db = storeLocation(values.db);
  if (!isServerAddress(db)) throw new StoreError(`the queue needs a PostgreSQL store (--db postgres://...), which workers on other machines can reach, not ${db}: on one machine "annals ingest --db ${db}" codes with every core`);
  if (sub !== "add" && positionals.length) throw new UsageError(`queue ${sub} takes no files, not "${positionals[0]}"`);

  const { pool, location } = await openQueue(db);
  try {
    if (sub === "status") {
      if (values.format !== "table" && values.format !== "json") throw new UsageError(`--format must be table or json, not "${values.format}"`);
      const status = await guarded(location, () => queueStatus(pool, RATE_WINDOW_SECONDS, 20));
      out.write(values.format === "json" ? JSON.stringify(status, null, 2) + "\n" : formatQueueStatus(status));
      return 0;
    }
    if (sub === "retry") {
      const n = await guarded(location, () => retryFailed(pool));
      err.write(`annals queue retry: ${n.batches.toLocaleString("en-US")} failed batch${n.batches === 1 ? "" : "es"} and ${n.documents.toLocaleString("en-US")} failed document${n.documents === 1 ? "" : "s"} queued again\n`);
      return 0;
    }
    const batchSize = wholeNumber("batch", values.batch, 1, 100_000, " documents");
    if (values.recode) {
      if (positionals.length) throw new UsageError(`queue add --recode takes no files (the store keeps the texts), not "${positionals[0]}"`);
      const counts = await queueStale(db, pool, location, values, batchSize);
      err.write(`annals queue add: ${summary(counts)} to re-code\n`);
      return 0;
    }
    if (values.dict || values["no-require-dyad"] || values["use-parse"]) throw new UsageError("--dict, --no-require-dyad and --use-parse go with --recode (or to the workers, which code)");
    return await queueInputs(positionals, values, pool, location, batchSize, err);
  } finally {
    await pool.end();
  }
}

const n = (x: number) => x.toLocaleString("en-US");

function summary(c: AddCounts): string {
  return `${n(c.queued)} documents queued in ${n(c.batches)} batch${c.batches === 1 ? "" : "es"}${c.alreadyQueued ? ` (${n(c.alreadyQueued)} queued before, left out)` : ""}`;
}

/** Reads the inputs as ingest does and queues their documents, a batch at a time as they are read. */
async function queueInputs(positionals: string[], values: { lines?: boolean; date?: string }, pool: pg.Pool, location: string, batchSize: number, err: NodeJS.WritableStream): Promise<number> {
  if (positionals.includes("-") && positionals.some((p) => p !== "-")) throw new UsageError(`read files or standard input ("-"), not both`);
  const { date } = codingOptions(values);
  let inputFailed = false;
  const { batches } = await inputs(positionals, { lines: values.lines, date }, (p) => {
    err.write(`annals: ${p}\n`);
    inputFailed = true;
  });
  const counts: AddCounts = { queued: 0, alreadyQueued: 0, batches: 0 };
  let pending: QueueEntry[] = [];
  const flush = async (all: boolean) => {
    while (pending.length >= batchSize || (all && pending.length > 0)) {
      const part = pending.slice(0, batchSize);
      pending = pending.slice(part.length);
      const c = await guarded(location, () => addToQueue(pool, part, batchSize, ""));
      counts.queued += c.queued;
      counts.alreadyQueued += c.alreadyQueued;
      counts.batches += c.batches;
    }
  };
  const firsts = new FirstOccurrences();
  for (const read of batches) {
    const batch = firsts.keep(read);
    for (const p of batch.problems) {
      err.write(`annals: ${p.severity === "warning" ? "warning: " : ""}${p.where}: ${p.message}\n`);
      if (p.severity === "error") inputFailed = true;
    }
    batch.documents.forEach((doc, i) => pending.push({ doc, origin: batch.where[i] ?? batch.name }));
    await flush(false);
  }
  await flush(true);
  err.write(`annals queue add: ${summary(counts)}\n`);
  return inputFailed ? 1 : 0;
}

/** Queues every stored document not coded with the dictionaries and options given, for the workers to re-code. */
async function queueStale(db: string, pool: pg.Pool, location: string, values: { dict?: string; "no-require-dyad"?: boolean; "use-parse"?: boolean }, batchSize: number): Promise<AddCounts> {
  const { options } = codingOptions(values);
  const { dictionaries } = loadDictionaries(values.dict ?? DEFAULT_DATA_DIR);
  const version = codingVersion(dictionaries.version, { requireDyad: options.requireDyad !== false, useParse: options.useParse === true });
  const store = await openStore(db);
  const counts: AddCounts = { queued: 0, alreadyQueued: 0, batches: 0 };
  try {
    let after: string | null = null;
    for (;;) {
      const docs = await store.staleDocuments(version, after, batchSize);
      if (docs.length === 0) break;
      after = docs[docs.length - 1].id;
      const c = await guarded(location, () => addToQueue(pool, docs.map((doc) => ({ doc, origin: `${location} (stored)` })), batchSize, version));
      counts.queued += c.queued;
      counts.alreadyQueued += c.alreadyQueued;
      counts.batches += c.batches;
    }
  } finally {
    await store.close();
  }
  return counts;
}
