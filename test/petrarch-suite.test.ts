/**
 * PETRARCH2's unit-test records, coded by annals from raw text with PETRARCH's
 * validation dictionaries (imported). The floor only rises. Skipped where the
 * shared reference data is absent.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluatePetrarch } from "../src/core/evaluate/petrarch.js";
import { readDataDir } from "../src/node/data-files.js";

/** Records coded exactly right; PETRARCH2 itself gets 90 of 284 from the parses. */
const RAW_TEXT_FLOOR = 249;
const PARSE_FLOOR = 256;

const DIR = join(import.meta.dirname, "..", "..", "shared", "petrarch");
const skip = existsSync(join(DIR, "PETR.UnitTest.records.xml")) ? false : `PETRARCH unit-test records not found in ${DIR}; they ship with the shared reference data`;

test("PETRARCH unit-test records from raw text stay above the floor", { skip }, () => {
  const result = evaluatePetrarch(readFileSync(join(DIR, "PETR.UnitTest.records.xml"), "utf8"), (name) => readFileSync(join(DIR, name), "utf8"), readDataDir().filter((f) => f.path.startsWith("ontology/")));
  console.log(`PETRARCH unit tests from raw text: ${result.passed} passed, ${result.failed} failed`);
  assert.equal(result.passed + result.failed, 284);
  assert.ok(result.passed >= RAW_TEXT_FLOOR, `${result.passed} below the floor of ${RAW_TEXT_FLOOR}`);
  // a bad parse can only be seen in a parse; every other record that must be rejected gives nothing
  const errors = result.results.filter((r) => r.record.error && r.record.error !== "bad_input_parse");
  assert.ok(errors.length >= 5 && errors.every((r) => r.passed), "dateline and discard errors give nothing");
});

test("PETRARCH unit-test records from their parse trees stay above the floor, and bad parses are rejected", { skip }, () => {
  const result = evaluatePetrarch(readFileSync(join(DIR, "PETR.UnitTest.records.xml"), "utf8"), (name) => readFileSync(join(DIR, name), "utf8"), readDataDir().filter((f) => f.path.startsWith("ontology/")), true);
  console.log(`PETRARCH unit tests from parses: ${result.passed} passed, ${result.failed} failed`);
  assert.ok(result.passed >= PARSE_FLOOR, `${result.passed} below the floor of ${PARSE_FLOOR}`);
  assert.ok(result.results.filter((r) => r.record.error).every((r) => r.passed), "every record that must be rejected gives nothing");
});
