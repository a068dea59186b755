import { test } from "node:test";
import assert from "node:assert/strict";
import { codeDocument, type Event } from "../src/core/index.js";
import { analyseText } from "../src/core/analyse/tagger.js";
import { MAX_PIECE_CHARS, pieces, tokenizerCuts, type Word } from "../src/core/analyse/pieces.js";
import { dictionaries } from "./support/dictionaries.js";

const CLAUSE = "China criticized Japan over the islands";
const clauses = (length: number) => new Array<string>(Math.ceil(length / (CLAUSE.length + 5))).fill(CLAUSE);
/** `CLAUSE` again and again with no full stop: one "sentence" of about `length` characters. */
const runOn = (length: number) => clauses(length).join(" and ");
/** The same clauses as ordinary sentences. */
const ordinary = (length: number) => `${clauses(length).join(". ")}.`;

const coded = (text: string) => codeDocument({ id: "long", text, date: "2020-01-01", place: null }, dictionaries);

function timed<T>(run: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = run();
  return { result, ms: performance.now() - t0 };
}

function assertSpansInText(events: Event[], text: string): void {
  for (const e of events) {
    for (const span of [e.verb, e.source, e.target]) if (span) assert.equal(text.slice(span.start, span.end), span.text);
  }
}

/** Words at their offsets in `text`, as the tokenizer would give them. */
function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\w'-]+|[^\s\w]/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
}

const joined = (text: string, ws: Word[][]) => ws.map((p) => text.slice(p[0].start, p[p.length - 1].end));

test("a sentence within the bound is one piece, the same array", () => {
  const words = wordsOf("Russia and China signed a treaty, their first since 2001; Japan objected.");
  const [only, ...rest] = pieces(words);
  assert.equal(only, words);
  assert.equal(rest.length, 0);
});

test("an over-long sentence is cut at the clause boundary nearest below the bound", () => {
  const text = "Gondor protested, Rohan agreed and Mordor attacked; Gondor replied";
  // 30 characters: "Gondor protested, Rohan agreed" fits; "and" begins the next piece
  assert.deepEqual(joined(text, pieces(wordsOf(text), 30)), ["Gondor protested, Rohan agreed", "and Mordor attacked;", "Gondor replied"]);
});

test("with no clause boundary a piece ends at the last space that fits, else between words", () => {
  const text = "one two three four five six";
  assert.deepEqual(joined(text, pieces(wordsOf(text), 10)), ["one two", "three four", "five six"]);
  // no space at all: "x.x.x.x" is words and stops with none between them
  const dots = "x.x.x.x.x.x";
  assert.deepEqual(joined(dots, pieces(wordsOf(dots), 4)), ["x.x.", "x.x.", "x.x"]);
  // a word longer than the bound is a piece of its own
  const long = "a bbbbbbbbbbbb c";
  assert.deepEqual(joined(long, pieces(wordsOf(long), 5)), ["a", "bbbbbbbbbbbb", "c"]);
});

test("the tokenizer's input is cut only inside runs of more than the bound without whitespace", () => {
  assert.deepEqual(tokenizerCuts("Russia condemned the strike.\n\nIt said so.", 10), []);
  assert.deepEqual(tokenizerCuts(`ab ${"x".repeat(25)} cd`, 10), [13, 23]);
  // never between the two halves of one character: "😀" is two UTF-16 units
  const emoji = "😀".repeat(10);
  for (const cut of tokenizerCuts(emoji, 5)) assert.equal(cut % 2, 0);
});

test("a run-on sentence is analysed as pieces within the bound, offsets into the document", () => {
  const text = `Russia condemned the strike. ${runOn(20_000)}. Ukraine welcomed it.`;
  const sentences = analyseText(text);
  assert.equal(sentences[0].text, "Russia condemned the strike.");
  assert.equal(sentences[sentences.length - 1].text, "Ukraine welcomed it.");
  assert.ok(sentences.length > 20_000 / MAX_PIECE_CHARS);
  sentences.forEach((s, index) => {
    assert.equal(s.index, index);
    assert.ok(s.text.length <= MAX_PIECE_CHARS, `sentence ${index} has ${s.text.length} characters`);
    assert.equal(text.slice(s.start, s.end), s.text);
    s.tokens.forEach((t, i) => {
      assert.equal(t.i, i);
      assert.equal(text.slice(t.start, t.end), t.text);
    });
  });
});

test("a 100,000-character run-on sentence codes in time of the order of ordinary text, each event with a bounded text", () => {
  coded(ordinary(2_000)); // the first document pays for compiling the code
  const plain = timed(() => coded(ordinary(100_000)));
  const long = timed(() => coded(runOn(100_000)));
  const text = runOn(100_000);
  // before pieces: 58 s against 1 s
  assert.ok(long.ms < 4 * plain.ms + 1_000, `run-on ${Math.round(long.ms)} ms, ordinary sentences ${Math.round(plain.ms)} ms`);
  const { events } = long.result;
  assert.ok(events.length >= 50, `${events.length} events`);
  // events are found to the end of the text, not only at its start
  assert.ok(events[events.length - 1].verb.start > 0.9 * text.length);
  for (const e of events) {
    assert.ok(e.text.length <= MAX_PIECE_CHARS, `an event's text has ${e.text.length} characters`);
    // its text is its own piece of the document, the piece that holds its verb
    const piece = long.result.sentences[e.sentence];
    assert.equal(e.text, piece.text);
    assert.equal(text.slice(piece.start, piece.end), piece.text);
    assert.ok(piece.start <= e.verb.start && e.verb.end <= piece.end);
  }
  assertSpansInText(events, text);
});

test("ordinary sentences around a run-on one give the events they give alone", () => {
  const before = "Russia condemned Ukraine on Monday.";
  const after = "Iran accused Israel of the attack.";
  const text = `${before} ${runOn(5_000)}. ${after}`;
  const { events } = coded(text);
  assertSpansInText(events, text);
  const strip = (e: Event, shift: number) => [e.code, e.source?.code, e.target?.code, e.verb.start + shift, e.text, e.mood];
  const first = coded(before).events;
  assert.ok(first.length > 0);
  assert.deepEqual(events.filter((e) => e.verb.end <= before.length).map((e) => strip(e, 0)), first.map((e) => strip(e, 0)));
  const last = coded(after).events;
  assert.ok(last.length > 0);
  const at = text.length - after.length;
  assert.deepEqual(events.filter((e) => e.verb.start >= at).map((e) => strip(e, 0)), last.map((e) => strip(e, at)));
});

test("a 500,000-character word finishes in time linear in its length and gives no events", () => {
  coded("a".repeat(1_000));
  const short = timed(() => coded("a".repeat(50_000)));
  const huge = timed(() => coded("a".repeat(500_000)));
  // linear: ten times as long; the tokenizer alone is quadratic in a word's length (before: 2 s against 200 s)
  assert.ok(huge.ms < 30 * short.ms + 1_000, `500,000 characters ${Math.round(huge.ms)} ms, 50,000 ${Math.round(short.ms)} ms`);
  assert.equal(huge.result.events.length, 0);
  for (const s of huge.result.sentences) assert.ok(s.text.length <= MAX_PIECE_CHARS);
});
