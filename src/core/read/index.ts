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
  /** Where each document was read, in the order of `documents`: `file:line`, or the file for a whole-file article. */
  where: string[];
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
      if (!d) return { documents: [], problems: [{ where: `${name}:${first + 1}`, message: `impossible date "${m[1]}" in the dateline (expected YYYY-MM-DD)`, severity: "error" }], where: [] };
      date = d;
      place = m[2] || null;
      body = lines.slice(first + 1).join("\n");
    }
  }
  if (body.trim() === "") return { documents: [], problems: [{ where: name, message: "empty document: no text to code", severity: "error" }], where: [] };
  return { documents: [{ id: hash64(text), text: body, date, place }], problems: [], where: [name] };
}

/** One sentence or headline a line, no document context. */
export function readLines(text: string, name: string, date: string | null = null): ReadResult {
  const documents: Document[] = [];
  const where: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    documents.push({ id: hash64(line), text: line, date, place: null });
    where.push(`${name}:${i + 1}`);
  });
  if (documents.length === 0) return { documents, problems: [{ where: name, message: "empty input: no lines to code", severity: "error" }], where };
  return { documents, problems: [], where };
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : typeof v === "number" ? String(v) : null);

/** JSON Lines: one `{"id","date","text",...}` document a line. */
export function readJsonl(text: string, name: string, fallbackDate: string | null = null): ReadResult {
  const documents: Document[] = [];
  const problems: InputProblem[] = [];
  const at: string[] = [];
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
      // a number is no date: 20170228 may be one, but 1488240000 (seconds) or 2017 would be read as nonsense
      date = typeof o.date === "string" ? normalizeDate(o.date) : null;
      if (!date) {
        problems.push({ where, message: typeof o.date === "string" ? `impossible date ${JSON.stringify(o.date)} (expected YYYY-MM-DD)` : `date ${JSON.stringify(o.date)} is not a string (expected "YYYY-MM-DD")`, severity: "error" });
        return;
      }
    }
    // NUL is no character of any text: PostgreSQL cannot store it, and in a name it hides what follows
    const withNul = ["id", "place", "title", "source", "url"].find((k) => typeof o[k] === "string" && (o[k] as string).includes("\u0000"));
    if (withNul) {
      problems.push({ where, message: `field "${withNul}" holds a NUL character (binary data)`, severity: "error" });
      return;
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
    at.push(where);
  });
  return { documents, problems, where: at };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // &#0; (a NUL) and numbers past Unicode are not characters XML allows: left as written
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
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

/** Line numbers of offsets in a text, counted on from the last offset asked (offsets mostly ascend). */
class LineCounter {
  private at = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  lineAt(offset: number): number {
    if (offset < this.at) {
      this.at = 0;
      this.line = 1;
    }
    for (let i = this.text.indexOf("\n", this.at); i >= 0 && i < offset; i = this.text.indexOf("\n", i + 1)) this.line++;
    this.at = offset;
    return this.line;
  }
}

// a record's opening tag (self-closing or not), an opening cut short before the next "<" or the end, a closing tag
const RECORD_TAGS = /<Sentence\b([^<>]*?)(\/?)>|<Sentence\b|<\/Sentence\s*>/g;
// inside a record: comments, CDATA, processing instructions, elements' tags, and any other "<"
const BODY_TAGS = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(\/?)>|</g;

interface Element {
  name: string;
  /** Offsets of the element's content in the record body, between its tags. */
  start: number;
  end: number;
}

/**
 * The direct children of a record's body, or what is wrong with its markup: an element not closed, a closing
 * tag that closes nothing or another element, a "<" that starts no tag. `offset` is where the fault is.
 */
function childElements(body: string): { elements: Element[] } | { fault: string; offset: number } {
  const elements: Element[] = [];
  const open: { name: string; start: number; at: number }[] = [];
  BODY_TAGS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BODY_TAGS.exec(body))) {
    if (m[0] === "<") return { fault: `a "<" that starts no tag`, offset: m.index };
    const name = m[2];
    if (name === undefined || m[3] === "/") continue; // comment, CDATA, instruction, empty element
    if (m[1] !== "/") {
      open.push({ name, start: m.index + m[0].length, at: m.index });
      continue;
    }
    const top = open.pop();
    if (!top) return { fault: `</${name}> closes no element`, offset: m.index };
    if (top.name !== name) return { fault: `<${top.name}> is not closed (found </${name}>)`, offset: top.at };
    if (open.length === 0) elements.push({ name, start: top.start, end: m.index });
  }
  if (open.length > 0) return { fault: `<${open[open.length - 1].name}> is not closed`, offset: open[open.length - 1].at };
  return { elements };
}

