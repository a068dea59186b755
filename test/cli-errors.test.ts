/**
 * No stack traces: every numeric option refuses what it cannot take with a
 * message naming it (never a database error); a file named on the command line
 * that is not there is its path and why; a bug shows its message, and its stack
 * only with ANNALS_DEBUG=1.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { knownFile } from "./support/known-events.js";
import { tempDir } from "./support/store.js";
import { runAnnals as run } from "./support/cli.js";

const STACK = /\n\s+at .*:\d+/;
const db = await knownFile(tempDir());

test("every numeric option of every command refuses what it cannot take, naming the option: exit 2, no stack trace", async () => {
  const options: [string[], string][] = [
    [["query", "--db", db], "limit"],
    [["query", "--db", db], "offset"],
    [["stats", "--db", db, "--top", "dyads"], "limit"],
    [["code"], "max-chars"],
    [["ingest", "--db", join(tempDir(), "x.db")], "max-chars"],
    [["ingest", "--db", join(tempDir(), "x.db")], "batch"],
    [["ingest", "--db", join(tempDir(), "x.db")], "workers"],
    [["recode", "--db", db], "max-chars"],
    [["recode", "--db", db], "batch"],
    [["recode", "--db", db], "workers"],
    [["serve", "--db", db], "port"],
  ];
  const bad = ["9223372036854775808", "-1", "1.5", "1e3", "ten"];
  const cases = options.flatMap(([command, option]) => bad.map((value) => ({ args: [...command, `--${option}`, value], option, value })));
  const results = await Promise.all(cases.map((c) => run(c.args)));
  cases.forEach((c, i) => {
    const r = results[i];
    const what = c.args.join(" ");
    assert.equal(r.status, 2, `${what}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^annals: --${c.option} must be `), what);
    assert.doesNotMatch(r.stderr, /internal error|datatype mismatch|ambiguous/, what);
    assert.doesNotMatch(r.stderr, STACK, what);
  });
});

test("the issue's two commands: a usage error naming the option, not a database error", async () => {
  const offset = await run(["query", "--db", db, "--offset", "9223372036854775808"]);
  assert.equal(offset.status, 2);
  assert.match(offset.stderr, /--offset must be a whole number from 0 to [\d,]+, not "9223372036854775808"/);
  const limit = await run(["stats", "--db", db, "--top", "dyads", "--limit", "99999999999999999999"]);
  assert.equal(limit.status, 2);
  assert.match(limit.stderr, /--limit must be a whole number from 1 to 100,000, not "99999999999999999999"/);
  // the largest values allowed run
  const deep = await run(["query", "--db", db, "--offset", "1000000000000000", "--limit", "100000"]);
  assert.equal(deep.status, 0, deep.stderr);
  assert.match(deep.stderr, /no events match/);
});

test("a missing file or folder named on the command line is a message with its path, not a stack trace", async () => {
  const results = await Promise.all([
    run(["dict", "check", "/nonexistent-annals-dir"]),
    run(["code", "--dict", "/nonexistent-annals-dir", "examples/headlines.txt"]),
    run(["eval", "petrarch", "/nonexistent-annals-dir/records.xml"]),
    run(["dict", "import-petrarch", "/nonexistent-annals-dir/actors.txt", "--out", join(tempDir(), "out")]),
  ]);
  for (const r of results) {
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^annals: \/nonexistent-annals-dir[^:]*: no such file or directory\n$/);
  }
});

test("a bug prints its message and how to report it; the stack trace only with ANNALS_DEBUG=1", async () => {
  // a fault planted in the child: writing an event fails
  const fault = `data:text/javascript,const w=process.stdout.write;process.stdout.write=function(c,...a){if(String(c).includes('"goldstein"'))throw new TypeError("planted fault");return w.call(this,c,...a)}`;
  const args = ["code", "--lines", "--date", "2023-01-01", "examples/headlines.txt"];
  const env = { ...process.env };
  delete env.ANNALS_DEBUG;
  const plain = await run(args, { node: ["--import", fault], env });
  assert.equal(plain.status, 1);
  assert.match(plain.stderr, /^annals: internal error: TypeError: planted fault\n\(a bug in annals: please report it/);
  assert.doesNotMatch(plain.stderr, STACK);
  const debug = await run(args, { node: ["--import", fault], env: { ...env, ANNALS_DEBUG: "1" } });
  assert.equal(debug.status, 1);
  assert.match(debug.stderr, /internal error: TypeError: planted fault/);
  assert.match(debug.stderr, STACK);
});
