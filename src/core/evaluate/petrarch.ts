/**
 * Scores annals on PETRARCH's unit-test records with PETRARCH's own dictionaries:
 * a record passes when the set of (source, target, code) triples annals codes
 * equals the set the record expects (nothing, for `noevents` and `error` records).
 */
import { codeDocument, type CodedDocument } from "../coder.js";
import { DocumentError } from "../errors.js";
import { compileDictionaries } from "../dictionary/compile.js";
import { importPetrarch } from "../dictionary/petrarch.js";
import type { DataFile } from "../dictionary/text.js";
import { readPetrarchSuite, type PetrarchRecord, type Triple } from "./petrarch-records.js";
import type { Actor } from "../types.js";

export interface RecordResult {
  record: PetrarchRecord;
  passed: boolean;
  expected: string[];
  produced: string[];
  coded: CodedDocument;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  byCategory: Map<string, { passed: number; failed: number }>;
  results: RecordResult[];
}

const key = (t: Triple) => `${t.source} ${t.target} ${t.code}`;

/** PETRARCH writes an absent actor as `---` and a role with no country as `---GOV`; annals as null and `GOV`. */
function petrarchCode(actor: Actor | null): string {
  if (!actor) return "---";
  return actor.country === null && !actor.code.startsWith('"') ? `---${actor.code}` : actor.code;
}

/**
 * `suiteXml`: the records file; `readDictionary(name)`: the text of a dictionary
 * the suite's `<Environment>` names; `ontology`: annals' ontology files.
 */
export function evaluatePetrarch(suiteXml: string, readDictionary: (name: string) => string, ontology: DataFile[], useParse = false): SuiteResult {
  const suite = readPetrarchSuite(suiteXml);
  const names = [suite.verbs, suite.actors, suite.agents, suite.discards].filter((n): n is string => !!n);
  const { dictionaries } = compileDictionaries(importPetrarch(names.map((name) => ({ name, text: readDictionary(name) })), ontology).files);
  const result: SuiteResult = { passed: 0, failed: 0, byCategory: new Map(), results: [] };
  for (const record of suite.records) {
    let coded: CodedDocument;
    try {
      coded = codeDocument({ id: record.id, text: record.text, date: record.date, place: null, parse: record.parse }, dictionaries, { requireDyad: record.requireDyad, newActorLength: record.newActorLength, useParse, statedActs: false, mutualBothWays: true });
    } catch (e) {
      // a record that cannot be coded (a malformed parse) codes nothing, which is right for the records that expect that
      if (!(e instanceof DocumentError)) throw e;
      coded = { events: [], unknown: [], sentences: [], warnings: [`${record.id}: ${e.message}`] };
    }
    // PETRARCH has no mood: every event annals does not find denied counts
    const produced = [...new Set(coded.events.filter((e) => !e.negated).map((e) => key({ source: petrarchCode(e.source), target: petrarchCode(e.target), code: e.code })))].sort();
    const expected = record.expectsNothing ? [] : [...new Set(record.expected.map(key))].sort();
    const passed = produced.length === expected.length && produced.every((p, i) => p === expected[i]);
    const c = result.byCategory.get(record.category) ?? { passed: 0, failed: 0 };
    c[passed ? "passed" : "failed"]++;
    result.byCategory.set(record.category, c);
    result[passed ? "passed" : "failed"]++;
    result.results.push({ record, passed, expected, produced, coded });
  }
  return result;
}
