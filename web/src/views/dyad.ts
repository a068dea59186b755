/**
 * Cooperation and conflict over time: events by period stacked by quad class,
 * with the period's mean Goldstein score as a line that stops where a period
 * has no events. The bars count events (one per report) or, with
 * `count=distinct`, the one-a-day count (one per date, source, target and
 * code). A click on a bar lists the events it counts.
 */
import { api } from "../api.js";
import { drawToWidth } from "../chart-kit.js";
import { lineRuns, niceTicks, textWidth } from "../chart-math.js";
import type { Period, StatsRow } from "../contract.js";
import { fmt, h, replace, s } from "../dom.js";
import { eventTable, message } from "../events.js";
import { countScope, countsAll, filterOf } from "../filters.js";
import { QUAD_COLOURS, QUAD_NAMES } from "../palette.js";
import { earlier, fillPeriods, later, periodRange } from "../periods.js";
import { go, href, type Route } from "../route.js";

const PERIODS: Period[] = ["day", "week", "month", "year"];
type Measure = "events" | "distinct";
const MEASURES: [Measure, string, string][] = [
  ["events", "events", "Every report of an event counts"],
  ["distinct", "distinct", "One a day: an event reported many times on a date (same source, target and code) counts once"],
];
const FONT = 11;

export async function dyad(view: HTMLElement, route: Route): Promise<void> {
  const filter = filterOf(route.params);
  const by = (PERIODS as string[]).includes(route.params.get("by") ?? "") ? (route.params.get("by") as Period) : "month";
  const measure: Measure = route.params.get("count") === "distinct" ? "distinct" : "events";
  const segmented = (label: string, items: [string, string, string?][], on: string, pick: (v: string) => void) =>
    h(
      "div",
      { class: "segmented", role: "group", "aria-label": label },
      ...items.map(([v, text, hint]) => h("button", { type: "button", class: v === on ? "on" : undefined, "aria-pressed": String(v === on), "data-value": v, title: hint, onclick: () => pick(v) }, text)),
    );
  const periodPicker = segmented("Period", PERIODS.map((p) => [p, p]), by, (p) => go("dyad", { ...Object.fromEntries(route.params), by: p }));
  const measurePicker = segmented("Count", MEASURES, measure, (m) => go("dyad", { ...Object.fromEntries(route.params), count: m === "distinct" ? m : undefined }));
  measurePicker.classList.add("measure");
  const title = filter.source || filter.target ? `${filter.source || "anyone"} → ${filter.target || "anyone"}` : filter.actor ? `${filter.actor} with anyone` : "All events";
  const all = countsAll(route.params);
  view.append(h("div", { class: "view-head" }, h("h2", {}, title), periodPicker, measurePicker, countScope(route)));
  if (!filter.source && !filter.target && !filter.actor) view.append(await dyadSuggestions(route));

  const { rows } = await api.series(filter, by, all);
  if (rows.length === 0) {
    view.append(message(all ? "No dated events match this filter." : "No counted dated events (asserted, not denied, or stated acts) match this filter."));
    return;
  }
  const list = h("section", { class: "period-events" }, message("Click a bar to list the events it counts."));
  const { periods, complete } = fillPeriods(rows.map((r) => r.period), by);
  if (!complete) view.append(message(`Too many ${by}s to draw each: the ${periods.length} with events are drawn side by side, the quiet ones between left out. A longer period, or fewer dates, draws a true time axis.`));
  const box = h("div", { class: "chart-box" });
  let picked: string | null = null;
  const pick = (period: string) => {
    picked = period;
    void showPeriod(list, route, period, by);
  };
  view.append(h("figure", { class: "chart dyad-figure" }, box, legend(all, measure)), list);
  drawToWidth(box, (width) => chart(rows, periods, by, measure, width, pick, picked));
}

