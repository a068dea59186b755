/**
 * Random folders (files, links to files and folders, link loops, dangling links, links out of the folder, pipes,
 * folders without permission, hidden and other files) holding random good and malformed JSONL, PETRARCH XML and
 * articles: every well-formed document is read exactly once, and every bad entry, line and record is reported
 * where it is. Checked on the readers as `annals code` and `annals ingest` chain them, and end to end through
 * `annals code` on a few of the folders.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import fc from "fast-check";
import { readPetrarchXml } from "../src/core/index.js";
import { hash64 } from "../src/core/hash.js";
import { expandPaths, FirstOccurrences, readFiles, type InputBatch } from "../src/node/inputs.js";

const BIN = join(import.meta.dirname, "..", "bin", "annals.js");
const ROOT = process.getuid?.() === 0; // root reads a folder whatever its mode
const base = mkdtempSync(join(tmpdir(), "annals-inputs-prop-"));
after(() => {
  spawnSync("chmod", ["-R", "u+rwx", base]);
  rmSync(base, { recursive: true, force: true });
});
// a file and a folder outside every tree, for links that lead out
const outside = join(base, "outside");
mkdirSync(outside);
writeFileSync(join(outside, "far.txt"), "date 2019-03-04 Tokyo\nJapan met China.\n");

const SENTENCE = "Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Tokyo.";
const OTHER = "China criticized Japan.";
/** Folders of a tree ("d.txt" is a folder with an input file's name; ".h" is hidden). */
const DIRS = ["", "a", "a/b", "d.txt", "d.txt/e", ".h"];

type Line = "good" | "badJson" | "noText" | "badDate" | "blank" | "dupSame" | "dupOther";
type Rec = "good" | "noTextClose" | "noClose" | "cut" | "typo" | "badDate" | "emptyText";
type FileSpec =
  | { kind: "jsonl"; dir: number; lines: Line[] }
  | { kind: "xml"; dir: number; records: { kind: Rec; multiline: boolean }[] }
  | { kind: "article"; dir: number; bad: "no" | "empty" | "badDate" }
  | { kind: "other"; dir: number };
type LinkSpec = { kind: "toFile" | "toDir" | "dangling" | "self" | "outFile" | "outDir" | "fifo" | "brokenOther" | "locked"; dir: number; target: number };
interface TreeSpec {
  files: FileSpec[];
  links: LinkSpec[];
}

const dir = fc.nat(DIRS.length - 1);
const fileSpec: fc.Arbitrary<FileSpec> = fc.oneof(
  fc.record({ kind: fc.constant("jsonl" as const), dir, lines: fc.array(fc.constantFrom<Line>("good", "good", "badJson", "noText", "badDate", "blank", "dupSame", "dupOther"), { maxLength: 8 }) }),
  fc.record({ kind: fc.constant("xml" as const), dir, records: fc.array(fc.record({ kind: fc.constantFrom<Rec>("good", "good", "noTextClose", "noClose", "cut", "typo", "badDate", "emptyText"), multiline: fc.boolean() }), { maxLength: 6 }) }),
  fc.record({ kind: fc.constant("article" as const), dir, bad: fc.constantFrom("no" as const, "no" as const, "empty" as const, "badDate" as const) }),
  fc.record({ kind: fc.constant("other" as const), dir }),
);
const linkSpec: fc.Arbitrary<LinkSpec> = fc.record({
  kind: fc.constantFrom<LinkSpec["kind"]>("toFile", "toDir", "dangling", "self", "outFile", "outDir", "fifo", "brokenOther", "locked"),
  dir,
  target: fc.nat(50),
});
const treeSpec: fc.Arbitrary<TreeSpec> = fc.record({ files: fc.array(fileSpec, { maxLength: 8 }), links: fc.array(linkSpec, { maxLength: 6 }) });

/** What reading a tree must give: each good document's id and text, the places of errors and of warnings. */
interface Expected {
  docs: Map<string, string>;
  errors: Set<string>;
  warnings: Set<string>;
}

