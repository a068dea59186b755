/**
 * The actor network of the current filter: the busiest dyads as edges (width:
 * events; colour: mean Goldstein score), their actors as filled nodes (area:
 * events in these dyads; colour: their mean Goldstein score), labels beside
 * the nodes where they cross the fewest edges. The pointer or the keyboard's
 * focus shows the counts; a click opens the events in the explorer.
 */
import { api, type Filter } from "../api.js";
import { activate, drawToWidth, hoverTip, type Tip } from "../chart-kit.js";
import { textWidth } from "../chart-math.js";
import type { TopRow } from "../contract.js";
import { fmt, h, s } from "../dom.js";
import { message } from "../events.js";
import { countScope, countsAll, filterOf } from "../filters.js";
import { placeLabels, type Point } from "../labels.js";
import { forceLayout } from "../layout.js";
import { goldsteinColour } from "../palette.js";
import { go, type Route } from "../route.js";

type Dyad = TopRow & { target: string };

/** An actor's share of the drawn dyads. */
interface Actor {
  code: string;
  events: number;
  asSource: number;
  asTarget: number;
  goldsteinTotal: number;
}

export async function network(view: HTMLElement, route: Route): Promise<void> {
  const filter = filterOf(route.params);
  const limit = Math.min(100, Math.max(1, Number(route.params.get("top")) || 40));
  const picker = h("label", { class: "page-size" }, "dyads ", (() => {
    const sel = h("select", { name: "top" }, ...[10, 20, 40, 100].map((n) => h("option", { value: n, selected: n === limit }, String(n))));
    sel.addEventListener("change", () => go("network", { ...Object.fromEntries(route.params), top: sel.value }));
    return sel;
  })());
  view.append(h("div", { class: "view-head" }, h("h2", {}, "Actor network"), picker, countScope(route)));
  const all = countsAll(route.params);
  const { rows } = await api.top(filter, "dyads", limit, all);
  const dyads = rows.filter((r): r is Dyad => r.target !== null);
  if (dyads.length === 0) {
    view.append(message(all ? "No dyads match this filter." : "No asserted, non-negated dyads match this filter."));
    return;
  }
  // what a click opens counts the same events as the picture: by default only those that count
  const open: Filter = all ? filter : { ...filter, counted: "true" };
  const box = h("div", { class: "chart-box" });
  const figure = h("figure", { class: "chart network-figure" }, box, legend(dyads.length));
  view.append(figure);
  const tip = hoverTip(figure);
  drawToWidth(box, (width) => graph(dyads, open, width, tip));
}

/** Each actor of the dyads with the events it takes part in (once for a dyad with itself). */
function actorsOf(dyads: Dyad[]): Map<string, Actor> {
  const actors = new Map<string, Actor>();
  for (const d of dyads)
    for (const code of new Set([d.source, d.target])) {
      const a = actors.get(code) ?? { code, events: 0, asSource: 0, asTarget: 0, goldsteinTotal: 0 };
      a.events += d.events;
      a.goldsteinTotal += d.goldsteinTotal;
      if (d.source === code) a.asSource += d.events;
      if (d.target === code) a.asTarget += d.events;
      actors.set(code, a);
    }
  return actors;
}

