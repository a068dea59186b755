/**
 * The API's coding, writes and limits over real HTTP: POST /api/code against
 * `annals code`, the token rule, body and page limits, the OpenAPI document
 * against the app's routes, the query time limit on a store big enough to
 * be slow, and `annals serve` itself as a child process.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { join } from "node:path";
import { Writable } from "node:stream";
import { runCode } from "../src/cli/code.js";
import { openStore } from "../src/store/index.js";
import type { RunningServer } from "../src/serve/server.js";
import { amplify, copyStore, EXAMPLES, exampleStore, http, postEarlyReply, postJson, testServer, webDir } from "./support/serve.js";
import { tempDir } from "./support/store.js";

const dir = tempDir();
const TOKEN = "a-test-token-1234";
let examples: string;
let web: string;
let readOnly: RunningServer;
let writable: RunningServer;

before(async () => {
  examples = await exampleStore(dir);
  web = webDir(dir);
  readOnly = await testServer(examples, web);
  writable = await testServer(copyStore(examples, join(dir, "writable.db")), web, { token: TOKEN });
});
after(async () => {
  await readOnly?.close();
  await writable?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What `annals code FILE` prints, as events. */
async function annalsCode(args: string[]): Promise<unknown[]> {
  let out = "";
  const sink = new Writable({ write: (c, _e, done) => ((out += c), done()) });
  const code = await runCode(args, sink, new Writable({ write: (_c, _e, done) => done() }));
  assert.equal(code, 0);
  return out.trim().split("\n").map((l) => JSON.parse(l));
}

test("POST /api/code gives the events annals code gives for the same text, and stores nothing", async () => {
  const file = join(EXAMPLES, "tokyo-summit-2023-03-16.txt");
  const expected = await annalsCode([file]);
  assert.ok(expected.length > 5);
  const r = await postJson(readOnly.url, "/api/code", { text: readFileSync(file, "utf8") });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { events: expected, problems: [] });

  // a date and place given beside the text are those of `--date` and a dateline
  const text = "Russia condemned China on Monday. Japan and South Korea signed a trade agreement.";
  const dated = await postJson(readOnly.url, "/api/code", { text, date: "2024-05-08", place: "Moscow" });
  assert.equal(dated.status, 200);
  const events = dated.body.events;
  assert.ok(events.length >= 1);
  assert.equal(events[0].date, "2024-05-06", "Monday before the document date");
  assert.equal(events[0].location.name, "Moscow");
  const before = (await http(readOnly.url, "/api/health")).body.counts;
  await postJson(readOnly.url, "/api/code", { text });
  assert.deepEqual((await http(readOnly.url, "/api/health")).body.counts, before, "nothing stored");

  const empty = await postJson(readOnly.url, "/api/code", { text: "  " });
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.body.events, []);
  assert.match(empty.body.problems[0].message, /empty document/);
  for (const [body, message] of [
    [{}, /"text" must be a string/],
    [{ text: 3 }, /"text" must be a string/],
    [{ text: "x", date: "2024-13-01" }, /"date" "2024-13-01" is not a real date/],
    [{ text: "x", colour: "red" }, /unknown field "colour"/],
    ["[1]", /must be a JSON object/],
    ["{not json", /not valid JSON/],
  ] as const) {
    const bad = await postJson(readOnly.url, "/api/code", body);
    assert.equal(bad.status, 400, JSON.stringify(body));
    assert.match(bad.body.error, message);
  }
  const notJson = await http(readOnly.url, "/api/code", { method: "POST", body: "text=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
  assert.equal(notJson.status, 400);
  assert.match(notJson.body.error, /must be JSON/);
});

