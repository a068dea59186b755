/**
 * The coder's output, reduced to a digest a document: `ID<TAB>EVENTS<TAB>SHA-256`
 * of its events as `annals code` writes them (one JSON object a line). Ids
 * and hashes only, so the expected files (test/digests/*.tsv) carry no text
 * of the inputs, and the shared reference data's sentences stay out of the
 * repository. test/output-digest.test.ts compares; `npm run digests:update`
 * (./update-digests.ts) rewrites the expected files when a change of the
 * coder's output is meant.
 *
 * The sets: the fixtures (coded as their tests code them), the examples (read
 * and coded as `annals code examples/` does), and where ../shared is present
 * PETRARCH's unit-test records (coded as `annals eval petrarch` codes them,
 * from raw text and from their parses) and the PLV development sentences
 * (as `annals eval plv` codes them: undated, each its own document).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { codeDocument, type Event } from "../../src/core/index.js";
import { evaluatePetrarch } from "../../src/core/evaluate/petrarch.js";
import { readPlv } from "../../src/core/evaluate/plv.js";
import { readDataDir } from "../../src/node/data-files.js";
import { expandPaths, FirstOccurrences, readFiles } from "../../src/node/inputs.js";
import { dictionaries } from "./dictionaries.js";
import { parseFixtures } from "./fixtures.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SHARED = join(ROOT, "..", "shared");
export const DIGEST_DIR = join(ROOT, "test", "digests");

interface Coded {
  id: string;
  events: Event[];
}

export interface DigestSet {
  name: string;
  /** Why the set cannot be coded here (its inputs are absent), or false. */
  skip: string | false;
  code: () => Coded[];
}

const sharedFile = (...path: string[]) => join(SHARED, ...path);
const absent = (file: string) => (existsSync(file) ? false : `${file} not found: the shared reference data is not beside the repository, so this set is not compared`);

function fixtures(): Coded[] {
  return ["sentences.txt", "heldout.txt"].flatMap((file) =>
    parseFixtures(readFileSync(join(ROOT, "test", "fixtures", file), "utf8")).map((c) => ({
      id: `${file}:${c.id}`,
      events: codeDocument({ id: c.id, text: c.text, date: c.date, place: null }, dictionaries).events,
    })),
  );
}

function examples(): Coded[] {
  const firsts = new FirstOccurrences();
  return [...readFiles(expandPaths([join(ROOT, "examples")]).files, {})].flatMap((read) =>
    firsts.keep(read).documents.map((doc) => ({ id: doc.id, events: codeDocument(doc, dictionaries, { requireDyad: true, useParse: false }).events })),
  );
}

function petrarch(): Coded[] {
  const dir = sharedFile("petrarch");
  const suite = readFileSync(join(dir, "PETR.UnitTest.records.xml"), "utf8");
  const ontology = readDataDir().filter((f) => f.path.startsWith("ontology/"));
  return [false, true].flatMap((useParse) =>
    evaluatePetrarch(suite, (name) => readFileSync(join(dir, name), "utf8"), ontology, useParse).results.map((r) => ({
      id: `${useParse ? "parse" : "raw"}:${r.record.id}`,
      events: r.coded.events,
    })),
  );
}

function plv(): Coded[] {
  return readPlv(readFileSync(sharedFile("plv", "PLV_train.tsv"), "utf8"), "PLV_train.tsv").map((doc) => ({
    id: doc.id,
    events: codeDocument({ id: doc.id, text: doc.text, date: null, place: null }, dictionaries, { requireDyad: true }).events,
  }));
}

export const DIGEST_SETS: DigestSet[] = [
  { name: "fixtures", skip: false, code: fixtures },
  { name: "examples", skip: false, code: examples },
  { name: "petrarch", skip: absent(sharedFile("petrarch", "PETR.UnitTest.records.xml")), code: petrarch },
  { name: "plv", skip: absent(sharedFile("plv", "PLV_train.tsv")), code: plv },
];

/** One line a document, in input order; an id met again (the PETRARCH suite has two) gets `#2`, `#3`, ... */
export function digestLines(coded: Coded[]): string[] {
  const seen = new Map<string, number>();
  return coded.map(({ id, events }) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    const hash = createHash("sha256");
    for (const e of events) hash.update(JSON.stringify(e) + "\n");
    return `${n > 1 ? `${id}#${n}` : id}\t${events.length}\t${hash.digest("hex")}`;
  });
}

export const digestFile = (set: DigestSet) => join(DIGEST_DIR, `${set.name}.tsv`);

/** The documents whose line differs, is missing or is new, each named with its expected and actual event counts. */
export function digestDifferences(expected: string[], actual: string[]): string[] {
  const parse = (lines: string[]) => new Map(lines.filter((l) => l.trim()).map((l) => [l.split("\t")[0], l.split("\t")] as const));
  const want = parse(expected);
  const got = parse(actual);
  const out: string[] = [];
  for (const [id, w] of want) {
    const g = got.get(id);
    if (!g) out.push(`${id}: expected ${w[1]} events, not coded any more`);
    else if (g[1] !== w[1] || g[2] !== w[2]) out.push(`${id}: expected ${w[1]} events, got ${g[1]}${g[1] === w[1] ? " that differ" : ""}`);
  }
  for (const [id, g] of got) if (!want.has(id)) out.push(`${id}: new document, ${g[1]} events`);
  return out;
}
