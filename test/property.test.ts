import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { codeDocument, DocumentError } from "../src/core/index.js";
import { dictionaries } from "./support/dictionaries.js";

test("random Unicode never makes the coder throw anything but a DocumentError", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.option(fc.constantFrom("2017-07-05", "1999-12-31")), (text, date) => {
      try {
        const { events } = codeDocument({ id: "x", text, date: date ?? null, place: null }, dictionaries);
        for (const e of events) {
          assert.ok(e.verb.start >= 0 && e.verb.end <= text.length);
        }
      } catch (e) {
        if (!(e instanceof DocumentError)) throw e;
      }
    }),
    { numRuns: 300 },
  );
});

test("random news-like word salad never throws and every span points into the text", () => {
  const words = ["Russia", "China", "the", "police", "attacked", "met", "and", ",", "said", "he", "they", "the two leaders", "Putin", "will", "not", "by", "in", "Moscow", "who", "that", "\u201c", "\u201d", "'s", "agreed to", "President", "protesters", "were", "detained", ".", "Xi Jinping", "if"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), (parts) => {
      const text = parts.join(" ");
      try {
        const { events } = codeDocument({ id: "x", text, date: "2017-07-05", place: "Moscow" }, dictionaries);
        for (const e of events) {
          for (const span of [e.verb, e.source, e.target]) if (span) assert.equal(text.slice(span.start, span.end), span.text);
        }
      } catch (e) {
        if (!(e instanceof DocumentError)) throw e;
      }
    }),
    { numRuns: 300 },
  );
});
