import { after, test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { contentHash, openStore, ROW_COLUMNS, type EventFilter } from "../src/store/index.js";
import { runAnnals } from "./support/cli.js";
import { knownStoreOn, storeBackends, sqlRows, testEach, type Backend } from "./support/backends.js";
import { A, B, C } from "./support/known-events.js";
import { annals, collect, knownDocument, readCsv, tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLES = join(import.meta.dirname, "..", "examples");
const noStackTrace = (stderr: string) => assert.doesNotMatch(stderr, /internal error|\n\s+at .*:\d+/);

const ALL = [...A.events, ...B.events, ...C.events];
const BACKENDS = await storeBackends(dir);

async function knownStore(backend: Backend) {
  const path = await backend.newStore();
  const store = await openStore(path);
  await store.saveBatch([A, B, C], "v1");
  return { store, path };
}

testEach(BACKENDS, "store: events come back exactly as saved, and saving again changes nothing", async (backend) => {
  const { store, path } = await knownStore(backend);
  const byDate = [...ALL].sort((x, y) => (x.date ?? "").localeCompare(y.date ?? "")); // stable: insertion order within a date
  assert.deepEqual(await store.query({}, { limit: 1000 }), byDate);
  const before = await collect(store.exportRows());
  assert.deepEqual(await store.saveBatch([A, B, C], "v1"), { added: 0, replaced: 0, unchanged: 3, events: 0 });
  assert.equal(await store.saveDocument(A.doc, A.events, "v1"), "unchanged");
  assert.deepEqual(await collect(store.exportRows()), before);
  assert.deepEqual(await store.counts(), { documents: 3, events: 9, sentences: 8, runs: 0 });
  assert.ok(await store.hasDocument("a1", contentHash(A.doc), "v1"));
  assert.ok(!await store.hasDocument("a1", contentHash(A.doc), "v2"), "another dictionary version is not the same coding");
  assert.ok(!await store.hasDocument("a1", contentHash({ ...A.doc, text: A.doc.text + " More." }), "v1"));
  await store.close();
  const again = await openStore(path, { readonly: true });
  assert.deepEqual(await collect(again.exportRows()), before, "the file holds it after closing");
  await again.close();
});

testEach(BACKENDS, "store: a changed document, or new dictionaries, replaces its events and sentences", async (backend) => {
  const { store } = await knownStore(backend);
  const changed = knownDocument("b1", "2020-02-03", [{ sentence: 0, text: "Russia condemned China.", date: "2020-02-03", source: ["RUS", "RUS", [], "Russia"], target: ["CHN", "CHN", [], "China"], code: "122", quad: 3, goldstein: -2, plover: "DISAPPROVE" }]);
  changed.events[0].id = "b1-new";
  assert.equal(await store.saveDocument(changed.doc, changed.events, "v1"), "replaced");
  assert.deepEqual(await store.query({ doc: "b1" }), changed.events);
  assert.deepEqual(await store.query({ text: "talks" }), C.events, "the old sentences left the full-text index");
  assert.deepEqual(await store.counts(), { documents: 3, events: 5, sentences: 5, runs: 0 });
  assert.equal(await store.saveDocument(changed.doc, [], "v2"), "replaced", "same text, new dictionaries");
  assert.deepEqual(await store.query({ doc: "b1" }), []);
  await store.close();
});

testEach(BACKENDS, "store: every filter, paging and stats on known data", async (backend) => {
  const { store } = await knownStore(backend);
  const ids = async (f: EventFilter) => (await store.query(f, { limit: 1000 })).map((e) => e.id).sort();
  assert.deepEqual(await ids({ actor: "IRN" }), ["a1-0", "a1-1", "a1-2", "b1-2"]);
  assert.deepEqual(await ids({ actor: "irngov" }), ["a1-0", "a1-2"]);
  assert.deepEqual(await ids({ source: "USA", target: "IRN" }), ["a1-0"]);
  assert.deepEqual(await ids({ source: "CHN" }), ["b1-0", "b1-2", "b1-4", "c1-0"]);
  assert.deepEqual(await ids({ target: "CHN" }), ["b1-1"]);
  assert.deepEqual(await ids({ code: "04" }), ["b1-0", "b1-1", "c1-0"]);
  assert.deepEqual(await ids({ code: "040" }), ["b1-0", "b1-1", "c1-0"]);
  assert.deepEqual(await ids({ code: "19" }), ["a1-1"]);
  assert.deepEqual(await ids({ code: "05" }), ["b1-2"]);
  assert.deepEqual(await ids({ quad: 4 }), ["a1-1", "b1-3"]);
  assert.deepEqual(await ids({ plover: "consult" }), ["b1-0", "b1-1", "c1-0"]);
  assert.deepEqual(await ids({ mood: "intended" }), ["a1-2"]);
  assert.deepEqual(await ids({ negated: true }), ["a1-2"]);
  assert.deepEqual(await ids({ from: "2020-01-09", to: "2020-02-03" }), ["a1-0", "a1-2", "b1-0", "b1-1", "c1-0"]);
  assert.deepEqual(await ids({ from: "2020-02-04" }), ["b1-2", "b1-3"]);
  assert.deepEqual(await ids({ text: "missiles" }), ["a1-1"]);
  assert.deepEqual(await ids({ text: "missile" }), ["a1-1"], "words are stemmed");
  assert.deepEqual(await ids({ text: "talks Moscow" }), ["b1-0", "b1-1"]);
  assert.deepEqual(await ids({ text: "Moscow Iran" }), []);
  assert.deepEqual(await ids({ text: `"); DROP TABLE events; -- NEAR(` }), [], "user text is never SQL or FTS syntax");
  assert.deepEqual(await ids({ text: "*" }), []);
  assert.deepEqual(await ids({ doc: "c1" }), ["c1-0"]);
  assert.deepEqual(await ids({ actor: "CHN", code: "04", from: "2020-02-03", to: "2020-02-03", text: "talks" }), ["b1-0", "b1-1", "c1-0"]);
  assert.equal((await store.counts()).events, 9, "the injection attempt dropped nothing");

  const all = (await store.query({}, { limit: 1000 })).map((e) => e.id);
  assert.deepEqual((await store.query({}, { limit: 3, offset: 2 })).map((e) => e.id), all.slice(2, 5));
  assert.equal(all[0], "b1-4", "undated events first, then by date");

  const month = await store.stats({}, { by: "month" });
  assert.deepEqual(month, [
    { period: "2020-01", quad: 3, events: 1, distinct: 1, goldsteinTotal: -2, goldsteinMean: -2 },
    { period: "2020-01", quad: 4, events: 1, distinct: 1, goldsteinTotal: -10, goldsteinMean: -10 },
    { period: "2020-02", quad: 1, events: 4, distinct: 3, goldsteinTotal: 11, goldsteinMean: 2.75 },
    { period: "2020-02", quad: 4, events: 1, distinct: 1, goldsteinTotal: -5, goldsteinMean: -5 },
  ]);
  assert.deepEqual((await store.stats({ actor: "IRN" }, { by: "week", all: true })).map((r) => [r.period, r.quad, r.events]), [
    ["2020-01-06", 1, 1],
    ["2020-01-06", 3, 1],
    ["2020-01-06", 4, 1],
    ["2020-02-03", 1, 1],
  ]);
  assert.deepEqual((await store.stats({}, { by: "year" })).map((r) => [r.period, r.quad, r.events]), [["2020", 1, 4], ["2020", 3, 1], ["2020", 4, 2]]);
  await store.close();
});

const wire = join(EXAMPLES, "wire.jsonl");

testEach(BACKENDS, "ingest twice gives the same rows; export gives back what `annals code` prints", async (backend) => {
  const db = await backend.newStore();
  const first = annals(["ingest", EXAMPLES, "--db", db, "--batch", "2"]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, /ingest: 7 documents \(7 added, 0 replaced, 0 unchanged, 0 failed\), \d+ events/);
  const exported = annals(["export", "--db", db, "--format", "jsonl"]);
  assert.equal(exported.status, 0, exported.stderr);
  const second = annals(["ingest", EXAMPLES, "--db", db]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /ingest: 7 documents \(0 added, 0 replaced, 7 unchanged, 0 failed\), 0 events/);
  assert.equal(annals(["export", "--db", db, "--format", "jsonl"]).stdout, exported.stdout);

  const coded = annals(["code", EXAMPLES]);
  const sorted = (s: string) => s.trim().split("\n").sort();
  assert.deepEqual(sorted(exported.stdout), sorted(coded.stdout), "every event, field for field");

  const store = await openStore(db, { readonly: true });
  assert.deepEqual((await store.counts()).runs, 2);
  await store.close();
  const runs = await sqlRows(db, "SELECT status, documents_added, documents_unchanged, events_written FROM runs ORDER BY id");
  assert.deepEqual(runs, [
    { status: "done", documents_added: 7, documents_unchanged: 0, events_written: coded.stdout.trim().split("\n").length },
    { status: "done", documents_added: 0, documents_unchanged: 7, events_written: 0 },
  ]);
});

testEach(BACKENDS, "export csv: a header and one row per event, every field as in the JSON record", async (backend) => {
  const db = await backend.newStore();
  assert.equal(annals(["ingest", wire, "--db", db]).status, 0);
  const events = new Map(annals(["export", "--db", db]).stdout.trim().split("\n").map((l) => [JSON.parse(l).id, JSON.parse(l)]));
  const csv = annals(["export", "--db", db, "--format", "csv"]);
  assert.equal(csv.status, 0, csv.stderr);
  const [header, ...rows] = readCsv(csv.stdout);
  assert.deepEqual(header, [...ROW_COLUMNS]);
  assert.equal(rows.length, events.size);
  for (const row of rows) {
    const r: Record<string, string> = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    const e = events.get(r.id);
    assert.ok(e, r.id);
    assert.equal(r.text, e.text);
    assert.equal(r.source_code, e.source?.code ?? "");
    assert.equal(r.source_sectors, e.source?.sectors.join(",") ?? "");
    assert.equal(r.target_name, e.target?.name ?? "");
    assert.equal(r.code, e.code, "leading zeros kept");
    assert.equal(Number(r.goldstein), e.goldstein);
    assert.equal(Number(r.confidence), e.confidence);
    assert.equal(r.negated, String(e.negated));
    assert.equal(r.location_lat, e.location?.lat == null ? "" : String(e.location.lat));
    assert.equal(r.issues, e.issues.join(","));
  }
  const filtered = annals(["export", "--db", db, "--format", "csv", "--dyad", "CHN,RUS"]);
  assert.ok(readCsv(filtered.stdout).slice(1).every((r) => r[header.indexOf("source_code")].startsWith("CHN") && r[header.indexOf("target_code")].startsWith("RUS")));
});

testEach(BACKENDS, "ingest: a changed document replaces its events; bad documents are reported with file and line and skipped", async (backend) => {
  const db = await backend.newStore();
  mkdirSync(join(dir, backend.name), { recursive: true });
  const docs = join(dir, backend.name, "docs.jsonl");
  writeFileSync(docs, `{"id":"x","date":"2019-03-04","text":"Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Tokyo."}\n{broken\n{"id":"y","date":"2019-03-05","text":"France condemned Iran."}\n`);
  const first = annals(["ingest", docs, "--db", db]);
  assert.equal(first.status, 1, "a bad document is a failure of the run");
  assert.match(first.stderr, /docs\.jsonl:2: malformed JSON/);
  noStackTrace(first.stderr);
  const query = (...args: string[]) => annals(["query", "--db", db, "--format", "jsonl", ...args]).stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
  assert.ok(query("--doc", "x").some((e) => e.source.code === "JPNGOV" && e.target.code === "CHNGOV"));
  assert.ok(query("--doc", "y").length > 0, "documents after the bad line are stored");

  writeFileSync(docs, `{"id":"x","date":"2019-03-04","text":"Iran accused Israel of attacking its embassy."}\n{"id":"y","date":"2019-03-05","text":"France condemned Iran."}\n`);
  const second = annals(["ingest", docs, "--db", db]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /2 documents \(0 added, 1 replaced, 1 unchanged, 0 failed\)/);
  const x = query("--doc", "x");
  assert.ok(x.length > 0 && x.every((e) => e.text.startsWith("Iran accused Israel")), "only the new text's events");
  assert.deepEqual(query("--text", "Abe"), [], "the old sentence is gone from search");

  const table = annals(["query", "--db", db, "--actor", "FRA"]);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^date\s+source\s+target\s+code/);
  assert.match(table.stdout, /2019-03-05\s+FRA\s+IRN\s+1\d\d/);
  assert.equal(annals(["query", "--db", db, "--quad", "5"]).status, 2);
  assert.equal(annals(["query", "--db", db, "--dyad", "FRA"]).status, 2);
  assert.equal(annals(["export", "--db", db, "--format", "xml"]).status, 2);
});

test("a corrupt database file gives a clear error, not a stack trace", async () => {
  const garbage = join(dir, "garbage.db");
  writeFileSync(garbage, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
  for (const args of [["ingest", wire], ["query"], ["export"]]) {
    const r = annals([...args, "--db", garbage]);
    assert.equal(r.status, 1, args[0]);
    assert.match(r.stderr, /garbage\.db is not an annals database: the file is not SQLite, or its header is corrupt/);
    noStackTrace(r.stderr);
  }
  // a real store with garbage over its pages: the header reads, the data does not
  const damaged = join(dir, "damaged.db");
  assert.equal(annals(["ingest", EXAMPLES, "--db", damaged]).status, 0);
  const bytes = readFileSync(damaged);
  for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
  writeFileSync(damaged, bytes);
  const r = annals(["export", "--db", damaged]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /damaged\.db is (corrupt|not an annals database)/);
  noStackTrace(r.stderr);
  const foreign = join(dir, "foreign.db");
  new Database(foreign).exec("CREATE TABLE t (x)");
  assert.match(annals(["query", "--db", foreign]).stderr, /foreign\.db is a SQLite database but not an annals store/);
  assert.match(annals(["query", "--db", join(dir, "missing.db")]).stderr, /no database at .*missing\.db: run "annals ingest/);
});

test("a read-only database refuses writes with a clear message, and can still be queried", async () => {
  const db = join(dir, "readonly.db");
  assert.equal(annals(["ingest", wire, "--db", db]).status, 0);
  const before = readFileSync(db);
  chmodSync(db, 0o444);
  const r = annals(["ingest", EXAMPLES, "--db", db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /readonly\.db is read-only: annals will not write to it/);
  noStackTrace(r.stderr);
  assert.deepEqual(readFileSync(db), before, "not a byte written");
  const q = annals(["query", "--db", db, "--format", "jsonl"]);
  assert.equal(q.status, 0, q.stderr);
  assert.ok(q.stdout.length > 0);
  chmodSync(db, 0o644);
});

test("a database locked by another writer gives a clear error after waiting", async () => {
  const db = join(dir, "locked.db");
  assert.equal(annals(["ingest", wire, "--db", db]).status, 0);
  const holder = new Database(db);
  holder.exec("BEGIN EXCLUSIVE");
  try {
    const r = annals(["ingest", join(EXAMPLES, "headlines.txt"), "--db", db]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /locked\.db is locked by another process/);
    noStackTrace(r.stderr);
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
  }
});

testEach(BACKENDS, "ANNALS_DB names the store when --db is not given; --db wins over it", async (backend) => {
  const db = await knownStoreOn(backend);
  const env = { ...process.env, ANNALS_DB: db };
  const viaEnv = await runAnnals(["stats", "--top", "dyads", "--format", "jsonl", "--limit", "1"], { env });
  assert.equal(viaEnv.status, 0, viaEnv.stderr);
  assert.deepEqual(JSON.parse(viaEnv.stdout), { source: "CHNGOV", target: "RUSGOV", events: 2, distinct: 1, goldsteinTotal: 2, goldsteinMean: 1 });
  const exported = await runAnnals(["export"], { env });
  assert.equal(exported.stdout.trim().split("\n").length, 9);
  const missing = join(dir, "not-there.db");
  const given = await runAnnals(["query", "--db", missing], { env });
  assert.equal(given.status, 1);
  assert.match(given.stderr, /no database at .*not-there\.db/, "--db is the one opened");
  const unset = await runAnnals(["query"], { env: { ...process.env, ANNALS_DB: "" } });
  assert.match(unset.stderr, /no database at annals\.db/, "empty: the default file in the current folder");
});