test("POST /api/documents: 403 with writes off, 401 without the right token, stored and queryable with it", async () => {
  const doc = { id: "posted-1", date: "2024-02-01", place: "Seoul", title: "Posted", text: "South Korea and Japan signed a trade agreement in Seoul on Tuesday. China condemned the deal." };
  const off = await postJson(readOnly.url, "/api/documents", { documents: [doc] });
  assert.equal(off.status, 403);
  assert.deepEqual(off.body, { error: "writes are off: start annals serve with --token" });
  assert.equal((await http(readOnly.url, "/api/health")).body.writes, false);

  const none = await postJson(writable.url, "/api/documents", { documents: [doc] });
  assert.equal(none.status, 401);
  assert.match(none.body.error, /Authorization: Bearer/);
  assert.match(none.headers.get("www-authenticate")!, /Bearer/);
  const wrong = await postJson(writable.url, "/api/documents", { documents: [doc] }, { authorization: "Bearer not-the-token" });
  assert.equal(wrong.status, 401);
  assert.match(wrong.body.error, /wrong token/);
  assert.equal((await http(writable.url, "/api/documents/posted-1")).status, 404, "nothing stored by refused requests");

  const auth = { authorization: `Bearer ${TOKEN}` };
  const ok = await postJson(writable.url, "/api/documents", { documents: [doc, { text: "" }, { text: " \n " }] }, auth);
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.added, 1);
  assert.equal(ok.body.failed, 2);
  assert.ok(ok.body.events >= 1);
  assert.deepEqual(ok.body.problems.map((p: { where: string }) => p.where), ["documents[1]", "documents[2]"]);
  const stored = await http(writable.url, "/api/events?doc=posted-1");
  assert.equal(stored.body.events.length, ok.body.events);
  assert.ok(stored.body.events.some((e: { source: { code: string } }) => e.source.code.startsWith("KOR")));
  const document = await http(writable.url, "/api/documents/posted-1");
  assert.equal(document.body.document.text, doc.text);
  assert.equal(document.body.document.title, "Posted");
  const again = await postJson(writable.url, "/api/documents", { documents: [doc] }, auth);
  assert.deepEqual({ ...again.body, problems: [] }, { added: 0, replaced: 0, unchanged: 1, events: 0, failed: 0, problems: [] }, "the same document again changes nothing");
  const health = (await http(writable.url, "/api/health")).body;
  assert.equal(health.writes, true);
  assert.equal(health.counts.runs, 3, "each write request is recorded as a run, as an ingest is");

  for (const [body, message] of [[{}, /"documents" must be a non-empty array/], [{ documents: [] }, /non-empty/], [{ documents: Array(1001).fill(doc) }, /at most 1000/]] as const) {
    const bad = await postJson(writable.url, "/api/documents", body, auth);
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, message);
  }
});

test("limits: bodies over 1 MB (code) and 10 MB (documents) are 413 JSON, before any coding", async () => {
  const big = await postEarlyReply(readOnly.url, "/api/code", JSON.stringify({ text: "Russia condemned China. ".repeat(45_000) }), {});
  assert.equal(big.status, 413);
  assert.deepEqual(big.body, { error: "the body of POST /api/code is larger than 1 MB" });
  const under = await postJson(readOnly.url, "/api/code", { text: "Russia condemned China. ".repeat(100) });
  assert.equal(under.status, 200);
  const huge = await postEarlyReply(writable.url, "/api/documents", JSON.stringify({ documents: [{ text: "Russia condemned China. ".repeat(440_000) }] }), { authorization: `Bearer ${TOKEN}` });
  assert.equal(huge.status, 413);
  assert.deepEqual(huge.body, { error: "the body of POST /api/documents is larger than 10 MB" });
  // without a declared length the limit holds as the body streams in
  const chunks = new ReadableStream({
    start(c) {
      for (let i = 0; i < 12; i++) c.enqueue(new TextEncoder().encode("x".repeat(100_000)));
      c.close();
    },
  });
  const streamed = await http(readOnly.url, "/api/code", { method: "POST", body: chunks, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit).catch((e: Error) => e);
  // the answer may come while the client is still sending; then fetch sees the connection closed
  if (!(streamed instanceof Error)) assert.equal(streamed.status, 413);
  const page = await http(readOnly.url, "/api/events?limit=501");
  assert.equal(page.status, 400, "a page over 500 events is refused");
});

test("the OpenAPI document is JSON and describes every route the app has", async () => {
  const r = await http(readOnly.url, "/api/openapi.json");
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type")!, /application\/json/);
  const doc = r.body;
  assert.equal(doc.openapi, "3.1.0");
  const routes = readOnly.app.routes
    .filter((route) => route.path.startsWith("/api/") && !route.path.includes("*") && route.method !== "ALL")
    .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
  assert.ok(routes.length >= 11, routes.join(", "));
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
  assert.deepEqual([...new Set(routes)].sort(), documented.sort(), "every route documented, nothing documented that is not a route");
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>)) {
    for (const [m, op] of Object.entries(ops)) assert.ok(Object.keys(op.responses).length > 0, `${m} ${path} has responses`);
  }
  const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g)!;
  for (const ref of refs) assert.ok(doc.components.schemas[ref.split("/").pop()!], `${ref} is defined`);
});

