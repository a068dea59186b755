/**
 * The store reads the API makes, through ./read-pool.ts (off the server's
 * thread, under a time limit) or directly.
 */
import type { Store } from "../store/index.js";

/** The read-only methods of `Store` the routes call. */
export const READ_METHODS = ["eventsAfter", "countEvents", "getEvent", "getDocument", "stats", "top", "locations", "counts"] as const;
export type ReadMethod = (typeof READ_METHODS)[number];

export type Reads = {
  [M in ReadMethod]: (...args: Parameters<Store[M]>) => ReturnType<Store[M]>;
};

/** Reads made on the calling thread, without a time limit: for a store that cannot be opened twice (`:memory:`). */
export function directReads(store: Store): Reads {
  const reads = {} as Record<ReadMethod, (...args: unknown[]) => Promise<unknown>>;
  for (const m of READ_METHODS) reads[m] = (...args: unknown[]) => (store[m] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
  return reads as unknown as Reads;
}
