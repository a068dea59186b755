/**
 * The PLV data set (real news sentences, each with one or two annotated pairs): a tab-separated file with a
 * header, the sentence with its source in `<s>...</s>` and its target in `<t>...</t>`, and a PLOVER category.
 * Rows of one sentence become one gold document with one gold event a row.
 */
import { PLOVER_ROOTS, type GoldDocument } from "./gold.js";

export class GoldFormatError extends Error {}

interface Marked {
  text: string;
  source: { start: number; end: number }[];
  target: { start: number; end: number }[];
}

/** Strips the `<s>` and `<t>` marks, keeping where each marked span lies in the plain text. */
export function unmark(marked: string): Marked {
  const out: Marked = { text: "", source: [], target: [] };
  const open: Record<string, number> = {};
  let last = 0;
  for (const m of marked.matchAll(/<(\/?)([st])>/g)) {
    out.text += marked.slice(last, m.index);
    last = m.index + m[0].length;
    const side = m[2];
    if (!m[1]) open[side] = out.text.length;
    else if (open[side] !== undefined) {
      (side === "s" ? out.source : out.target).push({ start: open[side], end: out.text.length });
      delete open[side];
    }
  }
  out.text += marked.slice(last);
  return out;
}

/** Reads the PLV file; `name` is used in `where` and in errors (`file:line`). */
export function readPlv(tsv: string, name: string): GoldDocument[] {
  const lines = tsv.split(/\r?\n/);
  const header = lines[0].split("\t");
  const col = (c: string) => {
    const i = header.indexOf(c);
    if (i < 0) throw new GoldFormatError(`${name}:1: no "${c}" column; a PLV file has sentence_id, marked_sentence and gold_root`);
    return i;
  };
  const [idCol, markedCol, rootCol] = [col("sentence_id"), col("marked_sentence"), col("gold_root")];
  const byText = new Map<string, GoldDocument>();
  for (let n = 1; n < lines.length; n++) {
    if (lines[n].trim() === "") continue;
    const cells = lines[n].split("\t");
    const where = `${name}:${n + 1}`;
    const category = cells[rootCol]?.trim();
    const roots = PLOVER_ROOTS[category];
    if (!roots) throw new GoldFormatError(`${where}: "${category}" is not a PLOVER category (${Object.keys(PLOVER_ROOTS).join(", ")})`);
    const marked = unmark(cells[markedCol] ?? "");
    if (marked.text.trim() === "") throw new GoldFormatError(`${where}: the marked sentence is empty`);
    let doc = byText.get(marked.text);
    if (!doc) byText.set(marked.text, (doc = { id: cells[idCol] || String(n), date: null, text: marked.text, events: [], where }));
    doc.events.push({ source: { spans: marked.source }, target: { spans: marked.target }, roots: [...roots], label: category, where });
  }
  return [...byText.values()];
}
