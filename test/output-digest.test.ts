/**
 * The coder's output stays what it was: each document of the fixtures, the
 * examples, PETRARCH's unit-test records and the PLV development sentences
 * is coded and its events' digest compared with test/digests/*.tsv
 * (./support/output-digests.ts). A speed-up must change nothing here; a
 * change of output that is meant is recorded with `npm run digests:update`,
 * and the diff shows which documents it changed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIGEST_SETS, digestDifferences, digestFile, digestLines } from "./support/output-digests.js";

for (const set of DIGEST_SETS) {
  test(`${set.name}: every document's events are the ones recorded`, { skip: set.skip }, () => {
    const expected = readFileSync(digestFile(set), "utf8").split("\n");
    const differences = digestDifferences(expected, digestLines(set.code()));
    assert.ok(expected.length > 1, `${digestFile(set)} is empty`);
    assert.deepEqual(
      differences.slice(0, 30),
      [],
      `${differences.length} documents changed their events (run "npm run digests:update" if that is meant, and review the diff)`,
    );
  });
}
