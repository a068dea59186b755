/**
 * The seed wire story (Xi Jinping in Moscow, 2017-07-05), from ../shared:
 * the events the coder issue requires. Skipped where ../shared is absent.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { codeDocument, readArticle, type Event } from "../src/core/index.js";
import { dictionaries } from "./support/dictionaries.js";

const SEED = join(import.meta.dirname, "..", "..", "shared", "seed", "xi-putin-moscow-2017-07-05.txt");
const skip = existsSync(SEED) ? false : `the seed story is not here (${SEED}); it ships with the shared reference data, not with annals`;

const events: Event[] = skip ? [] : codeDocument(readArticle(readFileSync(SEED, "utf8"), "seed").documents[0], dictionaries).events;
const asserted = events.filter((e) => e.mood === "asserted" && !e.negated);
const has = (src: RegExp, tgt: RegExp, root: string, list = asserted) => list.filter((e) => src.test(e.source?.code ?? "") && tgt.test(e.target?.code ?? "") && e.root === root);

test("seed: Xi (CHNGOV) meets Putin (RUSGOV), root 04, on 2017-07-05 in Moscow: one event, the first named as source", { skip }, () => {
  const found = has(/^CHNGOV$/, /^RUSGOV$/, "04");
  assert.ok(found.length > 0, "no CHNGOV -> RUSGOV 04 event");
  assert.ok(found.some((e) => e.date === "2017-07-05" && e.location?.name === "Moscow" && e.location.country === "RUS"));
  assert.equal(has(/^RUSGOV$/, /^CHNGOV$/, "04").length, 0, "one meeting is one event");
});

test("seed: China and Russia each disapprove (root 11) of THAAD in South Korea or the US, with a missile-defence issue", { skip }, () => {
  for (const src of [/^CHN/, /^RUS/]) {
    const found = has(src, /^(KOR|USA)/, "11");
    assert.ok(found.length > 0, `no ${src} -> KOR/USA 11 event`);
    assert.ok(found.every((e) => e.issues.includes("MISSILE_DEFENSE")));
  }
});

test("seed: Xi praises or endorses Russia (root 05)", { skip }, () => {
  assert.ok(has(/^CHNGOV$/, /^RUS/, "05").length > 0);
});

test("seed: the two sides agree to strengthen ties (root 03)", { skip }, () => {
  assert.ok(has(/^CHNGOV$/, /^RUSGOV$/, "03").length > 0);
});

test("seed: the planned visit to Germany and the G20 summit is not an asserted visit", { skip }, () => {
  assert.equal(asserted.filter((e) => /^(DEU|IGOGTW)/.test(e.target?.code ?? "")).length, 0);
});

test("seed: no actor is coded as something it is not", { skip }, () => {
  const allowed: Record<string, RegExp> = { Xi: /^CHN/, Putin: /^RUS/, China: /^CHN/, Russia: /^RUS/, "South Korea": /^KOR/, Moscow: /^RUS/, US: /^USA/ };
  for (const e of events) {
    for (const a of [e.source, e.target]) {
      assert.ok(a, "every event has a dyad");
      assert.match(a.code, /^(CHN|RUS|KOR|USA)/, `${a.text} coded ${a.code} in "${e.text}"`);
      for (const [name, re] of Object.entries(allowed)) if (a.name.includes(name) || a.text.includes(name)) assert.match(a.code, re, `${a.text} coded ${a.code}`);
    }
  }
});

test("seed: every event carries its evidence: spans into the document and the rule that fired", { skip }, () => {
  const doc = readArticle(readFileSync(SEED, "utf8"), "seed").documents[0];
  assert.ok(events.length > 0);
  for (const e of events) {
    assert.equal(doc.text.slice(e.verb.start, e.verb.end), e.verb.text);
    for (const a of [e.source, e.target]) if (a) assert.equal(doc.text.slice(a.start, a.end), a.text);
    assert.match(e.rule, /^verbs\/\d\d-[a-z-]+\.txt:\d+$/);
    assert.ok(e.confidence > 0 && e.confidence <= 1);
    assert.match(e.id, /^[0-9a-f]{16}$/);
  }
});
