/**
 * A Map whose values are kept as text until first read, then decoded once:
 * for the verb patterns read back from a cache, of which one document needs
 * a few lemmas' out of hundreds.
 */

/** A value not decoded yet. */
class Encoded {
  constructor(readonly text: string) {}
}

export class LazyMap<K, V> extends Map<K, V> {
  private readonly decode: (text: string) => V;

  constructor(encoded: Iterable<readonly [K, string]>, decode: (text: string) => V) {
    super();
    this.decode = decode;
    for (const [k, text] of encoded) super.set(k, new Encoded(text) as V);
  }

  override get(key: K): V | undefined {
    const v = super.get(key);
    if (!(v instanceof Encoded)) return v;
    const decoded = this.decode(v.text);
    super.set(key, decoded);
    return decoded;
  }

  override *values(): MapIterator<V> {
    for (const k of this.keys()) yield this.get(k)!;
  }

  override *entries(): MapIterator<[K, V]> {
    for (const k of this.keys()) yield [k, this.get(k)!];
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