/** `open` is the filter a click narrows (the view's own, kept). */
function graph(dyads: Dyad[], open: Filter, width: number, tip: Tip): SVGSVGElement {
  const narrow = width < 640;
  const W = Math.max(260, width);
  // a phone's screen is tall: the picture takes its height to give the nodes room
  const H = Math.round(narrow ? Math.max(420, W * 1.6) : Math.min(700, Math.max(420, W * 0.6)));
  const actors = actorsOf(dyads);
  const codes = [...actors.keys()].sort();
  const index = new Map(codes.map((a, i) => [a, i]));
  const most = Math.max(...dyads.map((d) => d.events));
  const mostActor = Math.max(...[...actors.values()].map((a) => a.events));
  const [rMin, rMax] = narrow ? [4, 15] : [5, 22];
  // area follows the events: the radius their square root
  const radius = (code: string) => rMin + (rMax - rMin) * Math.sqrt(actors.get(code)!.events / mostActor);
  const radii = codes.map(radius);
  const pos = forceLayout(codes.length, dyads.map((d) => [index.get(d.source)!, index.get(d.target)!, d.events]), W, H, radii, narrow ? 22 : 30);

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "network", role: "group", "aria-label": "Actors and the events between them" });
  svg.append(
    s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: "userSpaceOnUse", orient: "auto" }, s("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow" }))),
  );
  const lit = (code: string | null, pair: [string, string] | null = null) => {
    svg.classList.toggle("lit", code !== null || pair !== null);
    for (const el of svg.querySelectorAll<SVGElement>(".edge, .node")) {
      const on = el.classList.contains("edge") ? (code !== null && (el.dataset.source === code || el.dataset.target === code)) || (pair !== null && el.dataset.source === pair[0] && el.dataset.target === pair[1]) : code === el.dataset.actor || (pair !== null && pair.includes(el.dataset.actor ?? ""));
      el.classList.toggle("on", on);
    }
  };

  const edges = s("g", { class: "edges" });
  const curves: Point[][] = [];
  for (const d of dyads) {
    if (d.source === d.target) continue;
    const a = pos[index.get(d.source)!];
    const b = pos[index.get(d.target)!];
    // bend each edge to its right, so A→B and B→A are two curves; start and end at the circles' edges
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const [ux, uy] = [dx / len, dy / len];
    const start = { x: a.x + ux * radius(d.source), y: a.y + uy * radius(d.source) };
    const end = { x: b.x - ux * (radius(d.target) + 2), y: b.y - uy * (radius(d.target) + 2) };
    const mid = { x: (start.x + end.x) / 2 - uy * len * 0.12, y: (start.y + end.y) / 2 + ux * len * 0.12 };
    curves.push(Array.from({ length: 13 }, (_, i) => quad(start, mid, end, i / 12)));
    const text = `${d.source} → ${d.target}: ${fmt(d.events)} event${d.events === 1 ? "" : "s"}, ${fmt(d.distinct)} distinct, Goldstein mean ${signed(d.goldsteinMean)}`;
    const path = s(
      "path",
      {
        class: "edge",
        "data-source": d.source,
        "data-target": d.target,
        "data-events": d.events,
        d: `M${r1(start.x)},${r1(start.y)} Q${r1(mid.x)},${r1(mid.y)} ${r1(end.x)},${r1(end.y)}`,
        stroke: goldsteinColour(d.goldsteinMean),
        "stroke-width": r1(1.5 + (narrow ? 4.5 : 6.5) * Math.sqrt(d.events / most)),
        "marker-end": "url(#arrow)",
      },
      s("title", {}, text),
    );
    activate(path, `${text}: open in the explorer`, () => go("explorer", { ...open, actor: undefined, source: d.source, target: d.target }));
    tip.bind(path, () => text);
    path.addEventListener("pointerenter", () => lit(null, [d.source, d.target]));
    path.addEventListener("pointerleave", () => lit(null));
    edges.append(path);
  }

  const labels = placeLabels(
    codes.map((c, i) => ({ x: pos[i].x, y: pos[i].y, r: radii[i], w: Math.ceil(textWidth(c, 11) * 1.08) + 4, h: 14 })),
    curves,
    W,
    H,
  );
  const nodes = s("g", { class: "nodes" });
  codes.forEach((code, i) => {
    const a = actors.get(code)!;
    const p = pos[i];
    const r = radii[i];
    const mean = a.goldsteinTotal / a.events;
    const text = `${code}: ${fmt(a.events)} event${a.events === 1 ? "" : "s"} in these dyads (${fmt(a.asSource)} as source, ${fmt(a.asTarget)} as target), Goldstein mean ${signed(mean)}`;
    const box = labels[i];
    const node = s(
      "g",
      { class: "node", "data-actor": code, "data-events": a.events, transform: `translate(${r1(p.x)},${r1(p.y)})` },
      s("circle", { r: r1(r), fill: goldsteinColour(mean) }),
      // a label with no clear side is left out (the tip and the title still name the node)
      box.clear ? s("text", { x: r1(box.x + box.w / 2 - p.x), y: r1(box.y + 11 - p.y), "text-anchor": "middle" }, code) : null,
      s("title", {}, text),
    );
    activate(node, `${text}: open in the explorer`, () => go("explorer", { ...open, source: undefined, target: undefined, actor: code }));
    tip.bind(node, () => text);
    node.addEventListener("pointerenter", () => lit(code));
    node.addEventListener("pointerleave", () => lit(null));
    nodes.append(node);
  });
  svg.append(edges, nodes);
  return svg;
}

const quad = (a: Point, c: Point, b: Point, t: number): Point => ({ x: (1 - t) ** 2 * a.x + 2 * (1 - t) * t * c.x + t * t * b.x, y: (1 - t) ** 2 * a.y + 2 * (1 - t) * t * c.y + t * t * b.y });
const r1 = (n: number) => Math.round(n * 10) / 10;
const signed = (n: number) => `${n > 0.05 ? "+" : ""}${fmt(n, 1)}`;

function legend(n: number): HTMLElement {
  return h(
    "figcaption",
    { class: "legend" },
    h("span", {}, h("i", { class: "swatch", style: `background: ${goldsteinColour(-10)}` }), "conflict (Goldstein −10)"),
    h("span", {}, h("i", { class: "swatch", style: `background: ${goldsteinColour(0)}` }), "neutral"),
    h("span", {}, h("i", { class: "swatch", style: `background: ${goldsteinColour(10)}` }), "cooperation (+10)"),
    h("span", { class: "muted" }, `the ${n} busiest dyads; node area: an actor's events in them; edge width: a dyad's events; point at one for its counts, click to open its events in the explorer`),
  );
}
