import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expandPaths } from "../src/node/inputs.js";

const BIN = join(import.meta.dirname, "..", "bin", "annals.js");
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
const base = mkdtempSync(join(tmpdir(), "annals-inputs-"));
const ARTICLE = "date 2019-03-04 Tokyo\nJapanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Tokyo on Monday.\n";
let n = 0;
/** A fresh folder under the test's own, with the given files (content) and links (a string starting with "->"). */
const folder = (entries: Record<string, string>): string => {
  const name = `f${++n}`;
  const dir = join(base, name);
  mkdirSync(dir);
  for (const [path, what] of Object.entries(entries)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    if (what === "/") mkdirSync(join(dir, path), { recursive: true });
    else if (what.startsWith("->")) symlinkSync(what.slice(2), join(dir, path));
    else writeFileSync(join(dir, path), what);
  }
  return name;
};
const docs = (stdout: string) => new Set(stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l).doc as string));

test("a folder with a good article, a link loop and a dangling link: the article is coded, each bad entry reported by its own path, exit 1", () => {
  const dir = folder({ "good.txt": ARTICLE, "sub/loop": "->..", "x.txt": "->nowhere.txt", "self.txt": "->self.txt" });
  const r = run(["code", dir], base);
  assert.equal(r.status, 1);
  assert.equal(docs(r.stdout).size, 1, "the good article is coded once");
  const lines = r.stderr.trim().split("\n");
  assert.deepEqual(lines.map((l) => l.split(": ")[1]).sort(), [`${dir}/self.txt`, `${dir}/sub/loop`, `${dir}/x.txt`]);
  assert.match(r.stderr, new RegExp(`${dir}/x\\.txt: cannot read: the link leads nowhere \\(to "nowhere\\.txt"\\)`));
  assert.match(r.stderr, new RegExp(`${dir}/sub/loop: not read: a link loop \\(the link leads back to ${dir}, a folder it is in\\)`));
  assert.match(r.stderr, new RegExp(`${dir}/self\\.txt: cannot read: a link loop`));
  assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
});

test("a folder with only a dangling link, or nothing, or nothing annals reads: \"no input files\", exit 1", () => {
  for (const entries of [{ "x.txt": "->nowhere.txt" }, {}, { "notes.md": "hello", "sub/": "/" }]) {
    const dir = folder(entries);
    const r = run(["code", dir], base);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, new RegExp(`annals: ${dir}: no input files`));
  }
  const dir = folder({});
  const r = run(["ingest", "--db", join(base, "empty.db"), dir], base);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`annals: ${dir}: no input files`));
});

test("links are followed inside the folder, each file read once, never out of it", () => {
  const outside = folder({ "far.txt": ARTICLE.replace("Monday", "Tuesday") });
  const dir = folder({ "a/one.txt": ARTICLE, "alias.txt": "->a/one.txt", "b": "->a", "far.txt": `->../${outside}/far.txt`, "farlink": `->../${outside}`, ".hidden/h.txt": ARTICLE.replace("Monday", "Friday"), "h": "->.hidden", "broken.md": "->nowhere" });
  const { files, problems } = expandPaths([join(base, dir)]);
  assert.deepEqual(files.map((f) => f.slice(base.length + 1)), [`${dir}/a/one.txt`, `${dir}/h/h.txt`]);
  assert.deepEqual(problems.map((p) => p.where.slice(base.length + 1)), [`${dir}/far.txt`, `${dir}/farlink`]);
  assert.ok(problems.every((p) => /not read: the link leads out of .* \(to .*\); name it on the command line/.test(p.message)));
  // named on the command line, a link is read as it is, and one file named twice is read once
  const named = expandPaths([join(base, dir, "far.txt"), join(base, outside, "far.txt")]);
  assert.deepEqual(named, { files: [join(base, dir, "far.txt")], problems: [] });
});

test("a pipe with an input file's name is reported, not waited on; a folder without permission is reported by its path", () => {
  const dir = folder({ "good.txt": ARTICLE, "locked/x.txt": ARTICLE });
  assert.equal(spawnSync("mkfifo", [join(base, dir, "pipe.txt")]).status, 0);
  chmodSync(join(base, dir, "locked"), 0);
  try {
    const r = run(["code", dir], base);
    assert.equal(r.status, 1);
    assert.equal(docs(r.stdout).size, 1);
    assert.match(r.stderr, new RegExp(`${dir}/pipe\\.txt: not read: not a regular file`));
    // root reads every folder whatever its mode
    if (process.getuid?.() !== 0) assert.match(r.stderr, new RegExp(`${dir}/locked: cannot read: permission denied`));
  } finally {
    chmodSync(join(base, dir, "locked"), 0o755);
  }
});

test("one id with other text twice in one input: a warning names both lines, the first is kept, and ingesting again changes nothing", () => {
  const dir = folder({
    "a.jsonl": [
      `{"id":"a","date":"2019-03-04","text":"Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Tokyo."}`,
      `{"id":"b","date":"2019-03-04","text":"Russia criticized Ukraine."}`,
      `{"id":"a","date":"2019-03-04","text":"China criticized Japan."}`,
      `{"id":"b","date":"2019-03-04","text":"Russia criticized Ukraine."}`,
    ].join("\n"),
    "b.xml": `<Sentences>\n<Sentence id="a" date="20190304"><Text>Iran attacked Iraq.</Text></Sentence>\n</Sentences>\n`,
  });
  const code = run(["code", dir], base);
  assert.equal(code.status, 0, code.stderr);
  assert.deepEqual([...docs(code.stdout)].sort(), ["a", "b"]);
  assert.match(code.stdout, /Xi Jinping/);
  assert.doesNotMatch(code.stdout, /China criticized Japan|Iran attacked Iraq/);
  const warnings = code.stderr.trim().split("\n");
  assert.deepEqual(warnings, [
    `annals: warning: ${dir}/a.jsonl:3: document id "a" came before at ${dir}/a.jsonl:1 with other text: the first is kept and this one skipped (the first occurrence of an id wins)`,
    `annals: warning: ${dir}/b.xml:2: document id "a" came before at ${dir}/a.jsonl:1 with other text: the first is kept and this one skipped (the first occurrence of an id wins)`,
  ]);
  const db = join(base, "dup.db");
  const first = run(["ingest", "--db", db, "--workers", "1", dir], base);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, /2 documents \(2 added, 0 replaced, 0 unchanged, 0 failed\)/);
  const again = run(["ingest", "--db", db, "--workers", "2", dir], base);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /2 documents \(0 added, 0 replaced, 2 unchanged, 0 failed\)/);
  const stored = run(["query", "--db", db, "--doc", "a", "--format", "jsonl"], base);
  assert.match(stored.stdout, /Xi Jinping/);
});
