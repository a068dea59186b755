/**
 * What the tagger and the parser know of each word, computed once per sentence: hashed spellings,
 * suffixes and shapes. Position 0 is the parser's root; the words are 1..n.
 */
import { hashString, mix } from "./hashing.js";

export interface WordAtoms {
  n: number;
  /** Lower case, digits as 0: "1,200" and "3,500" are one word. */
  word: Uint32Array;
  suffix3: Uint32Array;
  suffix2: Uint32Array;
  prefix1: Uint32Array;
  prefix3: Uint32Array;
  suffix4: Uint32Array;
  suffix1: Uint32Array;
  /** "Xxxx", "xx-xx", "dd": case, digits and punctuation at a glance. */
  shape: Uint32Array;
  /** wink-nlp's universal tag of the word, a second opinion trained on other text (NO_WORD when not given). */
  hint: Uint32Array;
}

export const ROOT_WORD = hashString("<root>");
export const NO_WORD = hashString("<none>");

export function normalForm(form: string): string {
  return form.toLowerCase().replace(/[0-9]/g, "0").replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

function shapeOf(form: string): string {
  let out = "";
  let last = "";
  let run = 0;
  for (let i = 0; i < form.length && out.length < 8; i++) {
    const c = form[i];
    const s = c >= "A" && c <= "Z" ? "X" : c >= "a" && c <= "z" ? "x" : c >= "0" && c <= "9" ? "d" : c.toLowerCase() !== c.toUpperCase() ? (c === c.toUpperCase() ? "X" : "x") : c;
    run = s === last ? run + 1 : 1;
    last = s;
    // "Xxxxxxxx" and "Xxxxx" are one shape: runs longer than two are cut
    if (run <= 2) out += s;
  }
  return out;
}

export function wordAtoms(forms: readonly string[], hints: readonly string[] | null = null): WordAtoms {
  const n = forms.length;
  const a: WordAtoms = {
    n,
    word: new Uint32Array(n + 1),
    suffix3: new Uint32Array(n + 1),
    suffix2: new Uint32Array(n + 1),
    prefix1: new Uint32Array(n + 1),
    prefix3: new Uint32Array(n + 1),
    suffix4: new Uint32Array(n + 1),
    suffix1: new Uint32Array(n + 1),
    shape: new Uint32Array(n + 1),
    hint: new Uint32Array(n + 1).fill(NO_WORD),
  };
  a.word[0] = a.suffix3[0] = a.suffix2[0] = a.prefix1[0] = a.shape[0] = a.prefix3[0] = a.suffix4[0] = a.suffix1[0] = ROOT_WORD;
  for (let i = 1; i <= n; i++) {
    const form = forms[i - 1];
    const lower = normalForm(form);
    a.word[i] = hashString(lower);
    a.suffix3[i] = mix(3, hashString(lower.slice(-3)));
    a.suffix2[i] = mix(2, hashString(lower.slice(-2)));
    a.prefix1[i] = mix(1, hashString(form.slice(0, 1)));
    a.shape[i] = mix(4, hashString(shapeOf(form)));
    a.prefix3[i] = mix(5, hashString(lower.slice(0, 3)));
    a.suffix4[i] = mix(6, hashString(lower.slice(-4)));
    a.suffix1[i] = mix(7, hashString(lower.slice(-1)));
    if (hints) a.hint[i] = mix(8, hashString(hints[i - 1]));
  }
  return a;
}
