/**
 * Noun phrases and prepositional phrases of a token range: the objects of a
 * verb and the "in Moscow", "with Japan" that follow it.
 */
import type { Token } from "./tagger.js";

export interface Phrase {
  /** Token range [start, end) of the noun phrase. */
  start: number;
  end: number;
  /** The preposition that governs it ("in", "with"), or null for a bare object. */
  preposition: string | null;
}

const NP_TAGS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);
const POSSESSIVE = /^(his|her|its|their|our|my|your|'s)$/;

/** The noun phrases of `[from, to)`, each with the preposition before it; "of", "'s" and hyphens keep a phrase together. */
export function phrasesIn(tokens: Token[], from: number, to: number): Phrase[] {
  const out: Phrase[] = [];
  let i = from;
  while (i < to) {
    let preposition: string | null = null;
    if ((tokens[i].pos === "ADP" || tokens[i].lower === "to") && i + 1 < to) {
      preposition = tokens[i].lower;
      i++;
    }
    const start = i;
    while (i < to && (NP_TAGS.has(tokens[i].pos) || POSSESSIVE.test(tokens[i].lower) || tokens[i].text === "-" || (tokens[i].lower === "of" && i + 1 < to && NP_TAGS.has(tokens[i + 1].pos)))) i++;
    if (i > start) out.push({ start, end: i, preposition });
    else i = Math.max(i, start + 1);
  }
  return out;
}
