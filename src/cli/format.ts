/** Output formats of `annals code`: JSON Lines, TSV, and a marked-up view for people. */
import type { CodedDocument, Document, Event } from "../core/index.js";

export type OutputFormat = "jsonl" | "tsv" | "pretty";

export const TSV_COLUMNS = ["id", "doc", "sentence", "date", "source", "source_name", "target", "target_name", "code", "root", "quad", "goldstein", "plover", "verb", "negated", "mood", "intended_code", "location", "issues", "rule", "confidence", "text"] as const;

const clean = (s: string) => s.replace(/[\t\r\n]+/g, " ");

export function tsvRow(e: Event): string {
  const cells = [e.id, e.doc, e.sentence, e.date ?? "", e.source?.code ?? "", e.source?.name ?? "", e.target?.code ?? "", e.target?.name ?? "", e.code, e.root, e.quad, e.goldstein, e.plover, e.verb.text, e.negated, e.mood, e.intendedCode ?? "", e.location?.name ?? "", e.issues.join(","), e.rule, e.confidence, e.text];
  return cells.map((c) => clean(String(c))).join("\t");
}

interface Style {
  actor: (s: string) => string;
  verb: (s: string) => string;
  dim: (s: string) => string;
}
const PLAIN: Style = { actor: (s) => s, verb: (s) => s, dim: (s) => s };
const COLOUR: Style = { actor: (s) => `\x1b[36m${s}\x1b[0m`, verb: (s) => `\x1b[1;33m${s}\x1b[0m`, dim: (s) => `\x1b[2m${s}\x1b[0m` };

/** One document: every sentence with its actors [in brackets] and verbs *starred*, and its events below it. */
export function pretty(doc: Document, coded: CodedDocument, colour: boolean, codeNames: Map<string, string>): string {
  const st = colour ? COLOUR : PLAIN;
  const out: string[] = [`== ${doc.id}${doc.date ? "  " + doc.date : ""}${doc.place ? "  " + doc.place : ""}${doc.title ? "  " + doc.title : ""}`];
  for (const w of coded.warnings) out.push(st.dim(`   ! ${w}`));
  for (const s of coded.sentences) {
    const events = coded.events.filter((e) => e.sentence === s.index);
    const marks = new Map<number, { end: number; kind: "actor" | "verb"; code?: string }>();
    for (const e of events) {
      for (const a of [e.source, e.target]) if (a && !marks.has(a.start)) marks.set(a.start, { end: a.end, kind: "actor", code: a.code });
      if (!marks.has(e.verb.start)) marks.set(e.verb.start, { end: e.verb.end, kind: "verb" });
    }
    let line = "";
    let k = s.start;
    for (const start of [...marks.keys()].sort((a, b) => a - b)) {
      const mark = marks.get(start)!;
      if (start < k) continue;
      line += doc.text.slice(k, start);
      const inner = doc.text.slice(start, mark.end);
      line += mark.kind === "verb" ? st.verb(`*${inner}*`) : st.actor(`[${inner}|${mark.code}]`);
      k = mark.end;
    }
    line += doc.text.slice(k, s.end);
    out.push(`${String(s.index).padStart(3)}  ${events.length ? line : st.dim(line)}`);
    for (const e of events) {
      const flags = [e.mood !== "asserted" ? e.mood : "", e.negated ? "NEGATED" : "", e.intendedCode ? `stated act: ${e.intendedCode} ${codeNames.get(e.intendedCode) ?? ""}`.trim() : ""].filter(Boolean).join(" ");
      out.push(
        `       ${e.source?.code ?? "---"} -> ${e.target?.code ?? "---"}  ${e.code} ${codeNames.get(e.code) ?? ""} (${e.plover}, quad ${e.quad}, ${e.goldstein >= 0 ? "+" : ""}${e.goldstein})` +
          `${flags ? "  " + flags : ""}  ${e.date ?? "no date"}${e.location ? " " + e.location.name : ""}${e.issues.length ? "  " + e.issues.join(",") : ""}  [${e.rule}] ${e.confidence}`,
      );
    }
  }
  return out.join("\n");
}
