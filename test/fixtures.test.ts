/**
 * Every case of test/fixtures/sentences.txt is a test: the events it expects
 * must be produced, and no asserted event it does not expect. Cases listed in
 * test/fixtures/known-failures.txt are still coded every run: one that still fails
 * is reported as skipped, with the list's line and the reason written there; one
 * that passes fails until it is taken off the list (test/support/known-failures.ts).
 * The last test reports precision and recall over the whole set and holds the floor.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { codeDocument } from "../src/core/index.js";
import { dictionaries } from "./support/dictionaries.js";
import { parseFixtures, scoreCase } from "./support/fixtures.js";
import { knownFailureVerdict, readKnownFailures } from "./support/known-failures.js";

const dir = join(import.meta.dirname, "fixtures");
const cases = parseFixtures(readFileSync(join(dir, "sentences.txt"), "utf8"));
const KNOWN_LIST = "test/fixtures/known-failures.txt";
const known = readKnownFailures(readFileSync(join(dir, "known-failures.txt"), "utf8"));

/** Floors over the whole set; raise them as the coder improves, never lower them. */
const PRECISION_FLOOR = 0.97;
const RECALL_FLOOR = 0.97;

let tp = 0;
let fp = 0;
let fn = 0;
for (const c of cases) {
  const events = codeDocument({ id: c.id, text: c.text, date: c.date, place: null }, dictionaries).events;
  const score = scoreCase(events, c.expect);
  tp += score.truePositives;
  fp += score.falsePositives.length;
  fn += score.missed.length;
  const verdict = knownFailureVerdict(known.get(c.id), score.missed.length === 0 && score.falsePositives.length === 0, KNOWN_LIST);
  test(`fixture ${c.id} (line ${c.line})`, verdict.skip ? { skip: verdict.skip } : {}, () => {
    if (verdict.promote) assert.fail(verdict.promote);
    const show = (e: (typeof events)[number]) => `${e.source?.code} ${e.target?.code} ${e.code} ${e.mood}${e.negated ? " negated" : ""} [${e.rule}]`;
    assert.deepEqual(
      { missed: score.missed.map((x) => `${x.source} ${x.target} ${x.code} ${x.mood}${x.negated ? " negated" : ""}`), unexpected: score.falsePositives.map(show) },
      { missed: [], unexpected: [] },
      `produced: ${events.map(show).join("; ") || "nothing"}`,
    );
  });
}

test("every known failure names a fixture case", () => {
  const ids = new Set(cases.map((c) => c.id));
  for (const k of known.values()) assert.ok(ids.has(k.id), `${KNOWN_LIST}:${k.line} names ${k.id}, which is no case of sentences.txt`);
});

test("fixture set: precision and recall stay above their floors", () => {
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  console.log(`fixtures: ${cases.length} cases, ${tp} expected events found, ${fp} unexpected, ${fn} missed; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  assert.ok(cases.length >= 80, `at least 80 cases (found ${cases.length})`);
  assert.ok(precision >= PRECISION_FLOOR, `precision ${precision.toFixed(3)} below ${PRECISION_FLOOR}`);
  assert.ok(recall >= RECALL_FLOOR, `recall ${recall.toFixed(3)} below ${RECALL_FLOOR}`);
});
