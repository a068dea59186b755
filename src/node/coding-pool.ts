/**
 * Coding on several cores: a pool of worker threads (./coding-worker.ts),
 * each with its own copy of the dictionaries, coding the documents posted to
 * it. Coding is pure and the slow part of an ingest, so it is what runs in
 * parallel; the caller takes the results back in the order it asked for
 * them, keeps every database write in its own thread, and codes there too
 * (../cli/coding-pipeline.ts): a pool serves `threads - 1` workers.
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
/** What a worker posts: a document's result, or once, when its dictionaries are loaded, that it is ready. */
export type WorkerMessage = CodeResponse | { ready: true };

/**
 * The default number of threads that code: every core. The main thread is one of them: it codes whatever the
 * workers have not taken, between its writes, so a core is not left to writes that take a few percent of it.
 */
export function defaultWorkers(): number {
  return availableParallelism();
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
  inFlight: Map<number, { chars: number; resolve: (r: CodeResult) => void; reject: (e: Error) => void }>;
  /** Characters of text posted to the worker and not answered yet: how much work it has in hand. */
  chars: number;
  /** Whether its dictionaries are loaded: until then the feeding thread codes what it would have posted. */
  ready: boolean;
}

/**
 * Text a worker is kept supplied with: enough to code on (about a tenth of a second) while the thread that feeds it
 * is busy with a document or a write of its own, little enough that the feeding thread finds documents left to
 * code itself.
 */
const WORK_IN_HAND_CHARS = 16_000;

export class CodingPool {
  private readonly slots: Slot[];
  private nextId = 0;
  private failure: Error | null = null;
  private started = 0;
  private markStarted!: () => void;
  private readonly whenStarted = new Promise<void>((resolve) => (this.markStarted = resolve));

