/** The store's reads for the API on the known events: keyset pages, one event, one document, places, sentence starts. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import type { Event } from "../src/core/index.js";
import { openStore, type EventKey, type EventSortKey } from "../src/store/index.js";
import { sentenceStart } from "../src/store/reads.js";
import { storeBackends, testEach } from "./support/backends.js";
import { A, B, C } from "./support/known-events.js";
import { collect, tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const BACKENDS = await storeBackends(dir);

test("sentenceStart: the occurrence of the sentence that covers the verb", async () => {
  const doc = "Iran agreed. Iran agreed. Then Iran agreed again.";
  assert.equal(sentenceStart(doc, "Iran agreed.", 5), 0);
  assert.equal(sentenceStart(doc, "Iran agreed.", 18), 13, "the second copy, where the verb is");
  assert.equal(sentenceStart(doc, "Then Iran agreed again.", 36), 26);
  assert.equal(sentenceStart(doc, "Not in it.", 3), null);
  assert.equal(sentenceStart(doc, "", 3), null);
  assert.equal(sentenceStart(doc, "Iran agreed.", 100), 13, "offsets past the text: the nearest copy before");
  assert.equal(sentenceStart("😀 Iran agreed.", "Iran agreed.", 8), 3, "JavaScript string offsets, as the coder's");
});

/** The events of `all` (in insertion order) in the order a sort asks for: by the value, ties by insertion, reversed by desc; those without the value last. */
function sorted(all: Event[], by: EventSortKey, desc: boolean): Event[] {
  const value = (e: Event): string | number | null => (by === "date" ? e.date : by === "goldstein" ? e.goldstein : by === "code" ? e.code : (e[by]?.code ?? null));
  const order = all.map((e, seq) => ({ e, seq, v: value(e) }));
  const known = order.filter((o) => o.v !== null).sort((a, b) => (a.v! < b.v! ? -1 : a.v! > b.v! ? 1 : a.seq - b.seq) * (desc ? -1 : 1));
  const unknown = order.filter((o) => o.v === null).sort((a, b) => (a.seq - b.seq) * (desc ? -1 : 1));
  return [...known, ...unknown].map((o) => o.e);
}

testEach(BACKENDS, "eventsAfter pages in every order, unknown values last; countEvents counts to its bound; getEvent, getDocument and locations", async (backend) => {
  const store = await openStore(await backend.newStore());
  await store.saveBatch([A, B, C], "v1");
  const inserted = await Promise.all((await collect(store.exportRows())).map(async (r) => (await store.getEvent(r.id as string))!.event));
  assert.ok(inserted.some((e) => e.date === null), "an event without a date");
  assert.ok(inserted.some((e) => e.target === null), "an event without a target");
  for (const by of ["date", "goldstein", "source", "target", "code"] as const) {
    for (const desc of [false, true]) {
      const want = sorted(inserted, by, desc).map((e) => e.id);
      for (const limit of [1, 2, 4]) {
        const seen: string[] = [];
        for (let after: EventKey | null = null; ; ) {
          const page = await store.eventsAfter({}, { after, limit, sort: { by, desc } });
          seen.push(...page.map((s) => s.event.id));
          if (page.length < limit) break;
          after = page[page.length - 1].key;
        }
        assert.deepEqual(seen, want, `${desc ? "-" : ""}${by}, limit ${limit}`);
      }
    }
  }
  assert.deepEqual((await store.eventsAfter({}, { limit: 100 })).map((s) => s.event.id), sorted(inserted, "date", false).map((e) => e.id), "by date unless told");
  assert.equal((await store.eventsAfter({}, { limit: 100 })).at(-1)!.event.date, null, "the event without a date last");
  const chn = await store.eventsAfter({ actor: "CHN" }, { limit: 2 });
  assert.deepEqual((await store.eventsAfter({ actor: "CHN" }, { after: chn[1].key, limit: 100 })).map((s) => s.event), sorted(await store.query({ actor: "CHN" }), "date", false).slice(2));
  assert.deepEqual((await store.eventsAfter({ dated: false }, { limit: 100 })).map((s) => s.event.id), inserted.filter((e) => e.date === null).map((e) => e.id));
  assert.deepEqual((await store.eventsAfter({ dated: true }, { limit: 100 })).map((s) => s.event.id), sorted(inserted.filter((e) => e.date !== null), "date", false).map((e) => e.id));

  const n = inserted.length;
  assert.deepEqual(await store.countEvents({}, 100), { count: n, exact: true });
  assert.deepEqual(await store.countEvents({}, n), { count: n, exact: true }, "exactly the bound is exact");
  assert.deepEqual(await store.countEvents({}, n - 1), { count: n - 1, exact: false }, "one past the bound: more than it");
  assert.deepEqual(await store.countEvents({ actor: "CHN" }, 100), { count: (await store.query({ actor: "CHN" })).length, exact: true });
  assert.deepEqual(await store.countEvents({ dated: false }, 100), { count: 1, exact: true });
  assert.deepEqual(await store.countEvents({ actor: "XYZ" }, 100), { count: 0, exact: true });

  const one = (await store.getEvent("b1-2"))!;
  assert.deepEqual(one.event, B.events[2]);
  assert.equal(one.sentenceStart, B.doc.text.indexOf(B.events[2].text));
  assert.equal(await store.getEvent("none"), null);

  const doc = (await store.getDocument("b1"))!;
  assert.deepEqual(doc.document, { id: "b1", date: "2020-02-03", place: null, title: "title of b1", source: "test wire", url: "https://example.org/b1", text: B.doc.text });
  assert.deepEqual(doc.sentences.map((s) => s.idx), [0, 1, 2, 3]);
  assert.deepEqual(doc.events.map((s) => s.event.id), ["b1-0", "b1-1", "b1-2", "b1-3", "b1-4"]);
  assert.equal(await store.getDocument("none"), null);

  // the known events put every second event of a document in Geneva
  const geneva = [...A.events, ...B.events, ...C.events].filter((e) => e.location && e.mood === "asserted" && !e.negated);
  assert.deepEqual(await store.locations({}), [{ country: "CHE", name: "Geneva", lat: 46.2044, lon: 6.1432, events: geneva.length, goldsteinMean: geneva.reduce((t, e) => t + e.goldstein, 0) / geneva.length }]);
  assert.equal((await store.locations({}, { all: true }))[0].events, [...A.events, ...B.events, ...C.events].filter((e) => e.location).length);
  assert.deepEqual(await store.locations({ doc: "c1" }), [], "c1's one event has no place");
  await store.close();
});
