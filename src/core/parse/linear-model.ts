/**
 * A trained linear classifier: for each feature, the weights it gives some of the classes.
 * Features are 32-bit hashes kept in an open-addressing table; each holds a short row of
 * (class, weight) pairs, so that a feature that speaks for two of fifty classes costs two adds.
 *
 * The tables are far larger than the processor's caches, so a parse waits on memory more than it
 * computes: a look-up should touch as few cache lines as it can. A slot is four 32-bit numbers side by
 * side. With at most three classes (the parser's transitions) it holds the weights themselves; otherwise
 * it holds where its row starts and ends in one array of pairs, each pair a weight and a class in 32 bits.
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

const INLINE_CLASSES = 3;

export class LinearModel {
  readonly classes: number;
  private readonly mask: number;
  /** Per slot: the feature (0 for an empty slot), then three numbers (see above). */
  private readonly slots: Uint32Array;
  /** The same memory read as weights, for slots that hold them. */
  private readonly inlineWeights: Float32Array;
  private readonly inline: boolean;
  /** Each pair: the weight as a multiple of `scale` in the high 24 bits, the class in the low 8. */
  private readonly pairs: Int32Array;
  private readonly scale: number;

  constructor(data: LinearModelData) {
    this.classes = data.classes;
    this.scale = data.scale;
    this.inline = data.classes <= INLINE_CLASSES;
    let size = 16;
    while (size < data.keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Uint32Array(size * 4);
    this.inlineWeights = new Float32Array(this.slots.buffer);
    this.pairs = new Int32Array(data.pairWeights.length);
    for (let i = 0; i < data.pairWeights.length; i++) this.pairs[i] = (data.pairWeights[i] << 8) | data.pairClasses[i];
    let at = 0;
    for (let r = 0; r < data.keys.length; r++) {
      const key = data.keys[r];
      let slot = key & this.mask;
      while (this.slots[slot * 4] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 4] = key;
      if (this.inline) {
        for (let i = 0; i < data.counts[r]; i++) this.inlineWeights[slot * 4 + 1 + data.pairClasses[at + i]] = data.pairWeights[at + i] * data.scale;
        at += data.counts[r];
      } else {
        this.slots[slot * 4 + 1] = at;
        at += data.counts[r];
        this.slots[slot * 4 + 2] = at;
      }
    }
  }

  /** Where the feature's slot starts in `slots`, or -1 when the model has no such feature. */
  private slotOf(key: number): number {
    const slots = this.slots;
    const wrap = this.mask * 4 + 3;
    let at = (key & this.mask) * 4;
    let k = slots[at];
    while (k !== key) {
      if (k === 0) return -1;
      at = (at + 4) & wrap;
      k = slots[at];
    }
    return at;
  }

  /** Adds the weights of `n` features to `scores` (which the caller zeroes). */
  score(features: Uint32Array, n: number, scores: Float32Array): void {
    const slots = this.slots;
    if (this.inline) {
      const w = this.inlineWeights;
      for (let f = 0; f < n; f++) {
        const at = this.slotOf(features[f]);
        if (at < 0) continue;
        scores[0] += w[at + 1];
        scores[1] += w[at + 2];
        scores[2] += w[at + 3];
      }
      return;
    }
    const pairs = this.pairs;
    const scale = this.scale;
    for (let f = 0; f < n; f++) {
      const at = this.slotOf(features[f]);
      if (at < 0) continue;
      const end = slots[at + 2];
      for (let i = slots[at + 1]; i < end; i++) {
        const p = pairs[i];
        scores[p & 0xff] += (p >> 8) * scale;
      }
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
