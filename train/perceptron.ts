/**
 * An averaged perceptron for training (Collins 2002; the averaging kept lazily, per weight, as in
 * Daumé's trick): it learns in memory and exports the compact, read-only model the coder loads.
 */
import type { LinearModelData } from "../src/core/parse/linear-model.js";

export class AveragedPerceptron {
  readonly classes: number;
  private readonly rows = new Map<number, number>();
  private keys = new Uint32Array(1024);
  private weights: Float32Array;
  private totals: Float64Array;
  private stamps: Int32Array;
  /** Updates so far: the clock of the averaging. */
  private now = 1;

  constructor(classes: number) {
    this.classes = classes;
    this.weights = new Float32Array(1024 * classes);
    this.totals = new Float64Array(1024 * classes);
    this.stamps = new Int32Array(1024 * classes);
  }

  get features(): number {
    return this.rows.size;
  }

  score(features: Uint32Array, n: number, scores: Float32Array): void {
    const C = this.classes;
    const w = this.weights;
    for (let f = 0; f < n; f++) {
      const r = this.rows.get(features[f]);
      if (r === undefined) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) scores[c] += w[base + c];
    }
  }

  /** One more example seen: advances the clock whether or not it updates. */
  tick(): void {
    this.now++;
  }

  update(features: Uint32Array, n: number, truth: number, guess: number): void {
    for (let f = 0; f < n; f++) {
      const base = this.rowOf(features[f]) * this.classes;
      this.add(base + truth, 1);
      this.add(base + guess, -1);
    }
  }

  private add(i: number, delta: number): void {
    this.totals[i] += (this.now - this.stamps[i]) * this.weights[i];
    this.stamps[i] = this.now;
    this.weights[i] += delta;
  }

  private rowOf(key: number): number {
    let r = this.rows.get(key);
    if (r !== undefined) return r;
    r = this.rows.size;
    if (r >= this.keys.length) this.grow();
    this.rows.set(key, r);
    this.keys[r] = key;
    return r;
  }

  private grow(): void {
    const size = this.keys.length * 2;
    const keys = new Uint32Array(size);
    keys.set(this.keys);
    this.keys = keys;
    const weights = new Float32Array(size * this.classes);
    weights.set(this.weights);
    this.weights = weights;
    const totals = new Float64Array(size * this.classes);
    totals.set(this.totals);
    this.totals = totals;
    const stamps = new Int32Array(size * this.classes);
    stamps.set(this.stamps);
    this.stamps = stamps;
  }

  /**
   * The averaged weights as a compact model: weights smaller than `minWeight` are dropped (they barely
   * move a decision), the rest quantised to 16 bits.
   */
  export(minWeight: number): LinearModelData {
    const C = this.classes;
    const rows = this.rows.size;
    const avg = new Float32Array(rows * C);
    let maxAbs = 0;
    for (let i = 0; i < rows * C; i++) {
      avg[i] = (this.totals[i] + (this.now - this.stamps[i]) * this.weights[i]) / this.now;
      maxAbs = Math.max(maxAbs, Math.abs(avg[i]));
    }
    const scale = maxAbs / 32767 || 1;
    const keys: number[] = [];
    const counts: number[] = [];
    const pairClasses: number[] = [];
    const pairWeights: number[] = [];
    for (let r = 0; r < rows; r++) {
      let count = 0;
      for (let c = 0; c < C; c++) {
        const w = avg[r * C + c];
        if (Math.abs(w) < minWeight) continue;
        const q = Math.round(w / scale);
        if (q === 0) continue;
        pairClasses.push(c);
        pairWeights.push(q);
        count++;
      }
      if (count === 0) continue;
      keys.push(this.keys[r]);
      counts.push(count);
    }
    return { classes: C, keys: Uint32Array.from(keys), counts: Uint8Array.from(counts), pairClasses: Uint8Array.from(pairClasses), pairWeights: Int16Array.from(pairWeights), scale };
  }
}

/** A small seeded generator (mulberry32), so that training is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
