/** Events named by nouns (data/verbs/event-nouns.txt): owner, "by" and light-verb sources, mood, and no double counting. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeDocument } from "../src/core/index.js";
import { dictionaries } from "./support/dictionaries.js";

const code = (text: string) =>
  codeDocument({ id: "n", text, date: "2019-05-06", place: null }, dictionaries).events.map((e) => `${e.source?.code}>${e.target?.code} ${e.code} ${e.mood} "${e.verb.text}"`);

test("an event noun with its owner, modifier or 'by' phrase, where no verb carries it", () => {
  assert.deepEqual(code("Russia's attack on Kyiv killed 20 people."), [`RUS>UKRGOV 190 asserted "attack"`]);
  assert.deepEqual(code("Israeli strikes on Gaza."), [`ISR>PSE 190 asserted "strikes"`]);
  assert.deepEqual(code("The visit by Indian Prime Minister Narendra Modi to Washington was a success."), [`INDGOV>USAGOV 042 asserted "visit"`]);
  // with no owner, the parties of "talks between X and Y" meet one another: one event, the first named as source
  assert.deepEqual(code("Talks between Serbia and Kosovo resumed on Monday."), [`SRB>XKX 040 asserted "Talks"`]);
});

test("a noun's mood: planned, possible; and a noun with no target is no event", () => {
  assert.deepEqual(code("A possible Iranian attack on Israel worries the region."), [`IRN>ISR 190 hypothetical "attack"`]);
  // a planned visit is an intent to meet, which counts as a stated act
  assert.deepEqual(code("Japan's planned visit to China was postponed."), [`JPN>CHN 036 intended "visit"`]);
  assert.deepEqual(code("Russia's attack killed 20 people."), []);
});

test("a noun a verb takes is that verb's: a condemnation is not a new attack; a light verb's subject owns its noun", () => {
  assert.deepEqual(code("The UN condemned the attack on Kabul."), [`IGOUNO>AFGGOV 111 asserted "condemned"`]);
  assert.deepEqual(code("The European Union welcomed the talks between Serbia and Kosovo."), code("The European Union welcomed the talks between Serbia and Kosovo.").filter((e) => !e.includes('"talks"')));
});
