/**
 * Stated acts, as CAMEO codes them: an intended or promised act is an intent (03x) or a threat (13x), a
 * refused one a rejection (12x), by data/ontology/stated-acts.txt; the act stays on the event, and these
 * events count like asserted ones, in the coder and in the store.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { codeDocument, compileDictionaries, countsAsEvent, type CodeOptions, type DataFile } from "../src/core/index.js";
import { readDataDir } from "../src/node/data-files.js";
import { openStore } from "../src/store/index.js";
import { dictionaries } from "./support/dictionaries.js";
import { knownDocument, tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

const code = (text: string, options: CodeOptions = {}) =>
  codeDocument({ id: "s", text, date: "2019-05-06", place: null }, dictionaries, options).events.map(
    (e) => `${e.source?.code}>${e.target?.code} ${e.code}${e.intendedCode ? `(${e.intendedCode})` : ""} ${e.mood}${e.negated ? " negated" : ""}${countsAsEvent(e) ? " counts" : ""}`,
  );

test("an intended cooperative act is an intent to cooperate (03x), an intended act of force a threat (13x)", async () => {
  assert.deepEqual(code("Norway will give Kenya a loan."), ["NOR>KEN 0331(071) intended counts"]);
  assert.deepEqual(code("China is willing to meet Japan."), ["CHN>JPN 036(040) intended counts"]);
  assert.deepEqual(code("Iran plans to attack Israel."), ["IRN>ISR 1384(190) intended counts"]);
  // an intended statement or accusation has no stated-act code: it stays intended, and does not count
  assert.deepEqual(code("France will criticise Iran."), ["FRA>IRN 111 intended"]);
});

test("the act a stance verb states: agreed, promised or threatened to do it, refused or declined to", async () => {
  assert.deepEqual(code("Syria offered to return the prisoners to Jordan."), ["SYR>JOR 0353(0841) asserted counts"]);
  // a verb's own pattern that names the act wins, and is no derived stated act
  assert.deepEqual(code("Egypt agreed to hand over the suspects to Libya."), ["EGY>LBY 0313 asserted counts"]);
  assert.deepEqual(code("Iran declined to visit France."), ["IRN>FRA 125(042) asserted counts"]);
  assert.deepEqual(code("The rebels declined to free the French hostages."), ["REB>FRACVL 1243(0841) asserted counts"]);
  assert.deepEqual(code("Iran refused to release the British sailors."), ["IRN>GBRMIL 1243 asserted counts"]);
  // "will not" is a refusal, which is asserted, not a denied intention
  assert.deepEqual(code("Iran will not release the British sailors."), ["IRN>GBRMIL 1243(0841) intended counts"]);
  // a denied refusal is denied, and does not count
  assert.deepEqual(code("Iran did not refuse to meet the French envoy."), ["IRN>FRAGOV 125 asserted negated"]);
});

test("an attempt at force is that act; an attempt at anything else is not yet one", async () => {
  assert.deepEqual(code("Iran attempted to seize a British tanker."), ["IRN>GBRBUS 171 asserted counts"]);
  assert.deepEqual(code("Iran tried to meet France."), ["IRN>FRA 040 hypothetical"]);
});

test("statedActs: false codes the act itself, as PETRARCH does", async () => {
  assert.deepEqual(code("Norway will give Kenya a loan.", { statedActs: false }), ["NOR>KEN 071 intended"]);
  assert.deepEqual(code("Iran declined to visit France.", { statedActs: false }), []);
});

test("the table is checked line by line", async () => {
  const files: DataFile[] = readDataDir().filter((f) => !f.path.startsWith("actors/"));
  const table = files.find((f) => f.path === "ontology/stated-acts.txt")!;
  table.text += "\nintend | 99 | 036\nhope | 04 | 036\nintend | 04 | 999\nintend | 04 | 036\n";
  const problems = compileDictionaries(files).problems.map((p) => `${p.where}: ${p.message}`).join("\n");
  const line = (row: string) => table.text.split("\n").lastIndexOf(row) + 1;
  assert.match(problems, new RegExp(`stated-acts\\.txt:${line("intend | 99 | 036")}: no CAMEO code starts with "99"`));
  assert.match(problems, new RegExp(`stated-acts\\.txt:${line("hope | 04 | 036")}: expected "intend\\|refuse\\|demand\\|appeal \\| ACT \\| CODE"`));
  assert.match(problems, new RegExp(`stated-acts\\.txt:${line("intend | 04 | 999")}: "999" is not a CAMEO code`));
  assert.match(problems, new RegExp(`stated-acts\\.txt:${line("intend | 04 | 036")}: duplicate intend row for 04`));
});

test("the store counts stated acts with asserted events, and keeps the act", async () => {
  const path = join(dir, "stated.db");
  const store = await openStore(path);
  const base = { sentence: 0, text: "x", date: "2019-05-06", source: ["NOR", "NOR", [], "Norway"] as [string, string, string[], string], target: ["KEN", "KEN", [], "Kenya"] as [string, string, string[], string], quad: 1 as const, goldstein: 5.2, plover: "AGREE" };
  const { doc, events } = knownDocument("d", "2019-05-06", [
    { ...base, code: "0331", mood: "intended", intendedCode: "071" },
    { ...base, code: "071", mood: "intended" },
    { ...base, code: "040", quad: 1, goldstein: 1, plover: "CONSULT" },
  ]);
  await store.saveDocument(doc, events, "v1");
  const rows = await store.stats({}, { by: "day" });
  assert.deepEqual(rows.map((r) => [r.quad, r.events]), [[1, 2]]);
  assert.deepEqual((await store.query({ code: "03" })).map((e) => [e.code, e.intendedCode, e.mood]), [["0331", "071", "intended"]]);
  assert.equal((await store.query({ counted: true })).length, 2);
  await store.close();
});

test("asking another to act: 'said Y must' and 'demanded that Y' are demands, 'should' and 'urged Y to' appeals, aimed at Y", async () => {
  assert.deepEqual(code("France said Iran needs to free the French tourists."), ["FRA>IRN 1053(0841) asserted counts"]);
  assert.deepEqual(code("The EU said Turkey should hold talks with Greece."), ["IGOEUR>TUR 026(040) asserted counts"]);
  assert.deepEqual(code("France urged Iran to release the British sailors."), ["FRA>IRN 0253(0841) asserted counts"]);
  // the verb's own pattern and the clause it governs give one event, not two
  assert.equal(code("The EU demanded that Serbia hold talks with Kosovo.").filter((e) => e.startsWith("IGOEUR>SRB 106")).length, 1);
});

test("failing to reach a cooperative act is a rejection; failing at force is only denied", async () => {
  assert.deepEqual(code("Japan and Australia failed to reach agreement on a fisheries deal."), ["JPN>AUS 127(057) asserted counts"]);
  assert.deepEqual(code("The army failed to capture Kunduz."), ["AFGMIL>AFG 192 asserted negated"]);
});

test("a content clause whose verb codes its own event is not the governing verb's object", async () => {
  assert.deepEqual(code("Egypt announced it would cut aid to Sudan."), ["EGY>SDN 1311(162) intended counts"]);
});

test("a demand whose act no verb pattern knows is a demand all the same; one to stop is no demand of the act", async () => {
  assert.deepEqual(code("President Donald Trump said North Korea must do something meaningful."), ["USAGOV>PRK 100 asserted counts"]);
  assert.deepEqual(code("The French foreign minister said Russia must stop attacking Ukraine."), ["FRAGOV>RUS 100 asserted counts"]);
});
