import { test } from "node:test";
import assert from "node:assert/strict";
import { codeDocument } from "../src/core/index.js";
import { dictionaries } from "./support/dictionaries.js";

// 2019-03-06 is a Wednesday.
const dateOf = (text: string) => codeDocument({ id: "t", text, date: "2019-03-06", place: null }, dictionaries).events.map((e) => `${e.date} ${e.mood}`);

test("event dates move with the clause's time words", () => {
  assert.deepEqual(dateOf("Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping on Monday."), ["2019-03-04 asserted"]);
  assert.deepEqual(dateOf("Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping yesterday."), ["2019-03-05 asserted"]);
  assert.deepEqual(dateOf("Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping last week."), ["2019-02-27 asserted"]);
  assert.deepEqual(dateOf("Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping on March 1."), ["2019-03-01 asserted"]);
  assert.deepEqual(dateOf("Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Beijing."), ["2019-03-06 asserted"]);
});

test("a plan's weekday is the coming one, and the event is not asserted but a stated intent", () => {
  assert.deepEqual(dateOf("Japanese Prime Minister Shinzo Abe will meet Chinese President Xi Jinping on Monday."), ["2019-03-11 intended"]);
  const [e] = codeDocument({ id: "t", text: "Japanese Prime Minister Shinzo Abe will meet Chinese President Xi Jinping on Monday.", date: "2019-03-06", place: null }, dictionaries).events;
  assert.deepEqual([e.code, e.intendedCode], ["036", "040"]);
});

test("background: past perfect and 'since' are reported-past, not new events", () => {
  assert.deepEqual(dateOf("Japanese Prime Minister Shinzo Abe had met Chinese President Xi Jinping in Beijing."), ["2019-03-06 reported-past"]);
  assert.deepEqual(dateOf("Japan has criticised China since 2012."), ["2019-03-06 reported-past"]);
});

test("under a verb of saying in the past, the past perfect is the reported simple past, a new event", () => {
  assert.deepEqual(dateOf("Russia said it had expelled two Polish diplomats."), ["2019-03-06 asserted"]);
  assert.deepEqual(dateOf("Russia had expelled two Polish diplomats."), ["2019-03-06 reported-past"]);
});
