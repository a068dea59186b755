/**
 * `annals eval plv` and `annals eval gold`: the readers, the PLV scoring rule, the report, and the floors on the
 * PLV development set of real news (skipped where the shared reference data is absent). The sentences here are
 * our own; the development set's are never copied into the project.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateGold, f1, precision, recall } from "../src/core/evaluate/gold.js";
import { readGold } from "../src/core/evaluate/gold-file.js";
import { GoldFormatError, readPlv, unmark } from "../src/core/evaluate/plv.js";
import { normalizeDate } from "../src/core/index.js";
import { dictionaries } from "./support/dictionaries.js";

const BIN = join(import.meta.dirname, "..", "bin", "annals.js");
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const dir = mkdtempSync(join(tmpdir(), "annals-eval-"));
const isDate = (d: string) => normalizeDate(d) === d;

/** Recall and precision on PLV_train.tsv never fall below these; raise them as the coder improves. */
const PLV_RECALL_FLOOR = 0.5;
const PLV_PRECISION_FLOOR = 0.76;

const PLV_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\tmodality_L2";
const plvRow = (n: number, id: string, marked: string, root: string) => `${n}\t${id}\t${unmark(marked).text}\t${marked}\t\t\t${root}\tpast`;

test("unmark: the marks go, the marked spans stay, a side may be marked twice or not at all", () => {
  const m = unmark("<s>Japan</s> and <s>Korea</s> condemned <t>North Korea</t>'s test.");
  assert.equal(m.text, "Japan and Korea condemned North Korea's test.");
  assert.deepEqual(m.source.map((s) => m.text.slice(s.start, s.end)), ["Japan", "Korea"]);
  assert.deepEqual(m.target.map((s) => m.text.slice(s.start, s.end)), ["North Korea"]);
  assert.deepEqual(unmark("<s>Brazil</s> sent aid.").target, []);
});

