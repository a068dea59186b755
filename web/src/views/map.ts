/**
 * Events by location on country shapes shipped with the page (Natural Earth
 * 1:110m from world-atlas, bundled): no tile server, nothing fetched but the
 * API. A circle per place, area by events, colour by mean Goldstein score.
 */
import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { FeatureCollection } from "geojson";
import { api } from "../api.js";
import type { LocationRow } from "../contract.js";
import { fmt, h, s } from "../dom.js";
import { message } from "../events.js";
import { countScope, countsAll, filterOf } from "../filters.js";
import { goldsteinColour } from "../palette.js";
import type { Route } from "../route.js";

const W = 960;
const H = 500;

let world: Promise<FeatureCollection> | null = null;
/** The shapes load once, on the first visit to the map, so the other views stay light. */
function countries(): Promise<FeatureCollection> {
  world ??= import("world-atlas/countries-110m.json").then((m) => {
    const topo = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection }>;
    return feature(topo, topo.objects.countries) as FeatureCollection;
  });
  return world;
}

export async function mapView(view: HTMLElement, route: Route): Promise<void> {
  view.append(h("div", { class: "view-head" }, h("h2", {}, "Events by location"), countScope(route)));
  const [shapes, { rows }] = await Promise.all([countries(), api.locations(filterOf(route.params), countsAll(route.params))]);
  const placed = rows.filter((r): r is LocationRow & { lat: number; lon: number } => r.lat !== null && r.lon !== null);
  view.append(h("div", { class: "map-layout" }, h("figure", { class: "chart" }, draw(shapes, placed), caption()), table(rows)));
  if (rows.length === 0) view.append(message("No events with a location match this filter."));
}

function draw(shapes: FeatureCollection, places: (LocationRow & { lat: number; lon: number })[]): SVGSVGElement {
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: "Sphere" });
  const path = geoPath(projection);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "map", role: "img", "aria-label": "Map of events by location" });
  svg.append(s("path", { class: "sphere", d: path({ type: "Sphere" }) ?? "" }), s("path", { class: "graticule", d: path(geoGraticule10()) ?? "" }));
  const land = s("g", { class: "countries" });
  for (const f of shapes.features) land.append(s("path", { class: "country", d: path(f) ?? "" }, s("title", {}, String(f.properties?.name ?? ""))));
  svg.append(land);
  const most = Math.max(1, ...places.map((p) => p.events));
  const marks = s("g", { class: "places" });
  // big circles first, so small ones stay visible on top
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    marks.append(
      s(
        "circle",
        { class: "place", "data-name": p.name, cx: xy[0], cy: xy[1], r: 3 + 17 * Math.sqrt(p.events / most), fill: goldsteinColour(p.goldsteinMean) },
        s("title", {}, `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.events} event${p.events === 1 ? "" : "s"}, Goldstein mean ${fmt(p.goldsteinMean, 1)}`),
      ),
    );
  }
  svg.append(marks);
  return svg;
}

function caption(): HTMLElement {
  return h(
    "figcaption",
    { class: "legend" },
    h("span", {}, h("i", { class: "swatch", style: `background: ${goldsteinColour(-10)}` }), "conflict"),
    h("span", {}, h("i", { class: "swatch", style: `background: ${goldsteinColour(10)}` }), "cooperation"),
    h("span", { class: "muted" }, "circle area: events at the place; country shapes: Natural Earth 1:110m"),
  );
}

function table(rows: LocationRow[]): HTMLElement {
  return h(
    "table",
    { class: "places-table" },
    h("thead", {}, h("tr", {}, h("th", {}, "place"), h("th", {}, "country"), h("th", { class: "num" }, "events"), h("th", { class: "num" }, "Goldstein"))),
    h(
      "tbody",
      {},
      ...[...rows]
        .sort((a, b) => b.events - a.events)
        .map((r) =>
          h(
            "tr",
            { title: r.lat === null ? "no coordinates: not on the map" : undefined, class: r.lat === null ? "muted" : undefined },
            h("td", {}, r.name),
            h("td", {}, r.country ?? "—"),
            h("td", { class: "num" }, fmt(r.events)),
            h("td", { class: "num" }, fmt(r.goldsteinMean, 1)),
          ),
        ),
    ),
  );
}
