/**
 * The dyad, network and map views in a real Chromium, on stores built by
 * `annals ingest` and served by the real server: what they draw is compared
 * with what the API answers for the same question. One store is the example
 * articles plus three dated so that some months follow each other and others
 * stand apart; the other has one month of over 100,000 events, so the count
 * axis has labels as wide as "150,000". Screenshots of each view at 1280 and
 * 390 px go to test-output/.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import type { LocationsResponse, SeriesResponse, StatsRow, TopResponse } from "../src/serve/api-types.js";
import { fillPeriods, nextPeriod } from "../web/src/periods.js";
import { rebuildAggregates } from "../src/store/aggregates.js";
import { drawn, noChromium, openBrowser, SCREENSHOTS, show, type Browser } from "./support/browser.js";
import { startAnnalsServe, type AnnalsServer } from "./support/serve-process.js";
import { annals, tempDir } from "./support/store.js";

const EXAMPLES = join(import.meta.dirname, "..", "examples");
/** Dated to join 2023-03 (the examples' busiest month) to the months either side; placed in a country without coordinates and in one too small for the map's shapes. */
const MORE = [
  { id: "charts-feb", date: "2023-02-14", place: "Seoul", text: "South Korea condemned North Korea over the missile launch on Monday. Japan praised South Korea for its restraint." },
  { id: "charts-apr", date: "2023-04-03", place: "Syria", text: "Turkey accused Syria of shelling the border town on Sunday. Russia praised Turkey for its restraint." },
  { id: "charts-sgp", date: "2023-04-20", place: "Singapore", text: "China praised Singapore for hosting the talks on Thursday." },
];
const WIDTHS = [360, 1024, 1280];