test("eval plv: rows of one sentence are one document; a row is found by root and overlapping spans", () => {
  const tsv = [
    PLV_HEADER,
    plvRow(0, "1", "<s>Japanese Prime Minister Shinzo Abe</s> met <t>Chinese President Xi Jinping</t> in Tokyo.", "CONSULT"),
    plvRow(1, "2", "<s>France</s> condemned <t>Iran</t> on Monday.", "ACCUSE"),
    plvRow(2, "2", "<s>France</s> condemned <t>Iran</t> on Monday.", "REJECT"),
    plvRow(3, "3", "<s>Egypt</s> praised <t>Sudan</t>.", "ASSAULT"),
  ].join("\r\n");
  const docs = readPlv(tsv, "mini.tsv");
  assert.equal(docs.length, 3);
  assert.deepEqual(docs[1].events.map((e) => [e.label, e.roots, e.where]), [["ACCUSE", ["09", "11"], "mini.tsv:3"], ["REJECT", ["12"], "mini.tsv:4"]]);
  const result = evaluateGold(docs, dictionaries, {}, "2019-03-04");
  // Abe met Xi (04) and France condemned Iran (11) are found; France did not reject (12); Egypt praised (05), not ASSAULT
  assert.deepEqual(result.cases.map((c) => c.found.map((f) => f?.root ?? null)), [["04"], ["11", null], [null]]);
  assert.equal(result.overall.gold, 4);
  assert.equal(result.overall.found, 2);
  assert.equal(recall(result.overall), 0.5);
  // three events counted, two of them right: "praised" fits no row
  assert.deepEqual([result.overall.produced, result.overall.correct], [3, 2]);
  assert.equal(result.confusion.get("ASSAULT")?.get("05"), 1);
  assert.equal(precision(result.overall), 2 / 3);
  assert.equal(f1(result.overall), (2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
});

test("eval plv: a bad category or a missing column names the file and line", () => {
  assert.throws(() => readPlv([PLV_HEADER, plvRow(0, "1", "<s>A</s> hit <t>B</t>.", "HUG")].join("\n"), "bad.tsv"), (e: Error) => e instanceof GoldFormatError && /bad\.tsv:2: "HUG" is not a PLOVER category/.test(e.message));
  assert.throws(() => readPlv("a\tb\n1\t2", "cols.tsv"), /cols\.tsv:1: no "sentence_id" column/);
});

test("eval gold: spans, texts, codes and countries as sides; codes by prefix; errors with file:line", () => {
  const lines = [
    { id: "a", date: "2023-03-16", text: "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo.", events: [{ source: { text: "Yoon Suk Yeol" }, target: "JPN", code: "04" }, { source: { country: "KOR" }, target: { start: 41, end: 49 }, root: "04" }] },
    { id: "b", date: "2022-02-24", text: "Russian forces shelled Ukrainian positions near Kharkiv.", events: [{ source: "RUS", target: "UKR", plover: "ASSAULT" }] },
    { id: "c", text: "The weather was fine in Paris.", events: [] },
  ];
  const docs = readGold(lines.map((l) => JSON.stringify(l)).join("\n"), "mine.jsonl", isDate);
  assert.deepEqual(docs[0].events[0].source.spans, [{ start: 23, end: 36 }]);
  assert.deepEqual(docs[0].events[0].target, { code: "JPN" });
  assert.deepEqual(docs[1].events[0].roots, ["18", "19", "20"]);
  const result = evaluateGold(docs, dictionaries);
  assert.deepEqual(result.cases[0].found.map((f) => f?.code), ["040", "040"]);
  assert.deepEqual(docs[0].events[1].target.spans, [{ start: 41, end: 49 }]);
  assert.equal(result.cases[1].found[0]?.source?.code, "RUSMIL");
  assert.equal(result.overall.found, 3);

  const bad = (line: string) => () => readGold(`{"text":"fine","events":[]}\n${line}`, "bad.jsonl", isDate);
  assert.throws(bad(`{"text":"Iran hit Iraq","events":[{"source":{"text":"Syria"},"root":"19"}]}`), /bad\.jsonl:2: "source\.text" "Syria" is not in the text/);
  assert.throws(bad(`{"text":"Iran hit Iraq","events":[{"code":"19","root":"19"}]}`), /bad\.jsonl:2: an event needs exactly one of/);
  assert.throws(bad(`{"text":"Iran hit Iraq","date":"2020-02-30","events":[]}`), /bad\.jsonl:2: "date" "2020-02-30" is not a real date/);
  assert.throws(bad(`{"text":"Iran hit Iraq","events":[{"target":{"start":5,"end":99},"root":"19"}]}`), /bad\.jsonl:2: "target" span 5\.\.99 is not within the text/);
  assert.throws(bad(`{"text":"Iran hit Iraq"`), /bad\.jsonl:2: not JSON/);
});

test("annals eval gold: the tables, --show misses, and the closing line", () => {
  const file = join(dir, "gold.jsonl");
  writeFileSync(
    file,
    [
      { id: "a", date: "2019-03-04", text: "Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Tokyo.", events: [{ source: "JPN", target: "CHN", plover: "CONSULT" }] },
      { id: "b", date: "2019-03-04", text: "Egypt praised Sudan.", events: [{ source: "EGY", target: "SDN", plover: "ASSAULT" }] },
    ]
      .map((l) => JSON.stringify(l))
      .join("\n"),
  );
  const r = run(["eval", "gold", file, "--show", "misses"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /gold\.jsonl:2 {2}Egypt praised Sudan\.\n {2}MISS ASSAULT: EGY -> SDN \(coded root for this dyad: 05\)/);
  assert.match(r.stdout, /^CONSULT +1 +1 +1 +1 {2}1\.000 {3}1\.000 /m);
  assert.match(r.stdout, /^SUPPORT +0 +0 +1 +0 /m);
  assert.match(r.stdout, /\nrecall 0\.500 precision 0\.500 F1 0\.500\n$/);
  const usage = run(["eval", "gold", file, "--show", "everything"]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--show must be misses, false or all/);
  const broken = run(["eval", "gold", join(dir, "absent.jsonl")]);
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /cannot read .*absent\.jsonl: ENOENT/);
});

const PLV = join(import.meta.dirname, "..", "..", "shared", "plv", "PLV_train.tsv");
const skipPlv = existsSync(PLV) ? false : `PLV development set not found at ${PLV}; it ships with the shared reference data`;

test("PLV development set (real news): recall and precision stay above their floors", { skip: skipPlv }, () => {
  const docs = readPlv(readFileSync(PLV, "utf8"), "PLV_train.tsv");
  const result = evaluateGold(docs, dictionaries);
  const o = result.overall;
  console.log(`PLV_train: ${docs.length} sentences, ${o.gold} rows, ${o.found} found, ${o.produced} counted events, ${o.correct} right; recall ${recall(o).toFixed(3)} precision ${precision(o).toFixed(3)}`);
  assert.equal(o.gold, 1050);
  assert.ok(recall(o) >= PLV_RECALL_FLOOR, `recall ${recall(o).toFixed(3)} below ${PLV_RECALL_FLOOR}`);
  assert.ok(precision(o) >= PLV_PRECISION_FLOOR, `precision ${precision(o).toFixed(3)} below ${PLV_PRECISION_FLOOR}`);
});
