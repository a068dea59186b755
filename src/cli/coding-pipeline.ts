/**
 * The documents an ingest or a recode has in hand, coded ahead on worker
 * threads and taken back strictly in input order, so the main thread writes
 * exactly what, and when, a run on one core writes.
 *
 * Whether a document is already stored as it is (and so not coded) is asked
 * twice: when it is handed out, to spare the workers coding it, and again
 * when its turn comes, against the store as the batches before it left it:
 * the answer that counts is the one a run on one core would have had. With
 * one worker nothing is coded ahead: each document is coded in the main
 * thread when its turn comes, as before there were workers.
 */
import { codeDocument, DocumentError, type Document } from "../core/index.js";
import { CodingPool, type CodeResult, type CodingOptions } from "../node/coding-pool.js";
import type { loadDictionaries } from "../node/data-files.js";
import { contentHash, type CodedItem, type Store } from "../store/index.js";
import { wholeNumber } from "./args.js";

type Dictionaries = ReturnType<typeof loadDictionaries>["dictionaries"];

interface Entry {
  doc: Document;
  file: string;
  /** Coding already under way on a worker; null (or a promise of null) when nothing was sent (stored already, or one worker). */
  result: Promise<CodeResult | null> | null;
}

/** Documents kept in flight per worker: enough to keep each one coding while the main thread writes a batch. */
const AHEAD_PER_WORKER = 64;

export class CodingPipeline {
  private readonly entries: Entry[] = [];
  private readonly pool: CodingPool | null;
  /** Why the last document `next` gave as "failed" failed, for a caller that records it. */
  lastFailure = "";

  constructor(
    private readonly store: Store,
    private readonly version: string,
    private readonly options: CodingOptions,
    private readonly dictionaries: Dictionaries,
    dictDir: string,
    workers: number,
    private readonly say: (message: string) => void,
  ) {
    this.pool = workers > 1 ? new CodingPool(workers, { dictDir, options }) : null;
  }

  /** Documents handed out and not yet taken back. */
  get size(): number {
    return this.entries.length;
  }

  /** How many documents the caller may keep in flight before taking one back. */
  get ahead(): number {
    return this.pool ? this.pool.size * AHEAD_PER_WORKER : 0;
  }

  /** Hands out a document; its outcome comes from `next`, in the order documents were handed out. */
  submit(doc: Document, file: string): void {
    let result: Promise<CodeResult | null> | null = null;
    if (this.pool) {
      const pool = this.pool;
      // null: stored already when handed out, so not coded ahead (its turn asks again)
      result = this.stored(doc).then((stored) => (stored ? null : pool.code(doc)));
      result.catch(() => {}); // a failed worker is reported when this entry's turn comes, not as an unhandled rejection
    }
    this.entries.push({ doc, file, result });
  }

  /** The outcome of the oldest document handed out: its coding, "unchanged" when stored as it is, or "failed" after saying why. */
  async next(): Promise<CodedItem | "unchanged" | "failed"> {
    const entry = this.entries.shift();
    if (!entry) throw new Error("no document in the pipeline");
    const { doc, file } = entry;
    if (await this.stored(doc)) return "unchanged";
    const result = (await entry.result) ?? (await (this.pool ? this.pool.code(doc) : this.codeHere(doc)));
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

  private stored(doc: Document): Promise<boolean> {
    return this.store.hasDocument(doc.id, contentHash(doc), this.version);
  }

  private codeHere(doc: Document): CodeResult {
    try {
      const coded = codeDocument(doc, this.dictionaries, this.options);
      return { events: coded.events, warnings: coded.warnings };
    } catch (e) {
      return { error: (e as Error).message, documentError: e instanceof DocumentError };
    }
  }
}

/** `--workers N` checked; the default is every core but one. */
export function workersOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return wholeNumber("workers", value, 1, 256);
}