/** Copies every event of `month` `times` over (same dates, new ids): one period with a very large count. */
function crowdMonth(path: string, month: string, times: number): void {
  const db = new Database(path);
  const columns = (db.prepare("PRAGMA table_info(events)").all() as { name: string }[]).map((c) => c.name).filter((c) => c !== "seq" && c !== "id");
  db.prepare(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?) ` +
      `INSERT INTO events (id, ${columns.join(", ")}) SELECT e.id || '-' || k.i, ${columns.map((c) => `e.${c}`).join(", ")} FROM events e, k WHERE substr(e.date, 1, 7) = ?`,
  ).run(times, month);
  rebuildAggregates(db); // rows written past the store: its counts are built again from them
  db.close();
}

describe("the dyad, network and map views in Chromium", { skip: noChromium }, () => {
  const dir = tempDir();
  let server: AnnalsServer;
  let large: AnnalsServer;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let largeOrigin: string;
  const get = async <T>(path: string, from = origin): Promise<T> => {
    const res = await fetch(`${from}${path}`);
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  };
  /** Loads the page anew at `hash` (also when it is the address already) and waits until the view is drawn. */
  const load = async (from: string, hash: string) => {
    await page.goto("about:blank");
    await show(page, from, hash);
  };
  const params = () => new URLSearchParams(new URL(page.url()).hash.replace(/^#[^?]*\??/, ""));
  const viewOf = () => new URL(page.url()).hash.replace(/^#/, "").split("?")[0];

  /** Period totals of a series, by the measure the chart draws. */
  const totals = (rows: StatsRow[], measure: "events" | "distinct" = "events") => {
    const t = new Map<string, number>();
    for (const r of rows) t.set(r.period, (t.get(r.period) ?? 0) + r[measure]);
    return t;
  };

  /** The count axis's labels as numbers. */
  const yTicks = async () => (await page.$$eval("svg.dyad-chart text.y-tick", (ts) => ts.map((t) => t.textContent ?? ""))).map((l) => ({ label: l, n: Number(l.replace(/,/g, "")) }));

  /** Text of a chart that does not lie wholly inside its SVG (drawn past its edge, so cut off). */
  const clippedText = () =>
    page.$$eval("main svg text", (texts) =>
      texts.flatMap((t) => {
        const box = (t as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
        const r = t.getBoundingClientRect();
        const out = r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
        return out ? [`"${t.textContent}" at ${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(box.left)}..${Math.round(box.right)}`] : [];
      }),
    );

  /** What in the view and its filter bar reaches past the window's right edge, or scrolls sideways. */
  const overflow = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const out: string[] = [];
      for (const root of document.querySelectorAll("main, .filter-slot")) {
        if (root.scrollWidth > root.clientWidth + 1) out.push(`${root.tagName.toLowerCase()} scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
        for (const el of root.querySelectorAll("*")) {
          if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > width + 0.5) out.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""} ends at ${Math.round(r.right)} in a window ${width} wide`);
        }
      }
      return out.slice(0, 8);
    });

  before(async () => {
    const db = join(dir, "charts.db");
    const more = join(dir, "more.jsonl");
    writeFileSync(more, MORE.map((d) => JSON.stringify(d)).join("\n") + "\n");
    const ingest = annals(["ingest", EXAMPLES, more, "--db", db, "--workers", "1"]);
    assert.equal(ingest.status, 0, ingest.stderr);
    const big = join(dir, "large.db");
    copyFileSync(db, big);
    crowdMonth(big, "2023-03", 12_000);
    server = await startAnnalsServe(db);
    large = await startAnnalsServe(big);
    origin = server.url.replace(/\/$/, "");
    largeOrigin = large.url.replace(/\/$/, "");
    browser = await openBrowser(origin);
    // the large store's server is a second origin the page may use
    await browser.context.unroute("**/*");
    await browser.context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin === origin || url.origin === largeOrigin) return route.continue();
      browser.blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    });
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await large?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the Goldstein line runs across neighbouring months with events and never across a month without", async () => {
    await load(origin, "#dyad?by=month");
    const series: SeriesResponse = await get("/api/series?by=month");
    const busy = [...totals(series.rows).keys()].sort();
    const filled = fillPeriods(busy, "month");
    assert.ok(filled.complete && filled.periods.length > busy.length, "some months between the first and the last have no events");
    const runs = await page.$$eval("path.goldstein-line", (ps) => ps.map((p) => ({ periods: (p.getAttribute("data-periods") ?? "").split(" "), d: p.getAttribute("d") ?? "" })));
    assert.ok(runs.some((r) => r.periods.length >= 3), "2023-02, 2023-03 and 2023-04 make one stretch of line");
    assert.ok(runs.some((r) => r.periods.length === 1), "a month standing alone is a point, not a line");
    // every month with events is on the line once, in order, and nothing else is
    assert.deepEqual(runs.flatMap((r) => r.periods), busy);
    const centre = new Map(await page.$$eval("g.bar", (bars) => bars.map((b) => { const r = b.querySelector("rect")!; return [b.getAttribute("data-period")!, Number(r.getAttribute("x")) + Number(r.getAttribute("width")) / 2] as [string, number]; })));
    for (const run of runs) {
      for (let i = 1; i < run.periods.length; i++) assert.equal(run.periods[i], nextPeriod(run.periods[i - 1], "month"), `${run.periods.join(" ")}: months that follow each other`);
      // the path's points are the run's months, at their bars
      const points = [...run.d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)];
      assert.equal(points.length, run.periods.length, run.d);
      assert.equal(points[0][1], "M");
      assert.ok(points.slice(1).every((p) => p[1] === "L"), "one stroke per run: a gap starts a new path");
      points.forEach((p, i) => assert.ok(Math.abs(Number(p[2]) - centre.get(run.periods[i])!) < 0.2, `${run.periods[i]} at its bar`));
    }
    // no stroke joins the last month of one run to the first of the next
    for (let i = 1; i < runs.length; i++) assert.notEqual(nextPeriod(runs[i - 1].periods.at(-1)!, "month"), runs[i].periods[0]);
    // the mean drawn is the events' mean: a month's height follows its Goldstein total over its events
    const ys = await page.$$eval("circle.goldstein-dot", (cs) => cs.map((c) => [c.getAttribute("data-period")!, Number(c.getAttribute("cy"))] as [string, number]));
    const mean = (p: string) => { const rows = series.rows.filter((r) => r.period === p); return rows.reduce((n, r) => n + r.goldsteinTotal, 0) / rows.reduce((n, r) => n + r.events, 0); };
    for (const [a, ya] of ys) for (const [b, yb] of ys) if (mean(a) > mean(b) + 0.01) assert.ok(ya < yb, `${a} (${mean(a)}) above ${b} (${mean(b)})`);
    await page.screenshot({ path: join(SCREENSHOTS, "dyad-gaps.png") });
  });

  test("the count axis has whole, distinct, evenly spaced ticks over the largest bar, none cut off, small counts or large", async () => {
    for (const [from, hash] of [[origin, "#dyad?by=month"], [origin, "#dyad?by=day"], [origin, "#dyad?by=week&source=JPN"], [largeOrigin, "#dyad?by=month"], [largeOrigin, "#dyad?by=year&all=true"]] as const)
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await load(from, hash);
        const q = new URLSearchParams(hash.split("?")[1]);
        const series: SeriesResponse = await get(`/api/series?${q}`, from);
        const most = Math.max(...totals(series.rows).values());
        const ticks = await yTicks();
        const where = `${from === origin ? "" : "large store "}${hash} at ${width} px: ${ticks.map((t) => t.label).join(", ")}`;
        assert.equal(new Set(ticks.map((t) => t.label)).size, ticks.length, `${where}: distinct labels`);
        assert.equal(ticks[0].n, 0, where);
        const step = ticks[1].n - ticks[0].n;
        assert.ok(Number.isInteger(step) && step >= 1, where);
        ticks.forEach((t, i) => assert.equal(t.n, i * step, where));
        assert.ok(ticks.at(-1)!.n >= most && ticks.at(-2)!.n < most, `${where}: the top tick is the first at or over the largest bar (${most})`);
        assert.deepEqual(await clippedText(), [], where);
        // as wide as the "150,000" that was cut to "l50,000"
        if (from === largeOrigin) assert.ok(ticks.some((t) => t.label.length >= "150,000".length), where);
      }
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test("the count switch draws the one-a-day distinct count, and a filter change keeps it", async () => {
    await load(origin, "#dyad?by=month");
    await drawn(page, () => page.click(".segmented.measure button[data-value=distinct]"));
    assert.equal(params().get("count"), "distinct");
    assert.equal(await page.getAttribute("svg.dyad-chart", "data-measure"), "distinct");
    const series: SeriesResponse = await get("/api/series?by=month");
    const drawnCounts = await page.$$eval("rect.seg", (rs) => rs.map((r) => `${r.getAttribute("data-period")} ${r.getAttribute("data-quad")} ${r.getAttribute("data-count")}`));
    assert.deepEqual(drawnCounts.sort(), series.rows.filter((r) => r.distinct > 0).map((r) => `${r.period} ${r.quad} ${r.distinct}`).sort());
    const ticks = await yTicks();
    assert.ok(ticks.at(-1)!.n >= Math.max(...totals(series.rows, "distinct").values()));
    assert.equal(await page.getAttribute(".segmented.measure button[data-value=distinct]", "aria-pressed"), "true");
    await page.fill(".filters input[name=actor]", "JPN");
    await drawn(page, () => page.click(".filters button[type=submit]"));
    assert.equal(params().get("count"), "distinct", "the filter bar keeps the view's count");
    assert.equal(params().get("actor"), "JPN");
    await drawn(page, () => page.click(".segmented.measure button[data-value=events]"));
    assert.equal(params().get("count"), null);
    assert.equal(await page.getAttribute("svg.dyad-chart", "data-measure"), "events");
  });

  test("network nodes are filled, sized by their events in the drawn dyads; the pointer shows counts; a click filters the explorer", async () => {
    await load(origin, "#network");
    const top: TopResponse = await get("/api/top?kind=dyads&limit=40");
    const volume = new Map<string, number>();
    for (const d of top.rows) for (const a of new Set([d.source, d.target!])) volume.set(a, (volume.get(a) ?? 0) + d.events);
    const nodes = await page.$$eval("g.node", (ns) =>
      ns.map((n) => {
        const c = n.querySelector("circle")!;
        return { actor: n.getAttribute("data-actor")!, events: Number(n.getAttribute("data-events")), r: Number(c.getAttribute("r")), fill: getComputedStyle(c).fill };
      }),
    );
    assert.deepEqual(new Map(nodes.map((n) => [n.actor, n.events])), volume);
    assert.ok(new Set(nodes.map((n) => n.events)).size > 1, "the actors have different counts");
    for (const a of nodes)
      for (const b of nodes) {
        if (a.events > b.events) assert.ok(a.r > b.r, `${a.actor} (${a.events}) larger than ${b.actor} (${b.events})`);
        if (a.events === b.events) assert.equal(a.r, b.r);
      }
    for (const n of nodes) assert.ok(n.fill !== "none" && n.fill !== "rgb(255, 255, 255)", `${n.actor} is filled (${n.fill})`);
    // the labels that are drawn sit inside the picture
    assert.deepEqual(await clippedText(), []);

    const busiest = [...nodes].sort((a, b) => b.events - a.events)[0];
    await page.hover(`g.node[data-actor="${busiest.actor}"] circle`);
    assert.equal(await page.isVisible(".chart-tip"), true);
    assert.match((await page.textContent(".chart-tip")) ?? "", new RegExp(`^${busiest.actor}: ${busiest.events} events? in these dyads`));
    await drawn(page, () => page.click(`g.node[data-actor="${busiest.actor}"] circle`));
    assert.equal(viewOf(), "explorer");
    assert.equal(params().get("actor"), busiest.actor);
    assert.equal(params().get("counted"), "true", "the explorer lists the events the network counts");
    assert.equal(await page.textContent(".filters .chip[data-filter=counted]").then((t) => t?.includes("only events that count")), true);

    // an edge, from the keyboard
    await load(origin, "#network?all=true");
    const edge = top.rows.find((r) => r.source !== r.target)!;
    await page.focus(`path.edge[data-source="${edge.source}"][data-target="${edge.target}"]`);
    await drawn(page, () => page.keyboard.press("Enter"));
    assert.equal(viewOf(), "explorer");
    assert.equal(params().get("source"), edge.source);
    assert.equal(params().get("target"), edge.target);
    assert.equal(params().get("counted"), null, "counting every event opens every event");
  });

  test("the map shades exactly the countries /api/locations places events in, each in the class of its count", async () => {
    for (const all of [false, true]) {
      await load(origin, `#map${all ? "?all=true" : ""}`);
      const { rows }: LocationsResponse = await get(`/api/locations${all ? "?all=true" : ""}`);
      const perCountry = new Map<string, number>();
      for (const r of rows) if (r.country) perCountry.set(r.country, (perCountry.get(r.country) ?? 0) + r.events);
      const shapes = await page.$$eval("path.country", (ps) =>
        ps.map((p) => ({ iso: p.getAttribute("data-iso"), events: p.getAttribute("data-events"), k: p.getAttribute("data-class"), fill: getComputedStyle(p).fill })),
      );
      const classes = await page.$$eval(".map-class", (cs) =>
        cs.map((c) => ({ k: Number(c.getAttribute("data-class")), min: Number(c.getAttribute("data-min")), max: Number(c.getAttribute("data-max")), colour: getComputedStyle(c.querySelector(".swatch")!).backgroundColor })),
      );
      const onMap = new Set(shapes.map((s) => s.iso));
      const shaded = [...new Set(shapes.filter((s) => s.events !== null).map((s) => s.iso!))].sort();
      assert.deepEqual(shaded, [...perCountry.keys()].filter((c) => onMap.has(c)).sort());
      // a country known only by name is shaded; one too small for the shapes is named below the map
      const nameOnly = rows.filter((r) => r.lat === null && r.country && onMap.has(r.country));
      assert.ok(nameOnly.length > 0 && nameOnly.every((r) => shaded.includes(r.country!)), "places without coordinates shade their country");
      assert.ok(perCountry.has("SGP") && !onMap.has("SGP"));
      assert.match((await page.textContent(".off-map")) ?? "", new RegExp(`SGP ${perCountry.get("SGP")}`));
      // the classes: contiguous ranges from the smallest count to the largest
      const scale = classes.filter((c) => c.k >= 0);
      const counts = shaded.map((c) => perCountry.get(c)!);
      assert.equal(scale[0].min, Math.min(...counts));
      assert.equal(scale.at(-1)!.max, Math.max(...counts));
      for (let i = 1; i < scale.length; i++) assert.equal(scale[i].min, scale[i - 1].max + 1);
      const none = classes.find((c) => c.k === -1)!;
      for (const s of shapes) {
        if (s.events === null) {
          assert.equal(s.fill, none.colour, `${s.iso} has no events and the colour of none`);
          continue;
        }
        const n = perCountry.get(s.iso!)!;
        assert.equal(Number(s.events), n, s.iso!);
        const k = scale.find((c) => c.min <= n && n <= c.max)!;
        assert.equal(Number(s.k), k.k, `${s.iso} (${n}) in class ${k.min}–${k.max}`);
        assert.equal(s.fill, k.colour, `${s.iso} coloured as its class`);
      }
    }
  });

  test("a click on a country or a place filters the explorer by where events happened", async () => {
    const { rows }: LocationsResponse = await get("/api/locations");
    await load(origin, "#map");
    const syria = rows.find((r) => r.country === "SYR")!;
    await page.focus('path.country.shaded[data-iso="SYR"]');
    await drawn(page, () => page.keyboard.press("Enter"));
    assert.equal(viewOf(), "explorer");
    assert.equal(params().get("country"), "SYR");
    assert.equal(params().get("counted"), "true");
    assert.match((await page.textContent(".filters .chip[data-filter=country]")) ?? "", /located in SYR/);
    const events = await get<{ events: unknown[] }>("/api/events?country=SYR&counted=true&limit=500");
    assert.equal(events.events.length, syria.events, "the filter takes the events the map counts");

    await load(origin, "#map");
    const busiest = rows.filter((r) => r.lat !== null).sort((a, b) => b.events - a.events)[0];
    const circle = `circle.place[data-name="${busiest.name}"]`;
    await page.hover(circle);
    assert.match((await page.textContent(".chart-tip")) ?? "", new RegExp(`^${busiest.name} \\(${busiest.country}\\): ${busiest.events} events?`));
    await drawn(page, () => page.click(circle));
    assert.equal(params().get("place"), busiest.name);
    assert.equal(params().get("country"), busiest.country);
    // the chips stay through a filter change, and their × takes them away
    await drawn(page, () => page.click(".filters button[type=submit]"));
    assert.equal(params().get("place"), busiest.name);
    await drawn(page, () => page.click(".filters .chip[data-filter=place] .chip-x"));
    assert.equal(params().get("place"), null);
    assert.equal(params().get("country"), busiest.country);
  });

  test("no view reaches past the window's right edge at 360, 1024 and 1280 px", async () => {
    const views: [string, string][] = [
      [origin, "#dyad?by=month"],
      [origin, "#dyad?by=day&count=distinct"],
      [origin, "#network"],
      [origin, "#network?top=100&all=true"],
      [origin, "#map"],
      [largeOrigin, "#dyad?by=month"],
    ];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      for (const [from, hash] of views) {
        await load(from, hash);
        assert.deepEqual(await overflow(), [], `${hash} at ${width} px`);
        const [svg, box] = await page.$eval("main figure.chart", (f) => [f.querySelector("svg")!.getBoundingClientRect().width, f.getBoundingClientRect().width]);
        assert.ok(svg <= box, `${hash} at ${width} px: the chart fits its frame`);
      }
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test("screenshots of each view at 1280 and 390 px", async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, from, hash] of [
        ["dyad", origin, "#dyad?by=month"],
        ["dyad-large", largeOrigin, "#dyad?by=month"],
        ["network", origin, "#network"],
        ["map", origin, "#map"],
      ] as const) {
        await load(from, hash);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
      }
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test("the views asked nothing of any other server, and logged no error", () => {
    assert.deepEqual(browser.blocked, []);
    assert.deepEqual(browser.errors, []);
  });
});
