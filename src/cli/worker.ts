/**
 * `annals worker`: codes the queued documents of a PostgreSQL store, on as
 * many machines as are started. Each claims a batch under a lease (renewed
 * while it works), codes its documents with ingest's coder (on
 * `--concurrency N` threads), and writes their events, each document's
 * outcome and the batch done in one transaction (src/store/postgres/queue.ts).
 * A worker that dies loses its claim when the lease runs out, and the next
 * claim takes the batch whole; one told to stop (SIGINT, SIGTERM) gives its
 * batch back and exits.
 */
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_DATA_DIR, loadDictionaries } from "../node/data-files.js";
import { isServerAddress, openStore, redactAddress, StoreError, type Store } from "../store/index.js";
import { explainPostgresError, guarded } from "../store/postgres/connection.js";
import { claimBatch, completeBatch, failBatch, nextLeaseEnd, openQueue, releaseBatch, renewLease, waitingForOtherVersions, type Claim, type DocumentOutcome } from "../store/postgres/queue.js";
import type pg from "pg";
import { parse, UsageError, wholeNumber } from "./args.js";
import { codingOptions } from "./coding-options.js";
import { CodingPipeline } from "./coding-pipeline.js";
import { ANNALS_VERSION, codingVersion, recoverRuns } from "./ingest.js";
import type { ProgressState } from "./progress.js";
import { addSaved, failRun } from "./run-state.js";
import { storeLocation } from "./store-option.js";

/** How long an idle worker waits before asking the queue again. */
const POLL_MS = 2000;

/**
 * Milliseconds to wait before each document: for tests only, which must
 * catch a worker in the middle of a batch to kill it there.
 */
const testDelayMs = () => Number(process.env.ANNALS_WORKER_DELAY_MS ?? 0) || 0;

export async function runWorker(argv: string[], err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: "string" },
    concurrency: { type: "string", default: "1" },
    once: { type: "boolean" },
    lease: { type: "string", default: "120" },
    dict: { type: "string" },
    "max-chars": { type: "string" },
    "no-require-dyad": { type: "boolean" },
    "use-parse": { type: "boolean" },
  });
  if (positionals.length) throw new UsageError(`worker takes no files (it codes what "annals queue add" queued), not "${positionals[0]}"`);
  const concurrency = wholeNumber("concurrency", values.concurrency, 1, 256, " threads");
  const lease = wholeNumber("lease", values.lease, 1, 86_400, " seconds");
  const { options: coding } = codingOptions(values);
  const options = { maxChars: coding.maxChars, requireDyad: coding.requireDyad !== false, useParse: coding.useParse === true };
  const db = storeLocation(values.db);
  if (!isServerAddress(db)) throw new StoreError(`a worker codes the queue of a PostgreSQL store (--db postgres://...), not ${db}`);

  const say = (m: string) => err.write(m + "\n");
  const dictDir = values.dict ?? DEFAULT_DATA_DIR;
  const { dictionaries, problems } = loadDictionaries(dictDir);
  for (const p of problems.slice(0, 20)) say(`annals: dictionary ${p.where}: ${p.message}`);
  const version = codingVersion(dictionaries.version, options);
  const name = `${hostname()}:${process.pid}`;

  const store = await openStore(db);
  const queue = await openQueue(db).catch(async (e) => {
    await store.close();
    throw e;
  });
  const state: ProgressState = { documents: 0, added: 0, replaced: 0, unchanged: 0, failed: 0, events: 0, bytesDone: 0, bytesTotal: 0 };
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let run: number | undefined;
  let pipeline: CodingPipeline | undefined;
  try {
    await recoverRuns(store, say);
    run = await store.beginRun({ command: ["worker", ...argv.map(redactAddress)].join(" "), dictVersion: version, annalsVersion: ANNALS_VERSION, inputs: [store.location] });
    pipeline = new CodingPipeline(store, version, options, dictionaries, dictDir, concurrency, say);
    say(`annals worker ${name}: coding the queue of ${store.location}`);
    let waiting = false;
    while (!stop.signal.aborted) {
      const claim = await guarded(queue.location, () => claimBatch(queue.pool, name, lease, version));
      if (!claim) {
        if (!waiting) await sayWhatWaitsForOthers(queue.pool, version, name, say);
        // --once stops when the queue is done: batches others hold are awaited, and taken if their lease runs out
        const held = values.once ? await guarded(queue.location, () => nextLeaseEnd(queue.pool, version)) : 0;
        if (held === null) break;
        if (values.once) {
          waiting = true;
          await sleep(Math.min(POLL_MS, held * 1000 + 50), undefined, { signal: stop.signal }).catch(() => {});
          continue;
        }
        if (!waiting) say(`annals worker ${name}: the queue is empty; waiting for batches`);
        waiting = true;
        await sleep(POLL_MS, undefined, { signal: stop.signal }).catch(() => {});
        continue;
      }
      waiting = false;
      await work(claim, { pool: queue.pool, location: queue.location, store, pipeline, version, run, lease, stop: stop.signal, state, say });
    }
    await store.finishRun(run, state, "done");
  } catch (e) {
    await failRun(store, run, state);
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await pipeline?.close();
    await queue.pool.end();
    await store.close();
  }
  say(`annals worker ${name}: ${state.documents.toLocaleString("en-US")} documents (${state.added} added, ${state.replaced} replaced, ${state.unchanged} unchanged, ${state.failed} failed), ${state.events.toLocaleString("en-US")} events${stop.signal.aborted ? "; stopped" : ""}`);
  return state.failed > 0 ? 1 : 0;
}

