/**
 * Cooperation and conflict over time: events by period stacked by quad class,
 * with the period's mean Goldstein score as a line. A click on a bar lists
 * the events it counts.
 */
import { api } from "../api.js";
import type { Period, StatsRow } from "../contract.js";
import { fmt, h, replace, s } from "../dom.js";
import { eventTable, message } from "../events.js";
import { countScope, countsAll, filterOf } from "../filters.js";
import { QUAD_COLOURS, QUAD_NAMES } from "../palette.js";
import { earlier, fillPeriods, later, periodRange } from "../periods.js";
import { go, href, type Route } from "../route.js";

const PERIODS: Period[] = ["day", "week", "month", "year"];
const W = 960;
const H = 360;
const M = { top: 30, right: 48, bottom: 40, left: 48 };

function niceStep(max: number, ticks = 5): number {
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? mag * 10;
}

export async function dyad(view: HTMLElement, route: Route): Promise<void> {
  const filter = filterOf(route.params);
  const by = (PERIODS as string[]).includes(route.params.get("by") ?? "") ? (route.params.get("by") as Period) : "month";
  const periodPicker = h(
    "div",
    { class: "segmented", role: "group", "aria-label": "Period" },
    ...PERIODS.map((p) =>
      h("button", { type: "button", class: p === by ? "on" : undefined, onclick: () => go("dyad", { ...Object.fromEntries(route.params), by: p }) }, p),
    ),
  );
  const title = filter.source || filter.target ? `${filter.source || "anyone"} → ${filter.target || "anyone"}` : filter.actor ? `${filter.actor} with anyone` : "All events";
  const all = countsAll(route.params);
  view.append(h("div", { class: "view-head" }, h("h2", {}, title), periodPicker, countScope(route)));
  if (!filter.source && !filter.target && !filter.actor) view.append(await dyadSuggestions(route));

  const { rows } = await api.series(filter, by, all);
  if (rows.length === 0) {
    view.append(message(all ? "No dated events match this filter." : "No counted dated events (asserted, not denied, or stated acts) match this filter."));
    return;
  }
  const list = h("section", { class: "period-events" }, message("Click a bar to list the events it counts."));
  const { periods, complete } = fillPeriods(rows.map((r) => r.period), by);
  if (!complete) view.append(message(`Too many ${by}s to draw each: the ${periods.length} with events are drawn side by side, the quiet ones between left out. A longer period, or fewer dates, draws a true time axis.`));
  view.append(h("figure", { class: "chart" }, chart(rows, periods, (period) => showPeriod(list, route, period, by)), legend(all)), list);
}

function chart(rows: StatsRow[], periods: string[], onPick: (period: string) => void): SVGSVGElement {
  const byPeriod = new Map<string, StatsRow[]>();
  for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  const totals = periods.map((p) => (byPeriod.get(p) ?? []).reduce((n, r) => n + r.events, 0));
  const step = niceStep(Math.max(...totals));
  const ymax = Math.max(step, Math.ceil(Math.max(...totals) / step) * step);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const band = iw / periods.length;
  const y = (n: number) => M.top + ih - (n / ymax) * ih;
  const g = (v: number) => M.top + ih / 2 - (v / 10) * (ih / 2);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "dyad-chart", role: "img", "aria-label": "Events by period and quad class, with the mean Goldstein score" });

  for (let t = 0; t <= ymax; t += step) {
    svg.append(s("line", { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: "grid" }), s("text", { x: M.left - 6, y: y(t) + 4, class: "tick", "text-anchor": "end" }, fmt(t)));
  }
  for (const v of [-10, 0, 10]) svg.append(s("text", { x: W - M.right + 6, y: g(v) + 4, class: "tick goldstein-tick" }, (v > 0 ? "+" : "") + v));
  svg.append(s("text", { x: W - 8, y: M.top - 16, class: "axis-label", "text-anchor": "end" }, "Goldstein"), s("text", { x: 8, y: M.top - 16, class: "axis-label" }, "events"));

  const labelEvery = Math.ceil(periods.length / 12);
  const line: string[] = [];
  periods.forEach((p, i) => {
    const x = M.left + i * band;
    const w = Math.max(1, band * 0.8);
    const bar = s("g", { class: "bar", "data-period": p, tabindex: 0 });
    let acc = 0;
    const quads = (byPeriod.get(p) ?? []).sort((a, b) => a.quad - b.quad);
    for (const r of quads) {
      bar.append(
        s(
          "rect",
          { class: "seg", "data-period": p, "data-quad": r.quad, x: x + band * 0.1, width: w, y: y(acc + r.events), height: Math.max(0.5, y(acc) - y(acc + r.events)), fill: QUAD_COLOURS[r.quad] ?? QUAD_COLOURS[0] },
          s("title", {}, `${p}: ${r.events} ${QUAD_NAMES[r.quad] ?? "other"} event${r.events === 1 ? "" : "s"}, Goldstein mean ${fmt(r.goldsteinMean, 1)}`),
        ),
      );
      acc += r.events;
    }
    if (quads.length) {
      bar.addEventListener("click", () => onPick(p));
      bar.addEventListener("keydown", (e) => (e as KeyboardEvent).key === "Enter" && onPick(p));
      const total = quads.reduce((n, r) => n + r.events, 0);
      const mean = quads.reduce((n, r) => n + r.goldsteinTotal, 0) / total;
      line.push(`${line.length ? "L" : "M"}${x + band / 2},${g(mean)}`);
      svg.append(bar);
    }
    if (i % labelEvery === 0) svg.append(s("text", { x: x + band / 2, y: H - M.bottom + 16, class: "tick", "text-anchor": "middle" }, p));
  });
  svg.append(s("line", { x1: M.left, x2: W - M.right, y1: g(0), y2: g(0), class: "zero" }));
  svg.append(s("path", { d: line.join(" "), class: "goldstein-line", "stroke-width": band < 4 ? 1 : 2 }));
  // dots only where there is room for them
  if (band >= 8)
    for (const cmd of line) {
      const [cx, cy] = cmd.slice(1).split(",");
      svg.append(s("circle", { cx, cy, r: 3, class: "goldstein-dot" }));
    }
  return svg;
}

function legend(all: boolean): HTMLElement {
  return h(
    "figcaption",
    { class: "legend" },
    ...[1, 2, 3, 4].map((q) => h("span", {}, h("i", { class: "swatch", style: `background: ${QUAD_COLOURS[q]}` }), QUAD_NAMES[q])),
    h("span", {}, h("i", { class: "swatch line" }), "mean Goldstein (right axis)"),
    h("span", { class: "muted" }, all ? "every event" : "asserted events and stated acts"),
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
    ...rows.flatMap((r, i) => [i ? ", " : "", h("a", { href: href("dyad", { ...Object.fromEntries(route.params), source: r.source, target: r.target ?? "" }) }, `${r.source} → ${r.target} (${r.events})`)]),
  );
}
