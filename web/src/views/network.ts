/**
 * The actor network of the current filter: the busiest dyads as edges (width:
 * events; colour: mean Goldstein score), their actors as nodes.
 */
import { api, type Filter } from "../api.js";
import type { TopRow } from "../contract.js";
import { fmt, h, s } from "../dom.js";
import { message } from "../events.js";
import { countScope, countsAll, filterOf } from "../filters.js";
import { forceLayout } from "../layout.js";
import { goldsteinColour } from "../palette.js";
import { go, type Route } from "../route.js";

const W = 960;
const H = 600;

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
  const dyads = rows.filter((r): r is TopRow & { target: string } => r.target !== null);
  if (dyads.length === 0) {
    view.append(message(all ? "No dyads match this filter." : "No asserted, non-negated dyads match this filter."));
    return;
  }
  view.append(h("figure", { class: "chart" }, graph(dyads, filter), legend(dyads.length)));
}

/** `filter` is kept when a click opens a node or an edge in the explorer. */
function graph(dyads: (TopRow & { target: string })[], filter: Filter): SVGSVGElement {
  const actors = [...new Set(dyads.flatMap((d) => [d.source, d.target]))].sort();
  const index = new Map(actors.map((a, i) => [a, i]));
  const volume = new Map<string, number>();
  for (const d of dyads) for (const a of [d.source, d.target]) volume.set(a, (volume.get(a) ?? 0) + d.events);
  const most = Math.max(...dyads.map((d) => d.events));
  const mostActor = Math.max(...volume.values());
  const radius = (a: string) => 6 + 14 * Math.sqrt((volume.get(a) ?? 0) / mostActor);
  const pos = forceLayout(actors.length, dyads.map((d) => [index.get(d.source)!, index.get(d.target)!, d.events]), W, H, actors.map(radius), 34);

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img", "aria-label": "Actors and the events between them" });
  svg.append(
    s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, s("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow" }))),
  );
  const edges = s("g", { class: "edges" });
  for (const d of dyads) {
    const a = pos[index.get(d.source)!];
    const b = pos[index.get(d.target)!];
    if (d.source === d.target) continue;
    // bend each edge to its right, so A→B and B→A are two curves
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const [ux, uy] = [dx / len, dy / len];
    const rb = radius(d.target) + 3;
    const end = { x: b.x - ux * rb, y: b.y - uy * rb };
    const mid = { x: (a.x + end.x) / 2 - uy * len * 0.12, y: (a.y + end.y) / 2 + ux * len * 0.12 };
    const path = s(
      "path",
      {
        class: "edge",
        "data-source": d.source,
        "data-target": d.target,
        d: `M${a.x},${a.y} Q${mid.x},${mid.y} ${end.x},${end.y}`,
        stroke: goldsteinColour(d.goldsteinMean),
        "stroke-width": 1.5 + 6.5 * Math.sqrt(d.events / most),
        "marker-end": "url(#arrow)",
        onclick: () => go("explorer", { ...filter, actor: undefined, source: d.source, target: d.target }),
      },
      s("title", {}, `${d.source} → ${d.target}: ${d.events} event${d.events === 1 ? "" : "s"}, Goldstein mean ${fmt(d.goldsteinMean, 1)}`),
    );
    edges.append(path);
  }
  const nodes = s("g", { class: "nodes" });
  for (const a of actors) {
    const p = pos[index.get(a)!];
    const r = radius(a);
    nodes.append(
      s(
        "g",
        { class: "node", "data-actor": a, transform: `translate(${p.x},${p.y})`, onclick: () => go("explorer", { ...filter, source: undefined, target: undefined, actor: a }) },
        s("circle", { r }),
        s("text", { y: r + 13, "text-anchor": "middle" }, a),
        s("title", {}, `${a}: ${volume.get(a)} events in these dyads`),
      ),
    );
  }
  svg.append(edges, nodes);
  return svg;
}

function legend(n: number): HTMLElement {
  return h(
    "figcaption",
    { class: "legend" },
    h("span", {}, h("i", { class: "swatch", style: `background: ${goldsteinColour(-10)}` }), "conflict (Goldstein −10)"),
    h("span", {}, h("i", { class: "swatch", style: `background: ${goldsteinColour(0)}` }), "neutral"),
    h("span", {}, h("i", { class: "swatch", style: `background: ${goldsteinColour(10)}` }), "cooperation (+10)"),
    h("span", { class: "muted" }, `the ${n} busiest dyads; edge width: events; a click opens them in the explorer`),
  );
}