let trees = 0;
let ids = 0;
/** Writes a tree as the spec says, and what reading it must give. */
function build(spec: TreeSpec): { top: string; expected: Expected } {
  const top = join(base, `t${++trees}`);
  for (const d of DIRS) mkdirSync(join(top, d), { recursive: true });
  const expected: Expected = { docs: new Map(), errors: new Set(), warnings: new Set() };
  const hidden = (d: number) => DIRS[d].startsWith(".");
  const goodFiles: string[] = []; // visible input files, for links to point at
  let found = 0;
  spec.files.forEach((f, i) => {
    const visible = !hidden(f.dir);
    const expect = <K extends keyof Expected>(what: K, where: string, text?: string) => {
      if (!visible) return;
      if (what === "docs") expected.docs.set(where, text!);
      else (expected[what] as Set<string>).add(where);
    };
    const doc = () => `${SENTENCE} Ref ${++ids}.`;
    if (f.kind === "other") {
      writeFileSync(join(top, DIRS[f.dir], `o${i}.md`), "not input\n");
      return;
    }
    const name = join(DIRS[f.dir], `f${i}.${f.kind === "article" ? "txt" : f.kind}`);
    const path = join(top, name);
    if (visible) {
      found++;
      goodFiles.push(name);
    }
    if (f.kind === "article") {
      const content = f.bad === "empty" ? "\n" : `date ${f.bad === "badDate" ? "2019-02-30" : "2019-03-04"} Tokyo\n${doc()}\n`;
      writeFileSync(path, content);
      if (f.bad === "no") expect("docs", hash64(content), content.slice(content.indexOf("\n") + 1));
      else expect("errors", f.bad === "empty" ? path : `${path}:1`);
    } else if (f.kind === "jsonl") {
      const good: { id: string; line: string }[] = [];
      const lines = f.lines.map((kind, l) => {
        const at = `${path}:${l + 1}`;
        const id = `j${++ids}`;
        switch (kind) {
          case "good": {
            const text = doc();
            const line = JSON.stringify({ id, date: "2019-03-04", text });
            good.push({ id, line });
            expect("docs", id, text);
            return line;
          }
          case "badJson":
            expect("errors", at);
            return `{"id":"${id}","text":"${SENTENCE}"`;
          case "noText":
            expect("errors", at);
            return JSON.stringify({ id, date: "2019-03-04" });
          case "badDate":
            expect("errors", at);
            return JSON.stringify({ id, date: "2019-02-30", text: doc() });
          case "blank":
            return "";
          case "dupSame":
            // the same document again: read once, nothing said
            return good.length ? good[l % good.length].line : "";
          case "dupOther":
            if (!good.length) return "";
            expect("warnings", at);
            return JSON.stringify({ id: good[l % good.length].id, date: "2019-03-04", text: OTHER });
        }
      });
      writeFileSync(path, lines.join("\n") + "\n");
    } else {
      const out = ["<Sentences>"];
      let line = 2; // the line the next record starts on
      const bad = (line: number) => expect("errors", `${path}:${line}`);
      f.records.forEach((r, k) => {
        // a record after one not closed would be taken inside it: a misspelt opening there is that record's fault
        const kind = r.kind === "typo" && ["noClose", "cut"].includes(f.records[k - 1]?.kind) ? "good" : r.kind;
        const id = `x${++ids}`;
        const text = doc();
        const br = r.multiline ? "\n" : "";
        const body = kind === "emptyText" ? "<Text> </Text>" : kind === "noTextClose" ? `<Text>${text}${br}` : `<Text>${br}${text}${br}</Text>`;
        const open = kind === "typo" ? `<Sentense id="${id}" date="20190304">` : kind === "cut" ? `<Sentence id="${id}" date="20190304"${br}` : `<Sentence id="${id}" date="${kind === "badDate" ? "20190230" : "20190304"}">`;
        const close = kind === "noClose" ? "" : "</Sentence>";
        const record = `${open}${body}<Parse>(ROOT (S (NP (NNP Japan))))</Parse>${close}`;
        const breaks = record.split("\n").length - 1;
        out.push(record);
        if (kind === "good") expect("docs", id, text);
        else bad(kind === "typo" ? line + breaks : line); // a misspelt opening: its stray </Sentence> is what is seen
        line += breaks + 1;
      });
      out.push("</Sentences>");
      const xml = out.join("\n") + "\n";
      writeFileSync(path, xml);
      if (f.records.length === 0) expect("errors", path); // no <Sentence> elements
    }
  });
  spec.links.forEach((l, i) => {
    const at = join(top, DIRS[l.dir]);
    const inTree = !hidden(l.dir);
    const error = (where: string) => inTree && expected.errors.add(where);
    switch (l.kind) {
      case "toFile": {
        if (!goodFiles.length) return;
        const target = join(top, goodFiles[l.target % goodFiles.length]);
        symlinkSync(relative(at, target), join(at, `l${i}.txt`));
        return; // read once, by its own path
      }
      case "toDir": {
        const target = join(top, DIRS[l.target % (DIRS.length - 1)]); // not the hidden one
        symlinkSync(relative(at, target) || ".", join(at, `l${i}`));
        if (at === target || at.startsWith(target + "/")) error(join(at, `l${i}`)); // a loop
        return;
      }
      case "dangling":
        symlinkSync(`nowhere${i}.txt`, join(at, `l${i}.txt`));
        return error(join(at, `l${i}.txt`));
      case "self":
        symlinkSync(`l${i}.xml`, join(at, `l${i}.xml`));
        return error(join(at, `l${i}.xml`));
      case "outFile":
        symlinkSync(join(outside, "far.txt"), join(at, `l${i}.txt`));
        return error(join(at, `l${i}.txt`));
      case "outDir":
        symlinkSync(relative(at, outside), join(at, `l${i}`));
        return error(join(at, `l${i}`));
      case "fifo":
        assert.equal(spawnSync("mkfifo", [join(at, `p${i}.txt`)]).status, 0);
        return error(join(at, `p${i}.txt`));
      case "brokenOther":
        symlinkSync(`nowhere${i}`, join(at, `l${i}.md`)); // not input: nothing to say
        return;
      case "locked": {
        if (ROOT) return; // root reads it all the same
        const locked = join(at, `locked${i}`);
        mkdirSync(locked);
        writeFileSync(join(locked, "x.txt"), `date 2019-03-04 Tokyo\n${SENTENCE}\n`);
        chmodSync(locked, 0);
        return error(locked);
      }
    }
  });
  if (found === 0) expected.errors.add(top); // no input files
  return { top, expected };
}

