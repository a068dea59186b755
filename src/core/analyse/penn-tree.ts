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

/**
 * One sentence from the parse of `text`, tokens located in the text in order. The tree's words are what is
 * coded; where the tree is not of this very text (an edited sentence, another spelling), each of its words
 * takes the span of the text's next word, and `differsAt` says where the two first part.
 */
export function sentenceFromParse(text: string, parse: string): Sentence & { differsAt: number | null } {
  const ls = leaves(parse);
  const model = analyseText(text).flatMap((s) => s.tokens);
  const lemmaAt = new Map(model.map((t) => [t.start, t.lemma]));
  const tokens: Token[] = [];
  let differsAt: number | null = null;
  let at = 0;
  for (let k = 0; k < ls.length; k++) {
    const { tag, word } = ls[k];
    let start = text.indexOf(word, at);
    // only whitespace may stand between the last word and this one
    const here = start >= 0 && text.slice(at, start).trim() === "";
    let end: number;
    if (here) end = start + word.length;
    else {
      start = at;
      while (start < text.length && /\s/.test(text[start])) start++;
      // PTB splits "cannot" and writes quotes its own way: the same characters, or the text's next word
      end = start;
      const wordy = (c: string) => /[\p{L}\p{N}'&_-]/u.test(c);
      if (end < text.length) end++;
      while (end < text.length && wordy(text[end]) && wordy(text[start])) end++;
      if (differsAt === null && normalizeWord(text.slice(start, end)) !== normalizeWord(word)) differsAt = k;
    }
    at = end;
    const pos = upos(tag, word, ls.slice(k + 1).map((l) => l.tag));
    const lower = normalizeWord(word);
    const lemma = (here ? lemmaAt.get(start) : undefined) ?? lower;
    tokens.push({ i: tokens.length, text: word, lower, lemma, key: spellingKey(lower), lemmaKey: spellingKey(lemma), pos, start, end });
  }
  if (differsAt !== null) {
    // the text's lemmas are not the tree's: take them from the tree's own words
    let joined = "";
    const offsets = ls.map((l) => {
      if (joined) joined += " ";
      joined += l.word;
      return joined.length - l.word.length;
    });
    const treeLemma = new Map(analyseText(joined).flatMap((s) => s.tokens).map((t) => [t.start, t.lemma]));
    for (const [k, t] of tokens.entries()) {
      const lemma = treeLemma.get(offsets[k]);
      if (lemma) {
        t.lemma = lemma;
        t.lemmaKey = spellingKey(lemma);
      }
    }
  }
  const start = tokens[0].start;
  const end = tokens[tokens.length - 1].end;
  return { index: 0, start, end, text: text.slice(start, end), tokens, differsAt };
}
