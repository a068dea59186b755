/**
 * The page of `annals serve`. Plain TypeScript and the DOM, no framework: a
 * handful of views do not need a component runtime to ship or to learn, and
 * building every element with createElement/textContent (src/dom.ts) means
 * stored text can never become markup.
 *
 * The address is the state: `#explorer?actor=JPN`, `#dyad?source=CHN&target=RUS`,
 * `#network`, `#map`, `#try`, `#doc/ID`. Each change of it draws the view anew.
 */
import "./style.css";
import { api, ApiError } from "./api.js";
import { fmt, h, replace } from "./dom.js";
import { message } from "./events.js";
import { filterBar, filterOf, filterSummary } from "./filters.js";
import { href, parseHash, type Route, type ViewName } from "./route.js";
import { documentView } from "./views/document.js";
import { dyad } from "./views/dyad.js";
import { explorer } from "./views/explorer.js";
import { mapView } from "./views/map.js";
import { network } from "./views/network.js";
import { tryView } from "./views/try.js";

const VIEWS: Record<ViewName, (view: HTMLElement, route: Route) => Promise<void>> = {
  explorer,
  dyad,
  network,
  map: mapView,
  try: tryView,
  doc: documentView,
};

const TABS: [ViewName, string][] = [
  ["explorer", "Explorer"],
  ["dyad", "Dyad"],
  ["network", "Network"],
  ["map", "Map"],
  ["try", "Try it"],
];

/** Views that read the shared filter. */
const FILTERED = new Set<ViewName>(["explorer", "dyad", "network", "map"]);

const tabs = h("nav", { class: "tabs", "aria-label": "Views" });
const counts = h("span", { class: "counts muted" });
const bar = h("div", { class: "filter-slot" });
const main = h("main", { id: "view" });

document.body.append(h("header", {}, h("a", { class: "brand", href: "#explorer" }, "annals"), tabs, counts), bar, main);

/** Every render draws into a fresh element; one that finishes after the reader moved on is dropped. */
let current: HTMLElement | null = null;

async function render(): Promise<void> {
  const route = parseHash(location.hash);
  // carry the filter from one filtered view to the next
  const keep = FILTERED.has(route.view) ? new URLSearchParams(route.params) : new URLSearchParams();
  for (const k of ["cursor", "event", "by", "top", "limit", "sort"]) keep.delete(k);
  replace(
    tabs,
    ...TABS.map(([name, label]) => h("a", { href: href(name, FILTERED.has(name) ? keep : {}), class: name === route.view ? "on" : undefined, "data-view": name }, label)),
  );
  replace(bar, FILTERED.has(route.view) ? filterBar(route) : "");
  const view = h("section", { class: `view view-${route.view}`, "data-view": route.view });
  current = view;
  replace(main, view);
  // the title says the view and its filter, as the address does: "Explorer · source JPN · annals"
  const name = route.view === "doc" ? `document ${route.arg ?? ""}` : (TABS.find(([n]) => n === route.view)?.[1] ?? "");
  document.title = [name, FILTERED.has(route.view) ? filterSummary(filterOf(route.params)) : "", "annals"].filter(Boolean).join(" · ");
  try {
    await VIEWS[route.view](view, route);
  } catch (e) {
    if (current === view) failed(view, e as Error);
  }
  if (current === view) view.setAttribute("data-ready", "");
}

/** A view that failed: its message where it was loading (no "loading…" stays above an error), and a way to ask again when the server was busy. */
function failed(view: HTMLElement, e: Error): void {
  const again = e instanceof ApiError && [0, 429, 503].includes(e.status);
  const error = h("div", { class: "failed" }, message(e.message, "error"), again ? h("button", { type: "button", class: "again", onclick: () => void render() }, "Try again") : null);
  const pending = [...view.querySelectorAll(".loading")];
  if (pending.length) pending[0].replaceWith(error);
  else view.append(error);
  for (const p of pending.slice(1)) p.remove();
}

window.addEventListener("hashchange", () => void render());
if (!location.hash) history.replaceState(null, "", "#explorer");
void render();
api.health().then(
  (hth) => replace(counts, `${fmt(hth.counts.events)} events · ${fmt(hth.counts.documents)} documents · annals ${hth.annals}`),
  (e: Error) => replace(counts, e instanceof ApiError && e.status !== 0 ? `counts not read: ${e.message}` : "server not reachable"),
);
