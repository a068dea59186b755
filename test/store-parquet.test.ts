/** `annals export --format parquet --out FILE`, on known data, re-read with hyparquet (the reader hyparquet-writer is built on). */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { PARQUET_SCHEMA, writeParquet } from "../src/cli/parquet.js";
import { openStore, ROW_COLUMNS } from "../src/store/index.js";
import { A, B, C, knownFile } from "./support/known-events.js";
import { knownStoreOn, storeBackends, testEach } from "./support/backends.js";
import { annals, tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const BACKENDS = await storeBackends(dir);


async function read(path: string) {
  const file = await asyncBufferFromFile(path);
  return { metadata: await parquetMetadataAsync(file), rows: (await parquetReadObjects({ file })) as Record<string, unknown>[] };
}

testEach(BACKENDS, "export parquet: the CSV export's columns, typed, every row re-read with its values", async (backend) => {
  const db = await knownStoreOn(backend);
  const out = join(dir, `known-${backend.name}.parquet`);
  const r = annals(["export", "--db", db, "--format", "parquet", "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, "", "nothing on stdout");
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes(".partial")), [], "no temporary file left");

  const { metadata, rows } = await read(out);
  assert.deepEqual(metadata.schema.slice(1).map((s) => s.name), [...ROW_COLUMNS], "one column per field, in the CSV export's order");
  const type = (name: string) => metadata.schema.find((s) => s.name === name);
  assert.equal(type("code")?.type, "BYTE_ARRAY", "codes are strings");
  assert.equal(type("date")?.converted_type, "DATE");
  assert.equal(type("goldstein")?.type, "DOUBLE");
  assert.equal(type("negated")?.type, "BOOLEAN");
  assert.equal(type("source_code")?.repetition_type, "OPTIONAL");
  assert.equal(type("id")?.repetition_type, "REQUIRED");

  // the same rows, in the same order, as the JSON Lines export
  const events = annals(["export", "--db", db, "--format", "jsonl"]).stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(rows.length, 9);
  assert.equal(Number(metadata.num_rows), 9);
  assert.deepEqual(rows.map((x) => x.id), events.map((e) => e.id));
  for (const [i, e] of events.entries()) {
    const x = rows[i];
    assert.equal(x.code, e.code);
    assert.equal(x.root, e.root);
    assert.equal(x.goldstein, e.goldstein);
    assert.equal(x.confidence, e.confidence);
    assert.equal(x.negated, e.negated);
    assert.equal(x.text, e.text);
    assert.equal(x.source_code, e.source?.code ?? null);
    assert.equal(x.target_sectors, e.target ? e.target.sectors.join(",") : null);
    assert.equal(x.location_lat, e.location?.lat ?? null);
    assert.equal(x.issues, e.issues.join(","));
    assert.equal(x.date === null ? null : (x.date as Date).toISOString().slice(0, 10), e.date);
  }

  const [a0, a1, a2, b0, , b2, b3, b4, c0] = rows;
  assert.deepEqual([a1.date, a1.code, a1.root, a1.quad, a1.goldstein, a1.issues], [new Date("2020-01-08T00:00:00Z"), "190", "19", 4, -10, "MISSILE,WAR_TERROR"]);
  assert.deepEqual([a1.location_name, a1.location_country, a1.location_lat, a1.location_lon], ["Geneva", "CHE", 46.2044, 6.1432]);
  assert.deepEqual([a0.location_name, a0.location_lat, a0.source_start, a0.target_end], [null, null, 0, 24]);
  assert.deepEqual([a2.code, a2.root, a2.negated, a2.mood, a2.goldstein], ["036", "03", true, "intended", 4], "leading zeros kept");
  assert.deepEqual([b0.code, b0.root, b0.goldstein, b0.negated], ["040", "04", 1, false]);
  assert.deepEqual([b2.code, b2.goldstein, b2.source_sectors, b2.target_sectors], ["057", 8, "", ""], "an actor without sectors has an empty string, not null");
  assert.deepEqual([b3.source_country, b3.target_code, b3.target_name, b3.target_start, b3.goldstein], [null, null, null, null, -5], "no target: nulls");
  assert.deepEqual([b4.date, b4.code, b4.mood], [null, "030", "reported-past"], "an undated event has a null date");
  assert.deepEqual([c0.doc, c0.sentence, c0.verb_start, c0.verb_end, c0.rule], ["c1", 0, 10, 14, "verbs/test.txt:1"]);

  // the filters apply
  const filtered = join(dir, "consult.parquet");
  assert.equal(annals(["export", "--db", db, "--format", "parquet", "--out", filtered, "--code", "04"]).status, 0);
  assert.deepEqual((await read(filtered)).rows.map((x) => x.code), ["040", "040", "040"]);
});

test("export parquet: streamed in row groups; an empty export is a valid file", async () => {
  const store = await openStore(await knownFile(dir), { readonly: true });
  try {
    const out = join(dir, "groups.parquet");
    assert.equal(await writeParquet(() => store.exportRows(), out, 4), 9);
    const { metadata, rows } = await read(out);
    assert.deepEqual(metadata.row_groups.map((g) => Number(g.num_rows)), [4, 4, 1], "a row group every 4 rows");
    assert.deepEqual(rows.map((x) => x.code), ["112", "190", "036", "040", "040", "057", "173", "030", "040"]);

    const empty = join(dir, "empty.parquet");
    assert.equal(await writeParquet(() => store.exportRows({ actor: "XYZ" }), empty), 0);
    const none = await read(empty);
    assert.equal(none.rows.length, 0);
    assert.equal(none.metadata.schema.length, PARQUET_SCHEMA.length);
  } finally {
    await store.close();
  }
});

test("export parquet: needs --out, never writes binary to stdout; a bad --out is a clear error", async () => {
  const db = await knownFile(dir);
  for (const args of [[], ["--out", "-"]]) {
    const r = annals(["export", "--db", db, "--format", "parquet", ...args]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /--format parquet .*--out FILE/);
  }
  assert.equal(annals(["export", "--db", db, "--format", "csv", "--out", join(dir, "x.csv")]).status, 2, "--out is for parquet only");
  const missing = join(dir, "no-such-folder", "x.parquet");
  const r = annals(["export", "--db", db, "--format", "parquet", "--out", missing]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^annals: cannot write .*no-such-folder/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  assert.equal(existsSync(missing), false);
});
