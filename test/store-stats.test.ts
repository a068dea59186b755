/** `annals stats` (periods, top actors and dyads) and `annals export --format gdelt`, on known data. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fractionDate, GDELT_COLUMNS, gdeltCells } from "../src/cli/gdelt.js";
import { openStore, type TopRow } from "../src/store/index.js";
import { knownStoreOn, storeBackends, testEach } from "./support/backends.js";
import { annals, collect, knownDocument, readCsv, tempDir } from "./support/store.js";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const BACKENDS = await storeBackends(dir);


const jsonl = (s: string) => s.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));

testEach(BACKENDS, "store: top actors and dyads, asserted and non-negated by default, with filters and limits", async (backend) => {
  const store = await openStore(await knownStoreOn(backend), { readonly: true });
  const brief = (rows: TopRow[]) => rows.map((r) => [r.source, r.target, r.events, r.distinct, r.goldsteinTotal]);
  assert.deepEqual(brief(await store.top({}, { kind: "actors", limit: 4 })), [
    ["CHNGOV", null, 3, 2, 3],
    ["RUSGOV", null, 3, 2, 3],
    ["CHN", null, 1, 1, 8],
    ["COP", null, 1, 1, -5],
  ]);
  assert.deepEqual(brief(await store.top({}, { kind: "dyads" })), [
    ["CHNGOV", "RUSGOV", 2, 1, 2],
    ["CHN", "IRN", 1, 1, 8],
    ["IRNMIL", "USAMIL", 1, 1, -10],
    ["RUSGOV", "CHNGOV", 1, 1, 1],
    ["USAGOV", "IRNGOV", 1, 1, -2],
  ]);
  // with every event: the undated reported-past CHNGOV->RUSGOV counts as a mention but has no date to be a distinct tuple
  assert.deepEqual(brief(await store.top({}, { kind: "dyads", all: true, limit: 1 })), [["CHNGOV", "RUSGOV", 3, 1, 6]]);
  assert.deepEqual(brief(await store.top({}, { kind: "actors", all: true, limit: 2 })), [["CHNGOV", null, 4, 2, 7], ["RUSGOV", null, 4, 2, 7]]);
  assert.deepEqual((await store.top({ actor: "IRN" }, { kind: "actors" })).map((r) => r.source), ["CHN", "IRN", "IRNGOV", "IRNMIL", "USAGOV", "USAMIL"]);
  assert.deepEqual(brief(await store.top({ source: "CHN", code: "04" }, { kind: "dyads" })), [["CHNGOV", "RUSGOV", 2, 1, 2]]);
  assert.deepEqual(await store.top({ text: `'); DROP TABLE events; --` }, { kind: "actors" }), [], "user text stays a bound value");
  assert.equal((await store.counts()).events, 9);
  await store.close();

  // an actor on both sides of one event is counted once for it
  const self = knownDocument("s1", "2021-05-01", [{ sentence: 0, text: "China criticised China.", date: "2021-05-01", source: ["CHN", "CHN", [], "China"], target: ["CHN", "CHN", [], "China"], code: "111", quad: 3, goldstein: -2, plover: "DISAPPROVE" }]);
  const s = await openStore(await backend.newStore());
  await s.saveBatch([self], "v1");
  assert.deepEqual(brief(await s.top({}, { kind: "actors" })), [["CHN", null, 1, 1, -2]]);
  await s.close();
});

testEach(BACKENDS, "annals stats: by period as table, JSON Lines and CSV; top actors and dyads; usage errors", async (backend) => {
  const db = await knownStoreOn(backend);
  const month = annals(["stats", "--db", db, "--format", "jsonl"]);
  assert.equal(month.status, 0, month.stderr);
  assert.deepEqual(jsonl(month.stdout), [
    { period: "2020-01", quad: 3, events: 1, distinct: 1, goldsteinTotal: -2, goldsteinMean: -2 },
    { period: "2020-01", quad: 4, events: 1, distinct: 1, goldsteinTotal: -10, goldsteinMean: -10 },
    { period: "2020-02", quad: 1, events: 4, distinct: 3, goldsteinTotal: 11, goldsteinMean: 2.75 },
    { period: "2020-02", quad: 4, events: 1, distinct: 1, goldsteinTotal: -5, goldsteinMean: -5 },
  ]);
  const day = annals(["stats", "--db", db, "--dyad", "CHN,RUS", "--by", "day", "--format", "csv"]);
  assert.equal(day.status, 0, day.stderr);
  assert.deepEqual(readCsv(day.stdout), [
    ["period", "quad", "events", "distinct", "goldstein_total", "goldstein_mean"],
    ["2020-02-03", "1", "2", "1", "2", "1"],
  ]);
  const week = annals(["stats", "--db", db, "--actor", "IRN", "--by", "week", "--all", "--format", "jsonl"]);
  assert.deepEqual(jsonl(week.stdout).map((r) => [r.period, r.quad, r.events]), [["2020-01-06", 1, 1], ["2020-01-06", 3, 1], ["2020-01-06", 4, 1], ["2020-02-03", 1, 1]]);
  const year = annals(["stats", "--db", db, "--by", "year", "--quad", "1", "--format", "jsonl"]);
  assert.deepEqual(jsonl(year.stdout), [{ period: "2020", quad: 1, events: 4, distinct: 3, goldsteinTotal: 11, goldsteinMean: 2.75 }]);

  const table = annals(["stats", "--db", db]);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^period\s+quad\s+events\s+distinct\s+goldstein_total\s+goldstein_mean\n/);
  assert.match(table.stdout, /\n2020-02\s+1\s+4\s+3\s+11\s+2\.75\n/);

  const actors = annals(["stats", "--db", db, "--top", "actors", "--limit", "2", "--format", "jsonl"]);
  assert.deepEqual(jsonl(actors.stdout), [
    { actor: "CHNGOV", events: 3, distinct: 2, goldsteinTotal: 3, goldsteinMean: 1 },
    { actor: "RUSGOV", events: 3, distinct: 2, goldsteinTotal: 3, goldsteinMean: 1 },
  ]);
  const dyads = annals(["stats", "--db", db, "--top", "dyads", "--limit", "2", "--format", "csv"]);
  assert.deepEqual(readCsv(dyads.stdout), [
    ["source", "target", "events", "distinct", "goldstein_total", "goldstein_mean"],
    ["CHNGOV", "RUSGOV", "2", "1", "2", "1"],
    ["CHN", "IRN", "1", "1", "8", "8"],
  ]);
  assert.match(annals(["stats", "--db", db, "--top", "dyads"]).stdout, /^source\s+target\s+events/);
  assert.match(annals(["stats", "--db", db, "--actor", "ZZZ"]).stderr, /no events match/);

  for (const bad of [["--by", "hour"], ["--top", "people"], ["--limit", "0"], ["--format", "xml"], ["--dyad", "CHN"], ["extra"]]) {
    const r = annals(["stats", "--db", db, ...bad]);
    assert.equal(r.status, 2, bad.join(" "));
  }
  assert.match(annals(["stats", "--db", join(dir, "none.db")]).stderr, /no database at/);
});

testEach(BACKENDS, "export gdelt: 61 tab-separated columns in the codebook's order, re-read column by column", async (backend) => {
  // the GDELT 2.0 event codebook's table, written out in full
  const actor = (n: number) => ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"].map((c) => `Actor${n}${c}`);
  const geo = (p: string) => ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"].map((c) => `${p}Geo_${c}`);
  const codebook = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", ...actor(1), ...actor(2), "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", ...geo("Actor1"), ...geo("Actor2"), ...geo("Action"), "DATEADDED", "SOURCEURL"];
  assert.equal(codebook.length, 61);
  assert.deepEqual(GDELT_COLUMNS, codebook);
  assert.deepEqual([GDELT_COLUMNS[25], GDELT_COLUMNS[34], GDELT_COLUMNS[35], GDELT_COLUMNS[53], GDELT_COLUMNS[59]], ["IsRootEvent", "AvgTone", "Actor1Geo_Type", "ActionGeo_CountryCode", "DATEADDED"]);
  const db = await knownStoreOn(backend);
  const r = annals(["export", "--db", db, "--format", "gdelt"]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.endsWith("\n"));
  const lines = r.stdout.slice(0, -1).split("\n");
  assert.equal(lines.length, 9, "one line per event, no header");
  const rows = lines.map((l) => {
    const cells = l.split("\t");
    assert.equal(cells.length, 61, l);
    return Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, cells[i]]));
  });
  const never = ["Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor2KnownGroupCode", "AvgTone", "ActionGeo_Type", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_FeatureID"];
  for (const row of rows) {
    for (const c of never) assert.equal(row[c], "", c);
    for (const c of GDELT_COLUMNS.filter((c) => c.startsWith("Actor1Geo_") || c.startsWith("Actor2Geo_"))) assert.equal(row[c], "", c);
    assert.match(row.DATEADDED, /^\d{14}$/);
    assert.deepEqual([row.NumMentions, row.NumSources, row.NumArticles], ["1", "1", "1"]);
  }
  assert.deepEqual(rows.map((x) => x.GLOBALEVENTID), ["1", "2", "3", "4", "5", "6", "7", "8", "9"], "the store's event numbers, in insertion order");

  const [a0, a1, , b0, , , b3, b4] = rows;
  assert.deepEqual(
    [a1.SQLDATE, a1.MonthYear, a1.Year, a1.FractionDate, a1.Actor1Code, a1.Actor1Name, a1.Actor1CountryCode, a1.Actor1Type1Code, a1.Actor1Type2Code, a1.Actor2Code, a1.Actor2Name, a1.Actor2CountryCode],
    ["20200108", "202001", "2020", "2020.0219", "IRNMIL", "Iranian forces", "IRN", "MIL", "", "USAMIL", "base", "USA"],
  );
  assert.deepEqual([a1.IsRootEvent, a1.EventCode, a1.EventBaseCode, a1.EventRootCode, a1.QuadClass, a1.GoldsteinScale], ["0", "190", "190", "19", "4", "-10"]);
  assert.deepEqual([a1.ActionGeo_FullName, a1.ActionGeo_Lat, a1.ActionGeo_Long, a1.SOURCEURL], ["Geneva", "46.2044", "6.1432", "https://example.org/a1"]);
  assert.deepEqual([a0.IsRootEvent, a0.EventCode, a0.ActionGeo_FullName, a0.ActionGeo_Lat], ["1", "112", "", ""]);
  assert.deepEqual([b0.EventCode, b0.EventBaseCode, b0.EventRootCode, b0.GoldsteinScale, b0.SOURCEURL], ["040", "040", "04", "1", "https://example.org/b1"], "leading zeros kept");
  assert.deepEqual([b3.Actor1Code, b3.Actor1CountryCode, b3.Actor1Type1Code, b3.Actor2Code, b3.Actor2Name, b3.EventCode], ["COP", "", "COP", "", "", "173"]);
  assert.deepEqual([b4.SQLDATE, b4.MonthYear, b4.Year, b4.FractionDate, b4.EventCode], ["", "", "", "", "030"], "an undated event has empty dates");

  // four-digit codes have a three-digit base; tabs and line breaks in a field never shift the columns
  const store = await openStore(db, { readonly: true });
  const row = (await collect(store.exportRows({ doc: "b1" })))[0];
  await store.close();
  const cells = gdeltCells({ ...row, code: "0431", root: "04", source_name: "China\tand\nfriends", date: "2020-03-01" });
  assert.deepEqual([cells[26], cells[27], cells[28], cells[6], cells[4]], ["0431", "043", "04", "China and friends", "2020.1671"]);
  assert.equal(fractionDate("2019-01-25"), "2019.0685", "as in GDELT's own files");
  const filtered = annals(["export", "--db", db, "--format", "gdelt", "--code", "04"]);
  assert.equal(filtered.stdout.trim().split("\n").length, 3);
});
