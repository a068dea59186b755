/**
 * Events by where they happened, on country shapes shipped with the page
 * (Natural Earth 1:110m from world-atlas, bundled): no tile server, nothing
 * fetched but the API. Each country is shaded by its events, from places
 * known only by their country and places with coordinates alike; a circle
 * marks each place with coordinates (area: events; colour: mean Goldstein).
 * A click on a country or a place opens its events in the explorer.
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Feature, FeatureCollection } from "geojson";
import { api, type Filter } from "../api.js";
import { activate, drawToWidth, hoverTip, type Tip } from "../chart-kit.js";
import { classBreaks, classOf, classRange } from "../chart-math.js";
import type { LocationRow } from "../contract.js";
import { fmt, h, replace, s } from "../dom.js";
import { message } from "../events.js";
import { countScope, countsAll, filterOf } from "../filters.js";
import { goldsteinColour } from "../palette.js";
import { go, href, type Route } from "../route.js";
import { isoOf } from "../world.js";

/** The shading's colours, light to dark; fewer classes take colours spread over them. */
const SHADES = ["#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"];
/** The south edge drawn: Antarctica has the room of a continent and rarely an event. */
const SOUTH = -58;
/** Rows a table shows before "all of them". */
const ROWS = 20;

type Placed = LocationRow & { lat: number; lon: number };

/** A country's events: all its places', with coordinates or without. */
interface CountryCount {
  iso: string;
  name: string;
  events: number;
  /** Its rows of /api/locations. */
  places: number;
}

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
  const all = countsAll(route.params);
  const filter = filterOf(route.params);
  const [shapes, { rows }] = await Promise.all([countries(), api.locations(filter, all)]);
  // what a click opens counts the same events as the map: by default only those that count
  const open: Filter = all ? filter : { ...filter, counted: "true" };

  const names = new Map<string, string>();
  for (const f of shapes.features) {
    const iso = isoOf(f as { id?: string; properties?: { name?: string } });
    if (iso && !names.has(iso)) names.set(iso, String(f.properties?.name ?? iso));
  }
  const byCountry = new Map<string, CountryCount>();
  for (const r of rows) {
    if (!r.country) continue;
    const c = byCountry.get(r.country) ?? { iso: r.country, name: names.get(r.country) ?? r.country, events: 0, places: 0 };
    c.events += r.events;
    c.places++;
    byCountry.set(r.country, c);
  }
  const shaded = [...byCountry.values()].filter((c) => names.has(c.iso));
  const offMap = [...byCountry.values()].filter((c) => !names.has(c.iso)).sort((a, b) => b.events - a.events);
  const bounds = classBreaks(shaded.map((c) => c.events));
  const most = Math.max(0, ...shaded.map((c) => c.events));
  const placed = rows.filter((r): r is Placed => r.lat !== null && r.lon !== null);

  const box = h("div", { class: "chart-box" });
  const figure = h("figure", { class: "chart map-figure" }, box, legend(bounds, most, placed.length > 0, offMap, rows.filter((r) => !r.country && r.lat === null)));
  view.append(figure);
  if (rows.length === 0) view.append(message("No events with a location match this filter."));
  const tip = hoverTip(figure);
  drawToWidth(box, (width) => draw(shapes, byCountry, bounds, placed, width, tip, open));
  if (rows.length)
    view.append(
      h(
        "div",
        { class: "map-tables" },
        countryTable([...byCountry.values()].sort((a, b) => b.events - a.events || a.iso.localeCompare(b.iso)), names, open),
        placeTable([...rows].sort((a, b) => b.events - a.events), open),
      ),
    );
}

/** The colour of class `i` of `n`. */
export function shade(i: number, n: number): string {
  if (n <= 1) return SHADES[2];
  return SHADES[Math.round((i * (SHADES.length - 1)) / (n - 1))];
}

function draw(shapes: FeatureCollection, byCountry: Map<string, CountryCount>, bounds: number[], places: Placed[], width: number, tip: Tip, open: Filter): SVGSVGElement {
  const W = Math.max(260, width);
  // as wide as the page, unless that makes it taller than the window leaves room for: then narrower, centred
  const fit = (w: number) => {
    const p = geoNaturalEarth1().fitWidth(w - 8, { type: "Sphere" });
    const bottom = (p([0, SOUTH])?.[1] ?? w / 2) + 6;
    return { p, bottom };
  };
  let { p: projection, bottom } = fit(W);
  const room = Math.max(260, (typeof window === "undefined" ? 800 : window.innerHeight) - 190);
  if (bottom > room) {
    const w = Math.max(260, (W * room) / bottom);
    ({ p: projection, bottom } = fit(w));
    projection.translate([projection.translate()[0] + (W - w) / 2, projection.translate()[1]]);
  }
  const H = Math.round(bottom);
  const path = geoPath(projection);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "map", role: "group", "aria-label": "Map of events by location" });
  svg.append(s("path", { class: "sphere", d: path({ type: "Sphere" }) ?? "" }), s("path", { class: "graticule", d: path(geoGraticule10()) ?? "" }));

  const land = s("g", { class: "countries" });
  for (const f of shapes.features) {
    const iso = isoOf(f as { id?: string; properties?: { name?: string } });
    const name = String(f.properties?.name ?? "");
    const c = iso ? byCountry.get(iso) : undefined;
    if (!c) {
      land.append(s("path", { class: "country", "data-iso": iso ?? undefined, d: path(f as Feature) ?? "" }, s("title", {}, name)));
      continue;
    }
    const k = classOf(c.events, bounds);
    const text = `${name} (${c.iso}): ${fmt(c.events)} event${c.events === 1 ? "" : "s"} at ${fmt(c.places)} place${c.places === 1 ? "" : "s"}`;
    const shape = s("path", { class: "country shaded", "data-iso": c.iso, "data-events": c.events, "data-class": k, style: `fill: ${shade(k, bounds.length)}`, d: path(f as Feature) ?? "" }, s("title", {}, text));
    activate(shape, `${text}: open in the explorer`, () => go("explorer", { ...open, place: undefined, country: c.iso }));
    tip.bind(shape, () => text);
    land.append(shape);
  }
  svg.append(land);

  const most = Math.max(1, ...places.map((p) => p.events));
  const rMax = W < 640 ? 12 : 18;
  const marks = s("g", { class: "places" });
  // big circles first, so small ones stay visible on top
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const text = `${p.name}${p.country ? ` (${p.country})` : ""}: ${fmt(p.events)} event${p.events === 1 ? "" : "s"}, Goldstein mean ${fmt(p.goldsteinMean, 1)}`;
    const mark = s(
      "circle",
      { class: "place", "data-name": p.name, "data-country": p.country ?? undefined, "data-events": p.events, cx: round(xy[0]), cy: round(xy[1]), r: round(2.5 + (rMax - 2.5) * Math.sqrt(p.events / most)), fill: goldsteinColour(p.goldsteinMean) },
      s("title", {}, text),
    );
    activate(mark, `${text}: open in the explorer`, () => go("explorer", { ...open, country: p.country ?? undefined, place: p.name }));
    tip.bind(mark, () => text);
    marks.append(mark);
  }
  svg.append(marks);
  return svg;
}

