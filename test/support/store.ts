/** Helpers for the store tests: known events built by hand, a CSV reader, and the command line in a child process. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor, Document, Event } from "../../src/core/index.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "annals.js");

/** Runs `annals` (the built one, as users do) in a child process. */
export const annals = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

export const tempDir = () => mkdtempSync(join(tmpdir(), "annals-store-"));

const actor = (code: string, country: string | null, sectors: string[], name: string, start: number): Actor => ({ text: name, start, end: start + name.length, code, country, sectors, name });

export interface KnownEvent {
  sentence: number;
  text: string;
  date: string | null;
  source: [string, string | null, string[], string] | null;
  target: [string, string | null, string[], string] | null;
  code: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: string;
  mood?: Event["mood"];
  intendedCode?: string | null;
  negated?: boolean;
  issues?: string[];
}

/** A document and its events, written out by hand so every query below has one right answer. */
export function knownDocument(id: string, date: string, events: KnownEvent[]): { doc: Document; events: Event[] } {
  const text = [...new Set(events.map((e) => e.text))].join(" ");
  const doc: Document = { id, text, date, place: null, title: `title of ${id}`, source: "test wire", url: `https://example.org/${id}` };
  return {
    doc,
    events: events.map((k, i) => ({
      id: `${id}-${i}`,
      doc: id,
      sentence: k.sentence,
      date: k.date,
      source: k.source && actor(...k.source, 0),
      target: k.target && actor(...k.target, 20),
      code: k.code,
      root: k.code.slice(0, 2),
      quad: k.quad,
      goldstein: k.goldstein,
      plover: k.plover,
      verb: { text: "verb", start: 10, end: 14 },
      negated: k.negated ?? false,
      mood: k.mood ?? "asserted",
      intendedCode: k.intendedCode ?? null,
      location: i % 2 ? { name: "Geneva", country: "CHE", lat: 46.2044, lon: 6.1432 } : null,
      issues: k.issues ?? [],
      text: k.text,
      rule: `verbs/test.txt:${i + 1}`,
      confidence: 0.75 + i / 100,
    })),
  };
}

/** RFC 4180 CSV to rows of fields. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field), rows.push(row), (row = []), (field = ""), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** Every row of an asynchronous stream (`Store.exportRows`), in order. */
export async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** A value with its floating-point noise rounded off (nine decimals): two engines add sums in their own order. */
export function rounded(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Math.round(value * 1e9) / 1e9;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/**
 * A folder of `files` JSON Lines files of `perFile` documents each, made from the examples' wire stories: each with
 * its own id (`gen-N`) and a sentence of its own, so that every document is new to a store.
 */
export function wireCorpus(folder: string, files: number, perFile: number): string {
  mkdirSync(folder);
  const wire = readFileSync(join(import.meta.dirname, "..", "..", "examples", "wire.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  for (let f = 0; f < files; f++) {
    let out = "";
    for (let i = 0; i < perFile; i++) {
      const n = f * perFile + i;
      const d = wire[n % wire.length];
      out += JSON.stringify({ ...d, id: `gen-${n}`, text: `${d.text} Report number ${n}.` }) + "\n";
    }
    writeFileSync(join(folder, `part-${f}.jsonl`), out);
  }
  return folder;
}
