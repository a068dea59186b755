/**
 * What one request may cost the server: coding time (a 503 at the limit,
 * the worker replaced), the coding queue (a 429 beyond it), and health
 * answering at once while coding or slow reads take every worker. The
 * limits are set small here; the documents are big enough to pass them.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { RunningServer } from "../src/serve/server.js";
import { openStore } from "../src/store/index.js";
import { amplify, copyStore, exampleStore, http, postJson, testServer, webDir, type Reply } from "./support/serve.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
const TOKEN = "a-test-token-1234";
let examples: string;
let web: string;

before(async () => {
  examples = await exampleStore(dir);
  web = webDir(dir);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** About 900 KB of ordinary sentences (under the 1 MB body limit): seconds of coding, far past a limit of a few hundred milliseconds. */
const HUGE = "China criticized Japan over the islands. Russia and India signed a trade agreement. ".repeat(10_700);
const SMALL = "Russia condemned China on Monday.";

/** A request and how long its answer took. */
async function timed<T>(run: () => Promise<T>): Promise<{ reply: T; ms: number }> {
  const t0 = performance.now();
  const reply = await run();
  return { reply, ms: performance.now() - t0 };
}

/** Waits until the server codes a small text: its coding workers have loaded their dictionaries. */
async function warm(server: RunningServer): Promise<void> {
  for (let i = 0; i < 3; i++) assert.equal((await postJson(server.url, "/api/code", { text: SMALL })).status, 200);
}

test("a request past the coding time limit is a 503 at the limit, while health and a small request answer at once", async () => {
  const server = await testServer(examples, web, { limits: { codeMs: 300 } });
  try {
    await warm(server);
    const huge = timed(() => postJson(server.url, "/api/code", { text: HUGE }));
    // the huge text is being coded (its body is read and parsed in a few milliseconds)
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [health, small] = await Promise.all([timed(() => http(server.url, "/api/health")), timed(() => postJson(server.url, "/api/code", { text: SMALL }))]);
    const cut = await huge;
    assert.equal(cut.reply.status, 503);
    assert.deepEqual(Object.keys(cut.reply.body), ["error"]);
    assert.match(cut.reply.body.error, /^coding took longer than 300 ms/);
    assert.ok(cut.ms >= 300, `cut at the limit, not before (${cut.ms} ms)`);
    assert.ok(cut.ms < 5000, `cut near the limit, not when coding would end (${cut.ms} ms)`);
    assert.equal(health.reply.status, 200);
    assert.equal(health.reply.body.ok, true);
    assert.ok(health.ms < 1000, `health answered in ${health.ms} ms`);
    assert.equal(small.reply.status, 200);
    assert.ok(small.reply.body.events.length >= 1);
    assert.ok(small.ms < 1000, `a small request answered in ${small.ms} ms`);
    // the stopped worker's place is taken: both workers code again
    const again = await Promise.all([postJson(server.url, "/api/code", { text: SMALL }), postJson(server.url, "/api/code", { text: SMALL })]);
    assert.deepEqual(again.map((r) => r.status), [200, 200]);
    assert.deepEqual(again[0].body, small.reply.body);
  } finally {
    await server.close();
  }
});

test("coding requests beyond the queue are a 429 with Retry-After, at once", async () => {
  const server = await testServer(examples, web, { limits: { codeMs: 500, codeQueue: 1 }, coders: 1 });
  try {
    await warm(server);
    // one coding, one waiting, and the third finds no place
    const replies = await Promise.all([0, 1, 2].map(() => timed(() => postJson(server.url, "/api/code", { text: HUGE }))));
    const refused = replies.filter((r) => r.reply.status === 429);
    assert.equal(refused.length, 1, JSON.stringify(replies.map((r) => r.reply.status)));
    const busy = refused[0].reply as Reply;
    assert.match(busy.body.error, /busy coding \(2 requests coding or waiting\): try again/);
    assert.equal(busy.headers.get("retry-after"), "1");
    assert.ok(refused[0].ms < Math.min(...replies.filter((r) => r !== refused[0]).map((r) => r.ms)), "refused before the others end");
    assert.deepEqual(replies.filter((r) => r !== refused[0]).map((r) => r.reply.status), [503, 503], "the waiting one's time starts when a worker takes it");
    // places are given back: the server codes again
    assert.equal((await postJson(server.url, "/api/code", { text: SMALL })).status, 200);
  } finally {
    await server.close();
  }
});

test("POST /api/documents: a document past the coding time limit fails alone, the others are stored", async () => {
  const server = await testServer(copyStore(examples, join(dir, "writable.db")), web, { token: TOKEN, limits: { codeMs: 300 } });
  try {
    await warm(server);
    const documents = [
      { id: "ok-1", date: "2024-02-01", text: "South Korea and Japan signed a trade agreement in Seoul on Tuesday." },
      { id: "huge-1", date: "2024-02-01", text: HUGE },
      { id: "ok-2", date: "2024-02-02", text: SMALL },
    ];
    const r = await postJson(server.url, "/api/documents", { documents }, { authorization: `Bearer ${TOKEN}` });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.added, 2);
    assert.equal(r.body.failed, 1);
    assert.equal(r.body.problems.length, 1);
    assert.equal(r.body.problems[0].where, "document huge-1");
    assert.match(r.body.problems[0].message, /^coding took longer than 300 ms: not stored/);
    assert.equal((await http(server.url, "/api/documents/huge-1")).status, 404);
    assert.equal((await http(server.url, "/api/documents/ok-2")).status, 200);
  } finally {
    await server.close();
  }
});

test("health answers at once while slow reads take every read worker, with the last counts it read", async () => {
  const path = copyStore(examples, join(dir, "big.db"));
  amplify(path, 4000);
  const server = await testServer(path, web, { readers: 1 });
  try {
    let first: Reply | undefined;
    // until the reader has opened the store and answers within health's wait
    for (let i = 0; i < 200 && !(first?.status === 200 && !first.body.stale); i++) first = await http(server.url, "/api/health");
    assert.equal(first!.status, 200);
    assert.equal(first!.body.stale, false);
    // a commit by another process: the counts health read are no longer the store's, so it must read them again
    const writer = await openStore(path);
    await writer.saveDocument({ id: "later", text: "China criticized Japan.", date: "2024-01-02", place: null }, [], "test");
    await writer.close();
    // ranking every actor of ~200,000 events by reading them (a mood is not a key of the kept counts): hundreds of
    // milliseconds of SQLite each, one after the other on the one reader; four questions, as one asked four times is read once
    const slow = ["asserted", "intended", "hypothetical", "reported-past"].map((mood) => http(server.url, `/api/top?kind=actors&all=true&mood=${mood}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await timed(() => http(server.url, "/api/health"));
    assert.equal(health.reply.status, 200);
    assert.ok(health.ms < 1000, `health answered in ${health.ms} ms`);
    assert.equal(health.reply.body.stale, true);
    assert.deepEqual(health.reply.body.counts, first!.body.counts);
    assert.deepEqual((await Promise.all(slow)).map((r) => r.status), [200, 200, 200, 200]);
  } finally {
    await server.close();
  }
});
