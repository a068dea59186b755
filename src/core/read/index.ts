/**
 * Readers: text of an input file in, documents out, with a problem (file and
 * line) for every part that cannot be read. They never throw on bad input.
 */
import { isIsoDate } from "../dictionary/text.js";
import { hash64 } from "../hash.js";
import type { Document, InputProblem } from "../types.js";

export interface ReadResult {
  documents: Document[];
  problems: InputProblem[];
}

export type InputFormat = "article" | "jsonl" | "petrarch" | "lines";

/** Normalises "2017-07-05", "20170705" or "2017-07-05T10:00Z" to ISO; null when it is no real date. */
export function normalizeDate(value: string): string | null {
  const s = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : s.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || (s.length > 10 && !compact && !/^[T ]/.test(s.slice(10)))) return null;
  return isIsoDate(iso) ? iso : null;
}

const DATELINE = /^\s*date\s+(\S+)\s*(.*?)\s*$/i;

/** A plain-text article, optionally opened by a `date YYYY-MM-DD Place` line. */
export function readArticle(text: string, name: string, fallbackDate: string | null = null): ReadResult {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== "");
  let date = fallbackDate;
  let place: string | null = null;
  let body = text;
  if (first >= 0) {
    const m = DATELINE.exec(lines[first]);
    if (m) {
      const d = normalizeDate(m[1]);
      if (!d) return { documents: [], problems: [{ where: `${name}:${first + 1}`, message: `impossible date "${m[1]}" in the dateline (expected YYYY-MM-DD)`, severity: "error" }] };
      date = d;
      place = m[2] || null;
      body = lines.slice(first + 1).join("\n");
    }
  }
  if (body.trim() === "") return { documents: [], problems: [{ where: name, message: "empty document: no text to code", severity: "error" }] };
  return { documents: [{ id: hash64(text), text: body, date, place }], problems: [] };
}

/** One sentence or headline a line, no document context. */
export function readLines(text: string, name: string, date: string | null = null): ReadResult {
  const documents: Document[] = [];
  text.split(/\r?\n/).forEach((line) => {
    if (line.trim() === "") return;
    documents.push({ id: hash64(line), text: line, date, place: null });
  });
  if (documents.length === 0) return { documents, problems: [{ where: name, message: "empty input: no lines to code", severity: "error" }] };
  return { documents, problems: [] };
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : typeof v === "number" ? String(v) : null);

/** JSON Lines: one `{"id","date","text",...}` document a line. */
export function readJsonl(text: string, name: string, fallbackDate: string | null = null): ReadResult {
  const documents: Document[] = [];
  const problems: InputProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${name}:${i + 1}`;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      problems.push({ where, message: `malformed JSON: ${(e as Error).message}`, severity: "error" });
      return;
    }
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
      problems.push({ where, message: "expected a JSON object with a \"text\" field", severity: "error" });
      return;
    }
    const o = obj as Record<string, unknown>;
    const body = str(o.text);
    if (!body) {
      problems.push({ where, message: "document has no \"text\"", severity: "error" });
      return;
    }
    let date = fallbackDate;
    if (o.date !== undefined && o.date !== null && o.date !== "") {
      date = typeof o.date === "string" || typeof o.date === "number" ? normalizeDate(String(o.date)) : null;
      if (!date) {
        problems.push({ where, message: `impossible date ${JSON.stringify(o.date)} (expected YYYY-MM-DD)`, severity: "error" });
        return;
      }
    }
    documents.push({
      id: str(o.id) ?? hash64(body),
      text: body,
      date,
      place: str(o.place),
      title: str(o.title),
      source: str(o.source),
      url: str(o.url),
    });
  });
  return { documents, problems };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_][\w-]*)\s*=\s*"([^"]*)"/g)) out[m[1]] = decodeXml(m[2]);
  return out;
}

/** A document read from PETRARCH XML, with the record's parse tree when it has one. */
export interface PetrarchSentence extends Document {
  attributes: Record<string, string>;
}

/** PETRARCH XML: `<Sentence date id><Text>..</Text><Parse>..</Parse></Sentence>`. */
export function readPetrarchXml(text: string, name: string): ReadResult & { documents: PetrarchSentence[] } {
  const documents: PetrarchSentence[] = [];
  const problems: InputProblem[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  const re = /<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const where = `${name}:${lineAt(m.index)}`;
    const attrs = attributes(m[1]);
    const body = /<Text>([\s\S]*?)<\/Text>/.exec(m[2]);
    if (!body || body[1].trim() === "") {
      problems.push({ where, message: `sentence ${attrs.id ?? "(no id)"} has no <Text>`, severity: "error" });
      continue;
    }
    let date: string | null = null;
    if (attrs.date) {
      date = normalizeDate(attrs.date);
      if (!date) {
        problems.push({ where, message: `sentence ${attrs.id ?? "(no id)"}: impossible date "${attrs.date}"`, severity: "error" });
        continue;
      }
    }
    const parse = /<Parse>([\s\S]*?)<\/Parse>/.exec(m[2]);
    const clean = decodeXml(body[1]).replace(/\s+/g, " ").trim();
    documents.push({ id: attrs.id ?? hash64(clean), text: clean, date, place: null, parse: parse ? decodeXml(parse[1]).trim() : null, attributes: attrs });
  }
  if (documents.length === 0 && problems.length === 0) problems.push({ where: name, message: "no <Sentence> elements found", severity: "error" });
  return { documents, problems };
}

/** Guesses the format of an input from its name and first characters. */
export function detectFormat(name: string, text: string): InputFormat {
  if (/\.(jsonl|ndjson)$/i.test(name)) return "jsonl";
  if (/\.xml$/i.test(name)) return "petrarch";
  const head = text.trimStart();
  if (head.startsWith("{")) return "jsonl";
  if (head.startsWith("<")) return "petrarch";
  return "article";
}

export function readInput(text: string, name: string, format: InputFormat, date: string | null = null): ReadResult {
  switch (format) {
    case "jsonl":
      return readJsonl(text, name, date);
    case "petrarch":
      return readPetrarchXml(text, name);
    case "lines":
      return readLines(text, name, date);
    default:
      return readArticle(text, name, date);
  }
}
