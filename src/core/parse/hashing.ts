/**
 * Features are 32-bit integers made by mixing small integers (a template number, word and tag ids):
 * no strings are built while tagging or parsing.
 */

/** A 32-bit hash of a string (FNV-1a, then a final mix), never 0. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0 || 1;
}

/** Mixes one more value into a running feature hash (murmur3's finaliser over a multiply-xor step). */
export function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * The feature of template `t` over one, two or three values; never 0, which marks an empty slot. (One
 * function per count keeps each call site's shape fixed, so the compiler can inline them; a value of 0
 * is skipped, as it always has been: the trained models depend on these exact numbers.)
 */
export function feature1(t: number, a: number): number {
  return mix(Math.imul(t + 1, 0x27d4eb2f), a) >>> 0 || 1;
}

export function feature2(t: number, a: number, b: number): number {
  const h = mix(Math.imul(t + 1, 0x27d4eb2f), a);
  return (b !== 0 ? mix(h, b) : h) >>> 0 || 1;
}

export function feature3(t: number, a: number, b: number, c: number): number {
  let h = mix(Math.imul(t + 1, 0x27d4eb2f), a);
  if (b !== 0) h = mix(h, b);
  if (c !== 0) h = mix(h, c);
  return h >>> 0 || 1;
}
