/**
 * The coding pipeline with two threads (one worker, and the main thread
 * coding what the worker has not taken) gives, in input order, exactly what
 * one thread gives; and both threads do code. The worker is waited for
 * before the documents are handed out, so it takes some of them whatever the
 * machine's speed (the command-line tests, in test/store-workers.test.ts, may
 * end before a worker has started).
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CodingPipeline } from "../src/cli/coding-pipeline.js";
import type { Document } from "../src/core/index.js";
import { DEFAULT_DATA_DIR } from "../src/node/data-files.js";
import { openStore } from "../src/store/index.js";
import { dictionaries } from "./support/dictionaries.js";
import { parseFixtures } from "./support/fixtures.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const docs: Document[] = parseFixtures(readFileSync(join(import.meta.dirname, "fixtures", "sentences.txt"), "utf8")).map((c) => ({ id: c.id, text: c.text, date: c.date, place: null }));
const OPTIONS = { requireDyad: true, useParse: false };

async function codeAll(threads: number, input = docs, waitForWorkers = true): Promise<{ outcomes: string[]; coded: { here: number; onWorkers: number } }> {
  const store = await openStore(join(dir, `pipeline-${threads}-${waitForWorkers}.db`));
  const pipeline = new CodingPipeline(store, "test", OPTIONS, dictionaries, DEFAULT_DATA_DIR, threads, (m) => assert.fail(m));
  try {
    if (waitForWorkers) await pipeline.started();
    const outcomes: string[] = [];
    for (const doc of input) pipeline.submit(doc, "sentences.txt");
    while (pipeline.size > 0) {
      const item = await pipeline.next();
      outcomes.push(typeof item === "string" ? item : `${item.doc.id} ${JSON.stringify(item.events)}`);
    }
    return { outcomes, coded: pipeline.coded };
  } finally {
    await pipeline.close();
    await store.close();
  }
}

test("two coding threads give, in order, what one gives, and each of them codes", { timeout: 120_000 }, async () => {
  const one = await codeAll(1);
  const two = await codeAll(2);
  assert.equal(one.outcomes.length, docs.length);
  assert.deepEqual(one.coded, { here: docs.length, onWorkers: 0 });
  assert.deepEqual(two.outcomes, one.outcomes);
  assert.equal(two.coded.here + two.coded.onWorkers, docs.length, "each document coded once");
  assert.ok(two.coded.onWorkers > 0, "the worker coded some documents");
  assert.ok(one.outcomes.some((o) => o.includes('"code"')), "the fixtures give events");
});

test("a worker that starts while the main thread codes takes its share: its messages get in between the main thread's documents", { timeout: 120_000 }, async () => {
  // articles of twenty fixture sentences, forty times over with new ids: a few seconds of coding, most of it after the worker starts
  const articles: Document[] = [];
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < docs.length; i += 20) articles.push({ id: `r${round}-${i}`, text: docs.slice(i, i + 20).map((d) => d.text).join(" "), date: "2020-01-01", place: null });
  }
  const two = await codeAll(2, articles, false);
  assert.equal(two.coded.here + two.coded.onWorkers, articles.length, "each document coded once");
  assert.ok(two.coded.onWorkers > articles.length / 10, `the worker coded ${two.coded.onWorkers} of ${articles.length} documents`);
});
