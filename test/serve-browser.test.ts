/**
 * The web page of `annals serve` in a real Chromium, on a real store built
 * from the example articles by `annals ingest`, served by the real server on
 * 127.0.0.1. What the page shows is compared with what the API answers for
 * the same question, never with a list written here.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { ApiEvent, CodeResponse, DocumentResponse, EventsResponse, LocationsResponse, SeriesResponse, TopResponse } from "../src/serve/api-types.js";
import { drawn, noChromium, openBrowser, SCREENSHOTS, show, type Browser } from "./support/browser.js";
import { allApiEvents, getJson } from "./support/serve.js";
import { startAnnalsServe, type AnnalsServer } from "./support/serve-process.js";
import { annals, tempDir } from "./support/store.js";

const EXAMPLES = join(import.meta.dirname, "..", "examples");
const HOSTILE_ID = "hostile-markup";
const HOSTILE_TEXT = "Japan condemned <b>bold</b> North Korea over the missile launch on Tuesday, and <script>window.__pwned=1</script> was only text. South Korea accused North Korea of provocation.";

describe("the web page in Chromium", { skip: noChromium }, () => {
  const dir = tempDir();
  let server: AnnalsServer;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const get = <T>(path: string): Promise<T> => getJson<T>(origin, path);
  /** Every event the API gives for a filter, following its cursor. */
  const allEvents = (query: string): Promise<ApiEvent[]> => allApiEvents(origin, query);
  const rowIds = () => page.$$eval("table.events tbody tr", (rows) => rows.map((r) => r.getAttribute("data-id")));
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  before(async () => {
    const db = join(dir, "page.db");
    const hostile = join(dir, "hostile.jsonl");
    writeFileSync(hostile, JSON.stringify({ id: HOSTILE_ID, date: "2023-05-02", place: "Tokyo", title: "<i>Markup</i> in a <script>window.__pwned=2</script> title", url: "javascript:window.__pwned=3", text: HOSTILE_TEXT }) + "\n");
    const ingest = annals(["ingest", EXAMPLES, hostile, "--db", db, "--workers", "1"]);
    assert.equal(ingest.status, 0, ingest.stderr);
    server = await startAnnalsServe(db);
    origin = server.url.replace(/\/$/, "");
    browser = await openBrowser(origin);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the explorer's first page is the API's first page", async () => {
    await show(page, origin, "#explorer?limit=25");
    const api: EventsResponse = await get("/api/events?limit=25");
    assert.ok(api.events.length > 0);
    assert.deepEqual(await rowIds(), api.events.map((e) => e.id));
    await shot("explorer");
  });

  test("the seed article's events are in the explorer, and its document shows them all marked", async () => {
    const seed = (await allEvents("text=Kishida"))[0];
    assert.ok(seed, "the Tokyo summit article gave events");
    const events = await allEvents(`doc=${seed.doc}`);
    await show(page, origin, `#explorer?doc=${seed.doc}&limit=100`);
    assert.deepEqual(await rowIds(), events.map((e) => e.id));
    const doc: DocumentResponse = await get(`/api/documents/${seed.doc}`);
    await drawn(page, () => page.click(`table.events tr[data-id="${seed.id}"] td.doc a`));
    assert.equal(await page.textContent(".doc-text"), doc.document.text);
    const marked = await page.$$eval(".doc-text mark", (ms) => ms.map((m) => m.textContent));
    for (const e of doc.events) for (const span of [e.source, e.target, e.verb]) if (span) assert.ok(marked.some((m) => m && span.text.includes(m)), `"${span.text}" is marked`);
    assert.deepEqual(await rowIds(), doc.events.map((e) => e.id));
    await shot("document");
  });

  test("a source filter narrows the table to exactly the API's answer", async () => {
    await show(page, origin, "#explorer?limit=100");
    await page.fill(".filters input[name=source]", "JPN");
    await drawn(page, () => page.click(".filters button[type=submit]"));
    assert.match(page.url(), /source=JPN/, "the filter is in the address");
    const api = await allEvents("source=JPN");
    const all = await allEvents("");
    assert.ok(api.length > 0 && api.length < all.length);
    assert.deepEqual(await rowIds(), api.map((e) => e.id));
    await shot("explorer-filtered");
  });

  test("a chosen event's sentence marks exactly its source, target and verb", async () => {
    const seed = (await allEvents("text=Kishida"))[0];
    const events = await allEvents(`doc=${seed.doc}`);
    // every event of the article, including any whose source and target are one span ("the two leaders agreed")
    await show(page, origin, `#explorer?doc=${seed.doc}&limit=100`);
    for (const e of events) {
      await page.click(`table.events tr[data-id="${e.id}"]`);
      // a span that is both source and target is one mark with both classes
      const marks = await page.$$eval(".event-panel mark", (ms) => ms.flatMap((m) => [...m.classList].map((c) => `${c}: ${m.textContent}`)));
      const want = [e.source && `source: ${e.source.text}`, e.target && `target: ${e.target.text}`, `verb: ${e.verb.text}`].filter(Boolean);
      assert.deepEqual(marks.sort(), want.sort(), `event ${e.id}: ${e.text}`);
      assert.equal(await page.textContent(".event-panel .sentence"), e.text);
      assert.equal(await page.textContent(".event-panel .mood"), e.mood);
      assert.equal(await page.textContent(".event-panel .negated"), e.negated ? "yes" : "no");
      assert.equal(await page.textContent(".event-panel .rule"), e.rule);
    }
    assert.match(page.url(), /event=/, "the chosen event is in the address");
    await page.click(`table.events tr[data-id="${seed.id}"]`);
    await shot("event");
  });

  test("paging forward and back shows every event once", async () => {
    const all = await allEvents("");
    await show(page, origin, "#explorer?limit=7");
    const pages: (string | null)[][] = [await rowIds()];
    while (await page.isEnabled("button.next")) {
      await drawn(page, () => page.click("button.next"));
      pages.push(await rowIds());
    }
    assert.ok(pages.length > 2, "several pages");
    assert.deepEqual(pages.flat(), all.map((e) => e.id));
    for (let i = pages.length - 2; i >= 0; i--) {
      await drawn(page, () => page.click("button.prev"));
      assert.deepEqual(await rowIds(), pages[i], `page ${i + 1} again`);
    }
    assert.equal(await page.isEnabled("button.prev"), false);
  });

  test("a document holding <script> and HTML shows them as text", async () => {
    await show(page, origin, `#doc/${HOSTILE_ID}`);
    assert.equal(await page.textContent(".doc-text"), HOSTILE_TEXT);
    assert.equal(await page.textContent(".document h2"), "<i>Markup</i> in a <script>window.__pwned=2</script> title");
    assert.equal(await page.$$eval("main script, main b, main i", (els) => els.length), 0);
    const stored: DocumentResponse = await get(`/api/documents/${HOSTILE_ID}`);
    assert.equal(stored.document.url, "javascript:window.__pwned=3");
    assert.equal(await page.$$eval(".document .meta a", (links) => links.length), 0, "a url that is not a web address is no link");
    const events = await allEvents(`doc=${HOSTILE_ID}`);
    assert.ok(events.some((e) => e.text.includes("<b>bold</b>")), "the markup is inside a coded sentence");
    await show(page, origin, `#explorer?doc=${HOSTILE_ID}`);
    await page.click(`table.events tr[data-id="${events[0].id}"]`);
    assert.equal(await page.textContent(".event-panel .sentence"), events[0].text);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await shot("hostile");
  });

  test("the dyad view draws one bar segment per series row, and a bar lists its period's events", async () => {
    await show(page, origin, "#dyad?by=month");
    const series: SeriesResponse = await get("/api/series?by=month");
    const segs = await page.$$eval("rect.seg", (rs) => rs.map((r) => `${r.getAttribute("data-period")} ${r.getAttribute("data-quad")}`));
    assert.deepEqual(segs.sort(), series.rows.map((r) => `${r.period} ${r.quad}`).sort());
    const busiest = [...series.rows].sort((a, b) => b.events - a.events)[0].period;
    await page.click(`g.bar[data-period="${busiest}"]`);
    await page.waitForSelector(".period-events table.events");
    const [y, m] = busiest.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const listed = await allEvents(`from=${busiest}-01&to=${last}&counted=true`);
    assert.deepEqual(await page.$$eval(".period-events tbody tr", (rows) => rows.map((r) => r.getAttribute("data-id"))), listed.map((e) => e.id));
    assert.equal(listed.length, series.rows.filter((r) => r.period === busiest).reduce((n, r) => n + r.events, 0), "the bar's events are its count");
    await shot("dyad");
    // counting every event, whatever its mood
    await drawn(page, () => page.check("input[name=all]"));
    const every: SeriesResponse = await get("/api/series?by=month&all=true");
    assert.ok(every.rows.reduce((n, r) => n + r.events, 0) > series.rows.reduce((n, r) => n + r.events, 0), "the example articles have events that are not asserted");
    assert.deepEqual((await page.$$eval("rect.seg", (rs) => rs.map((r) => `${r.getAttribute("data-period")} ${r.getAttribute("data-quad")} ${r.querySelector("title")?.textContent?.match(/: (\d+) /)?.[1]}`))).sort(), every.rows.map((r) => `${r.period} ${r.quad} ${r.events}`).sort());
  });

  test("the network view draws a node per actor of the top dyads", async () => {
    await show(page, origin, "#network");
    const top: TopResponse = await get("/api/top?kind=dyads&limit=40");
    const actors = [...new Set(top.rows.flatMap((r) => [r.source, r.target!]))].sort();
    assert.deepEqual((await page.$$eval("g.node", (ns) => ns.map((n) => n.getAttribute("data-actor")))).sort(), actors);
    assert.equal(await page.$$eval("path.edge", (es) => es.length), top.rows.filter((r) => r.source !== r.target).length);
    await shot("network");
    // a node opens its actor's events in the explorer: those the network counts
    const busiest = top.rows[0].source;
    await drawn(page, () => page.click(`g.node[data-actor="${busiest}"] circle`));
    const api: EventsResponse = await get(`/api/events?actor=${busiest}&counted=true&limit=25`);
    assert.deepEqual(await rowIds(), api.events.map((e) => e.id));
  });

  test("the map draws the country shapes and a mark per located place", async () => {
    await show(page, origin, "#map");
    const world = JSON.parse(readFileSync(join(import.meta.dirname, "..", "node_modules", "world-atlas", "countries-110m.json"), "utf8"));
    assert.equal(await page.$$eval("path.country", (ps) => ps.filter((p) => (p.getAttribute("d") ?? "").length > 0).length), world.objects.countries.geometries.length);
    const { rows }: LocationsResponse = await get("/api/locations");
    const placed = rows.filter((r) => r.lat !== null && r.lon !== null).map((r) => r.name);
    assert.ok(placed.length > 0);
    assert.deepEqual((await page.$$eval("circle.place", (cs) => cs.map((c) => c.getAttribute("data-name")))).sort(), placed.sort());
    await shot("map");
  });

  test("Try it codes pasted text in the browser exactly as POST /api/code does", async () => {
    const text = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday. Putin praised China's position on Ukraine.";
    const res = await fetch(`${origin}/api/code`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, date: "2023-03-21" }) });
    const server: CodeResponse = await res.json();
    assert.ok(server.events.length > 0);
    await show(page, origin, "#try");
    await page.fill("textarea[name=text]", text);
    await page.fill("input[name=date]", "2023-03-21");
    await page.click(".try-form button[type=submit]");
    await page.waitForSelector(".try-result table.events, .try-result .message, .status .error");
    const key = (e: { source: { code: string } | null; target: { code: string } | null; code: string; verb: { text: string } }) => `${e.source?.code} ${e.code} ${e.target?.code} ${e.verb.text}`;
    const rows = await page.$$eval(".try-result tbody tr", (trs) => trs.map((tr) => ["td.source", "td.code code", "td.target"].map((c) => tr.querySelector(c)?.textContent ?? "").join(" ")));
    assert.deepEqual(rows, server.events.map((e) => `${e.source?.code ?? "—"} ${e.code} ${e.target?.code ?? "—"}`), "the same events, in the same order");
    const marked = await page.$$eval(".try-result .doc-text mark", (ms) => ms.map((m) => `${m.className}:${m.textContent}`));
    for (const e of server.events) {
      assert.ok(marked.includes(`verb:${e.verb.text}`), key(e));
      for (const [cls, a] of [["source", e.source], ["target", e.target]] as const) if (a) assert.ok(marked.some((m) => m.endsWith(`:${a.text}`) && m.includes(cls)), `${cls} ${a.text}`);
    }
    await shot("try");
  });

  test("the page asked nothing of any other server, and logged no error", () => {
    assert.deepEqual(browser.blocked, []);
    assert.deepEqual(browser.errors, []);
  });

  // last: the browser logs the refused request as an error, which the test above forbids
  test("a filter the API refuses shows the API's message", async () => {
    const res = await fetch(`${origin}/api/events?code=abc&limit=25`);
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as { error: string };
    await show(page, origin, "#explorer?code=abc");
    assert.equal(await page.textContent("main .message.error"), error);
  });
});
