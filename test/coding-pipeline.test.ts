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

async function codeAll(threads: number): Promise<{ outcomes: string[]; coded: { here: number; onWorkers: number } }> {
  const store = await openStore(join(dir, `pipeline-${threads}.db`));
  const pipeline = new CodingPipeline(store, "test", OPTIONS, dictionaries, DEFAULT_DATA_DIR, threads, (m) => assert.fail(m));
  try {
    await pipeline.started();
    const outcomes: string[] = [];
    for (const doc of docs) pipeline.submit(doc, "sentences.txt");
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
