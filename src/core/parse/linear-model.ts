/**
 * A trained linear classifier: for each feature, the weights it gives some of the classes.
 * Features are 32-bit hashes kept in an open-addressing table; each holds a short row of
 * (class, weight) pairs, so that a feature that speaks for two of fifty classes costs two adds.
 *
 * The tables are larger than the processor's caches, so a parse waits on memory more than it computes:
 * a look-up should touch one cache line, and the smaller the table the more of it stays cached. A slot is
 * two 32-bit numbers: the feature, then what it says.
 * - With three classes (the parser's transitions), the weights themselves. Only the differences
 *   between classes decide which wins, so a feature's weights are kept relative to class 0's: two 16-bit
 *   numbers for classes 1 and 2.
 * - Otherwise where its row starts in one array of pairs (high 24 bits) and how long it is (low 8), each
 *   pair a weight and a class in 32 bits.
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

/** Models of exactly this many classes keep their weights in the slots. */
const INLINE_CLASSES = 3;

export class LinearModel {
  readonly classes: number;
  private readonly mask: number;
  /** Per slot: the feature (0 for an empty slot), then what it says (see above). */
  private readonly slots: Int32Array;
  private readonly inline: boolean;
  /** Each pair: the weight as a multiple of `scale` in the high 24 bits, the class in the low 8. */
  private readonly pairs: Int32Array;
  private readonly scale: number;
  /** Weights kept in the slots are multiples of this. */
  private readonly inlineScale: number;
  /** Written by `score` so that its warming loads are not optimised away. */
  touched = 0;
  /** Scratch: the slots `score` found, grown as needed. */
  private found = new Int32Array(256);

  constructor(data: LinearModelData) {
    this.classes = data.classes;
    this.scale = data.scale;
    this.inline = data.classes === INLINE_CLASSES;
    if (data.pairWeights.length >= 1 << 24) throw new Error(`a model of ${data.pairWeights.length} weights is more than a slot can point into`);
    let size = 16;
    while (size < data.keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    this.pairs = new Int32Array(data.pairWeights.length);
    for (let i = 0; i < data.pairWeights.length; i++) this.pairs[i] = (data.pairWeights[i] << 8) | data.pairClasses[i];
    const relative = this.inline ? relativeWeights(data) : null;
    this.inlineScale = relative?.scale ?? 0;
    let at = 0;
    for (let r = 0; r < data.keys.length; r++) {
      const key = data.keys[r] | 0;
      let slot = key & this.mask;
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = key;
      this.slots[slot * 2 + 1] = relative ? (relative.one[r] << 16) | (relative.two[r] & 0xffff) : (at << 8) | data.counts[r];
      at += data.counts[r];
    }
  }

  /** Where the feature's slot starts in `slots`, or -1 when the model has no such feature. */
  private slotOf(key: number): number {
    const slots = this.slots;
    const wrap = this.mask * 2 + 1;
    let at = (key & this.mask) * 2;
    let k = slots[at];
    while (k !== key) {
      if (k === 0) return -1;
      at = (at + 2) & wrap;
      k = slots[at];
    }
    return at;
  }

  /** Adds the weights of `n` features to `scores` (which the caller zeroes). */
  score(features: Uint32Array, n: number, scores: Float32Array): void {
    const slots = this.slots;
    // Touch every feature's first slot before looking at any: these loads do not wait on each other, so the
    // processor fetches them all at once; the look-ups below, whose branches depend on what they find, then
    // read from cache instead of waiting on memory one feature at a time.
    const mask = this.mask;
    let touched = 0;
    for (let f = 0; f < n; f++) touched ^= slots[(features[f] & mask) * 2];
    if (this.inline) {
      this.touched = touched;
      let one = 0;
      let two = 0;
      for (let f = 0; f < n; f++) {
        const at = this.slotOf(features[f] | 0);
        if (at < 0) continue;
        const w = slots[at + 1];
        one += w >> 16;
        two += (w << 16) >> 16;
      }
      scores[1] += one * this.inlineScale;
      scores[2] += two * this.inlineScale;
      return;
    }
    // Rows of pairs are a second far read: find every row first and touch its start, then add.
    const pairs = this.pairs;
    const scale = this.scale;
    if (this.found.length < n) this.found = new Int32Array(n);
    const found = this.found;
    let rows = 0;
    for (let f = 0; f < n; f++) {
      const at = this.slotOf(features[f] | 0);
      if (at < 0) continue;
      const row = slots[at + 1];
      found[rows++] = row;
      touched ^= pairs[row >>> 8];
    }
    this.touched = touched;
    for (let r = 0; r < rows; r++) {
      const row = found[r];
      const start = row >>> 8;
      const end = start + (row & 0xff);
      for (let i = start; i < end; i++) {
        const p = pairs[i];
        scores[p & 0xff] += (p >> 8) * scale;
      }
    }
  }
}

/**
 * Each feature's weights for classes 1 and 2 less its weight for class 0, as 16-bit multiples of one scale:
 * adding the same amount to every class's score changes no decision.
 */
function relativeWeights(data: LinearModelData): { one: Int16Array; two: Int16Array; scale: number } {
  const rows = data.keys.length;
  const diff1 = new Float64Array(rows);
  const diff2 = new Float64Array(rows);
  let at = 0;
  let largest = 0;
  for (let r = 0; r < rows; r++) {
    let w0 = 0, w1 = 0, w2 = 0;
    for (let i = 0; i < data.counts[r]; i++, at++) {
      const c = data.pairClasses[at];
      const w = data.pairWeights[at] * data.scale;
      if (c === 0) w0 = w;
      else if (c === 1) w1 = w;
      else w2 = w;
    }
    diff1[r] = w1 - w0;
    diff2[r] = w2 - w0;
    largest = Math.max(largest, Math.abs(diff1[r]), Math.abs(diff2[r]));
  }
  const scale = largest > 0 ? largest / 32767 : 1;
  const one = new Int16Array(rows);
  const two = new Int16Array(rows);
  for (let r = 0; r < rows; r++) {
    one[r] = Math.round(diff1[r] / scale);
    two[r] = Math.round(diff2[r] / scale);
  }
  return { one, two, scale };
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