/** The character data of an element's content: entities decoded, CDATA kept as written, comments and tags left out. */
function charData(raw: string): string {
  if (!raw.includes("<")) return decodeXml(raw);
  let out = "";
  BODY_TAGS.lastIndex = 0;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = BODY_TAGS.exec(raw))) {
    out += decodeXml(raw.slice(from, m.index));
    if (m[0].startsWith("<![CDATA[")) out += m[0].slice(9, -3);
    from = m.index + m[0].length;
  }
  return out + decodeXml(raw.slice(from));
}

/**
 * PETRARCH XML: `<Sentence date id><Text>..</Text><Parse>..</Parse></Sentence>`. A record whose markup is broken
 * (a `<Sentence>` not closed before the next one or the end, an element inside it not closed, a stray
 * `</Sentence>`) is reported with its line and not coded; the records around it are read as if it were not there.
 */
export function readPetrarchXml(text: string, name: string): ReadResult & { documents: PetrarchSentence[] } {
  const documents: PetrarchSentence[] = [];
  const problems: InputProblem[] = [];
  const where: string[] = [];
  const lines = new LineCounter(text);
  const tags: { at: number; end: number; kind: "open" | "empty" | "cut" | "close"; attrs: string }[] = [];
  RECORD_TAGS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RECORD_TAGS.exec(text))) {
    const kind = m[0].startsWith("</") ? "close" : m[0] === "<Sentence" ? "cut" : m[2] === "/" ? "empty" : "open";
    tags.push({ at: m.index, end: m.index + m[0].length, kind, attrs: m[1] ?? "" });
  }
  const label = (attrs: Record<string, string>) => `sentence ${attrs.id ?? "(no id)"}`;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const at = `${name}:${lines.lineAt(tag.at)}`;
    const bad = (message: string) => problems.push({ where: at, message, severity: "error" });
    if (tag.kind === "close") {
      bad("</Sentence> with no <Sentence> before it (a misspelt or missing opening tag?)");
      continue;
    }
    if (tag.kind === "cut") {
      const id = /\bid\s*=\s*"([^"<>]*)"/.exec(text.slice(tag.end, tag.end + 200));
      bad(`sentence ${id ? id[1] : "(no id)"}: its <Sentence ...> tag is not closed with ">"; the record is not coded`);
      if (tags[i + 1]?.kind === "close") i++;
      continue;
    }
    const attrs = attributes(tag.attrs);
    if (tag.kind === "empty") {
      bad(`${label(attrs)} has no <Text>`);
      continue;
    }
    const next = tags[i + 1];
    if (!next || next.kind !== "close") {
      bad(`${label(attrs)}: no </Sentence> before ${next ? `the next <Sentence> (line ${lines.lineAt(next.at)})` : "the end of the file"}; the record is not coded`);
      continue;
    }
    i++;
    const body = text.slice(tag.end, next.at);
    const parsed = childElements(body);
    if ("fault" in parsed) {
      bad(`${label(attrs)}: ${parsed.fault} (line ${lines.lineAt(tag.end + parsed.offset)}); the record is not coded`);
      continue;
    }
    const textElement = parsed.elements.find((e) => e.name === "Text");
    const clean = textElement ? charData(body.slice(textElement.start, textElement.end)).replace(/\s+/g, " ").trim() : "";
    if (clean === "") {
      bad(`${label(attrs)} has no <Text>`);
      continue;
    }
    let date: string | null = null;
    if (attrs.date) {
      date = normalizeDate(attrs.date);
      if (!date) {
        bad(`${label(attrs)}: impossible date "${attrs.date}"`);
        continue;
      }
    }
    const parseElement = parsed.elements.find((e) => e.name === "Parse");
    const parse = parseElement ? charData(body.slice(parseElement.start, parseElement.end)).trim() : null;
    documents.push({ id: attrs.id ?? hash64(clean), text: clean, date, place: null, parse, attributes: attrs });
    where.push(at);
  }
  if (documents.length === 0 && problems.length === 0) problems.push({ where: name, message: "no <Sentence> elements found", severity: "error" });
  return { documents, problems, where };
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
