/**
 * Verb and event-noun patterns as a cache keeps them (./packed.ts): each
 * distinct pattern element once, as JSON, and each lemma's patterns as JSON
 * naming their elements by number. A lemma's patterns are decoded when the
 * coder first asks for them, and share their elements, as compiled ones do.
 */
import { LazyMap } from "./lazy-map.js";
import type { PatternElement, VerbPattern } from "./verbs.js";

export interface PackedPatterns {
  /** Every element of every pattern, as JSON with each Set as an array. */
  elements: string[];
  verbs: [string, string][];
  nouns: [string, string][];
}

/**
 * JSON with every character past U+00FF escaped: a text of one-byte characters, which the cache stores and
 * reads back in half the bytes of one with a single "ş" in it.
 */
export function narrowJson(value: unknown): string {
  const json = JSON.stringify(value).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  // a string made from a two-byte one stays two-byte, whatever it holds: built from its codes, it is one-byte
  let narrow = "";
  for (let at = 0; at < json.length; at += 4096) {
    const codes: number[] = [];
    for (let i = at; i < Math.min(at + 4096, json.length); i++) codes.push(json.charCodeAt(i));
    narrow += String.fromCharCode(...codes);
  }
  return narrow;
}

/** A pattern as packed: its elements by number. */
type PackedPattern = Omit<VerbPattern, "before" | "elements"> & { before: number[]; elements: number[] };

export function packPatterns(verbs: Map<string, VerbPattern[]>, nouns: Map<string, VerbPattern[]>): PackedPatterns {
  const numbers = new Map<PatternElement, number>();
  const elements: string[] = [];
  const numberOf = (el: PatternElement) => {
    let n = numbers.get(el);
    if (n === undefined) {
      numbers.set(el, (n = elements.length));
      elements.push(narrowJson(el.kind === "words" ? { ...el, accepts: el.accepts.map((o) => o.map((s) => [...s])) } : el));
    }
    return n;
  };
  const pack = (map: Map<string, VerbPattern[]>): [string, string][] =>
    [...map].map(([lemma, list]) => [lemma, narrowJson(list.map((p): PackedPattern => ({ ...p, before: p.before.map(numberOf), elements: p.elements.map(numberOf) })))]);
  return { verbs: pack(verbs), nouns: pack(nouns), elements };
}

export function unpackPatterns(packed: PackedPatterns): { verbs: Map<string, VerbPattern[]>; nouns: Map<string, VerbPattern[]> } {
  const { elements } = packed;
  if (!Array.isArray(elements) || !Array.isArray(packed.verbs) || !Array.isArray(packed.nouns)) throw new Error("damaged packed patterns");
  const decoded: PatternElement[] = [];
  const element = (n: number): PatternElement => {
    if (decoded[n]) return decoded[n];
    if (!(n >= 0 && n < elements.length)) throw new Error(`no pattern element ${n}`);
    const el = JSON.parse(elements[n]) as PatternElement;
    // (assigned in place, so the element keeps the order of its fields)
    if (el.kind === "words") el.accepts = (el.accepts as unknown as string[][][]).map((o) => o.map((words) => new Set(words)));
    return (decoded[n] = el);
  };
  const patterns = (text: string): VerbPattern[] =>
    (JSON.parse(text) as PackedPattern[]).map((p) => {
      const pattern = p as unknown as VerbPattern;
      pattern.before = p.before.map(element);
      pattern.elements = p.elements.map(element);
      return pattern;
    });
  return { verbs: new LazyMap(packed.verbs, patterns), nouns: new LazyMap(packed.nouns, patterns) };
}
