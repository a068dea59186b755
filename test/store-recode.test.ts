/** `annals recode`: after a dictionary change, only documents coded with other dictionaries are re-coded, from the stored text. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { sqlRows, storeBackends, testEach } from "./support/backends.js";
import { annals, tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const ROOT = join(import.meta.dirname, "..");
const wire = join(ROOT, "examples", "wire.jsonl");
const headlines = join(ROOT, "examples", "headlines.txt");
const headlineCount = readFileSync(headlines, "utf8").split("\n").filter((l) => l.trim()).length;

const BACKENDS = await storeBackends(dir);
const documents = async (db: string) => (await sqlRows(db, "SELECT id, content_hash, dict_version, run, coded_at FROM documents ORDER BY id")) as { id: string; dict_version: string; run: number; coded_at: string }[];
const exported = (db: string, ...args: string[]) => annals(["export", "--db", db, "--format", "jsonl", ...args]).stdout.trim().split("\n").filter(Boolean).sort();

testEach(BACKENDS, "recode re-codes documents coded with other dictionaries, and leaves the others untouched", async (backend) => {
  // dictionaries with one extra line: a discard phrase that drops the sentence about Japan's aid
  const changed = join(dir, `data-${backend.name}`);
  cpSync(join(ROOT, "data"), changed, { recursive: true });
  appendFileSync(join(changed, "discards.txt"), "deadly typhoon\n");

  const db = await backend.newStore();
  assert.equal(annals(["ingest", wire, "--db", db]).status, 0);
  const old = annals(["ingest", headlines, "--lines", "--db", db, "--dict", changed]);
  assert.equal(old.status, 0, old.stderr);
  const aid = (d: string) => exported(d, "--dyad", "JPN,PHL", "--code", "03");
  assert.deepEqual(aid(db), [], "the changed dictionaries code no event for Japan's aid");
  const before = await documents(db);
  const wireIds = new Set(exported(db).map((l) => JSON.parse(l)).filter((e) => e.doc.startsWith("sample-")).map((e) => e.doc));
  const wireBefore = before.filter((d) => wireIds.has(d.id));
  const wireEventsBefore = exported(db).filter((l) => wireIds.has(JSON.parse(l).doc));
  assert.ok(wireBefore.length > 0);

  const r = annals(["recode", "--db", db, "--batch", "4"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`recode: ${headlineCount} documents \\(0 added, ${headlineCount} replaced, 0 unchanged, 0 failed\\), \\d+ events`));
  assert.equal(aid(db).length, 1, "the current dictionaries code it");

  const after = await documents(db);
  assert.deepEqual(after.filter((d) => wireIds.has(d.id)), wireBefore, "documents coded with the current dictionaries are not touched");
  assert.deepEqual(exported(db).filter((l) => wireIds.has(JSON.parse(l).doc)), wireEventsBefore);
  assert.equal(new Set(after.map((d) => d.dict_version)).size, 1, "every document now has the current version");

  // the same rows as a fresh ingest with the current dictionaries
  const fresh = await backend.newStore();
  assert.equal(annals(["ingest", wire, "--db", fresh]).status, 0);
  assert.equal(annals(["ingest", headlines, "--lines", "--db", fresh]).status, 0);
  assert.deepEqual(exported(db), exported(fresh));

  const again = annals(["recode", "--db", db]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /recode: 0 documents/);
  assert.deepEqual(await documents(db), after);

  const runs = await sqlRows(db, "SELECT command, status, documents_replaced FROM runs ORDER BY id");
  assert.deepEqual(runs.slice(2), [
    { command: "recode --db " + db + " --batch 4", status: "done", documents_replaced: headlineCount },
    { command: "recode --db " + db, status: "done", documents_replaced: 0 },
  ]);

  assert.equal(annals(["recode", "--db", db, "extra"]).status, 2);
  const missing = annals(["recode", "--db", join(dir, "missing.db")]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no database at .*missing\.db: run "annals ingest/);
});
