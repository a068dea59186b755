/**
 * Input checks: the documents posted to `POST /api/code` and `POST
 * /api/documents` are checked from one schema, the same way (a wrong type,
 * an unknown field, a date that is no date: a 400 naming it, nothing
 * stored); a number is no date in JSON Lines either; and every error the
 * server gives, a request it cannot even read included, is JSON.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { readJsonl } from "../src/core/index.js";
import type { RunningServer } from "../src/serve/server.js";
import { copyStore, exampleStore, http, postJson, testServer, webDir } from "./support/serve.js";
import { annals, tempDir } from "./support/store.js";

const dir = tempDir();
const TOKEN = "a-test-token-1234";
const auth = { authorization: `Bearer ${TOKEN}` };
let server: RunningServer;

before(async () => {
  const examples = await exampleStore(dir);
  server = await testServer(copyStore(examples, join(dir, "writable.db")), webDir(dir), { token: TOKEN });
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const GOOD = { text: "Russia condemned China on Monday.", date: "2024-05-08", place: "Moscow" };

test("POST /api/documents refuses a document of the wrong shape with a 400 naming it, and stores nothing", async () => {
  const before = (await http(server.url, "/api/health")).body.counts;
  for (const [body, message] of [
    [{ documents: [{ text: 5 }] }, /^documents\[0\]: "text" must be a string: the article to code$/],
    [{ documents: [GOOD, { text: "x", colour: "red" }] }, /^documents\[1\]: unknown field "colour": a document takes id, text, date, place, title, source and url$/],
    [{ documents: [{ text: "x", url: 5 }] }, /^documents\[0\]: "url" must be a string, not 5$/],
    [{ documents: [{ text: "x", id: 7 }] }, /^documents\[0\]: "id" must be a string, not 7$/],
    [{ documents: [{ text: "x", title: ["a"] }] }, /^documents\[0\]: "title" must be a string, not \["a"\]$/],
    [{ documents: [{ text: "x", date: 20170228 }] }, /^documents\[0\]: "date" must be a string \(YYYY-MM-DD\), not 20170228$/],
    [{ documents: [{ text: "x", date: "2024-13-40" }] }, /^documents\[0\]: "date" "2024-13-40" is not a real date \(YYYY-MM-DD\)$/],
    [{ documents: [5] }, /^documents\[0\]: a document must be a JSON object$/],
    [{ documents: [GOOD], dryRun: true }, /^unknown field "dryRun": the body takes documents$/],
  ] as const) {
    const r = await postJson(server.url, "/api/documents", body, auth);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.match(r.body.error, message);
  }
  assert.deepEqual((await http(server.url, "/api/health")).body.counts, before, "nothing stored, not even the good documents beside a bad one");
  // null is an absent field, as it is for POST /api/code
  const ok = await postJson(server.url, "/api/documents", { documents: [{ id: "null-fields", text: GOOD.text, date: null, url: null }] }, auth);
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.added, 1);
  assert.equal((await http(server.url, "/api/documents/null-fields")).body.document.url, null);
});

test("POST /api/code and POST /api/documents check the fields they share the same way", async () => {
  for (const bad of [{ text: 5 }, { text: "x", date: 20170228 }, { text: "x", date: "2024-02-30" }, { text: "x", date: true }, { text: "x", place: 5 }, { text: "x", place: {} }]) {
    const code = await postJson(server.url, "/api/code", bad);
    const documents = await postJson(server.url, "/api/documents", { documents: [bad] }, auth);
    assert.equal(code.status, 400, JSON.stringify(bad));
    assert.equal(documents.status, 400, JSON.stringify(bad));
    assert.equal(`documents[0]: ${code.body.error}`, documents.body.error);
  }
  // each takes its own fields: url is a stored document's, not the coder's
  const url = await postJson(server.url, "/api/code", { ...GOOD, url: "https://example.org/a" });
  assert.equal(url.status, 400);
  assert.equal(url.body.error, 'unknown field "url": the body takes text, date and place');
  assert.equal((await postJson(server.url, "/api/code", { ...GOOD, date: null, place: null })).status, 200);
});

test("the OpenAPI document describes both bodies from the same fields, and no others", async () => {
  const doc = (await http(server.url, "/api/openapi.json")).body;
  const code = doc.paths["/api/code"].post.requestBody.content["application/json"].schema;
  const documents = doc.paths["/api/documents"].post.requestBody.content["application/json"].schema;
  const item = documents.properties.documents.items;
  assert.deepEqual(Object.keys(code.properties), ["text", "date", "place"]);
  assert.deepEqual(Object.keys(item.properties), ["id", "text", "date", "place", "title", "source", "url"]);
  for (const name of ["text", "date", "place"]) assert.deepEqual(code.properties[name], item.properties[name]);
  assert.equal(code.additionalProperties, false);
  assert.equal(item.additionalProperties, false);
  assert.equal(documents.additionalProperties, false);
  assert.equal(item.properties.date.format, "date");
});

test("JSON Lines: a number is no date; the line is reported and the others are coded", () => {
  const read = readJsonl('{"id":"a","text":"Russia condemned China.","date":20170228}\n{"id":"b","text":"Japan protested.","date":"20170228"}\n', "wire.jsonl");
  assert.deepEqual(read.documents.map((d) => [d.id, d.date]), [["b", "2017-02-28"]]);
  assert.deepEqual(read.problems, [{ where: "wire.jsonl:1", message: 'date 20170228 is not a string (expected "YYYY-MM-DD")', severity: "error" }]);
  const file = join(dir, "numbers.jsonl");
  writeFileSync(file, '{"id":"n","text":"Russia condemned China on Monday.","date":20170228}\n{"id":"s","text":"Russia condemned China on Monday.","date":"2017-02-28"}\n');
  const r = annals(["code", file]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /numbers\.jsonl:1: date 20170228 is not a string/);
  assert.ok(r.stdout.trim().split("\n").every((l) => JSON.parse(l).doc === "s"));
});

/** A raw request with headers of our choosing (fetch will not send a bad Host), its status, type and body. */
function raw(path: string, headers: Record<string, string>, method = "GET"): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    // a path as given, not a URL's (which would turn backslashes into slashes)
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, type: res.headers["content-type"] ?? "", body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("every error is JSON: a Host header the server cannot read, a method the page does not take", async () => {
  for (const host of ["localhost:1@evil.com", "localhost:1@127.0.0.1", "a b"]) {
    const r = await raw("/api/health", { host });
    assert.equal(r.status, 400, host);
    assert.match(r.type, /^application\/json/, host);
    assert.match(JSON.parse(r.body).error, /^the request cannot be read: invalid (host header|URL)$/, host);
  }
  const slash = await raw("/api\\..\\health", { host: new URL(server.url).host });
  assert.equal(slash.status, 400);
  assert.match(JSON.parse(slash.body).error, /^the request cannot be read: backslash in request path/);
  const post = await raw("/", { host: new URL(server.url).host }, "POST");
  assert.equal(post.status, 405);
  assert.match(post.type, /^application\/json/);
  assert.match(JSON.parse(post.body).error, /^POST is not allowed here/);
  assert.equal((await http(server.url, "/api/health")).status, 200, "the server goes on");
});
