/**
 * Coding on several cores: a pool of worker threads (./coding-worker.ts),
 * each with its own copy of the dictionaries, coding the documents posted to
 * it. Coding is pure and the slow part of an ingest, so it is what runs in
 * parallel; the caller takes the results back in the order it asked for
 * them and keeps every database write in its own thread.
 *
 * The worker file is found next to this module: `.js` in the compiled
 * `dist`, `.ts` under tsx. Node 20 does not apply `--import tsx` (passed on
 * in `execArgv`) to a worker's entry file, so under tsx the worker starts
 * from a line that registers tsx's loader and then imports the `.ts` entry.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Document, Event } from "../core/index.js";

export interface CodingOptions {
  maxChars?: number;
  requireDyad: boolean;
  useParse: boolean;
}

/** What coding one document gave: its events and warnings, or the reason it failed. */
export type CodeResult = { events: Event[]; warnings: string[] } | { error: string; documentError: boolean };

export interface WorkerSetup {
  dictDir: string;
  options: CodingOptions;
}
export interface CodeRequest {
  id: number;
  doc: Document;
}
export interface CodeResponse {
  id: number;
  result: CodeResult;
}

/** The default number of coding workers: every core but one (for the main thread's writes), at least 1. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

const UNDER_TSX = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(`./coding-worker${UNDER_TSX ? ".ts" : ".js"}`, import.meta.url);

function startWorker(setup: WorkerSetup): Worker {
  if (!UNDER_TSX) return new Worker(WORKER_URL, { workerData: setup, execArgv: process.execArgv });
  const tsx = import.meta.resolve("tsx/esm/api");
  const start = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(start, { eval: true, workerData: setup, execArgv: process.execArgv });
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, { resolve: (r: CodeResult) => void; reject: (e: Error) => void }>;
}

export class CodingPool {
  private readonly slots: Slot[];
  private nextId = 0;
  private failure: Error | null = null;

  constructor(size: number, setup: WorkerSetup) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: startWorker(setup), inFlight: new Map() };
      slot.worker.on("message", ({ id, result }: CodeResponse) => {
        const waiting = slot.inFlight.get(id);
        slot.inFlight.delete(id);
        waiting?.resolve(result);
      });
      const fail = (e: Error) => {
        this.failure ??= e;
        for (const w of slot.inFlight.values()) w.reject(e);
        slot.inFlight.clear();
      };
      slot.worker.on("error", (e) => fail(new Error(`a coding worker failed: ${e.message}`)));
      slot.worker.on("exit", (code) => fail(new Error(`a coding worker stopped (exit code ${code})`)));
      return slot;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Codes a document on the least busy worker. */
  code(doc: Document): Promise<CodeResult> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.inFlight.set(id, { resolve, reject });
      slot.worker.postMessage({ id, doc } satisfies CodeRequest);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error("the coding pool is closed");
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
