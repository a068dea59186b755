/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with its dynamic oracle
 * (Goldberg and Nivre 2013). Words are 1..n and 0 is the root, which starts on the stack.
 *
 *   SHIFT  moves the first buffer word onto the stack
 *   LEFT   makes the first buffer word the head of the stack's top, and pops it
 *   RIGHT  makes the second stack word the head of the top, and pops it
 *
 * RIGHT onto the root is allowed only once the buffer is empty, so every tree has exactly one root word.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const TRANSITIONS = 3;

const NONE = -1;

export class Configuration {
  readonly n: number;
  readonly stack: Int32Array;
  /** How many words are on the stack, the root included. */
  depth = 1;
  /** The first buffer word; n + 1 once the buffer is empty. */
  next = 1;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  /** Leftmost and second leftmost, rightmost and second rightmost children; -1 for none. */
  readonly left1: Int32Array;
  readonly left2: Int32Array;
  readonly right1: Int32Array;
  readonly right2: Int32Array;
  readonly leftCount: Uint8Array;
  readonly rightCount: Uint8Array;
  /** The labels of each word's left and right children, as bits (label id mod 32). */
  readonly leftLabels: Int32Array;
  readonly rightLabels: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 2);
    this.heads = new Int32Array(n + 1).fill(NONE);
    this.labels = new Int32Array(n + 1).fill(NONE);
    this.left1 = new Int32Array(n + 1).fill(NONE);
    this.left2 = new Int32Array(n + 1).fill(NONE);
    this.right1 = new Int32Array(n + 1).fill(NONE);
    this.right2 = new Int32Array(n + 1).fill(NONE);
    this.leftCount = new Uint8Array(n + 1);
    this.rightCount = new Uint8Array(n + 1);
    this.leftLabels = new Int32Array(n + 1);
    this.rightLabels = new Int32Array(n + 1);
  }

  /** The k-th word from the top of the stack (0 is the top), or -1. */
  s(k: number): number {
    return k < this.depth ? this.stack[this.depth - 1 - k] : NONE;
  }

  /** The k-th buffer word (0 is the first), or -1. */
  b(k: number): number {
    const i = this.next + k;
    return i <= this.n ? i : NONE;
  }

  get done(): boolean {
    return this.next > this.n && this.depth === 1;
  }

  legal(t: number): boolean {
    if (t === SHIFT) return this.next <= this.n;
    if (t === LEFT) return this.depth > 1 && this.next <= this.n;
    return this.depth > 2 || (this.depth === 2 && this.next > this.n);
  }

  /** The head and dependent the transition would join, as head * 65536 + dependent; -1 for SHIFT. */
  arcOf(t: number): number {
    if (t === SHIFT) return NONE;
    const dep = this.stack[this.depth - 1];
    const head = t === LEFT ? this.next : this.stack[this.depth - 2];
    return head * 65536 + dep;
  }

  apply(t: number, label: number): void {
    if (t === SHIFT) {
      this.stack[this.depth++] = this.next++;
      return;
    }
    const dep = this.stack[--this.depth];
    const head = t === LEFT ? this.next : this.stack[this.depth - 1];
    this.attach(head, dep, label);
  }

  private attach(head: number, dep: number, label: number): void {
    this.heads[dep] = head;
    this.labels[dep] = label;
    if (dep < head) {
      // children arrive on the left from the inside out: the newest is the leftmost
      this.left2[head] = this.left1[head];
      this.left1[head] = dep;
      if (this.leftCount[head] < 255) this.leftCount[head]++;
      this.leftLabels[head] |= 1 << (label & 31);
    } else {
      this.right2[head] = this.right1[head];
      this.right1[head] = dep;
      if (this.rightCount[head] < 255) this.rightCount[head]++;
      this.rightLabels[head] |= 1 << (label & 31);
    }
  }

  /**
   * How many gold arcs the transition makes unreachable (the dynamic oracle). `gold` holds each
   * word's gold head; a transition of least cost is always one the oracle accepts.
   */
  cost(t: number, gold: Int32Array): number {
    const n = this.n;
    const next = this.next;
    let cost = 0;
    if (t === SHIFT) {
      const b = next;
      // b's head or dependents still on the stack are lost, except a head on top (RIGHT can still reach it)
      for (let k = 0; k < this.depth; k++) {
        const w = this.stack[k];
        if (gold[w] === b) cost++;
        if (gold[b] === w && k < this.depth - 1) cost++;
      }
      return cost;
    }
    const s0 = this.stack[this.depth - 1];
    // s0's dependents still in the buffer can no longer reach it
    for (let i = next; i <= n; i++) if (gold[i] === s0) cost++;
    const h = gold[s0];
    if (t === LEFT) {
      if (h !== next && ((this.depth > 1 && h === this.stack[this.depth - 2]) || h > next)) cost++;
    } else if (h >= next && next <= n) cost++;
    return cost;
  }
}
