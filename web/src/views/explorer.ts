/**
 * The explorer: the events that match the filter, a page at a time (the API's
 * keyset cursor), and the chosen event in full.
 */
import { api } from "../api.js";
import type { ApiEvent, Event } from "../contract.js";
import { h, replace } from "../dom.js";
import { eventPanel, eventTable, message } from "../events.js";
import { filterOf } from "../filters.js";
import { go, type Route } from "../route.js";

/**
 * The cursors of the pages before this one, newest last. A cursor only goes
 * forward, so going back needs the way we came; a linked page with no trail
 * goes back to the first page.
 */
let trail: string[] = [];
let trailKey = "";

export async function explorer(view: HTMLElement, route: Route): Promise<void> {
  const filter = filterOf(route.params);
  const limit = Math.min(500, Math.max(1, Number(route.params.get("limit")) || 25));
  const cursor = route.params.get("cursor") ?? "";
  const key = JSON.stringify({ filter, limit });
  if (key !== trailKey || !cursor) (trail = []), (trailKey = key);

  const status = h("div", { class: "status" }, message("loading events…"));
  view.append(status);
  const page = await api.events(filter, limit, cursor || undefined);
  const detail = h("aside", { class: "detail" });
  const chosen = route.params.get("event");
  const show = (e: Event) => {
    replace(detail, eventPanel(e as ApiEvent));
    const params = new URLSearchParams(route.params);
    params.set("event", e.id);
    go("explorer", params, { replace: true });
  };
  const table = page.events.length ? eventTable(page.events, show, chosen) : message("No events match this filter.");
  const params = (c: string | null) => {
    const p = new URLSearchParams(route.params);
    p.delete("event");
    if (c) p.set("cursor", c);
    else p.delete("cursor");
    return p;
  };
  const pager = h(
    "nav",
    { class: "pager", "aria-label": "Pages" },
    h("button", { type: "button", class: "prev", disabled: !cursor, onclick: () => go("explorer", params(trail.pop() || null)) }, "← Previous"),
    h("span", { class: "muted page-info" }, `${page.events.length} event${page.events.length === 1 ? "" : "s"} on this page${cursor ? "" : " (the first)"}`),
    h(
      "button",
      {
        type: "button",
        class: "next",
        disabled: !page.next,
        onclick: () => {
          trail.push(cursor);
          go("explorer", params(page.next));
        },
      },
      "Next →",
    ),
    h(
      "label",
      { class: "page-size" },
      "per page ",
      (() => {
        const sel = h("select", { name: "limit" }, ...[10, 25, 50, 100, 500].map((n) => h("option", { value: n, selected: n === limit }, String(n))));
        sel.addEventListener("change", () => {
          const p = params(null);
          p.set("limit", sel.value);
          go("explorer", p);
        });
        return sel;
      })(),
    ),
  );
  replace(status);
  view.append(h("div", { class: "explorer" }, h("div", { class: "table-wrap" }, table, pager), detail));
  const first = chosen ? page.events.find((e) => e.id === chosen) : undefined;
  if (first) replace(detail, eventPanel(first));
  else if (chosen) {
    // a linked event on another page: fetch it on its own
    api.event(chosen).then(({ event }) => replace(detail, eventPanel(event)), () => replace(detail, message(`Event ${chosen} is not in the store.`, "error")));
  } else replace(detail, message("Choose an event to see its sentence with the source, target and verb marked."));
}
