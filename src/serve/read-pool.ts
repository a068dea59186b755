/**
 * Store reads under a time limit, off the server's thread.
 *
 * better-sqlite3 is synchronous: a read on the server's thread would hold up
 * every other request until it ends, and it offers no way to interrupt a
 * statement (no sqlite3_interrupt, no progress handler). So each read runs
 * on a small pool of worker threads (./read-worker.ts), each with its own
 * read-only connection (WAL lets them read while the server writes). A read
 * not answered within the limit, counted from when it was asked (waiting in
 * the queue included), fails with `QueryTimeout` at once; the worker running
 * it is terminated and a fresh one takes its place.
 *
 * A terminated worker stops only when its current SQLite step returns (V8
 * cannot stop native code), so it may keep a core busy for a while. While
 * no more than `size` such workers are finishing, each is replaced at once;
 * past that, a replacement starts only when one of them has exited, and
 * reads wait in the queue (under their own limit), so the threads never
 * number more than about twice `size`. A child process killed with SIGKILL would stop at once, but costs
 * a process and a copy of each result through a pipe per read; threads
 * share memory for the structured clone and start in milliseconds.
 *
 * A PostgreSQL store is read through the same pool, each worker with one
 * connection: its reads do not block a thread, but the pool keeps one
 * limit and one queue for both backends, and the server is told the limit
 * (statement_timeout), so a read given up on stops there too.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { StoreError } from "../store/index.js";
import { READ_METHODS, type ReadMethod, type Reads } from "./reads.js";

export interface ReadWorkerSetup {
  path: string;
  /** The read time limit: a PostgreSQL server is told to cancel a statement past it (SQLite cannot be). */
  timeoutMs: number;
}
export interface ReadRequest {
  id: number;
  method: ReadMethod;
  args: unknown[];
}
export type ReadResponse = { id: number; result: unknown } | { id: number; error: string; storeError: boolean } | { ready: true };

export class QueryTimeout extends Error {
  constructor(readonly ms: number) {
    super(`query took longer than ${ms} ms`);
  }
}

/** A read asked for, or still waiting, when the server stops. */
export class PoolClosed extends Error {
  constructor() {
    super("the server is stopping");
  }
}

export interface ReadPoolOptions {
  /** Worker threads, each with a connection; default the number of cores, 2 to 8. */
  size?: number;
  /** Milliseconds a read may take, queue included; default 5000. */
  timeoutMs?: number;
}

const UNDER_TSX = import.meta.url.endsWith(".ts");

/** The address of a worker's module beside this one (`read-worker`), compiled or under tsx. */
export const workerUrl = (name: string) => new URL(`./${name}${UNDER_TSX ? ".ts" : ".js"}`, import.meta.url);
const WORKER_URL = workerUrl("read-worker");

// as in ../node/coding-pool.ts: Node 20 does not apply `--import tsx` to a worker's entry file
export function startWorker(url: URL, workerData: unknown): Worker {
  if (!UNDER_TSX) return new Worker(url, { workerData, execArgv: process.execArgv });
  const tsx = import.meta.resolve("tsx/esm/api");
  const start = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(start, { eval: true, workerData, execArgv: process.execArgv });
}

interface Job {
  id: number;
  method: ReadMethod;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  slot: Slot | null;
}

interface Slot {
  worker: Worker;
  /** Whether it has opened its connection: a read goes only to a ready worker, so a slow start never counts against a read. */
  ready: boolean;
  job: Job | null;
}

export class ReadPool {
  readonly size: number;
  readonly timeoutMs: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** Terminated workers that have not exited yet (finishing a SQLite step). */
  private dying = 0;
  /** Replacements owed for terminated workers, started as dying ones exit. */
  private owed = 0;
  private closed = false;
  /** The `Reads` the routes call, each through the pool. */
  readonly reads: Reads;

  constructor(
    private readonly path: string,
    options: ReadPoolOptions = {},
  ) {
    this.size = options.size ?? Math.min(8, Math.max(2, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? 5000;
    for (let i = 0; i < this.size; i++) this.addSlot();
    const reads = {} as Record<ReadMethod, (...args: unknown[]) => Promise<unknown>>;
    for (const m of READ_METHODS) reads[m] = (...args: unknown[]) => this.run(m, args);
    this.reads = reads as unknown as Reads;
  }

  private addSlot(): void {
    const slot: Slot = { worker: startWorker(WORKER_URL, { path: this.path, timeoutMs: this.timeoutMs } satisfies ReadWorkerSetup), ready: false, job: null };
    slot.worker.on("message", (r: ReadResponse) => {
      if ("ready" in r) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== r.id) return;
      slot.job = null;
      this.settle(job, r);
      this.dispatch();
    });
    // a worker that fails (it could not open the store) fails its read; a new one is started for the next
    slot.worker.on("error", (e) => this.lose(slot, new Error(`a read worker failed: ${e.message}`)));
    slot.worker.on("exit", (code) => this.lose(slot, new Error(`a read worker stopped (exit code ${code})`)));
    this.slots.add(slot);
  }

  /** A worker gone without being terminated by the pool. */
  private lose(slot: Slot, e: Error): void {
    if (!this.slots.delete(slot)) return;
    if (slot.job) {
      clearTimeout(slot.job.timer);
      slot.job.reject(e);
    }
    if (this.closed) return;
    if (slot.ready) {
      this.addSlot();
      this.dispatch();
      return;
    }
    // it could not even open the store: the reads waiting fail with why, and the next try is a second away, not a loop
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.timer);
      job.reject(e);
    }
    setTimeout(() => !this.closed && this.addSlot(), 1000).unref();
  }

  private settle(job: Job, r: Exclude<ReadResponse, { ready: true }>): void {
    clearTimeout(job.timer);
    if ("error" in r) job.reject(r.storeError ? new StoreError(r.error) : new Error(r.error));
    else job.resolve(r.result);
  }

  private run(method: ReadMethod, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new PoolClosed());
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, method, args, resolve, reject, slot: null, timer: setTimeout(() => this.expire(job), this.timeoutMs) };
      this.queue.push(job);
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job || !slot.ready) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      job.slot = slot;
      slot.worker.postMessage({ id: job.id, method: job.method, args: job.args } satisfies ReadRequest);
    }
  }

  private expire(job: Job): void {
    job.reject(new QueryTimeout(this.timeoutMs));
    const slot = job.slot;
    if (!slot) {
      this.queue.splice(this.queue.indexOf(job), 1);
      return;
    }
    // the worker is stuck in the statement: give up on it
    this.slots.delete(slot);
    slot.worker.removeAllListeners();
    this.dying++;
    slot.worker.once("exit", () => {
      this.dying--;
      this.replace();
    });
    slot.worker.on("error", () => {}); // its end is expected
    void slot.worker.terminate();
    this.owed++;
    this.replace();
  }

  /** Starts the replacements owed while no more than `size` terminated workers are still finishing. */
  private replace(): void {
    while (this.owed > 0 && this.dying <= this.size && !this.closed) {
      this.owed--;
      this.addSlot();
    }
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = [...this.slots].flatMap((s) => (s.job ? [s.job] : []));
    for (const job of [...this.queue.splice(0), ...running]) {
      clearTimeout(job.timer);
      job.reject(new PoolClosed());
    }
    const workers = [...this.slots].map((s) => s.worker);
    this.slots.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