/** The documents and problems of a tree, read as `annals code` reads it. */
function readTree(top: string): { docs: { id: string; text: string }[]; errors: string[]; warnings: string[] } {
  const { files, problems } = expandPaths([top]);
  const firsts = new FirstOccurrences();
  const batches: InputBatch[] = [...readFiles(files, {})].map((b) => firsts.keep(b));
  const all = [...problems, ...batches.flatMap((b) => b.problems)];
  return {
    docs: batches.flatMap((b) => b.documents.map((d) => ({ id: d.id, text: d.text }))),
    errors: all.filter((p) => p.severity === "error").map((p) => p.where),
    warnings: all.filter((p) => p.severity === "warning").map((p) => p.where),
  };
}

test("random folders of good and malformed input: every good document is read once, every bad part reported where it is", () => {
  fc.assert(
    fc.property(treeSpec, (spec) => {
      const { top, expected } = build(spec);
      const got = readTree(top);
      assert.deepEqual(got.docs.map((d) => d.id).sort(), [...expected.docs.keys()].sort(), "each good document once, and nothing else");
      for (const d of got.docs) assert.equal(d.text.replace(/\s+/g, " ").trim(), expected.docs.get(d.id)!.trim(), `document ${d.id} as written first`);
      assert.deepEqual([...new Set(got.errors)].sort(), [...expected.errors].sort(), "every bad entry, line and record, and nothing else");
      assert.equal(new Set(got.errors).size, got.errors.length, "each reported once");
      assert.deepEqual(got.warnings.sort(), [...expected.warnings].sort(), "each id met again with other content");
    }),
    { numRuns: 150 },
  );
});

test("PETRARCH XML cut off anywhere: the records before the cut are read, the one cut through is reported", () => {
  const records = Array.from({ length: 5 }, (_, i) => `<Sentence id="c${i}" date="20190304">\n<Text>\n${SENTENCE}\n</Text>\n<Parse>(ROOT (S (NP (NNP Japan))))</Parse>\n</Sentence>`);
  const xml = `<Sentences>\n${records.join("\n")}\n</Sentences>\n`;
  const spans = records.map((r) => ({ start: xml.indexOf(r), end: xml.indexOf(r) + r.length }));
  fc.assert(
    fc.property(fc.nat(xml.length), (cut) => {
      const { documents, problems } = readPetrarchXml(xml.slice(0, cut), "cut.xml");
      const whole = spans.flatMap((s, i) => (s.end <= cut ? [`c${i}`] : []));
      assert.deepEqual(documents.map((d) => d.id), whole);
      const through = spans.findIndex((s) => s.start + "<Sentence".length <= cut && cut < s.end);
      if (through >= 0) {
        const line = xml.slice(0, spans[through].start).split("\n").length;
        assert.deepEqual(problems.map((p) => p.where), [`cut.xml:${line}`]);
        assert.match(problems[0].message, /not closed|no <\/Sentence> before the end of the file/);
      } else if (whole.length > 0) assert.deepEqual(problems, []);
    }),
    { numRuns: 300 },
  );
});

test("end to end: annals code gives each good document's events once, reports every bad part, and exits 1 when it did", () => {
  const specs = fc.sample(treeSpec.filter((s) => s.files.length >= 4 && s.links.length >= 2), { seed: 12, numRuns: 2 });
  for (const spec of specs) {
    const { top, expected } = build(spec);
    const r = spawnSync(process.execPath, [BIN, "code", top], { encoding: "utf8", timeout: 30_000 });
    assert.equal(r.status, expected.errors.size > 0 ? 1 : 0, r.stderr);
    const events = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { doc: string; text: string });
    const perDoc = new Map<string, number>();
    for (const e of events) perDoc.set(e.doc, (perDoc.get(e.doc) ?? 0) + 1);
    assert.deepEqual([...perDoc.keys()].sort(), [...expected.docs.keys()].sort());
    assert.ok([...perDoc.values()].every((n) => n === 1), "one event each: each document coded once");
    assert.ok(events.every((e) => !e.text.includes(OTHER)), "the first of two documents with one id is coded");
    const said = r.stderr.trim().split("\n").filter(Boolean);
    assert.equal(said.length, expected.errors.size + expected.warnings.size, r.stderr);
    for (const where of expected.errors) assert.ok(said.some((l) => l.startsWith(`annals: ${where}: `)), `${where} reported`);
    assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
    assert.ok(dirname(top) === base);
  }
});
