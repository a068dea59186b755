/** The printed report of `annals eval plv|gold`: tables by label, the confusion table, and the cases asked for. */
import { counts, f1, precision, producedRoot, recall, type GoldEvent, type GoldResult, type GoldSide } from "../core/evaluate/gold.js";
import type { Actor, Event } from "../core/index.js";

export type Show = "misses" | "false" | "all";

const n3 = (x: number) => x.toFixed(3);

export function goldReport(result: GoldResult): string {
  const lines: string[] = [];
  const labels = [...result.byLabel.keys()].sort();
  lines.push(`${"label".padEnd(10)} ${"gold".padStart(5)} ${"found".padStart(5)} ${"coded".padStart(5)} ${"right".padStart(5)}  recall  precision  F1`);
  for (const label of labels) {
    const t = result.byLabel.get(label)!;
    lines.push(`${label.padEnd(10)} ${String(t.gold).padStart(5)} ${String(t.found).padStart(5)} ${String(t.produced).padStart(5)} ${String(t.correct).padStart(5)}  ${n3(recall(t))}   ${n3(precision(t))}   ${n3(f1(t))}`);
  }
  const o = result.overall;
  lines.push(`${"all".padEnd(10)} ${String(o.gold).padStart(5)} ${String(o.found).padStart(5)} ${String(o.produced).padStart(5)} ${String(o.correct).padStart(5)}  ${n3(recall(o))}   ${n3(precision(o))}   ${n3(f1(o))}`);
  lines.push("");
  // gold label against the root coded for its dyad: where the misses went
  const roots = [...new Set([...result.confusion.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => (a === "none" ? 1 : b === "none" ? -1 : a.localeCompare(b)));
  lines.push(`gold \\ coded root (for the gold dyad; "none": no counted event with it)`);
  lines.push(`${"".padEnd(10)} ${roots.map((r) => r.padStart(4)).join(" ")}`);
  for (const label of [...result.confusion.keys()].sort()) {
    const m = result.confusion.get(label)!;
    lines.push(`${label.padEnd(10)} ${roots.map((r) => String(m.get(r) ?? "").padStart(4)).join(" ")}`);
  }
  lines.push("");
  lines.push(`recall ${n3(recall(o))} precision ${n3(precision(o))} F1 ${n3(f1(o))}`);
  return lines.join("\n") + "\n";
}

function sideText(side: GoldSide, text: string): string {
  const parts: string[] = [];
  if (side.spans) parts.push(side.spans.length ? side.spans.map((s) => JSON.stringify(text.slice(s.start, s.end))).join(" / ") : "(not marked)");
  if (side.code) parts.push(side.code);
  if (side.country) parts.push(`country ${side.country}`);
  return parts.join(" ") || "any";
}

const actor = (a: Actor | null) => (a ? `${a.code}"${a.text}"` : "---");
const eventLine = (e: Event) => `${actor(e.source)} -> ${actor(e.target)} ${e.code}${e.mood !== "asserted" ? ` ${e.mood}` : ""}${e.negated ? " negated" : ""} "${e.verb.text}" [${e.rule}]`;

/** Each gold event missed and/or each counted event that fits none, with everything that was coded. */
export function showCases(result: GoldResult, show: Show): string {
  const out: string[] = [];
  for (const c of result.cases) {
    const misses = c.doc.events.map((g, i): [GoldEvent, Event | null] => [g, c.found[i]]).filter(([, f]) => !f);
    const wantMiss = show !== "false" && misses.length > 0;
    const wantFalse = show !== "misses" && c.extra.length > 0;
    if (!wantMiss && !wantFalse) continue;
    out.push(`${c.doc.where}  ${c.doc.text}`);
    if (c.error) out.push(`  not coded: ${c.error}`);
    if (wantMiss) {
      const counted = c.events.filter(counts);
      for (const [g] of misses) out.push(`  MISS ${g.label}: ${sideText(g.source, c.doc.text)} -> ${sideText(g.target, c.doc.text)} (coded root for this dyad: ${producedRoot(g, counted, null)})`);
    }
    if (wantFalse) for (const e of c.extra) out.push(`  FALSE ${eventLine(e)}`);
    for (const e of c.events) out.push(`    coded: ${eventLine(e)}`);
    out.push("");
  }
  return out.join("\n") + (out.length ? "\n" : "");
}
