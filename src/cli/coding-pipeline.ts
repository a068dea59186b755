/**
 * The documents an ingest or a recode has in hand, coded ahead on several
 * threads and taken back strictly in input order, so the main thread writes
 * exactly what, and when, a run on one core writes.
 *
 * With N threads, N - 1 are workers, each kept supplied with a little work
 * (CodingPool), and the main thread is the Nth: when the oldest document's
 * turn comes and a worker still has it, the main thread codes a later
 * document no worker has taken rather than wait. So every core codes, and
 * the main thread's writes take only their own time from it.
 *
 * Whether a document is already stored as it is (and so not coded) is asked
 * twice: when it is handed out, to spare coding it ahead, and again when its
 * turn comes, against the store as the batches before it left it: the answer
 * that counts is the one a run on one core would have had. With one thread
 * nothing is coded ahead: each document is coded in the main thread when its
 * turn comes, as before there were workers.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { codeDocument, DocumentError, type Document } from "../core/index.js";
import { CodingPool, type CodeResult, type CodingOptions } from "../node/coding-pool.js";
import type { loadDictionaries } from "../node/data-files.js";
import { contentHash, type CodedItem, type Store } from "../store/index.js";
import { wholeNumber } from "./args.js";

type Dictionaries = ReturnType<typeof loadDictionaries>["dictionaries"];

interface Entry {
  doc: Document;
  file: string;
  /** Its content hash, asked of the store twice: computed once. */
  hash: string;
  /** Whether the store held it as it is when it was handed out; null until the store answers (or with one thread). */
  storedEarly: boolean | null;
  /** Its coding on a worker, once posted there. */
  onWorker: Promise<CodeResult> | null;
  /** Its coding, once done (on a worker or here). */
  result: CodeResult | null;
}

/** Documents kept in hand per coding thread: enough to keep each one coding while the main thread writes a batch. */
const AHEAD_PER_THREAD = 64;

export class CodingPipeline {
  private readonly entries: Entry[] = [];
  private readonly pool: CodingPool | null;
  /** Why the last document `next` gave as "failed" failed, for a caller that records it. */
  lastFailure = "";
  /** Documents coded in this thread and on the workers. */
  readonly coded = { here: 0, onWorkers: 0 };

  constructor(
    private readonly store: Store,
    private readonly version: string,
    private readonly options: CodingOptions,
    private readonly dictionaries: Dictionaries,
    dictDir: string,
    private readonly threads: number,
    private readonly say: (message: string) => void,
  ) {
    this.pool = threads > 1 ? new CodingPool(threads - 1, { dictDir, options }, () => this.feed()) : null;
  }

  /** Documents handed out and not yet taken back. */
  get size(): number {
    return this.entries.length;
  }

  /** How many documents the caller may keep in flight before taking one back. */
  get ahead(): number {
    return this.pool ? this.threads * AHEAD_PER_THREAD : 0;
  }

  /** Resolves when the workers have started (at once with one thread). */
  async started(): Promise<void> {
    await this.pool?.ready;
  }

  /** Hands out a document; its outcome comes from `next`, in the order documents were handed out. */
  submit(doc: Document, file: string): void {
    const entry: Entry = { doc, file, hash: contentHash(doc), storedEarly: null, onWorker: null, result: null };
    this.entries.push(entry);
    if (!this.pool) return;
    this.stored(entry).then(
      (stored) => {
        entry.storedEarly = stored;
        this.feed();
      },
      () => {
        entry.storedEarly = true; // not coded ahead: its turn asks again, and reports the store's error
      },
    );
  }

  /** The outcome of the oldest document handed out: its coding, "unchanged" when stored as it is, or "failed" after saying why. */
  async next(): Promise<CodedItem | "unchanged" | "failed"> {
    const entry = this.entries[0];
    if (!entry) throw new Error("no document in the pipeline");
    // the workers' messages (started, a result) come in as tasks of the event loop; a caller whose every await resolves
    // at once (a SQLite store answers synchronously) would otherwise never let them in, and code everything here
    if (this.pool) await nextTurn();
    // a worker has it: code a later document no worker has taken while it works, rather than wait
    while (entry.onWorker && !entry.result) {
      const spare = this.entries.find((e) => e.storedEarly === false && !e.onWorker && !e.result);
      if (!spare) break;
      spare.result = this.codeHere(spare.doc);
      await nextTurn(); // the workers' answers, and more work for them
    }
    this.entries.shift();
    const { doc, file } = entry;
    if (await this.stored(entry)) return "unchanged";
    const result = entry.result ?? (entry.onWorker ? await entry.onWorker : this.codeHere(doc));
    if ("error" in result) {
      // one document the coder cannot take, or trips on, does not stop a run of millions
      this.lastFailure = `${result.documentError ? "" : "internal error coding it: "}${result.error}`;
      this.say(`annals: ${file} (document ${doc.id}): ${this.lastFailure}`);
      return "failed";
    }
    for (const w of result.warnings) if (w.startsWith("not coded")) this.say(`annals: warning: ${file} (document ${doc.id}): ${w}`);
    return { doc, events: result.events };
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** Posts documents not stored, in input order, to the workers while one has room for more work. */
  private feed(): void {
    const pool = this.pool!;
    for (const entry of this.entries) {
      if (!pool.hasRoom) return;
      if (entry.storedEarly !== false || entry.onWorker || entry.result) continue;
      const onWorker = pool.code(entry.doc);
      entry.onWorker = onWorker;
      onWorker.then(
        (result) => {
          entry.result = result;
          this.coded.onWorkers++;
          this.feed();
        },
        () => {}, // a failed worker is reported when this entry's turn comes, not as an unhandled rejection
      );
    }
  }

  private stored(entry: Entry): Promise<boolean> {
    return this.store.hasDocument(entry.doc.id, entry.hash, this.version);
  }

  private codeHere(doc: Document): CodeResult {
    this.coded.here++;
    try {
      const coded = codeDocument(doc, this.dictionaries, this.options);
      return { events: coded.events, warnings: coded.warnings };
    } catch (e) {
      return { error: (e as Error).message, documentError: e instanceof DocumentError };
    }
  }
}

/** `--workers N` checked: the threads that code, the main thread among them; the default is every core. */
export function workersOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return wholeNumber("workers", value, 1, 256);
}
