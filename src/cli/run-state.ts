/** Bookkeeping ingest and recode share: counting what a batch saved, and closing a run that failed. */
import type { SaveCounts, Store } from "../store/index.js";
import type { ProgressState } from "./progress.js";

export function addSaved(state: ProgressState, saved: SaveCounts): void {
  state.added += saved.added;
  state.replaced += saved.replaced;
  state.unchanged += saved.unchanged;
  state.events += saved.events;
}

/** Marks a run failed; when the store itself is what failed, the caller's error says how. */
export async function failRun(store: Store, run: number | undefined, state: ProgressState): Promise<void> {
  if (run === undefined) return;
  try {
    await store.finishRun(run, state, "failed");
  } catch {
    // the store itself failed: the error being thrown says how
  }
}
