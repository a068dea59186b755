import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "..", "bin", "annals.js");
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const dir = mkdtempSync(join(tmpdir(), "annals-cli-"));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const good = file("good.txt", "date 2019-03-04 Tokyo\nJapanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Tokyo on Monday.\n");

test("code: a good article gives JSON events, exit 0", () => {
  const r = run(["code", good]);
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(events.some((e) => e.source.code === "JPNGOV" && e.target.code === "CHNGOV" && e.root === "04"));
  assert.ok(events.every((e) => e.date === "2019-03-04"));
});

test("bad input: each problem names its file (and line), exit 1, the other documents are still coded", () => {
  const empty = file("empty.txt", "");
  const binary = file("binary.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]));
  const huge = file("huge.txt", "Iran attacked Iraq. ".repeat(262_144) + "\n");
  const jsonl = file("docs.jsonl", `{"id":"ok","date":"2019-03-04","text":"Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Tokyo."}\n{broken\n{"id":"d","date":"2019-02-30","text":"x"}\n`);
  const badDate = file("bad-date.txt", "date 2019-13-45 Paris\nFrance condemned Iran.\n");
  const r = run(["code", empty, binary, huge, jsonl, badDate, good]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /empty\.txt: empty document/);
  assert.match(r.stderr, /binary\.txt: binary file/);
  assert.match(r.stderr, /huge\.txt \(document [0-9a-f]+\): document is 524288[01] characters long; the limit is 1000000/);
  assert.match(r.stderr, /docs\.jsonl:2: malformed JSON/);
  assert.match(r.stderr, /docs\.jsonl:3: impossible date "2019-02-30"/);
  assert.match(r.stderr, /bad-date\.txt:1: impossible date "2019-13-45"/);
  assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
  const events = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(events.some((e) => e.doc === "ok"), "the good JSONL document is coded");
  assert.ok(events.some((e) => e.doc !== "ok" && e.source.code === "JPNGOV"), "the good article is coded");
});

test("text in another script gives a warning and no events, not a crash", () => {
  const ru = file("ru.txt", "date 2019-03-04 Moscow\nПрезидент России Владимир Путин встретился с председателем КНР Си Цзиньпином в Москве.\n");
  const r = run(["code", ru]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /warning: .*ru\.txt.*does not look like English/);
});

test("a directory means every supported file below it; stdin and --lines work", () => {
  const sub = join(dir, "sub");
  spawnSync("mkdir", ["-p", sub]);
  writeFileSync(join(sub, "one.txt"), "date 2019-03-04 Tokyo\nJapanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Tokyo.\n");
  const r = run(["code", sub]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.includes('"JPNGOV"'));
  const lines = run(["code", "--lines", "--date", "2019-03-04", "-"], "Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping.\nNothing happened here.\n");
  assert.equal(lines.status, 0, lines.stderr);
  assert.ok(lines.stdout.split("\n").filter(Boolean).every((l) => JSON.parse(l).date === "2019-03-04"));
});

test("tsv has a header and one row per event; pretty marks actors and verbs", () => {
  const tsv = run(["code", "--format", "tsv", good]);
  const rows = tsv.stdout.trim().split("\n");
  assert.equal(rows[0].split("\t")[0], "id");
  assert.ok(rows.length >= 2);
  assert.equal(rows[1].split("\t").length, rows[0].split("\t").length);
  const pretty = run(["code", "--format", "pretty", good]);
  assert.match(pretty.stdout, /\[Japanese Prime Minister Shinzo Abe\|JPNGOV\]/);
  assert.match(pretty.stdout, /\*met\*/);
  assert.match(pretty.stdout, /JPNGOV -> CHNGOV {2}040/);
});

test("usage errors exit 2", () => {
  assert.equal(run(["code", "--format", "xml", good]).status, 2);
  assert.equal(run(["code", "--date", "2019-02-30", good]).status, 2);
  assert.equal(run(["frobnicate"]).status, 2);
});

test("English in Latin script but another language (French) is not coded; English headlines are", () => {
  const fr = file("fr.txt", "date 2019-03-04 Paris\n" + "Le président de la République a rencontré le chancelier allemand à Paris lundi pour discuter de la situation en Ukraine et des relations entre les deux pays, selon un communiqué publié par son cabinet dans la soirée après une longue réunion de travail. ".repeat(2));
  const r = run(["code", fr]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /does not look like English/);
  const headline = run(["code", "--lines", "--date", "2019-03-06", "-"], "Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping last week\n");
  assert.ok(headline.stdout.includes('"JPNGOV"'));
});

test("--report-unknown lists names no dictionary codes, most frequent first, with an example", () => {
  const f = file("unknown.txt", "date 2023-05-02 Kyiv\nRussian troops abducted Ivan Fedorov on Friday. Ivan Fedorov was later freed. Zelensky met Ivan Fedorov in Kyiv.\n");
  const r = run(["code", "--report-unknown", f]);
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split("\n");
  assert.equal(rows[0], "count\tname\texample");
  assert.deepEqual(rows[1].split("\t").slice(0, 2), ["3", "Ivan Fedorov"]);
  assert.match(rows[1], /Russian troops abducted Ivan Fedorov on Friday\./);
  assert.ok(!rows.some((row) => /\tZelensky\t|\tKyiv\t|\tFriday\t/.test(row)), "coded names and dates are not unknown");
});
