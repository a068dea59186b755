/** Wire datelines: found at the start of a story or paragraph, never coded as actors, and used as the place. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeDocument } from "../src/core/index.js";
import { datelineAt, findDatelines } from "../src/core/read/dateline.js";
import { dictionaries } from "./support/dictionaries.js";

const kinds: Record<string, "place" | "other"> = { Washington: "place", Lucknow: "place", "Cebu City": "place", NATO: "other", Ecuador: "other", Iran: "other" };
const kindOf = (name: string) => kinds[name] ?? null;
const place = (text: string) => {
  const d = datelineAt(text, 0, kindOf);
  return d && { place: d.place, region: d.region, agency: d.agency, rest: text.slice(d.end) };
};

test("the forms of a dateline: capitals, place and country, agency, date, colon", () => {
  assert.deepEqual(place("QUITO, Ecuador -- Police said"), { place: "QUITO", region: "Ecuador", agency: null, rest: "Police said" });
  assert.deepEqual(place("NAIROBI (Reuters) - Kenya said"), { place: "NAIROBI", region: null, agency: "Reuters", rest: "Kenya said" });
  assert.deepEqual(place("MOSCOW, Dec 3 (Reuters) - Russia said"), { place: "MOSCOW", region: null, agency: "Reuters", rest: "Russia said" });
  assert.deepEqual(place("Addis Ababa, May 15 (Xinhua) -- Ethiopia said"), { place: "Addis Ababa", region: null, agency: "Xinhua", rest: "Ethiopia said" });
  assert.deepEqual(place("Tehran, March 15, IRNA - Iran said"), { place: "Tehran", region: null, agency: "IRNA", rest: "Iran said" });
  assert.deepEqual(place("Washington - The president said"), { place: "Washington", region: null, agency: null, rest: "The president said" });
  assert.deepEqual(place("Lucknow: The state government said"), { place: "Lucknow", region: null, agency: null, rest: "The state government said" });
  assert.deepEqual(place("THE HAGUE, Netherlands -- A court said"), { place: "THE HAGUE", region: "Netherlands", agency: null, rest: "A court said" });
  assert.equal(place("Cebu City--Police said")?.rest, "Police said");
});

test("openings that are no dateline", () => {
  for (const text of ["NATO - allies agreed", "BREAKING: Iran fires missiles", "Iran - talks resume", "Note: the figures", "Springfield - a town - voted", "US - China talks", "Russia attacked Ukraine."]) assert.equal(place(text), null, text);
  assert.deepEqual(
    findDatelines("BEIRUT (AP) -- One.\nTwo.\nDAMASCUS -- Three.", kindOf).map((d) => d.place),
    ["BEIRUT", "DAMASCUS"],
  );
});

test("a dateline is no actor, and it is the events' place when the document has none", () => {
  const coded = codeDocument({ id: "d", text: "ANKARA, Turkey (AP) -- Turkish police arrested two Syrian nationals on Monday.", date: "2019-05-06", place: null }, dictionaries);
  assert.deepEqual(coded.events.map((e) => `${e.source?.code}>${e.target?.code} ${e.code} ${e.location?.name}`), ["TURCOP>SYR 173 Ankara"]);
  assert.ok(coded.events.every((e) => e.source!.start > 20));
  // a place given with the document wins
  const given = codeDocument({ id: "d", text: "KABUL -- Afghan forces attacked Taliban fighters.", date: "2019-05-06", place: "Herat" }, dictionaries);
  assert.ok(given.events.length > 0 && given.events.every((e) => e.location?.name === "Herat" && e.source?.text !== "KABUL"));
});
