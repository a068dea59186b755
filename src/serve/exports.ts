/**
 * Downloads (`GET /api/export`): the rows and format of `annals export`,
 * streamed to the client. Each download runs on a worker thread of its own
 * (./export-worker.ts) with its own read-only connection, so the server's
 * thread never iterates the store; the worker makes the next 64 KB of the
 * file only when the response has taken the last, so memory stays flat and
 * a client that stops reading stops the reading of the store. A client that
 * goes away ends the worker. Unlike a query a download has no time limit
 * (a large store takes as long as it takes to send); instead only a few run
 * at once and more are refused.
 */
import type { Worker } from "node:worker_threads";
import type { TextFormatName } from "../cli/export-formats.js";
import { StoreError, type EventFilter } from "../store/index.js";
import { PoolClosed, startWorker, workerUrl } from "./read-pool.js";

export interface ExportSetup {
  path: string;
  filter: EventFilter;
  format: TextFormatName;
}
export type ExportReply = { chunk: Uint8Array } | { done: true } | { error: string; storeError: boolean };

/** As many downloads are streaming as the server allows at once. */
export class ExportsBusy extends Error {
  constructor(readonly running: number) {
    super(`${running} download${running === 1 ? " is" : "s are"} under way, as many as the server streams at once: try again when one has ended`);
  }
}

export interface Exports {
  /** The export's file as a stream; a failure to start it (a store that cannot be read) rejects before any byte is sent. */
  stream(filter: EventFilter, format: TextFormatName): Promise<ReadableStream<Uint8Array>>;
  close(): Promise<void>;
}

const WORKER_URL = workerUrl("export-worker");

export class ExportWorkers implements Exports {
  private readonly running = new Set<Worker>();
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly max: number,
  ) {}

  async stream(filter: EventFilter, format: TextFormatName): Promise<ReadableStream<Uint8Array>> {
    if (this.closed) throw new PoolClosed();
    if (this.running.size >= this.max) throw new ExportsBusy(this.running.size);
    const worker = startWorker(WORKER_URL, { path: this.path, filter, format } satisfies ExportSetup);
    this.running.add(worker);
    let waiting: { resolve: (r: Exclude<ExportReply, { error: string }>) => void; reject: (e: Error) => void } | null = null;
    const fail = (e: Error) => {
      const w = waiting;
      waiting = null;
      w?.reject(e);
    };
    const end = () => {
      if (this.running.delete(worker)) void worker.terminate();
    };
    worker.on("message", (r: ExportReply) => {
      if ("error" in r) return fail(r.storeError ? new StoreError(r.error) : new Error(r.error));
      const w = waiting;
      waiting = null;
      w?.resolve(r);
    });
    worker.on("error", (e) => {
      fail(e);
      end();
    });
    worker.on("exit", (code) => {
      fail(new Error(`the download stopped (exit code ${code})`));
      this.running.delete(worker);
    });
    const next = () =>
      new Promise<Exclude<ExportReply, { error: string }>>((resolve, reject) => {
        waiting = { resolve, reject };
        worker.postMessage("next");
      });
    let first: Exclude<ExportReply, { error: string }>;
    try {
      first = await next();
    } catch (e) {
      end();
      throw e;
    }
    const give = (r: Exclude<ExportReply, { error: string }>, controller: ReadableStreamDefaultController<Uint8Array>) => {
      if ("done" in r) {
        controller.close();
        end();
      } else controller.enqueue(r.chunk);
    };
    return new ReadableStream<Uint8Array>({
      start: (controller) => give(first, controller),
      pull: async (controller) => {
        try {
          give(await next(), controller);
        } catch (e) {
          // headers are sent: the connection is cut, so the client sees a broken download, never a short file that looks whole
          controller.error(e);
          end();
        }
      },
      cancel: end,
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.running];
    this.running.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