  /** `onRoom` is told when a worker may take more work than before: it has started, or it has failed (and `code` fails at once). */
  constructor(size: number, setup: WorkerSetup, onRoom: () => void = () => {}) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: startWorker(setup), inFlight: new Map(), chars: 0, ready: false };
      slot.worker.on("message", (m: WorkerMessage) => {
        if ("ready" in m) {
          slot.ready = true;
          if (++this.started === size) this.markStarted();
          onRoom();
          return;
        }
        const { id, result } = m;
        const waiting = slot.inFlight.get(id);
        slot.inFlight.delete(id);
        slot.chars -= waiting?.chars ?? 0;
        waiting?.resolve(result);
      });
      const fail = (e: Error) => {
        this.failure ??= e;
        for (const w of slot.inFlight.values()) w.reject(e);
        slot.inFlight.clear();
        slot.chars = 0;
        this.markStarted();
        onRoom();
      };
      slot.worker.on("error", (e) => fail(new Error(`a coding worker failed: ${e.message}`)));
      slot.worker.on("exit", (code) => fail(new Error(`a coding worker stopped (exit code ${code})`)));
      return slot;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves when every worker has loaded its dictionaries (or one has failed). */
  get ready(): Promise<void> {
    return this.whenStarted;
  }

  /** Whether a worker has less than its fill of work in hand (or a failed pool, whose `code` fails at once). */
  get hasRoom(): boolean {
    return this.failure !== null || this.slots.some((s) => s.ready && (s.inFlight.size < 2 || s.chars < WORK_IN_HAND_CHARS));
  }

  /** Codes a document on the worker with the least work in hand. */
  code(doc: Document): Promise<CodeResult> {
    if (this.failure) return Promise.reject(this.failure);
    const ready = this.slots.filter((s) => s.ready);
    const slot = (ready.length > 0 ? ready : this.slots).reduce((a, b) => (b.chars < a.chars ? b : a));
    const id = this.nextId++;
    const chars = doc.text.length;
    slot.chars += chars;
    return new Promise((resolve, reject) => {
      slot.inFlight.set(id, { chars, resolve, reject });
      slot.worker.postMessage({ id, doc } satisfies CodeRequest);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error("the coding pool is closed");
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** A document whose coding ran past its time limit: its worker was stopped, and another takes its place. */
export class CodingTimeout extends Error {
  constructor(readonly ms: number) {
    super(`coding took longer than ${ms} ms`);
  }
}

interface TimedJob {
  id: number;
  doc: Document;
  ms: number;
  resolve: (r: CodeResult) => void;
  reject: (e: Error) => void;
}

interface TimedSlot {
  worker: Worker;
  /** Whether its dictionaries are loaded: a document goes only to a ready worker, so a worker's start never counts against a document's time. */
  ready: boolean;
  job: TimedJob | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Coding for a server, where one request must not take a worker for long:
 * each worker codes one document at a time, taken from one queue, under a
 * time limit counted from when the worker takes it (time in the queue does
 * not count). Past the limit the worker is terminated (coding is plain
 * JavaScript, so it stops at once), the caller gets `CodingTimeout`, and a
 * fresh worker takes its place. A worker that dies of itself fails its
 * document and is replaced too; one that dies before it is ready (the
 * dictionaries cannot be loaded) fails the documents waiting, and the next
 * start is a second away rather than a loop.
 */
export class LimitedCodingPool {
  private readonly slots = new Set<TimedSlot>();
  private readonly queue: TimedJob[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly setup: WorkerSetup,
  ) {
    for (let i = 0; i < size; i++) this.addSlot();
  }

  /** Documents waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Codes a document in at most `ms` milliseconds of a worker's time; `CodingTimeout` past them. */
  code(doc: Document, ms: number): Promise<CodeResult> {
    if (this.closed) return Promise.reject(new Error("the coding pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, doc, ms, resolve, reject });
      this.dispatch();
    });
  }

  private addSlot(): void {
    const slot: TimedSlot = { worker: startWorker(this.setup), ready: false, job: null, timer: null };
    slot.worker.on("message", (m: WorkerMessage) => {
      if ("ready" in m) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      this.free(slot);
      job.resolve(m.result);
      this.dispatch();
    });
    slot.worker.on("error", (e) => this.lose(slot, new Error(`a coding worker failed: ${e.message}`)));
    slot.worker.on("exit", (code) => this.lose(slot, new Error(`a coding worker stopped (exit code ${code})`)));
    this.slots.add(slot);
  }

  private free(slot: TimedSlot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job || !slot.ready) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.expire(slot), job.ms);
      slot.worker.postMessage({ id: job.id, doc: job.doc } satisfies CodeRequest);
    }
  }

  /** The slot's document ran out of time: the worker goes, a fresh one is started. */
  private expire(slot: TimedSlot): void {
    const job = slot.job!;
    this.free(slot);
    this.slots.delete(slot);
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => {}); // its end is expected
    void slot.worker.terminate();
    job.reject(new CodingTimeout(job.ms));
    if (!this.closed) this.addSlot();
  }

  /** A worker gone without being terminated by the pool. */
  private lose(slot: TimedSlot, e: Error): void {
    if (!this.slots.delete(slot)) return;
    const job = slot.job;
    this.free(slot);
    job?.reject(e);
    if (this.closed) return;
    if (slot.ready) {
      this.addSlot();
      this.dispatch();
      return;
    }
    // it could not even load the dictionaries: unless another worker is ready, the documents waiting fail with why
    if (![...this.slots].some((s) => s.ready)) for (const waiting of this.queue.splice(0)) waiting.reject(e);
    setTimeout(() => !this.closed && this.addSlot(), 1000).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const e = new Error("the coding pool is closed");
    const running = [...this.slots].flatMap((s) => (s.job ? [s.job] : []));
    for (const s of this.slots) this.free(s);
    for (const job of [...this.queue.splice(0), ...running]) job.reject(e);
    const workers = [...this.slots].map((s) => s.worker);
    this.slots.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
