/** Who an event is aimed at: places as targets, posts abroad, and a pattern that names its target's noun. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeDocument } from "../src/core/index.js";
import { dictionaries } from "./support/dictionaries.js";

const code = (text: string) => codeDocument({ id: "t", text, date: "2019-05-06", place: null }, dictionaries).events.map((e) => `${e.source?.code}>${e.target?.code} ${e.code}`);

test("a place is its country as a target, also of its own country's forces; a place where it happened is none", () => {
  assert.deepEqual(code("Russia shelled Kharkiv."), ["RUS>UKR 194"]);
  assert.deepEqual(code("Syrian troops shelled Aleppo."), ["SYRMIL>SYR 194"]);
  assert.deepEqual(code("Russia sent troops to Mali."), ["RUS>MLI 154"]);
  assert.deepEqual(code("Indian authorities imposed a curfew in Srinagar."), ["INDGOV>IND 1723"]);
  // a place things come from is none, unless the pattern aims at it
  assert.deepEqual(code("Japan released treated water from the Fukushima plant."), []);
  assert.deepEqual(code("Russia withdrew its troops from Kherson."), ["RUS>UKR 0874"]);
  assert.deepEqual(code("Putin met Xi in Beijing."), ["RUSGOV>CHNGOV 040"]);
});

test("a `place` pattern takes a place, which is occupied; a person captured is arrested", () => {
  assert.deepEqual(code("The rebels captured Kunduz."), ["AFGREB>AFG 192"]);
  assert.deepEqual(code("Taliban fighters captured two Afghan soldiers."), ["AFGREBTAL>AFGMIL 173"]);
});

test("an embassy in a capital is not that country's; a pattern may name its target's noun", () => {
  assert.deepEqual(code("Sweden opened an embassy in Nairobi."), ["SWE>KEN 050"]);
  assert.deepEqual(code("The U.S. embassy in Nairobi condemned Kenya."), ["USAGOV>KEN 111"]);
  assert.deepEqual(code("Kenyan police opened fire on protesters in Nairobi."), ["KENCOP>KENOPP 175"]);
});

test("a speech frame after a comma is not what the verb before it takes", () => {
  assert.deepEqual(code("Ethiopia and Eritrea agreed to a ceasefire in the region, the Kenyan foreign minister said."), ["ETH>ERI 0871"]);
});

test("'it' may be a country's body named before it, and the event shows that name as its evidence", () => {
  const [e] = codeDocument({ id: "t", text: "The Israeli military said it arrested two Palestinian men in Hebron.", date: "2019-05-06", place: null }, dictionaries).events;
  assert.equal(`${e.source?.code}>${e.target?.code} ${e.code}`, "ISRMIL>PSECVL 173");
  assert.equal(e.source?.text, "Israeli military");
  assert.ok(e.confidence < 0.9, "an actor found by coreference lowers the confidence");
});

test("a mutual act of a compound subject is one event, the first named as source; PETRARCH's both ways on request", () => {
  assert.deepEqual(code("Ethiopia and Eritrea agreed to a ceasefire."), ["ETH>ERI 0871"]);
  const both = codeDocument({ id: "t", text: "Ethiopia and Eritrea agreed to a ceasefire.", date: "2019-05-06", place: null }, dictionaries, { mutualBothWays: true }).events.map((e) => `${e.source?.code}>${e.target?.code}`);
  assert.deepEqual(both, ["ETH>ERI", "ERI>ETH"]);
});

test("where a clause happened gives its bare roles their country, also through 'they'", () => {
  assert.deepEqual(code("Thousands of protesters rallied in Ankara against President Recep Tayyip Erdogan and his deal with Syria. They demanded his resignation."), ["TUROPP>TURGOV 141", "TUROPP>TURGOV 1041"]);
});

test("a decision to act is the act; a participle after a targeting noun still aims it; a headline's missed verb is its verb", () => {
  assert.deepEqual(code("Canada has decided to lift the trade sanctions imposed on Belarus."), ["CAN>BLR 085"]);
  assert.deepEqual(code("The US eased restrictions placed on Sudan."), ["USA>SDN 081"]);
  // not a blockade named by its noun with the "lifts" before it as a modifier
  assert.deepEqual(code("Chad lifts blockade of Sudan."), ["TCD>SDN 0872"]);
});

test("who is told is not who speaks in the clause; a singular role of a country is a 'he'; an office acts for its owner", () => {
  assert.deepEqual(code("The Iranian president told CNN he would meet Trump."), ["IRNGOV>USAGOV 036"]);
  assert.deepEqual(code("Kenyan President William Ruto's office condemned Somalia."), ["KENGOV>SOM 111"]);
  assert.deepEqual(code("The Washington Post sued the Pentagon."), ["USAMED>USAMIL 115"]);
});

test("an office named before a known person is one actor in that office; the subject's own forces are no target", () => {
  assert.deepEqual(code("UN Secretary General Antonio Guterres condemned Israel."), ["IGOUNO>ISR 111"]);
  assert.deepEqual(code("Honduras withdrew its troops from the border zone."), []);
});

test("a country and its rebels, opposition, press or people are two sides; it and its own state are one", () => {
  assert.deepEqual(code("Syria attacked rebels in Idlib."), ["SYR>SYRREB 190"]);
  assert.deepEqual(code("China detained three journalists."), ["CHN>CHNMED 173"]);
  assert.deepEqual(code("Belarus banned opposition leader Sviatlana Tsikhanouskaya from the country."), ["BLR>BLROPP 172"]);
  assert.deepEqual(code("Russia criticized Russian troops."), []);
  assert.deepEqual(code("Pakistan deployed thousands of police against protesters."), []);
});

test("a name that opens with a country's name is one actor after its title, and a capitalised verb inside a name is part of it", () => {
  assert.deepEqual(code("The Syrian NGO Syria Relief condemned Russia."), ["SYRNGO>RUS 111"]);
  assert.deepEqual(code("Doctors Without Borders condemned the attack on Kunduz."), ["NGOMSF>AFG 111"]);
});

test("an arrest with no agent named is the state's where it happened, if whoever was arrested is of political note", () => {
  assert.deepEqual(code("An opposition leader was arrested in Harare on Friday."), ["ZWE>ZWEOPP 173"]);
  assert.deepEqual(code("A man was arrested in Lyon on Tuesday."), []);
});

test("force used or shown in a place, with no other target, is aimed at that place", () => {
  assert.deepEqual(code("Russian jets carried out airstrikes in Idlib."), ["RUSMIL>SYR 195"]);
  assert.deepEqual(code("Taliban fighters killed 20 people in Kabul."), ["AFGREBTAL>AFGCVL 190"]);
  // a state coercing its whole country: the country is the target, as a city of it would be
  assert.deepEqual(code("Peruvian authorities declared a state of emergency in Peru."), ["PERGOV>PER 1724"]);
  assert.deepEqual(code("Peruvian authorities met in Peru."), []);
});

test("an adverbial clause ('when', 'because') after the verb is no part of its object; a threat's condition is", () => {
  assert.deepEqual(code("Malian rebels want cash handed over to the widow of a farmer killed when their lorry overturned."), []);
  assert.deepEqual(code("Ukrainian forces shelled the town when Russian troops entered it."), []);
  assert.deepEqual(code("Iran threatened to close the strait if the United States attacked."), ["IRN>USA 1381"]);
  assert.deepEqual(code("North Korea warned that if South Korea held the drills, it would respond."), ["PRK>KOR 130"]);
});