const round = (n: number) => Math.round(n * 10) / 10;

function legend(bounds: number[], most: number, circles: boolean, offMap: CountryCount[], nowhere: LocationRow[]): HTMLElement {
  const classes = bounds.map((_, i) => {
    const [lo, hi] = classRange(bounds, i, most);
    return h("span", { class: "map-class", "data-class": i, "data-min": lo, "data-max": hi }, h("i", { class: "swatch", style: `background: ${shade(i, bounds.length)}` }), lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`);
  });
  const off = offMap.reduce((n, c) => n + c.events, 0);
  return h(
    "figcaption",
    { class: "legend map-legend" },
    h("span", { class: "legend-group" }, h("b", {}, "Events in the country"), h("span", { class: "map-class", "data-class": -1 }, h("i", { class: "swatch none" }), "none"), ...classes),
    circles
      ? h(
          "span",
          { class: "legend-group" },
          h("b", {}, "Places with coordinates"),
          h("span", {}, h("i", { class: "swatch dot" }), "area: events"),
          h("span", {}, h("i", { class: "swatch dot", style: `background: ${goldsteinColour(-10)}` }), "conflict"),
          h("span", {}, h("i", { class: "swatch dot", style: `background: ${goldsteinColour(0)}` }), "neutral"),
          h("span", {}, h("i", { class: "swatch dot", style: `background: ${goldsteinColour(10)}` }), "cooperation"),
        )
      : "",
    off ? h("span", { class: "muted off-map" }, `Not on the map (no shape at this scale): ${offMap.map((c) => `${c.iso} ${fmt(c.events)}`).join(", ")}`) : "",
    nowhere.length ? h("span", { class: "muted" }, `${fmt(nowhere.reduce((n, r) => n + r.events, 0))} events at places with no known country or coordinates`) : "",
    h("span", { class: "muted" }, "Point at a country or place for its counts; click to open its events in the explorer. Shapes: Natural Earth 1:110m."),
  );
}

/** A table that shows its first rows and a button for the rest. */
function shortTable(caption: string, head: HTMLElement, rows: HTMLElement[]): HTMLElement {
  const body = h("tbody", {}, ...rows.slice(0, ROWS));
  const more =
    rows.length > ROWS
      ? h("button", { type: "button", class: "more", onclick: () => (replace(body, ...rows), more?.remove()) }, `all ${fmt(rows.length)}`)
      : null;
  return h("div", { class: "table-wrap map-table" }, h("table", {}, h("caption", {}, caption), head, body), more);
}

function countryTable(countries: CountryCount[], names: Map<string, string>, open: Filter): HTMLElement {
  return shortTable(
    "Countries",
    h("thead", {}, h("tr", {}, h("th", {}, "country"), h("th", { class: "num" }, "places"), h("th", { class: "num" }, "events"))),
    countries.map((c) =>
      h(
        "tr",
        { "data-iso": c.iso, class: names.has(c.iso) ? undefined : "muted", title: names.has(c.iso) ? undefined : "no shape on the map at this scale" },
        h("td", {}, h("a", { href: href("explorer", { ...open, place: undefined, country: c.iso }) }, c.name), c.name !== c.iso ? h("span", { class: "muted" }, ` ${c.iso}`) : ""),
        h("td", { class: "num" }, fmt(c.places)),
        h("td", { class: "num" }, fmt(c.events)),
      ),
    ),
  );
}

function placeTable(rows: LocationRow[], open: Filter): HTMLElement {
  return shortTable(
    "Places",
    h("thead", {}, h("tr", {}, h("th", {}, "place"), h("th", {}, "country"), h("th", { class: "num" }, "events"), h("th", { class: "num" }, "Goldstein"))),
    rows.map((r) =>
      h(
        "tr",
        { title: r.lat === null ? "known by its country only: shades the country, no circle" : undefined },
        h("td", {}, h("a", { href: href("explorer", { ...open, country: r.country ?? undefined, place: r.name }) }, r.name), r.lat === null ? h("span", { class: "muted" }, " (country)") : ""),
        h("td", {}, r.country ?? "—"),
        h("td", { class: "num" }, fmt(r.events)),
        h("td", { class: "num" }, fmt(r.goldsteinMean, 1)),
      ),
    ),
  );
}
