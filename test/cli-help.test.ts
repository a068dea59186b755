/**
 * The command line explains itself: every command's --help (and -h, and
 * `annals help COMMAND`) prints its usage with each option explained, exit 0;
 * `annals --version`; a mistyped command or option gets the nearest one; option
 * mistakes ("--limit -1", an unknown option, a missing value) get annals' own
 * message and the command's usage.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HelpRequested } from "../src/cli/args.js";
import { runCode } from "../src/cli/code.js";
import { runDict } from "../src/cli/dict.js";
import { runEval } from "../src/cli/eval.js";
import { runExport } from "../src/cli/export.js";
import { commandsOf, explained, HELP } from "../src/cli/help.js";
import { runIngest } from "../src/cli/ingest.js";
import { runParse } from "../src/cli/parse.js";
import { runQuery } from "../src/cli/query.js";
import { runQueue } from "../src/cli/queue.js";
import { runWorker } from "../src/cli/worker.js";
import { runRecode } from "../src/cli/recode.js";
import { runServe } from "../src/cli/serve.js";
import { runStats } from "../src/cli/stats.js";
import { knownFile } from "./support/known-events.js";
import { tempDir } from "./support/store.js";
import { ROOT, runAnnals as run } from "./support/cli.js";

const db = await knownFile(tempDir());

test("--limit -1 and other option mistakes get annals' own message, with the command's usage", async () => {
  const negative = await run(["query", "--db", db, "--limit", "-1"]);
  assert.equal(negative.status, 2);
  assert.match(negative.stderr, /^annals: --limit must be a whole number[^\n]*, not "-1"\nusage: annals query /);
  assert.doesNotMatch(negative.stderr, /ambiguous|Did you forget/);
  const unknown = await run(["code", "--frmat", "tsv", "examples/headlines.txt"]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^annals: unknown option --frmat; did you mean --format\?\n/);
  assert.doesNotMatch(unknown.stderr, /To specify a positional|'-- "/);
  const missing = await run(["query", "--db", db, "--limit"]);
  assert.match(missing.stderr, /^annals: --limit needs a value\n/);
  const swallowed = await run(["query", "--db", db, "--text", "--limit", "5"]);
  assert.match(swallowed.stderr, /^annals: --text needs a value, and is followed by the option --limit/);
  const flag = await run(["code", "--lines=yes", "examples/headlines.txt"]);
  assert.match(flag.stderr, /^annals: --lines takes no value, not "yes"/);
  for (const r of [missing, swallowed, flag]) assert.equal(r.status, 2);
});

test("every command's --help and -h print its usage with each option explained, exit 0", async () => {
  const top = await run(["--help"]);
  assert.equal(top.status, 0);
  assert.match(top.stdout, /annals COMMAND --help explains a command/);
  const commands = commandsOf(top.stdout);
  assert.ok(commands.length >= 9, commands.join(" "));
  for (const command of commands) {
    assert.ok(HELP[command], `annals ${command} has no entry in src/cli/help.ts`);
    const [long, short, viaHelp] = await Promise.all([run([command, "--help"]), run([command, "-h"]), run(["help", command])]);
    assert.equal(long.status, 0, `${command} --help: ${long.stderr}`);
    assert.equal(long.stderr, "");
    assert.match(long.stdout, new RegExp(`^annals ${command}: `));
    assert.match(long.stdout, new RegExp(`\nusage: annals ${command}\\b`));
    assert.equal(short.stdout, long.stdout);
    assert.equal(short.status, 0);
    assert.equal(viaHelp.stdout, long.stdout);
    // every option the usage shows is explained on a line of its own
    const usage = long.stdout.split("\n\n")[1];
    for (const [, option] of usage.matchAll(/\[(--[a-z-]+)/g)) assert.match(long.stdout, new RegExp(`\n  ${option}\\b[^\n]*?  +\\S`), `${command}: ${option} is not explained`);
    // an option the command takes but help.ts does not explain shows with nothing after it
    for (const line of long.stdout.split("\n").filter((l) => l.startsWith("  -"))) assert.match(line, /^ {2}\S.*\s{2,}\S/, `${command}: "${line.trim()}" is not explained`);
  }
  // help comes first, whatever else is on the line; after "--" it is a file name
  const mixed = await run(["query", "--limit", "0", "--frmat", "--help"]);
  assert.equal(mixed.status, 0);
  assert.match(mixed.stdout, /^annals query: /);
  const dict = await run(["dict", "check", "--help"]);
  assert.equal(dict.status, 0);
  assert.match(dict.stdout, /^annals dict: /);
});

test("help.ts explains exactly the options each command takes", async () => {
  const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
  const declared = async (f: () => unknown): Promise<string[]> => {
    try {
      await f();
    } catch (e) {
      if (e instanceof HelpRequested) return e.options;
      throw e;
    }
    assert.fail("no help requested");
  };
  const commands: Record<string, () => unknown> = {
    code: () => runCode(["--help"], quiet, quiet),
    ingest: () => runIngest(["--help"], quiet),
    recode: () => runRecode(["--help"], quiet),
    query: () => runQuery(["--help"], quiet, quiet),
    stats: () => runStats(["--help"], quiet, quiet),
    export: () => runExport(["--help"], quiet),
    serve: () => runServe(["--help"], quiet, quiet),
    dict: () => runDict(["import-petrarch", "--help"], quiet, quiet),
    eval: () => runEval(["--help"], quiet, quiet),
    parse: () => runParse(["--help"], quiet, quiet),
    queue: () => runQueue(["status", "--help"], quiet, quiet),
    worker: () => runWorker(["--help"], quiet),
  };
  assert.deepEqual(Object.keys(HELP).sort(), Object.keys(commands).sort(), "a command in help.ts that this test does not check, or the other way round");
  for (const [command, f] of Object.entries(commands)) assert.deepEqual(explained(command).sort(), (await declared(f)).sort(), `annals ${command}: the options help.ts explains are not those the command takes`);
});

test("annals --version prints the package's version; a mistyped command gets the nearest one", async () => {
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
  const v = await run(["--version"]);
  assert.equal(v.status, 0);
  assert.equal(v.stdout, `annals ${version}\n`);
  const typo = await run(["injest", "examples/"]);
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /^annals: unknown command "injest"; did you mean ingest\?\n/);
  const swapped = await run(["qeury"]);
  assert.match(swapped.stderr, /did you mean query\?/);
  const far = await run(["frobnicate"]);
  assert.equal(far.status, 2);
  assert.match(far.stderr, /^annals: unknown command "frobnicate"\n/);
});
