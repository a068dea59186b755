/**
 * The event serialiser of `annals code` (`eventJson`) writes the very bytes
 * JSON.stringify writes, on events coded from the examples and the fixtures,
 * and on events whose sentences and actors carry what JSON must escape.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { codeDocument, readArticle, readJsonl, type Event } from "../src/core/index.js";
import { eventJson } from "../src/core/event-json.js";
import { dictionaries } from "./support/dictionaries.js";

const ROOT = join(import.meta.dirname, "..");

function coded(text: string, date = "2023-06-01"): Event[] {
  return codeDocument({ id: `doc ${text.length}`, text, date, place: null }, dictionaries).events;
}

test("every event coded from the examples and the fixtures is written as JSON.stringify writes it", () => {
  const events: Event[] = [];
  for (const d of readJsonl(readFileSync(join(ROOT, "examples", "wire.jsonl"), "utf8"), "wire.jsonl").documents) events.push(...codeDocument(d, dictionaries).events);
  for (const d of readArticle(readFileSync(join(ROOT, "examples", "tokyo-summit-2023-03-16.txt"), "utf8"), "tokyo").documents) events.push(...codeDocument(d, dictionaries).events);
  const fixtures = readFileSync(join(ROOT, "test", "fixtures", "sentences.txt"), "utf8");
  for (const block of fixtures.split(/\n(?=\[)/)) {
    const head = /^\[([^\]]+)\]\s+(\d{4}-\d{2}-\d{2})/.exec(block);
    const text = block.split("\n").slice(1).filter((l) => !l.startsWith("=") && !l.startsWith("#")).join("\n").trim();
    if (head && text) events.push(...codeDocument({ id: head[1], text, date: head[2], place: null }, dictionaries).events);
  }
  assert.ok(events.length > 200, `${events.length} events`);
  // the fields that may be null, and those that may not, each seen both ways
  assert.ok(events.some((e) => e.location !== null) && events.some((e) => e.location === null));
  assert.ok(events.some((e) => e.intendedCode !== null) && events.some((e) => e.issues.length > 0));
  assert.ok(events.some((e) => e.location?.lat === null) && events.some((e) => typeof e.location?.lat === "number"));
  for (const e of events) assert.equal(eventJson(e), JSON.stringify(e));
});

test("quotes, backslashes, control characters, lone surrogates and other scripts are escaped as JSON.stringify escapes them", () => {
  const odd = [
    'Russia "strongly" condemned China over the border clash, officials said.',
    "Russia condemned China\\Taiwan talks over the border clash, officials said.",
    "Russia condemned\tChina over the border clash,\u0001 officials said\u001f.",
    "Russia condemned China over the border clash \uD800 and \uDFFF, officials said.",
    "Russia condemned China over the border clash in Zürich, officials said \u2028 — 中国 😀.",
  ];
  for (const text of odd) {
    const events = coded(text);
    assert.ok(events.length > 0, `no event from ${JSON.stringify(text)}`);
    for (const e of events) {
      assert.equal(e.text, text);
      assert.equal(eventJson(e), JSON.stringify(e));
    }
  }
  // the same characters in every string field of a real event
  const [event] = coded(odd[0]);
  const strange = 'a"b\\c\u0000d\u007fe\uD83Df\uDE00g😀h\u2028i';
  const changed: Event = {
    ...event,
    id: strange,
    doc: strange,
    source: { ...event.source!, text: strange, name: strange, sectors: [strange, "GOV"] },
    target: { ...event.target!, code: strange, country: strange },
    verb: { ...event.verb, text: strange },
    mood: strange as Event["mood"],
    intendedCode: strange,
    location: { name: strange, country: null, lat: -0.5, lon: 1e21 },
    issues: [strange, strange],
    rule: strange,
  };
  assert.equal(eventJson(changed), JSON.stringify(changed));
});
