/** A parsed sentence as text: CoNLL-U for tools, an indented tree for people. */
import { writeConllu } from "./conllu.js";
import type { ParsedWord } from "./parser.js";

/** `lemmas`, when given, fill the lemma column (the parser has none of its own). */
export function parsedAsConllu(id: string, text: string | null, words: ParsedWord[], lemmas: readonly string[] | null = null): string {
  return writeConllu({ id, text, line: 0, words: words.map((w, k) => ({ form: w.form, lemma: lemmas?.[k] ?? "_", upos: w.upos, xpos: w.xpos, head: w.head, deprel: w.deprel })) });
}

/**
 *   met VERB root
 *   ├─ nsubj  Xi PROPN
 *   │  └─ flat  Jinping PROPN
 *   └─ obj  Putin PROPN
 */
export function parsedAsTree(words: ParsedWord[]): string {
  const children: number[][] = Array.from({ length: words.length + 1 }, () => []);
  words.forEach((w, k) => children[w.head]?.push(k + 1));
  const lines: string[] = [];
  const visit = (i: number, prefix: string, last: boolean, depth: number) => {
    const w = words[i - 1];
    const branch = depth === 0 ? "" : last ? "└─ " : "├─ ";
    lines.push(`${prefix}${branch}${w.deprel}  ${w.form} ${w.upos}`);
    const next = depth === 0 ? "" : prefix + (last ? "   " : "│  ");
    const kids = children[i];
    kids.forEach((k, n) => visit(k, next, n === kids.length - 1, depth + 1));
  };
  for (const r of children[0]) visit(r, "", true, 0);
  return lines.join("\n");
}