/** The chart at `width` CSS pixels, its text at its own size. */
function chart(rows: StatsRow[], periods: string[], by: Period, measure: Measure, width: number, onPick: (period: string) => void, picked: string | null = null): SVGSVGElement {
  const count = (r: StatsRow) => (measure === "distinct" ? r.distinct : r.events);
  const byPeriod = new Map<string, StatsRow[]>();
  for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  const totals = periods.map((p) => (byPeriod.get(p) ?? []).reduce((n, r) => n + count(r), 0));

  const W = Math.max(240, width);
  const H = Math.round(Math.min(380, Math.max(230, W * 0.42)));
  const top = 26;
  const bottom = 30;
  const ih = H - top - bottom;
  const ticks = niceTicks(Math.max(...totals), Math.max(2, Math.min(8, Math.round(ih / 48))));
  const ymax = ticks[ticks.length - 1];
  const tickLabels = ticks.map((t) => fmt(t));
  const M = { top, bottom, left: Math.max(...tickLabels.map((t) => textWidth(t, FONT))) + 12, right: textWidth("+10", FONT) + 12 };
  const iw = W - M.left - M.right;
  const band = iw / periods.length;
  const y = (n: number) => M.top + ih - (n / ymax) * ih;
  const g = (v: number) => M.top + ih / 2 - (v / 10) * (ih / 2);
  const axis = measure === "distinct" ? "distinct events" : "events";
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    class: "dyad-chart",
    "data-measure": measure,
    role: "group",
    "aria-label": `${axis} by ${by} and quad class, with the mean Goldstein score`,
  });

  ticks.forEach((t, i) => {
    svg.append(s("line", { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: "grid" }), s("text", { x: M.left - 6, y: y(t) + 4, class: "tick y-tick", "text-anchor": "end" }, tickLabels[i]));
  });
  for (const v of [-10, -5, 0, 5, 10]) svg.append(s("text", { x: W - M.right + 6, y: g(v) + 4, class: "tick goldstein-tick" }, (v > 0 ? "+" : "") + v));
  svg.append(
    s("text", { x: 2, y: 12, class: "axis-label" }, axis),
    s("text", { x: W - 2, y: 12, class: "axis-label", "text-anchor": "end" }, "Goldstein"),
  );

  // period labels as many as fit, none past either edge
  const labelW = Math.max(...periods.map((p) => textWidth(p, FONT))) + 10;
  const labelEvery = Math.ceil(periods.length / Math.max(1, Math.floor(iw / labelW)));
  const points: { period: string; value: number | null; x: number }[] = [];
  periods.forEach((p, i) => {
    const x = M.left + i * band;
    const w = Math.max(1, band * 0.8);
    const quads = (byPeriod.get(p) ?? []).filter((r) => count(r) > 0).sort((a, b) => a.quad - b.quad);
    const events = quads.reduce((n, r) => n + r.events, 0);
    points.push({ period: p, value: events ? quads.reduce((n, r) => n + r.goldsteinTotal, 0) / events : null, x: x + band / 2 });
    if (quads.length) {
      const bar = s("g", { class: picked === p ? "bar picked" : "bar", "data-period": p, tabindex: 0, role: "button", "aria-label": `${p}: list its events` });
      let acc = 0;
      for (const r of quads) {
        const n = count(r);
        const what = measure === "distinct" ? `${n} distinct ${QUAD_NAMES[r.quad] ?? "other"} event${n === 1 ? "" : "s"} (${r.events} reported)` : `${n} ${QUAD_NAMES[r.quad] ?? "other"} event${n === 1 ? "" : "s"}`;
        bar.append(
          s(
            "rect",
            { class: "seg", "data-period": p, "data-quad": r.quad, "data-count": n, x: x + band * 0.1, width: w, y: y(acc + n), height: Math.max(0.5, y(acc) - y(acc + n)), fill: QUAD_COLOURS[r.quad] ?? QUAD_COLOURS[0] },
            s("title", {}, `${p}: ${what}, Goldstein mean ${fmt(r.goldsteinMean, 1)}`),
          ),
        );
        acc += n;
      }
      bar.addEventListener("click", () => onPick(p));
      bar.addEventListener("keydown", (e) => (e as KeyboardEvent).key === "Enter" && onPick(p));
      svg.append(bar);
    }
    if (i % labelEvery === 0) {
      const half = textWidth(p, FONT) / 2 + 2;
      svg.append(s("text", { x: Math.min(W - half, Math.max(half, x + band / 2)), y: H - M.bottom + 17, class: "tick x-tick", "text-anchor": "middle" }, p));
    }
  });
  svg.append(s("line", { x1: M.left, x2: W - M.right, y1: g(0), y2: g(0), class: "zero" }));

  // the line runs only between neighbouring periods that both have events
  const xOf = new Map(points.map((p) => [p.period, p.x]));
  for (const run of lineRuns(points, by)) {
    const d = run.map((p, i) => `${i ? "L" : "M"}${round(xOf.get(p.period)!)},${round(g(p.value!))}`).join(" ");
    svg.append(s("path", { d, class: "goldstein-line", "data-periods": run.map((p) => p.period).join(" "), "stroke-width": band < 4 ? 1.25 : 2 }));
    // dots where there is room for them, and always for a period standing alone
    if (band >= 8 || run.length === 1)
      for (const p of run) svg.append(s("circle", { cx: round(xOf.get(p.period)!), cy: round(g(p.value!)), r: band >= 8 ? 3 : 2, class: "goldstein-dot", "data-period": p.period }, s("title", {}, `${p.period}: Goldstein mean ${fmt(p.value!, 1)}`)));
  }
  return svg;
}

