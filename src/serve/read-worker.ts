/**
 * One read worker of ./read-pool.ts: its own read-only connection to the
 * store, answering each posted read with its result or its failure.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openStore, StoreError, type Store } from "../store/index.js";
import type { ReadRequest, ReadResponse, ReadWorkerSetup } from "./read-pool.js";

const setup = workerData as ReadWorkerSetup;
// one read at a time, so one connection; a server cancels a statement the pool has given up on
const store: Store = await openStore(setup.path, { readonly: true, connections: 1, statementTimeoutMs: setup.timeoutMs });
const port = parentPort!;

// the pool sends a worker one read at a time, so the answers go back in order
port.on("message", async ({ id, method, args }: ReadRequest) => {
  let response: ReadResponse;
  try {
    const result = await (store[method] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
    response = { id, result };
  } catch (e) {
    response = { id, error: (e as Error).message, storeError: e instanceof StoreError };
  }
  port.postMessage(response);
});

process.on("exit", () => void store.close());
port.postMessage({ ready: true } satisfies ReadResponse);
