/**
 * Answers of the counting reads kept while the store is unchanged.
 *
 * A dashboard asks the same few questions over and over (the series of
 * everything, the top dyads, the explorer's total) of a store that changes
 * only when documents are added. Each answer is kept with the store's change
 * mark taken before it was read (`Store.changeMark`); a later request whose
 * mark is the same gets it without a read, since nothing was committed in
 * between. A write by any process moves the mark, so no answer outlives the
 * data it came from. Requests that arrive together for an answer not yet
 * kept share the one read.
 *
 * Only the reads whose answers are small and costly are kept: counts, series,
 * top and locations; pages of events and single records go to the store.
 */
import type { Reads } from "./reads.js";

/** The reads whose answers are kept. */
const KEPT = ["countEvents", "stats", "top", "locations", "counts"] as const;
type KeptMethod = (typeof KEPT)[number];

/** Answers kept at most; the oldest goes first. A series answer is a few kilobytes. */
export const DEFAULT_CACHE_ENTRIES = 2000;

interface Entry {
  mark: string;
  answer: Promise<unknown>;
}

export interface ReadCache {
  reads: Reads;
  /** Answers given without a read, and reads made, since the start. */
  stats(): { hits: number; reads: number };
}

/**
 * `reads` with the counting reads answered from the cache while `changeMark`
 * gives the mark they were read under.
 */
export function cachedReads(reads: Reads, changeMark: () => Promise<string>, maxEntries = DEFAULT_CACHE_ENTRIES): ReadCache {
  const entries = new Map<string, Entry>();
  let hits = 0;
  let made = 0;

  function keep(key: string, entry: Entry): void {
    entries.delete(key); // re-inserted last: the Map's order is the age
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  function cached(method: KeptMethod) {
    const read = reads[method] as (...args: unknown[]) => Promise<unknown>;
    return async (...args: unknown[]): Promise<unknown> => {
      const mark = await changeMark();
      const key = `${method} ${JSON.stringify(args)}`;
      const kept = entries.get(key);
      if (kept && kept.mark === mark) {
        hits++;
        return kept.answer;
      }
      made++;
      const answer = read(...args);
      keep(key, { mark, answer });
      // a failed read (a time limit, a store error) is not kept: the next request tries again
      answer.catch(() => {
        if (entries.get(key)?.answer === answer) entries.delete(key);
      });
      return answer;
    };
  }

  const wrapped = { ...reads } as Record<string, unknown>;
  for (const m of KEPT) wrapped[m] = cached(m);
  return { reads: wrapped as unknown as Reads, stats: () => ({ hits, reads: made }) };
}