test("the query time limit: a read slower than the limit is a 503 at the limit, and the server goes on answering", async () => {
  const path = copyStore(examples, join(dir, "big.db"));
  const events = amplify(path, 4000);
  const server = await testServer(path, web, { limits: { queryMs: 60 } });
  try {
    // the fresh workers first open their connections: wait until a quick read is answered in time
    let health;
    for (let i = 0; i < 200; i++) {
      health = await http(server.url, "/api/health");
      if (health.status === 200) break;
    }
    assert.equal(health!.status, 200);
    assert.equal(health!.body.counts.events, events);
    // ranking every actor of ~200,000 events, counted with distinct tuples by reading them (a mood is not a key of
    // the kept counts): hundreds of milliseconds of SQLite
    const slow = await http(server.url, "/api/top?kind=actors&all=true&mood=asserted");
    assert.equal(slow.status, 503);
    assert.match(slow.body.error, /^query took longer than 60 ms/);
    const store = await openStore(path, { readonly: true });
    assert.ok((await store.top({ mood: "asserted" }, { kind: "actors", all: true, limit: 20 })).length === 20, "the same read does finish, given the time");
    await store.close();
    // all the pool's workers stuck at once: each read still gets its answer at the limit
    const many = await Promise.all(Array.from({ length: 6 }, () => http(server.url, "/api/top?kind=actors&all=true&mood=asserted&limit=5")));
    assert.deepEqual(many.map((r) => r.status), Array(6).fill(503));
    let after;
    for (let i = 0; i < 400; i++) {
      after = await http(server.url, "/api/events?limit=3");
      if (after.status === 200) break;
    }
    assert.equal(after!.status, 200, "replacement workers answer");
    assert.equal(after!.body.events.length, 3);
  } finally {
    await server.close();
  }
});

test("annals serve: prints its address, answers, and stops on SIGTERM", async () => {
  const bin = join(import.meta.dirname, "..", "bin", "annals.js");
  const child = spawn(process.execPath, [bin, "serve", "--db", examples, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += d;
      const m = /^annals serve: (http:\/\/127\.0\.0\.1:(\d+)\/) \((\d+) events\)$/m.exec(stdout);
      if (m) resolve(m[1]);
    });
    child.on("exit", () => reject(new Error(`annals serve exited: ${stderr}`)));
  });
  const store = await openStore(examples, { readonly: true });
  const counts = await store.counts();
  await store.close();
  assert.match(stdout, new RegExp(`\\(${counts.events} events\\)`));
  const health = await http(address, "/api/health");
  assert.equal(health.status, 200);
  assert.deepEqual(health.body.counts, counts);
  assert.equal(health.body.writes, false);
  child.kill("SIGTERM");
  assert.equal(await exited, 0);
  assert.match(stderr, /read-only/);
  assert.doesNotMatch(stderr, /internal error|\n\s+at /);
  assert.match(stderr, /stopped/);
  await assert.rejects(fetch(new URL("/api/health", address)), "nothing listens any more");
});

test("annals serve with ANNALS_TOKEN: writes on, and a posted document is stored in the file", async () => {
  const db = copyStore(examples, join(dir, "env-token.db"));
  const bin = join(import.meta.dirname, "..", "bin", "annals.js");
  const child = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ANNALS_TOKEN: TOKEN } });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const address = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
      const m = /^annals serve: (\S+) /m.exec(stdout);
      if (m) resolve(m[1]);
    });
    child.on("exit", () => reject(new Error(`annals serve exited: ${stderr}`)));
  });
  assert.equal((await http(address, "/api/health")).body.writes, true);
  const posted = await postJson(address, "/api/documents", { documents: [{ id: "env-1", date: "2024-03-01", text: "Germany and France signed a defence agreement on Friday." }] }, { authorization: `Bearer ${TOKEN}` });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  assert.equal(posted.body.added, 1);
  child.kill("SIGTERM");
  assert.equal(await exited, 0);
  assert.match(stderr, /writes on/);
  const store = await openStore(db, { readonly: true });
  assert.equal((await store.query({ doc: "env-1" })).length, posted.body.events, "closed cleanly: the events are in the file");
  assert.ok(posted.body.events > 0);
  await store.close();
});

test("annals serve: a missing store or a bad port is refused with a message", async () => {
  const bin = join(import.meta.dirname, "..", "bin", "annals.js");
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, "serve", ...args], { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.on("exit", (code) => resolve({ code, stderr }));
    });
  const missing = await run(["--db", join(dir, "none.db"), "--port", "0"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no database at .*none\.db: run "annals ingest/);
  const port = await run(["--db", examples, "--port", "http"]);
  assert.equal(port.code, 2);
  assert.match(port.stderr, /--port must be a port number/);
  const busy = await new Promise<Server>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => resolve(s));
  });
  const taken = await run(["--db", examples, "--port", String((busy.address() as AddressInfo).port)]);
  busy.close();
  assert.equal(taken.code, 1);
  assert.match(taken.stderr, /cannot listen on 127\.0\.0\.1:\d+: the port is in use/);
  assert.doesNotMatch(taken.stderr, /internal error/);
  const short = await run(["--db", examples, "--port", "0", "--token", "abc"]);
  assert.equal(short.code, 2);
  assert.match(short.stderr, /--token must be at least 8 characters/);
});
