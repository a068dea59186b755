/**
 * A fast, stable, dependency-free 64-bit string hash (two FNV-1a lanes), as 16
 * hex digits. Used for document and event ids; the same on Node and in browsers.
 */
export function hash64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= s.length;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  return hex32(h1) + hex32(h2);
}

/**
 * A 32-bit integer's 8 hex digits, written a half at a time. (`h >>> 0` is 2^31 or more for half of all hashes, and
 * V8, having optimised for smaller ones, threw the optimised function away again and again: 1,700 times in an
 * ingest of 8,000 documents, compiling it anew each time.)
 */
function hex32(h: number): string {
  return ((h >>> 16) & 0xffff).toString(16).padStart(4, "0") + (h & 0xffff).toString(16).padStart(4, "0");
}