const round = (n: number) => Math.round(n * 10) / 10;

function legend(all: boolean, measure: Measure): HTMLElement {
  return h(
    "figcaption",
    { class: "legend" },
    ...[1, 2, 3, 4].map((q) => h("span", {}, h("i", { class: "swatch", style: `background: ${QUAD_COLOURS[q]}` }), QUAD_NAMES[q])),
    h("span", {}, h("i", { class: "swatch line" }), "mean Goldstein of the period's events (right axis), broken where a period has none"),
    h("span", { class: "muted" }, `${measure === "distinct" ? "distinct events, one a day per source, target and code" : "events, one per report"}; ${all ? "every event" : "asserted events and stated acts"}`),
  );
}

async function showPeriod(list: HTMLElement, route: Route, period: string, by: Period): Promise<void> {
  const filter = filterOf(route.params);
  const range = periodRange(period, by);
  // by default the bar counts the events that count (asserted, not denied, or stated acts): list the same ones
  const dates = { ...filter, from: later(filter.from, range.from), to: earlier(filter.to, range.to) };
  const f = countsAll(route.params) ? dates : { ...dates, counted: "true" };
  replace(list, message(`loading ${period}…`));
  for (const bar of list.ownerDocument.querySelectorAll(".dyad-chart .bar")) bar.classList.toggle("picked", bar.getAttribute("data-period") === period);
  try {
    const page = await api.events(f, 500);
    replace(
      list,
      h("h3", {}, `${period}: ${page.events.length}${page.next ? "+" : ""} event${page.events.length === 1 ? "" : "s"}`),
      eventTable(page.events, (e) => go("explorer", { ...f, event: e.id })),
      page.next ? h("p", {}, h("a", { href: href("explorer", { ...f }) }, "All of them in the explorer →")) : "",
    );
  } catch (e) {
    replace(list, message((e as Error).message, "error"));
  }
}

async function dyadSuggestions(route: Route): Promise<HTMLElement> {
  const { rows } = await api.top(filterOf(route.params), "dyads", 8, countsAll(route.params));
  return h(
    "p",
    { class: "suggestions" },
    "Follow one dyad: set source and target above, or pick one of the busiest: ",
    ...rows.flatMap((r, i) => [i ? ", " : "", h("a", { href: href("dyad", { ...Object.fromEntries(route.params), source: r.source, target: r.target ?? "" }) }, `${r.source} → ${r.target} (${fmt(r.events)})`)]),
  );
}
