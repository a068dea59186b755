/**
 * CoNLL-U, the Universal Dependencies file format: one word a line, ten tab-separated columns,
 * sentences separated by a blank line. https://universaldependencies.org/format.html
 *
 * Only syntactic words are kept: multiword-token ranges ("3-4 don't") and empty nodes ("8.1")
 * carry no basic-tree arcs.
 */

export interface TreebankWord {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  /** 1-based index of the head word; 0 is the root. */
  head: number;
  /** Universal Dependencies relation with its subtype ("nsubj:pass"). */
  deprel: string;
}

export interface TreebankSentence {
  /** The `# sent_id` comment, or the sentence's 1-based position in the file. */
  id: string;
  /** The `# text` comment, when given. */
  text: string | null;
  words: TreebankWord[];
  /** 1-based line of the sentence's first word, for messages. */
  line: number;
}

export class ConlluError extends Error {}

/** Reads every sentence of a CoNLL-U text; a malformed line is an error naming its line. */
export function readConllu(source: string): TreebankSentence[] {
  const sentences: TreebankSentence[] = [];
  let words: TreebankWord[] = [];
  let id: string | null = null;
  let text: string | null = null;
  let firstLine = 0;
  const lines = source.split("\n");
  const finish = () => {
    if (words.length > 0) sentences.push({ id: id ?? String(sentences.length + 1), text, words, line: firstLine });
    words = [];
    id = null;
    text = null;
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/, "");
    if (line.trim() === "") {
      finish();
      continue;
    }
    if (line.startsWith("#")) {
      const m = /^#\s*(sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (m && m[1] === "sent_id") id = m[2];
      else if (m) text = m[2];
      continue;
    }
    const cols = line.split("\t");
    if (cols.length !== 10) throw new ConlluError(`line ${n + 1}: expected 10 tab-separated columns, found ${cols.length}`);
    if (/^\d+-\d+$/.test(cols[0]) || /^\d+\.\d+$/.test(cols[0])) continue;
    const index = Number(cols[0]);
    if (!Number.isInteger(index) || index !== words.length + 1) throw new ConlluError(`line ${n + 1}: word id "${cols[0]}" is not ${words.length + 1}`);
    const head = cols[6] === "_" ? -1 : Number(cols[6]);
    if (!Number.isInteger(head)) throw new ConlluError(`line ${n + 1}: head "${cols[6]}" is not a number`);
    if (words.length === 0) firstLine = n + 1;
    words.push({ form: cols[1], lemma: cols[2], upos: cols[3], xpos: cols[4], head, deprel: cols[7] });
  }
  finish();
  for (const s of sentences)
    for (const [k, w] of s.words.entries())
      if (w.head > s.words.length) throw new ConlluError(`line ${s.line + k}: head ${w.head} is beyond the sentence's ${s.words.length} words`);
  return sentences;
}

/** One sentence as CoNLL-U lines (without the blank line that ends it). */
export function writeConllu(sentence: TreebankSentence): string {
  const out: string[] = [];
  if (sentence.id) out.push(`# sent_id = ${sentence.id}`);
  if (sentence.text !== null) out.push(`# text = ${sentence.text}`);
  sentence.words.forEach((w, k) => out.push([k + 1, w.form, w.lemma || "_", w.upos || "_", w.xpos || "_", "_", w.head, w.deprel || "_", "_", "_"].join("\t")));
  return out.join("\n");
}
