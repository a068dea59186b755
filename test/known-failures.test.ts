/**
 * Known failures of the fixture set are reported without a failure banner (as
 * skipped tests whose reason names the list's line), and are still checked: one
 * that starts passing fails, asking to be taken off the list.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { knownFailureVerdict, readKnownFailures } from "./support/known-failures.js";

const ROOT = join(import.meta.dirname, "..");

test("a listed case that still fails is skipped with its line; one that passes is to be promoted; others are asserted", () => {
  const known = readKnownFailures("# comment\n\nmass-04 | victims only in the participle clause | and a bar\n");
  const k = known.get("mass-04");
  assert.deepEqual(k, { id: "mass-04", line: 3, reason: "victims only in the participle clause | and a bar" });
  assert.deepEqual(knownFailureVerdict(k, false, "known.txt"), { skip: "known failure, known.txt:3: victims only in the participle clause | and a bar" });
  assert.match(knownFailureVerdict(k, true, "known.txt").promote ?? "", /^mass-04 passes now: take it off known\.txt:3/);
  assert.deepEqual(knownFailureVerdict(undefined, false, "known.txt"), {});
  assert.deepEqual(knownFailureVerdict(undefined, true, "known.txt"), {});
});

test("the fixture tests end without a failure banner: the known failures are skipped, each naming its line", () => {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // run as a top-level test run, as npm test does, not as this run's child
  const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", "test/fixtures.test.ts"], { cwd: ROOT, env, encoding: "utf8" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /failing tests|AssertionError/);
  const known = readKnownFailures(readFileSync(join(ROOT, "test", "fixtures", "known-failures.txt"), "utf8"));
  assert.ok(known.size > 0);
  assert.match(r.stdout, /ℹ fail 0\n/);
  assert.match(r.stdout, /ℹ todo 0\n/);
  assert.match(r.stdout, new RegExp(`ℹ skipped ${known.size}\\n`));
  for (const k of known.values()) assert.match(r.stdout, new RegExp(`fixture ${k.id} \\(line \\d+\\).*# known failure, test/fixtures/known-failures\\.txt:${k.line}: `));
});
