import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { codeDocument, compileDictionaries, importPetrarch, readPetrarchXml, type DataFile } from "../src/core/index.js";
import { readDataDir } from "../src/node/data-files.js";

const ontology = readDataDir().filter((f) => f.path.startsWith("ontology/"));
const compile = (files: DataFile[]) => compileDictionaries(files);

test("PETRARCH formats convert: synsets, verb blocks, patterns, dated actors, agents with substitutions, discards, issues", () => {
  const verbs = `&WEAPON
+MISSILE
+ROCKET_LAUNCHER

--- CONSULT [040] ---
MEET {MET MEETING}
+SIT_DOWN
- * WITH +  [040]     # a comment
- * (IN BERLIN) [044]
- SUDDENLY * [041]
- * $ + [042]
- * &WEAPON  [194:195]
~ a (a b ATTACK) SAY = a b 015
`;
  const actors = `GONDOR [GON]
+MINAS_TIRITH
FRODO_
+MR._BAGGINS
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
THE_SHIRE [FRO/BIL/SAM]
LAST_ONE [LST]`;
  const agents = `!PERSON! = MAN, MEN
PRESIDENT [~GOV]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY [NGO~]`;
  const discards = "MONTHS LATER\n+WORLD CUP # sport\n";
  const issues = `<ISSUE CATEGORY="X" TYPE="ALL">\nn:missile defense [MISSILE_DEFENSE]\nTHAAD [MISSILE_DEFENSE]\n~a defense\n</ISSUE>\n`;
  const r = importPetrarch(
    [
      { name: "v.txt", text: verbs },
      { name: "a.actors.txt", text: actors },
      { name: "g.agents.txt", text: agents },
      { name: "d.discards.txt", text: discards },
      { name: "i.issues.txt", text: issues },
    ],
    ontology,
  );
  const file = (p: string) => r.files.find((f) => f.path === p)!.text;
  assert.match(file("verbs/v.txt"), /^&P_WEAPON = missile; rocket launcher$/m);
  assert.match(file("verbs/v.txt"), /^040 \| meet "with" \+ {2}# v\.txt:8$/m, "pattern words match as written, as in PETRARCH");
  assert.match(file("verbs/v.txt"), /^040 \| sit down "with" \+/m);
  assert.match(file("verbs/v.txt"), /^044 \| meet "in" "berlin"/m);
  assert.match(file("verbs/v.txt"), /^194 \| meet &P_WEAPON \| reverse=195/m, "[active:passive] keeps both codes");
  assert.match(file("verbs/v.txt"), /^041 \| suddenly \[meet\] {2}# v\.txt:10$/m, "words before the verb mark the verb");
  assert.match(file("actors/a.actors.txt"), /^Frodo; Mr\. Baggins \| HOB \.\.1995-06-01; HOBGOV 1995-06-01\.\.1999-08-16; HOBREB 1999-08-16\.\. {2}#/m);
  assert.match(file("actors/a.actors.txt"), /^the Shire \| FRO\/BIL\/SAM/m, "function words in names stay lower case");
  assert.match(file("actors/a.actors.txt"), /^Last One \| LST/m, "the last entry of a file is kept");
  assert.match(file("agents.txt"), /^congressman; congressmen \| LEG/m);
  assert.match(file("agents.txt"), /^human rights body \| NGO~/m, "a prefix agent keeps its place in front");
  assert.match(file("discards.txt"), /^\+world cup/m);
  assert.match(file("issues.txt"), /^MISSILE_DEFENSE \| missile defense; THAAD$/m);
  const reasons = r.unmapped.map((u) => `${u.where} ${u.reason}`);
  for (const [where, why] of [
    ["v.txt:11", /"\$"/],
    ["v.txt:13", /transformations/],
    ["i.issues.txt:4", /exclusion/],
  ] as const) {
    assert.ok(reasons.some((x) => x.startsWith(where + " ") && why.test(x)), `${where} listed: ${reasons.join(" | ")}`);
  }
  const { dictionaries, problems } = compile(r.files);
  assert.deepEqual(problems, []);
  const at = (date: string) => codeDocument({ id: "t", text: "Frodo met with Gondor.", date, place: null }, dictionaries).events.map((e) => `${e.source?.code}>${e.target?.code} ${e.code}`);
  assert.deepEqual(at("1994-01-01"), ["HOB>GON 040"]);
  assert.deepEqual(at("1997-01-01"), ["HOBGOV>GON 040"]);
  assert.deepEqual(at("2001-01-01"), ["HOBREB>GON 040"]);
  const shire = codeDocument({ id: "t", text: "The Shire met with Gondor.", date: "2001-01-01", place: null }, dictionaries).events.map((e) => e.source?.code);
  assert.deepEqual(shire.sort(), ["BIL", "FRO", "SAM"], "one event per actor of a slash code");
});

const SHARED = join(import.meta.dirname, "..", "..", "shared", "petrarch");
const skip = existsSync(SHARED) ? false : `PETRARCH reference dictionaries not found at ${SHARED}; they ship with the shared reference data`;
const read = (f: string) => ({ name: f, text: readFileSync(join(SHARED, f), "utf8") });

test("the PETRARCH validation dictionaries import with no problems, their odd constructs listed", { skip }, () => {
  const r = importPetrarch(["PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.verbs.txt", "PETR.Validate.discards.txt"].map(read), ontology);
  assert.ok(r.converted.actors >= 100 && r.converted.agents >= 50 && r.converted.verbs >= 300);
  assert.ok(r.unmapped.length > 0 && r.unmapped.every((u) => /^PETR\.Validate\.\w+\.txt:\d+$/.test(u.where)));
  assert.deepEqual(compile(r.files).problems, []);
});

test("the Phoenix dictionaries import and code the GigaWord sample", { skip }, () => {
  const names = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt", "Phoenix.IssueCoding.txt", "CAMEO.2.0.txt"];
  const r = importPetrarch(names.map(read), ontology);
  assert.ok(r.converted.actors > 20000, `actors ${r.converted.actors}`);
  assert.ok(r.converted.verbs > 30000, `verb patterns ${r.converted.verbs}`);
  assert.ok(r.converted.issues > 1000);
  const { dictionaries, problems } = compile(r.files);
  // what remains are the source's own date conflicts, which dict check reports
  assert.ok(problems.every((p) => /date range/.test(p.message)), problems.find((p) => !/date range/.test(p.message))?.message);
  const { documents } = readPetrarchXml(readFileSync(join(SHARED, "GigaWord.sample.PETR.xml"), "utf8"), "GigaWord.sample.PETR.xml");
  const events = documents.flatMap((d) => codeDocument(d, dictionaries).events);
  assert.ok(events.length >= 10, `events ${events.length}`);
  assert.ok(events.every((e) => /^verbs\/CAMEO\.2\.0\.txt:\d+$/.test(e.rule)));
});
