/**
 * The explorer as an analyst uses it, in a real Chromium on a store of the
 * example articles served by the real `annals serve`: the total and every
 * order against the API, events without a date, downloads against
 * `annals export`, the keyboard, narrow and wide windows; and, on servers of
 * their own, a total past the bound and a query the server refuses.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { ApiEvent, EventsResponse } from "../src/serve/api-types.js";
import { DEFAULT_WEB_DIR, type RunningServer } from "../src/serve/server.js";
import { drawn, noChromium, openBrowser, SCREENSHOTS, show, type Browser } from "./support/browser.js";
import { allApiEvents, amplify, copyStore, getJson, testServer } from "./support/serve.js";
import { startAnnalsServe, type AnnalsServer } from "./support/serve-process.js";
import { annals, tempDir } from "./support/store.js";

const EXAMPLES = join(import.meta.dirname, "..", "examples");
const SORTS = ["date", "source", "code", "target", "goldstein"] as const;

describe("the explorer in Chromium", { skip: noChromium }, () => {
  const dir = tempDir();
  let db: string;
  let server: AnnalsServer;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const get = <T>(path: string, base = origin): Promise<T> => getJson<T>(base, path);
  const allEvents = (query: string): Promise<ApiEvent[]> => allApiEvents(origin, query);
  const rowIds = (p = page) => p.$$eval("table.events tbody tr[data-id]", (rows) => rows.map((r) => r.getAttribute("data-id")));
  const shot = (name: string, p = page) => p.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** Goes to a view by its address, reloading when the page is there already (a same address fires no hashchange). */
  const visit = (p: Page, base: string, hash: string) => (p.url() === `${base}/${hash}` ? drawn(p, () => p.reload()) : show(p, base, hash));
  /** Whether the page is wider than the window (sideways scrolling). */
  const overflow = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, window: window.innerWidth }));

  before(async () => {
    db = join(dir, "explorer.db");
    const ingest = annals(["ingest", EXAMPLES, "--db", db, "--workers", "1"]);
    assert.equal(ingest.status, 0, ingest.stderr);
    server = await startAnnalsServe(db);
    origin = server.url.replace(/\/$/, "");
    browser = await openBrowser(origin);
    page = browser.page;
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the total is the API's, on every page, with the page's place in it", async () => {
    const api: EventsResponse = await get("/api/events?limit=10");
    assert.ok(api.total && api.total.exact && api.total.count > 20);
    await show(page, origin, "#explorer?limit=10");
    assert.deepEqual(await rowIds(), api.events.map((e) => e.id));
    assert.equal(await page.getAttribute(".explorer-head .total", "data-count"), String(api.total!.count));
    assert.match((await page.textContent(".explorer-head .total"))!, new RegExp(`^${api.total!.count} events`));
    assert.equal(await page.textContent(".page-info"), `1–10 of ${api.total!.count} events`);
    await drawn(page, () => page.click("button.next"));
    assert.equal(await page.textContent(".page-info"), `11–20 of ${api.total!.count} events`);
    const source: EventsResponse = await get("/api/events?limit=10&source=JPN");
    await show(page, origin, "#explorer?limit=10&source=JPN");
    assert.equal(await page.getAttribute(".explorer-head .total", "data-count"), String(source.total!.count));
    assert.ok(source.total!.count < api.total!.count);
  });

  test("each column head sorts as the API sorts, both ways, and the pages follow the order", async () => {
    await show(page, origin, "#explorer?limit=8");
    for (const by of SORTS) {
      for (const sort of by === "date" ? ["-date", "date"] : [by, `-${by}`]) {
        await drawn(page, () => page.click(`th button.sort[data-sort="${by}"]`));
        assert.equal(new URL(page.url()).hash.includes(sort === "date" ? "sort=" : `sort=${sort}`), sort !== "date", `${sort} in the address: ${page.url()}`);
        const api: EventsResponse = await get(`/api/events?limit=8&sort=${sort}`);
        assert.deepEqual(await rowIds(), api.events.map((e) => e.id), `sort=${sort}`);
        assert.equal(await page.getAttribute(`th:has(button[data-sort="${by}"])`, "aria-sort"), sort.startsWith("-") ? "descending" : "ascending");
      }
    }
    // the second page of an order is the API's, through the cursor
    await visit(page, origin, "#explorer?limit=8&sort=-goldstein");
    await drawn(page, () => page.click("button.next"));
    const first: EventsResponse = await get("/api/events?limit=8&sort=-goldstein");
    const second: EventsResponse = await get(`/api/events?limit=8&sort=-goldstein&cursor=${first.next}`);
    assert.deepEqual(await rowIds(), second.events.map((e) => e.id));
    // every event of the order once, page after page
    const all = await allEvents("sort=target");
    await show(page, origin, "#explorer?limit=10&sort=target");
    const seen = [...(await rowIds())];
    while (await page.isEnabled("button.next")) {
      await drawn(page, () => page.click("button.next"));
      seen.push(...(await rowIds()));
    }
    assert.deepEqual(seen, all.map((e) => e.id));
    // the narrow window's list of orders asks for the same
    await page.setViewportSize({ width: 390, height: 800 });
    await drawn(page, () => page.selectOption("select[name=sort]", "-code"));
    assert.deepEqual(await rowIds(), (await get<EventsResponse>("/api/events?limit=10&sort=-code")).events.map((e) => e.id));
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("events without a date come last, and the Date filter lists only them", async () => {
    const all = await allEvents("");
    const firstUndated = all.findIndex((e) => e.date === null);
    assert.ok(firstUndated > 0, "the examples have dated and undated events");
    assert.ok(all.slice(firstUndated).every((e) => e.date === null));
    await show(page, origin, "#explorer?limit=100");
    const dates = await page.$$eval("table.events tbody tr[data-id] td.date", (tds) => tds.map((td) => td.textContent));
    assert.equal(dates[0] === "—", false, "a dated event first");
    assert.equal(dates.at(-1), "—", "an undated one last");
    await page.selectOption(".filters select[name=dated]", "false");
    await drawn(page, () => page.click(".filters button[type=submit]"));
    assert.match(page.url(), /dated=false/);
    const undated = await allEvents("dated=false");
    assert.deepEqual(await rowIds(), undated.map((e) => e.id));
    assert.equal(await page.getAttribute(".explorer-head .total", "data-count"), String(undated.length));
  });

  test("a download of each format is the file annals export writes for the same filter", async () => {
    await show(page, origin, "#explorer?source=JPN&sort=-goldstein");
    for (const [format, name] of [["csv", "annals-events.csv"], ["jsonl", "annals-events.jsonl"], ["gdelt", "annals-events-gdelt.tsv"]] as const) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`a.download[data-format=${format}]`)]);
      assert.equal(download.suggestedFilename(), name);
      const file = readFileSync((await download.path())!, "utf8");
      const cli = annals(["export", "--db", db, "--format", format, "--dyad", "JPN,"]);
      assert.equal(cli.status, 0, cli.stderr);
      assert.ok(cli.stdout.length > 0);
      assert.equal(file, cli.stdout, `${format}: the same rows, the same bytes`);
    }
    const jsonl = annals(["export", "--db", db, "--dyad", "JPN,"]).stdout.trim().split("\n");
    assert.equal(jsonl.length, (await allEvents("source=JPN")).length, "every event of the filter, not a page");
  });

  test("the keyboard: Tab goes from the column heads to the rows, Enter opens an event under its row, Escape closes it, arrows move", async () => {
    const api: EventsResponse = await get("/api/events?limit=10");
    await show(page, origin, "#explorer?limit=10");
    await page.focus('th button[data-sort="goldstein"]');
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-id")), api.events[0].id, "the first row after the heads");
    await page.keyboard.press("Enter");
    const open = await page.evaluate(() => {
      const row = document.activeElement as HTMLElement;
      return { expanded: row.getAttribute("aria-expanded"), next: row.nextElementSibling?.className, sentence: row.nextElementSibling?.querySelector(".event-panel .sentence")?.textContent };
    });
    assert.deepEqual(open, { expanded: "true", next: "event-detail", sentence: api.events[0].text });
    assert.match(page.url(), new RegExp(`event=${api.events[0].id}`), "the open event is in the address");
    // the details are next in the tab order: the row's link, then the close button
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.className), "close");
    await page.keyboard.press("Escape");
    assert.equal(await page.$$eval("tr.event-detail", (rows) => rows.length), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-id")), api.events[0].id, "the focus back on its row");
    assert.doesNotMatch(page.url(), /event=/);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    assert.equal(await page.textContent("tr.event-detail .event-panel .sentence"), api.events[2].text);
    assert.equal(await page.$$eval("tr.event-detail", (rows) => rows.length), 1, "one event open at a time");
    // the address opens the same view again
    await visit(page, origin, new URL(page.url()).hash);
    assert.equal(await page.getAttribute(`tr[data-id="${api.events[2].id}"]`, "aria-expanded"), "true");
    assert.equal(await page.textContent("tr.event-detail .event-panel .sentence"), api.events[2].text);
  });

  test("the title and the address say the view and its filter", async () => {
    await show(page, origin, "#explorer");
    assert.equal(await page.title(), "Explorer · annals");
    await page.fill(".filters input[name=source]", "JPN");
    await page.selectOption(".filters select[name=quad]", "1");
    await drawn(page, () => page.click(".filters button[type=submit]"));
    assert.equal(await page.title(), "Explorer · source JPN, quad 1 · annals");
    await drawn(page, () => page.click('th button[data-sort="goldstein"]'));
    const hash = new URL(page.url()).hash;
    assert.match(hash, /source=JPN/);
    assert.match(hash, /quad=1/);
    assert.match(hash, /sort=goldstein/);
    const rows = await rowIds();
    await visit(page, origin, hash);
    assert.deepEqual(await rowIds(), rows, "the address gives the same view");
    await drawn(page, () => page.click("header .tabs a[data-view=dyad]"));
    assert.equal(await page.title(), "Dyad · source JPN, quad 1 · annals");
    assert.doesNotMatch(page.url(), /sort=/, "the explorer's order stays with the explorer");
  });

  test("no sideways scrolling from 360 px to 1280 px; screenshots of the explorer, a document and Try it at 1280 and 390", async () => {
    const api: EventsResponse = await get("/api/events?limit=25");
    const doc = api.events[0].doc;
    for (const width of [360, 390, 1024, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const hash of [`#explorer?limit=25&event=${api.events[1].id}`, "#explorer?limit=25&sort=-goldstein", `#doc/${doc}`, "#try"]) {
        await visit(page, origin, hash);
        const o = await overflow();
        assert.ok(o.scroll <= o.window, `${hash} at ${width} px: the page is ${o.scroll} px wide`);
      }
      const tabs = await page.$$eval("header .tabs a", (as) => as.map((a) => a.getBoundingClientRect().height));
      assert.ok(Math.max(...tabs) < 40, `at ${width} px no tab wraps its words (${tabs.join(", ")})`);
    }
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await visit(page, origin, `#explorer?limit=25&event=${api.events[1].id}`);
      await shot(`explorer-${width}`);
      await visit(page, origin, `#doc/${doc}`);
      await shot(`document-${width}`);
      await visit(page, origin, "#try");
      await shot(`try-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("the page asked nothing of any other server, and logged no error", () => {
    assert.deepEqual(browser.blocked, []);
    assert.deepEqual(browser.errors, []);
  });

  /** The built page on a server of the test's own, with small limits, in a browser of its own. */
  async function ownServer(path: string, options: Parameters<typeof testServer>[2]): Promise<{ server: RunningServer; browser: Browser; origin: string; close(): Promise<void> }> {
    const own = await testServer(path, DEFAULT_WEB_DIR, { ...options, coders: 1 });
    const base = own.url.replace(/\/$/, "");
    const b = await openBrowser(base);
    await b.page.setViewportSize({ width: 1280, height: 900 });
    return { server: own, browser: b, origin: base, close: async () => (await b.close(), await own.close()) };
  }

  test("past the server's bound the total reads 'more than'", async () => {
    const own = await ownServer(db, { limits: { eventsTotal: 5 } });
    try {
      const api: EventsResponse = await get("/api/events?limit=3", own.origin);
      assert.deepEqual(api.total, { count: 5, exact: false });
      await show(own.browser.page, own.origin, "#explorer?limit=3");
      assert.equal(await own.browser.page.textContent(".explorer-head .total"), "more than 5 events · events without a date last");
      assert.equal(await own.browser.page.textContent(".page-info"), "1–3 of more than 5 events");
      assert.deepEqual(await rowIds(own.browser.page), api.events.map((e) => e.id));
    } finally {
      await own.close();
    }
  });

  test("a query the server refuses (past its time limit) shows the server's message in place of the loading line", async () => {
    const big = copyStore(db, join(dir, "big.db"));
    amplify(big, 1000);
    const own = await ownServer(big, { limits: { queryMs: 1 } });
    try {
      const res = await fetch(`${own.origin}/api/events?limit=25&sort=-goldstein`);
      assert.equal(res.status, 503);
      const { error } = (await res.json()) as { error: string };
      assert.equal(error, "query took longer than 1 ms: narrow the filter (dates, actors, a code)");
      const p = own.browser.page;
      await show(p, own.origin, "#explorer?sort=-goldstein");
      assert.equal(await p.textContent("main .message.error"), error);
      assert.equal(await p.$$eval("main .loading", (ls) => ls.length), 0, "no loading line left");
      assert.equal(await p.$$eval("main table.events", (ts) => ts.length), 0);
      assert.ok(await p.isVisible("main .failed button.again"), "a way to ask again");
      await shot("explorer-refused", p);
      // a refused request is no page error; the browser's own line for a failed load is all it logs
      assert.deepEqual(own.browser.errors.filter((e) => !/status of 503/.test(e)), []);
    } finally {
      await own.close();
    }
  });
});
