/**
 * A trained linear classifier: for each feature, the weights it gives some of the classes.
 * Features are 32-bit hashes kept in an open-addressing table; each holds a short row of
 * (class, weight) pairs, so that a feature that speaks for two of fifty classes costs two adds.
 */

export interface LinearModelData {
  classes: number;
  /** The features, one per row. */
  keys: Uint32Array;
  /** How many (class, weight) pairs each row has. */
  counts: Uint8Array;
  /** Class of each pair, rows one after another. */
  pairClasses: Uint8Array;
  /** Weight of each pair, as a multiple of `scale`. */
  pairWeights: Int16Array;
  scale: number;
}

export class LinearModel {
  readonly classes: number;
  private readonly mask: number;
  /**
   * Three numbers a slot: the feature (0 for an empty slot), where its row starts in the pair arrays
   * and where it ends. Side by side, so that a look-up touches one cache line: the tables are far
   * larger than the processor's caches, and memory latency is what a parse waits on.
   */
  private readonly slots: Uint32Array;
  private readonly pairClasses: Uint8Array;
  private readonly pairWeights: Float32Array;

  constructor(data: LinearModelData) {
    this.classes = data.classes;
    let size = 16;
    while (size < data.keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Uint32Array(size * 4);
    this.pairClasses = data.pairClasses;
    this.pairWeights = new Float32Array(data.pairWeights.length);
    for (let i = 0; i < data.pairWeights.length; i++) this.pairWeights[i] = data.pairWeights[i] * data.scale;
    let at = 0;
    for (let r = 0; r < data.keys.length; r++) {
      const key = data.keys[r];
      let slot = key & this.mask;
      while (this.slots[slot * 4] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 4] = key;
      this.slots[slot * 4 + 1] = at;
      at += data.counts[r];
      this.slots[slot * 4 + 2] = at;
    }
  }

  /** Adds the weights of `n` features to `scores` (which the caller zeroes). */
  score(features: Uint32Array, n: number, scores: Float32Array): void {
    const slots = this.slots;
    const mask = this.mask;
    const cls = this.pairClasses;
    const w = this.pairWeights;
    for (let f = 0; f < n; f++) {
      const key = features[f];
      let at = (key & mask) * 4;
      let k = slots[at];
      while (k !== key) {
        if (k === 0) break;
        at = (at + 4) & (mask * 4 + 3);
        k = slots[at];
      }
      if (k === 0) continue;
      const end = slots[at + 2];
      for (let i = slots[at + 1]; i < end; i++) scores[cls[i]] += w[i];
    }
  }
}

/** The best class by score among those `allowed` (all when omitted); -1 when none is. */
export function best(scores: Float32Array, n: number, allowed?: (c: number) => boolean): number {
  let top = -1;
  let topScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (allowed && !allowed(c)) continue;
    if (scores[c] > topScore) {
      topScore = scores[c];
      top = c;
    }
  }
  return top;
}
