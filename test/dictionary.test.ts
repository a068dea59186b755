import { test } from "node:test";
import assert from "node:assert/strict";
import { codeDocument, compileDictionaries, type CodeOptions, type DataFile } from "../src/core/index.js";
import { readDataDir } from "../src/node/data-files.js";
import { dictionaries, dictionaryProblems } from "./support/dictionaries.js";

test("the shipped dictionaries compile with no problems", () => {
  assert.deepEqual(dictionaryProblems.map((p) => `${p.where}: ${p.message}`), []);
  assert.ok(dictionaries.ontology.codes.size >= 290, "every CAMEO code");
  assert.equal(dictionaries.ontology.quads.size, 20);
  assert.ok(dictionaries.ontology.countries.size >= 249, "every ISO 3166 country");
  assert.ok(dictionaries.counts.verbPatterns >= 1000);
});

test("every CAMEO root has verb patterns, and every code used by a pattern has a Goldstein score and PLOVER category", () => {
  const roots = new Set<string>();
  for (const list of dictionaries.verbs.values()) {
    for (const p of list) {
      roots.add(p.code.slice(0, 2));
      const c = dictionaries.ontology.codes.get(p.code)!;
      assert.ok(c.goldstein >= -10 && c.goldstein <= 10);
      assert.ok(c.plover.length > 0);
    }
  }
  assert.deepEqual([...roots].sort(), Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0")));
});

test("broken dictionary lines are reported with file and line, and the rest still compiles", () => {
  const files: DataFile[] = readDataDir().filter((f) => !f.path.startsWith("actors/") && !f.path.startsWith("verbs/"));
  files.push({
    path: "actors/test.txt",
    text: [
      "# a comment",
      "Jane Doe | FRAGOV 2010-01-01..2012-01-01; FRAGOV 2011-06-01..; FRAELI",
      "Nobody | XXXGOV",
      "Bad Date | FRAGOV 2010-02-30..",
      "No Roles",
      "Good Person | DEUGOV 2001-01-01..2005-01-01; DEUELI",
    ].join("\n"),
  });
  files.push({ path: "verbs/99-test.txt", text: "040 | meet | both\n999 | frob +\n040 | meet &NOPE +\n040 | meet | both\n| visit +\n040 | visit + + \n" });
  const { dictionaries: d, problems } = compileDictionaries(files);
  const where = problems.map((p) => p.where);
  assert.deepEqual(where, [
    "actors/test.txt:2",
    "actors/test.txt:3",
    "actors/test.txt:4",
    "actors/test.txt:5",
    "verbs/99-test.txt:2",
    "verbs/99-test.txt:3",
    "verbs/99-test.txt:4",
    "verbs/99-test.txt:5",
    "verbs/99-test.txt:6",
  ]);
  assert.match(problems[0].message, /overlapping date ranges/);
  assert.match(problems[1].message, /XXX/);
  assert.match(problems[2].message, /impossible date 2010-02-30/);
  assert.match(problems[4].message, /unknown CAMEO code 999/);
  assert.match(problems[5].message, /never match/);
  assert.match(problems[6].message, /duplicate pattern/);
  assert.equal(d.counts.actors, 2, "the good lines are kept");
  assert.equal(d.verbs.get("meet")?.length, 1);
});

test("a leader's code follows the document date: in office GOV, out of office ELI", async () => {
  const at = (date: string) => codeDocument({ id: "t", text: "Jacques Chirac met Tony Blair in Paris.", date, place: null }, dictionaries).events.map((e) => `${e.source?.code}>${e.target?.code}`);
  assert.ok(at("2003-05-01").includes("FRAGOV>GBRGOV"));
  assert.ok(at("2015-05-01").includes("FRAELI>GBRELI"));
});

test("compiled dictionaries read back from the disk cache code exactly as freshly compiled ones", async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { spawnSync } = await import("node:child_process");
  const cache = mkdtempSync(join(tmpdir(), "annals-cache-test-"));
  const bin = join(import.meta.dirname, "..", "bin", "annals.js");
  const run = () => spawnSync(process.execPath, [bin, "code", "--lines", "--date", "2019-03-06", "-"], { input: "Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Beijing.\nIsraeli warplanes struck Gaza.\n", encoding: "utf8", env: { ...process.env, ANNALS_CACHE_DIR: cache } });
  const first = run();
  const second = run();
  const { readdirSync, rmSync } = await import("node:fs");
  try {
    assert.equal(readdirSync(cache).filter((f) => f.endsWith(".v8")).length, 1, "one compiled form written");
    assert.equal(first.status, 0, first.stderr);
    assert.ok(first.stdout.length > 0);
    assert.equal(second.stdout, first.stdout);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

/**
 * The shipped dictionaries with their verb files replaced by `verbLines`, and a function that codes one sentence
 * with them into sorted "SOURCE>TARGET CODE" strings ("-" for a missing side, " negated" when denied).
 */
function withVerbs(verbLines: string[], options: CodeOptions = {}) {
  const files = readDataDir().filter((f) => !f.path.startsWith("verbs/"));
  files.push({ path: "verbs/99-test.txt", text: verbLines.join("\n") });
  const { dictionaries: d, problems } = compileDictionaries(files);
  const coded = (text: string) =>
    codeDocument({ id: "t", text, date: "2020-01-01", place: null }, d, options)
      .events.map((e) => `${e.source?.code ?? "-"}>${e.target?.code ?? "-"} ${e.code}${e.negated ? " negated" : ""}`)
      .sort();
  return { problems, coded };
}

test("words before a [verb] must precede it; joined words must touch; a pattern that names the denial codes it", () => {
  const { problems, coded } = withVerbs(["&NOTAUX = did not; will not", "121 | criticize +", "&NOTAUX [criticize] +", "111 | &NOTAUX [criticize] +", "112 | most_certainly_&NOTAUX [criticize] +", "113 | [criticize] + | both"]);
  assert.deepEqual(
    problems.map((p) => `${p.where} ${p.message}`),
    ['verbs/99-test.txt:3 expected "CODE | PATTERN | FLAGS": a verb pattern needs a code', 'verbs/99-test.txt:6 duplicate pattern "[criticize] +" (first at verbs/99-test.txt:2)'],
  );
  assert.deepEqual(coded("France criticized Germany."), ["FRA>DEU 121"]);
  assert.deepEqual(coded("France did not criticize Germany."), ["FRA>DEU 111"], "the denial is the code, not a negated 121");
  assert.deepEqual(coded("France most certainly did not criticize Germany."), ["FRA>DEU 112"], "the longer pattern wins");
  assert.deepEqual(coded("France most certainly really did not criticize Germany."), ["FRA>DEU 111"], "joined words let nothing between them");
  assert.deepEqual(coded("France criticized Germany and did not stop."), ["FRA>DEU 121"], "the words must come before the verb");
});

test("a word joined to the [verb] must touch it", () => {
  const { problems, coded } = withVerbs(["121 | criticize +", "123 | openly_[criticize] +"]);
  assert.deepEqual(problems, []);
  assert.deepEqual(coded("France openly criticized Germany."), ["FRA>DEU 123"]);
  assert.deepEqual(coded("France openly and sharply criticized Germany."), ["FRA>DEU 121"]);
});

test("a plural pattern needs a subject of two or more actors, who act on one another", () => {
  const { problems, coded } = withVerbs(["081 | concur", "030 | concur | plural"], { requireDyad: false });
  assert.deepEqual(problems, []);
  assert.deepEqual(coded("France and Germany concur that the plan should wait."), ["FRA>DEU 030"]);
  assert.deepEqual(coded("France concurs that the plan should wait."), ["FRA>- 081"]);
});

test("% is a target of two or more actors", () => {
  const { problems, coded } = withVerbs(["081 | agree with +", "031 | agree with %"]);
  assert.deepEqual(problems, []);
  assert.deepEqual(coded("Kenya agreed with France and Germany."), ["KEN>DEU 031", "KEN>FRA 031"]);
  assert.deepEqual(coded("Kenya agreed with France."), ["KEN>FRA 081"]);
});

test("^ passes over a phrase: the actor in it is not the target", () => {
  const { problems, coded } = withVerbs(["160 | warn", "162 | warn at ^ +"]);
  assert.deepEqual(problems, []);
  assert.deepEqual(coded("France warned at the border of Germany."), ["FRA>DEU 162"]);
  assert.deepEqual(coded("France warned Germany."), ["FRA>DEU 160"]);
});

test("an inverse pattern makes the actor it names after the verb the source", () => {
  const { problems, coded } = withVerbs(["033 | receive", "071 | receive money from + | inverse"]);
  assert.deepEqual(problems, []);
  assert.deepEqual(coded("Ukraine received money from Poland."), ["POL>UKR 071"]);
  assert.deepEqual(coded("Ukraine received a delegation from Poland."), ["UKR>POL 033"]);
});

test("newActorLength (PETRARCH's new_actor_length) makes short uncoded noun phrases actors; off by default", () => {
  const text = "Minerva McGonagall condemned the Ministry of Magic.";
  const codes = (options: CodeOptions) => codeDocument({ id: "t", text, date: "2020-01-01", place: null }, dictionaries, options).events.map((e) => `${e.source?.code}>${e.target?.code} ${e.code}`);
  assert.deepEqual(codes({}), []);
  assert.deepEqual(codes({ newActorLength: 4 }), ['"MINERVA MCGONAGALL">"THE MINISTRY OF MAGIC" 111']);
  assert.deepEqual(codes({ newActorLength: 3 }), [], "a four-word phrase is too long for three");
});

test('a word in quotes matches only as written: "resolution" is not "resolutions"', () => {
  const { problems, coded } = withVerbs(["081 | adopt", '102 | adopt "resolution"']);
  assert.deepEqual(problems, []);
  assert.deepEqual(coded("Kenya adopted a resolution with France."), ["KEN>FRA 102"]);
  assert.deepEqual(coded("Kenya adopted resolutions with France."), ["KEN>FRA 081"]);
});

test("+ before the [verb]: its subject is the target, the governing clause's subject the source", () => {
  const { problems, coded } = withVerbs(["111 | regret +", "115 | note + [regret]"]);
  assert.deepEqual(problems, []);
  assert.deepEqual(coded("Germany noted that France regretted the decision."), ["DEU>FRA 115"]);
  assert.deepEqual(coded("France regretted the decision of Germany."), ["FRA>DEU 111"]);
});

test("a prefix agent puts its code in front of the actor after it, and roles still follow", () => {
  const files = readDataDir();
  const agents = files.find((f) => f.path === "agents.txt")!;
  agents.text += "\nrelief corps | NGO~\n";
  const { dictionaries: d, problems } = compileDictionaries(files);
  assert.deepEqual(problems, []);
  const codes = (text: string) => codeDocument({ id: "t", text, date: "2020-01-01", place: null }, d, { requireDyad: false }).events.map((e) => `${e.source?.code}>${e.target?.code ?? "-"} ${e.code}`);
  assert.deepEqual(codes("Relief Corps Kenya criticized Uganda."), ["NGOKEN>UGA 111"]);
  assert.deepEqual(codes("Relief Corps Kenya officials criticized Uganda."), ["NGOKENGOV>UGA 111"]);
});

test("a state of the past: its own names, and its successor's names within its years; a bad line names file and line", () => {
  const files: DataFile[] = readDataDir().filter((f) => !f.path.startsWith("verbs/"));
  const countries = files.find((f) => f.path === "ontology/countries.txt")!;
  countries.text += [
    "",
    "QQQ | Former Landia | Former Landian | Old Town | 10.0,10.0 | 1950-01-01..1990-06-01 | FRA",
    "QQR | Broken Landia | | | | 1990-06-01..1950-01-01",
    "QQS | Orphan Landia | | | | | XYZ",
  ].join("\n");
  files.push({ path: "ontology/regions.txt", text: "Wessex Vale; the Vale of Wessex | GBR | 51.0,-2.0\nNowhere Vale | ZZ | 1,1\n" });
  files.push({ path: "verbs/19-fight.txt", text: "190 | attack +\n" });
  const { dictionaries: d, problems } = compileDictionaries(files);
  const where = problems.map((p) => `${p.where}: ${p.message}`).join("\n");
  assert.match(where, /ontology\/countries\.txt:\d+: bad years "1990-06-01\.\.1950-01-01" for QQR/);
  assert.match(where, /ontology\/countries\.txt:\d+: QQS names successors but no years/);
  assert.match(where, /ontology\/regions\.txt:2: expected "PLACE \| ISO3 \| LAT,LON"/);
  const code = (text: string, date: string | null) => codeDocument({ id: "x", text, date, place: null }, d).events.map((e) => `${e.source?.code}>${e.target?.code}`);
  // within its years "France" is the former state; after them, and with no date, France
  assert.deepEqual(code("Former Landia attacked Germany.", "1980-01-01"), ["QQQ>DEU"]);
  assert.deepEqual(code("French troops attacked Germany.", "1980-01-01"), ["QQQMIL>DEU"]);
  assert.deepEqual(code("French troops attacked Germany.", "1995-01-01"), ["FRAMIL>DEU"]);
  assert.deepEqual(code("French troops attacked Germany.", null), ["FRAMIL>DEU"]);
  // a named actor of the successor is the former state's within its years ("the Kremlin" in 1985)
  const kremlin = (date: string) => codeDocument({ id: "k", text: "The Kremlin condemned Germany.", date, place: null }, dictionaries).events.map((e) => e.source?.code);
  assert.deepEqual([kremlin("1985-05-01"), kremlin("1995-05-01")], [["SUNGOV"], ["RUSGOV"]]);
  // a region gives a role noun its country
  assert.deepEqual(code("Police in Wessex Vale attacked German troops.", "2020-01-01"), ["GBRCOP>DEUMIL"]);
});
