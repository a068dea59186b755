/**
 * What assembly knows of the sentence it works on: the document around it, the sentence's clauses and
 * mentions, the dictionaries and the coding options.
 */
import type { Clause } from "../analyse/clauses.js";
import type { Sentence, Token } from "../analyse/tagger.js";
import type { Dictionaries } from "../dictionary/compile.js";
import type { Mention } from "../match/mentions.js";
import type { Location } from "../types.js";

export interface SentenceContext {
  docId: string;
  docDate: string | null;
  docText: string;
  sentence: Sentence;
  clauses: Clause[];
  mentions: Mention[];
  dicts: Dictionaries;
  requireDyad: boolean;
  /** PETRARCH's `new_actor_length` (see `CodeOptions`); 0: off. */
  newActorLength: number;
  /** `CodeOptions.statedActs`. */
  statedActs: boolean;
  /** `CodeOptions.mutualBothWays`. */
  mutualBothWays: boolean;
  datelinePlace: Location | null;
  issues: string[];
}

/** A verb's text and offsets, as the event shows them. */
export const spanOf = (t: Token) => ({ text: t.text, start: t.start, end: t.end });
