/**
 * Sentences from a Penn Treebank parse (PETRARCH XML, CoreNLP): the parse's own
 * words and tags, mapped to the universal tags the rest of annals reads, with
 * offsets found in the document text and lemmas from the English model.
 */
import { DocumentError } from "../errors.js";
import { normalizeWord, spellingKey } from "../dictionary/text.js";
import { analyseText, type Sentence, type Token } from "./tagger.js";

const BRACKETS: Record<string, string> = { "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"' };
const BE_HAVE_DO = /^(is|are|was|were|be|been|being|am|'s|'re|'m|has|have|had|having|'ve|'d|do|does|did)$/i;
const SUBORDINATING = /^(that|because|if|while|although|though|unless|whether|since|as|after|before|until|once|whereas)$/i;

function upos(tag: string, word: string, nextTags: string[]): string {
  if (tag === "MD") return "AUX";
  if (/^VB/.test(tag)) {
    // "did not even ever clash": an auxiliary's verb may follow any number of adverbs
    const nextWord = nextTags.find((t) => !/^RB/.test(t));
    if (BE_HAVE_DO.test(word) && (/^(is|are|was|were|be|been|being|am|'s|'re|'m)$/i.test(word) || nextTags.slice(0, 3).some((t) => /^VB/.test(t)) || /^VB/.test(nextWord ?? ""))) return "AUX";
    return "VERB";
  }
  if (/^NNPS?$/.test(tag)) return "PROPN";
  if (/^NNS?$/.test(tag)) return "NOUN";
  if (/^JJ/.test(tag)) return "ADJ";
  if (/^RB/.test(tag) || tag === "WRB") return word.toLowerCase() === "not" || word === "n't" ? "PART" : "ADV";
  if (tag === "IN") return SUBORDINATING.test(word) ? "SCONJ" : "ADP";
  if (tag === "RP") return "ADP";
  if (tag === "DT" || tag === "PDT" || tag === "WDT") return "DET";
  if (/^(PRP\$?|WP\$?|EX)$/.test(tag)) return "PRON";
  if (tag === "CC") return "CCONJ";
  if (tag === "CD") return "NUM";
  if (tag === "TO" || tag === "POS") return "PART";
  if (tag === "SYM" || tag === "$" || tag === "#") return "SYM";
  if (/^[^A-Z]/.test(tag) || tag === "HYPH" || tag === "NFP") return "PUNCT";
  return "X";
}

/** The leaves of a bracketed tree, `(TAG word)`, in order; throws on a tree that is not well formed. */
export function leaves(parse: string): { tag: string; word: string }[] {
  let depth = 0;
  for (const ch of parse) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) break;
  }
  if (depth !== 0) throw new DocumentError(`malformed parse tree: unbalanced brackets (${depth > 0 ? "missing )" : "extra )"})`);
  const out: { tag: string; word: string }[] = [];
  for (const m of parse.matchAll(/\(([^\s()]+)\s+([^\s()]+)\)/g)) out.push({ tag: m[1], word: BRACKETS[m[2]] ?? m[2] });
  if (out.length === 0) throw new DocumentError("malformed parse tree: no (TAG word) leaves");
  return out;
}

/** One sentence from the parse of `text`, tokens located in the text in order. */
export function sentenceFromParse(text: string, parse: string): Sentence {
  const ls = leaves(parse);
  const model = analyseText(text).flatMap((s) => s.tokens);
  const lemmaAt = new Map(model.map((t) => [t.start, t.lemma]));
  const tokens: Token[] = [];
  let at = 0;
  for (let k = 0; k < ls.length; k++) {
    const { tag, word } = ls[k];
    let start = text.indexOf(word, at);
    // PTB splits "cannot" and writes quotes its own way; fall back to the next non-space character
    if (start < 0) {
      start = at;
      while (start < text.length && /\s/.test(text[start])) start++;
    }
    const surface = start >= 0 && text.startsWith(word, start) ? word : text.slice(start, start + word.length);
    const end = start + surface.length;
    at = end;
    const pos = upos(tag, word, ls.slice(k + 1).map((l) => l.tag));
    const lower = normalizeWord(surface);
    const lemma = lemmaAt.get(start) ?? lower;
    tokens.push({ i: tokens.length, text: surface, lower, lemma, key: spellingKey(lower), lemmaKey: spellingKey(lemma), pos, start, end });
  }
  const start = tokens[0].start;
  const end = tokens[tokens.length - 1].end;
  return { index: 0, start, end, text: text.slice(start, end), tokens };
}
