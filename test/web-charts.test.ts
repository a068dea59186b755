/**
 * The arithmetic of the page's charts, without a browser: the count axis's
 * ticks, the Goldstein line's runs over periods, the map's shading classes,
 * where the network's labels go, and the map's country codes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classBreaks, classOf, classRange, lineRuns, niceTicks, type PeriodValue } from "../web/src/chart-math.js";
import { fmt } from "../web/src/dom.js";
import { linesThrough, placeLabels, type LabelNode } from "../web/src/labels.js";
import { fillPeriods, nextPeriod } from "../web/src/periods.js";
import { isoOf } from "../web/src/world.js";

const ROOT = join(import.meta.dirname, "..");

test("count ticks: whole, distinct, evenly spaced from 0 past the largest count, with distinct labels", () => {
  const maxima = [...Array.from({ length: 2000 }, (_, i) => i + 1), 9_999, 10_001, 99_999, 150_000, 320_123, 1_234_567];
  for (const max of maxima)
    for (const target of [2, 3, 5, 8]) {
      const ticks = niceTicks(max, target);
      const where = `max ${max}, about ${target}`;
      assert.equal(ticks[0], 0, where);
      assert.ok(ticks[ticks.length - 1] >= max, where);
      assert.ok(ticks.length >= 2, where);
      const step = ticks[1] - ticks[0];
      assert.ok(Number.isInteger(step) && step >= 1, where);
      assert.ok(/^[125]0*$/.test(String(step)), `${where}: step ${step} is 1, 2 or 5 times a power of ten`);
      ticks.forEach((t, i) => assert.equal(t, i * step, where));
      // no more than one step above the largest count
      assert.ok(ticks[ticks.length - 2] < max, where);
      const labels = ticks.map((t) => fmt(t));
      assert.equal(new Set(labels).size, labels.length, `${where}: ${labels.join(", ")}`);
    }
});

test("count ticks for small counts and large ones read as they should", () => {
  assert.deepEqual(niceTicks(2), [0, 1, 2]);
  assert.deepEqual(niceTicks(1), [0, 1]);
  assert.deepEqual(niceTicks(0), [0, 1], "an empty axis still has a scale");
  assert.deepEqual(niceTicks(9), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(niceTicks(150_000).map((t) => fmt(t)), ["0", "50,000", "100,000", "150,000"]);
});

const months = (entries: [string, number | null][]): PeriodValue[] => entries.map(([period, value]) => ({ period, value }));
const periodsOf = (runs: PeriodValue[][]) => runs.map((r) => r.map((p) => p.period));

test("the Goldstein line runs only between neighbouring periods that both have events", () => {
  const filled = fillPeriods(["2021-11", "2021-12", "2022-01", "2022-04", "2022-05", "2022-09"], "month");
  assert.ok(filled.complete);
  const has = new Map([["2021-11", 2], ["2021-12", -1], ["2022-01", 0.5], ["2022-04", 3], ["2022-05", -7], ["2022-09", 1]]);
  const runs = lineRuns(filled.periods.map((period) => ({ period, value: has.get(period) ?? null })), "month");
  assert.deepEqual(periodsOf(runs), [["2021-11", "2021-12", "2022-01"], ["2022-04", "2022-05"], ["2022-09"]]);
  assert.deepEqual(runs[0].map((p) => p.value), [2, -1, 0.5], "a value of 0 is a value, not a gap");
});

test("periods drawn side by side with quiet ones left out between them are not joined", () => {
  // fillPeriods gives only the periods with events when there are too many to draw
  const side = fillPeriods(["2020-01-01", "2020-01-02", "2020-03-01", "2024-01-01"], "day", 10);
  assert.equal(side.complete, false);
  const runs = lineRuns(side.periods.map((period) => ({ period, value: 1 })), "day");
  assert.deepEqual(periodsOf(runs), [["2020-01-01", "2020-01-02"], ["2020-03-01"], ["2024-01-01"]]);
});

test("runs follow each period's own neighbour: years, ISO weeks, months across a year's end, days across a leap day", () => {
  assert.deepEqual(periodsOf(lineRuns(months([["2019", 1], ["2020", 2], ["2022", 3]]), "year")), [["2019", "2020"], ["2022"]]);
  assert.deepEqual(periodsOf(lineRuns(months([["2023-12-25", 1], ["2024-01-01", 2], ["2024-01-15", 3]]), "week")), [["2023-12-25", "2024-01-01"], ["2024-01-15"]]);
  assert.deepEqual(periodsOf(lineRuns(months([["2023-12", 1], ["2024-01", 2]]), "month")), [["2023-12", "2024-01"]]);
  assert.deepEqual(periodsOf(lineRuns(months([["2024-02-28", 1], ["2024-02-29", 2], ["2024-03-01", 3], ["2024-03-03", 4]]), "day")), [["2024-02-28", "2024-02-29", "2024-03-01"], ["2024-03-03"]]);
  assert.deepEqual(lineRuns([], "month"), []);
  assert.deepEqual(periodsOf(lineRuns(months([["2024-01", null], ["2024-02", NaN]]), "month")), []);
  assert.equal(nextPeriod("2024-12", "month"), "2025-01");
});

test("shading classes: at most five, ascending, and every count in the class whose range holds it", () => {
  const cases = [
    [9, 4, 3, 3, 2, 2, 1, 1],
    [36009, 16004, 12003, 12003, 8002, 8002, 4001, 4001],
    [1, 1, 1],
    [5213, 12, 7, 3, 1, 1, 1, 88, 450, 23, 17, 2, 9, 160, 1200],
    Array.from({ length: 300 }, (_, i) => 1 + Math.floor(1.04 ** i)),
  ];
  for (const values of cases) {
    const bounds = classBreaks(values);
    const max = Math.max(...values);
    assert.ok(bounds.length >= 1 && bounds.length <= 5, values.join(","));
    assert.equal(bounds[0], Math.min(...values), "the first class starts at the smallest count");
    for (let i = 1; i < bounds.length; i++) assert.ok(bounds[i] > bounds[i - 1]);
    for (const v of values) {
      const k = classOf(v, bounds);
      const [lo, hi] = classRange(bounds, k, max);
      assert.ok(lo <= v && v <= hi, `${v} in ${lo}–${hi}`);
    }
    // the ranges follow each other without a hole
    for (let i = 1; i < bounds.length; i++) assert.equal(classRange(bounds, i - 1, max)[1] + 1, classRange(bounds, i, max)[0]);
  }
  assert.deepEqual(classBreaks([9, 4, 3, 3, 2, 2, 1, 1]), [1, 2, 3, 4, 9], "few counts: a class each");
  assert.deepEqual(classBreaks([36009, 16004, 12003, 8002, 4001]), [4001, 5000, 10000, 16000, 20000], "bounds rounded as far as the counts allow");
  assert.deepEqual(classBreaks([]), []);
  assert.equal(classOf(0, [1, 5]), -1);
});

test("a label takes a side no edge crosses, and labels that find no clear side are marked so", () => {
  const node: LabelNode = { x: 100, y: 100, r: 10, w: 40, h: 14 };
  // an edge straight down through where the label would go first (below)
  const down = [[{ x: 100, y: 100 }, { x: 100, y: 200 }]];
  const [placed] = placeLabels([node], down, 400, 400);
  assert.equal(linesThrough(down, placed), 0);
  assert.ok(placed.clear);
  assert.ok(placed.y + placed.h <= node.y - node.r, "above the node, the next side tried");
  // two nodes on one spot: the bigger one's label is clear, the other is not placed over it
  const pair = placeLabels([{ ...node, r: 12 }, node], [], 400, 400);
  assert.ok(pair[0].clear);
  const overlap = (a: typeof pair[0], b: typeof pair[0]) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  assert.ok(!pair[1].clear || !overlap(pair[0], pair[1]));
  // a crowd on a small canvas: no two clear labels overlap, none leaves the canvas
  const crowd = Array.from({ length: 30 }, (_, i) => ({ x: 40 + (i % 6) * 30, y: 40 + Math.floor(i / 6) * 25, r: 5, w: 44, h: 14 }));
  const boxes = placeLabels(crowd, [], 240, 200).filter((b) => b.clear);
  assert.ok(boxes.length > 5);
  for (const [i, a] of boxes.entries()) {
    assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.w <= 240 && a.y + a.h <= 200);
    for (const b of boxes.slice(i + 1)) assert.ok(!overlap(a, b));
  }
});

test("every country shape of the map has the ISO code events use, and no two codes share a numeric one", () => {
  const atlas = JSON.parse(readFileSync(join(ROOT, "node_modules", "world-atlas", "countries-110m.json"), "utf8"));
  const known = new Set(
    readFileSync(join(ROOT, "data", "ontology", "countries.txt"), "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#"))
      .map((l) => l.split("|")[0].trim()),
  );
  const byNumeric = new Map<string, string>();
  for (const g of atlas.objects.countries.geometries as { id?: string; properties: { name: string } }[]) {
    const iso = isoOf(g);
    assert.ok(iso && known.has(iso), `${g.id ?? "no id"} ${g.properties.name}: ${iso}`);
    if (g.id) byNumeric.set(g.id, iso);
  }
  assert.equal(new Set(byNumeric.values()).size, byNumeric.size, "one code per numeric code");
  // spot checks where a name alone would mislead ("Congo" is Brazzaville here)
  const named = (name: string) => isoOf(atlas.objects.countries.geometries.find((g: { properties: { name: string } }) => g.properties.name === name));
  assert.equal(named("Congo"), "COG");
  assert.equal(named("Dem. Rep. Congo"), "COD");
  assert.equal(named("North Korea"), "PRK");
  assert.equal(named("South Korea"), "KOR");
  assert.equal(named("Kosovo"), "XKX");
  assert.equal(named("Somaliland"), "SOM");
  assert.equal(isoOf({ id: "999" }), null);
});
