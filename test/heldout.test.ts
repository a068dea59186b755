/**
 * The held-out fixture set (test/fixtures/heldout.txt): 100 cases written blind,
 * by someone who never saw the coder or the tuned fixtures. Its precision and
 * recall say how annals does on text it was not tuned on; the first, blind
 * measurement is in the project's notes. The floors below only rise.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { codeDocument } from "../src/core/index.js";
import { dictionaries } from "./support/dictionaries.js";
import { parseFixtures, scoreCase } from "./support/fixtures.js";

const PRECISION_FLOOR = 0.86;
const RECALL_FLOOR = 0.70;

test("held-out fixtures: precision and recall stay above their floors", () => {
  const cases = parseFixtures(readFileSync(join(import.meta.dirname, "fixtures", "heldout.txt"), "utf8"));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  for (const c of cases) {
    const s = scoreCase(codeDocument({ id: c.id, text: c.text, date: c.date, place: null }, dictionaries).events, c.expect);
    tp += s.truePositives;
    fp += s.falsePositives.length;
    fn += s.missed.length;
    if (s.missed.length === 0 && s.falsePositives.length === 0) exact++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  console.log(`held-out: ${cases.length} cases, ${exact} exactly right; ${tp} expected events found, ${fp} unexpected, ${fn} missed; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  assert.equal(cases.length, 100);
  assert.ok(precision >= PRECISION_FLOOR, `precision ${precision.toFixed(3)} below ${PRECISION_FLOOR}`);
  assert.ok(recall >= RECALL_FLOOR, `recall ${recall.toFixed(3)} below ${RECALL_FLOOR}`);
});