interface WorkContext {
  pool: pg.Pool;
  location: string;
  store: Store;
  pipeline: CodingPipeline;
  version: string;
  run: number;
  lease: number;
  stop: AbortSignal;
  state: ProgressState;
  say: (message: string) => void;
}

/** Codes one claimed batch and completes it; gives it back when told to stop, fails it when it cannot be stored. */
async function work(claim: Claim, c: WorkContext): Promise<void> {
  const started = Date.now();
  let lost = false;
  // renewed at a third of the lease: two renewals may fail (a slow moment of the server) before it runs out
  const renewal = setInterval(() => {
    renewLease(c.pool, claim, c.lease).then(
      (held) => (lost ||= !held),
      () => {},
    );
  }, (c.lease * 1000) / 3);
  try {
    for (const d of claim.documents) c.pipeline.submit(d.doc, d.origin);
    const outcomes: DocumentOutcome[] = [];
    for (const d of claim.documents) {
      if (testDelayMs()) await sleep(testDelayMs());
      if (c.stop.aborted) {
        while (c.pipeline.size > 0) await c.pipeline.next(); // results already on their way; nothing is written
        await guarded(c.location, () => releaseBatch(c.pool, claim));
        c.say(`annals worker: stopping; batch ${claim.batch} given back to the queue`);
        return;
      }
      const item = await c.pipeline.next();
      if (item === "failed") outcomes.push({ position: d.position, error: c.pipeline.lastFailure });
      else if (item === "unchanged") outcomes.push({ position: d.position, unchanged: true });
      else outcomes.push({ position: d.position, item });
    }
    clearInterval(renewal);
    if (lost) {
      c.say(`annals worker: batch ${claim.batch}: its lease ran out and another worker took it; this coding is dropped`);
      return;
    }
    let saved;
    try {
      saved = await completeBatch(c.pool, claim, outcomes, c.version, c.run);
    } catch (e) {
      // the server gone is the worker's problem, not the batch's: it exits, and its lease runs out
      const known = explainPostgresError(e, c.location);
      if (known && !/^not allowed|disk|cancelled/.test(known.message)) throw known;
      const reason = `cannot be stored: ${(e as Error).message}`;
      await guarded(c.location, () => failBatch(c.pool, claim, reason));
      c.say(`annals worker: batch ${claim.batch} failed: ${reason}`);
      return;
    }
    if (!saved) {
      c.say(`annals worker: batch ${claim.batch}: another worker took it when its lease ran out; this coding is dropped`);
      return;
    }
    const failed = outcomes.filter((o) => "error" in o).length;
    c.state.documents += claim.documents.length;
    c.state.failed += failed;
    addSaved(c.state, saved);
    c.state.unchanged = c.state.documents - c.state.added - c.state.replaced - c.state.failed;
    const seconds = (Date.now() - started) / 1000;
    c.say(`annals worker: batch ${claim.batch}: ${claim.documents.length} documents (${saved.added} added, ${saved.replaced} replaced, ${claim.documents.length - saved.added - saved.replaced - failed} unchanged, ${failed} failed), ${saved.events} events in ${seconds.toFixed(1)} s`);
  } finally {
    clearInterval(renewal);
  }
}

/**
 * Re-code batches queued with other dictionaries or options wait for workers
 * that code with them: a worker started with other ones says so, once each
 * time it runs out of work, rather than leave them waiting unexplained.
 */
async function sayWhatWaitsForOthers(pool: pg.Pool, version: string, name: string, say: (m: string) => void): Promise<void> {
  for (const w of await waitingForOtherVersions(pool, version)) {
    say(`annals worker ${name}: ${w.batches.toLocaleString("en-US")} batch${w.batches === 1 ? "" : "es"} (${w.documents.toLocaleString("en-US")} documents) wait for re-coding with other dictionaries or options (coding version ${w.version}; this worker's is ${version}): start workers with the --dict, --no-require-dyad and --use-parse that "queue add --recode" was given`);
  }
}
