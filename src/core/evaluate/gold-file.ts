/**
 * annals' gold format for users' own annotated data: JSON Lines, one document a line with its expected events.
 *
 *   {"id": "d1", "date": "2023-03-16", "text": "Yoon met Kishida in Tokyo.",
 *    "events": [{"source": {"text": "Yoon"}, "target": {"start": 9, "end": 16}, "code": "040"},
 *               {"source": "KORGOV", "target": {"country": "JPN"}, "plover": "CONSULT"}]}
 *
 * A side is a span (`start`, `end`: offsets into `text`), a `text` to find in the document (its first
 * occurrence, or the `occurrence`-th, counted from 1), an actor `code` (a prefix: "CHN" takes "CHNGOV"), a
 * `country`, or any mix of them; a string is a code; an omitted side takes any actor. The event is a CAMEO
 * `code` (a prefix: "04" takes "043"), a `root`, or a `plover` category (the roots of the PLV rule).
 */
import { PLOVER_ROOTS, type GoldDocument, type GoldEvent, type GoldSide } from "./gold.js";
import { GoldFormatError } from "./plv.js";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function readSide(v: unknown, text: string, where: string, name: string): GoldSide {
  if (v === undefined || v === null) return {};
  if (typeof v === "string") return { code: v.toUpperCase() };
  if (!isObject(v)) throw new GoldFormatError(`${where}: "${name}" must be an object or a code, not ${JSON.stringify(v)}`);
  const side: GoldSide = {};
  if (v.start !== undefined || v.end !== undefined) {
    const { start, end } = v;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) <= (start as number) || (end as number) > text.length)
      throw new GoldFormatError(`${where}: "${name}" span ${JSON.stringify(start)}..${JSON.stringify(end)} is not within the text (0..${text.length})`);
    side.spans = [{ start: start as number, end: end as number }];
  }
  if (v.text !== undefined) {
    if (typeof v.text !== "string" || v.text === "") throw new GoldFormatError(`${where}: "${name}.text" must be a non-empty string`);
    const occurrence = v.occurrence ?? 1;
    if (!Number.isInteger(occurrence) || (occurrence as number) < 1) throw new GoldFormatError(`${where}: "${name}.occurrence" must be a whole number from 1`);
    let at = -1;
    for (let k = 0; k < (occurrence as number); k++) {
      at = text.indexOf(v.text, at + 1);
      if (at < 0) throw new GoldFormatError(`${where}: "${name}.text" ${JSON.stringify(v.text)} is not in the text${(occurrence as number) > 1 ? ` ${occurrence} times` : ""}`);
    }
    side.spans = [{ start: at, end: at + v.text.length }];
  }
  if (v.code !== undefined) {
    if (typeof v.code !== "string" || !/^[A-Za-z]{3,}$/.test(v.code)) throw new GoldFormatError(`${where}: "${name}.code" must be a CAMEO actor code such as "CHNGOV"`);
    side.code = v.code.toUpperCase();
  }
  if (v.country !== undefined) {
    if (typeof v.country !== "string" || !/^[A-Za-z]{3}$/.test(v.country)) throw new GoldFormatError(`${where}: "${name}.country" must be three letters such as "CHN"`);
    side.country = v.country.toUpperCase();
  }
  return side;
}

function readEvent(v: unknown, text: string, where: string): GoldEvent {
  if (!isObject(v)) throw new GoldFormatError(`${where}: each of "events" must be an object`);
  const given = (["code", "root", "plover"] as const).filter((k) => v[k] !== undefined);
  if (given.length !== 1) throw new GoldFormatError(`${where}: an event needs exactly one of "code", "root" or "plover"`);
  const value = String(v[given[0]]);
  let roots: string[];
  let code: string | undefined;
  if (given[0] === "plover") {
    const r = PLOVER_ROOTS[value.toUpperCase()];
    if (!r) throw new GoldFormatError(`${where}: "${value}" is not a PLOVER category (${Object.keys(PLOVER_ROOTS).join(", ")})`);
    roots = [...r];
  } else {
    if (!/^\d{2,4}$/.test(value) || (given[0] === "root" && value.length !== 2)) throw new GoldFormatError(`${where}: "${given[0]}" must be ${given[0] === "root" ? "two digits (\"04\")" : "a CAMEO code of digits (\"040\")"}, not ${JSON.stringify(v[given[0]])}`);
    roots = [value.slice(0, 2)];
    if (given[0] === "code") code = value;
  }
  return { source: readSide(v.source, text, where, "source"), target: readSide(v.target, text, where, "target"), roots, code, label: given[0] === "plover" ? value.toUpperCase() : value.slice(0, 2), where };
}

/** Reads a gold file; a malformed line is an error naming `file:line`. */
export function readGold(jsonl: string, name: string, isDate: (d: string) => boolean): GoldDocument[] {
  const docs: GoldDocument[] = [];
  const ids = new Set<string>();
  jsonl.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === "") return;
    const where = `${name}:${n + 1}`;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new GoldFormatError(`${where}: not JSON (${(e as Error).message})`);
    }
    if (!isObject(v) || typeof v.text !== "string" || v.text.trim() === "") throw new GoldFormatError(`${where}: a gold document is an object with a non-empty "text"`);
    const text = v.text;
    const id = v.id === undefined ? String(n + 1) : String(v.id);
    if (ids.has(id)) throw new GoldFormatError(`${where}: document id "${id}" is used twice`);
    ids.add(id);
    let date: string | null = null;
    if (v.date !== undefined && v.date !== null) {
      if (typeof v.date !== "string" || !isDate(v.date)) throw new GoldFormatError(`${where}: "date" ${JSON.stringify(v.date)} is not a real date (YYYY-MM-DD)`);
      date = v.date;
    }
    if (!Array.isArray(v.events)) throw new GoldFormatError(`${where}: "events" must be a list (empty when the text holds no event)`);
    docs.push({ id, date, text, events: v.events.map((e) => readEvent(e, text, where)), where });
  });
  return docs;
}
