/**
 * The explorer: the events that match the filter, with their total, a page at
 * a time (the API's keyset cursor) in the order chosen by a column head, the
 * sentence of each readable in the table, a chosen event's details opened in
 * a row under it, and the whole filter as a file to download.
 */
import { api } from "../api.js";
import type { ApiEvent, EventCount, EventsSort, ExportFormat } from "../contract.js";
import { fmt, h, replace } from "../dom.js";
import { eventPanel, eventTable, loading, message, type SortColumn } from "../events.js";
import { filterOf } from "../filters.js";
import { go, type Route } from "../route.js";

const SORTS: EventsSort[] = ["date", "-date", "goldstein", "-goldstein", "source", "-source", "target", "-target", "code", "-code"];
const SORT_NAMES: Record<SortColumn, string> = { date: "date", goldstein: "Goldstein", source: "source", target: "target", code: "event code" };

const DOWNLOADS: [ExportFormat, string, string][] = [
  ["csv", "CSV", "one column per field, for a spreadsheet"],
  ["jsonl", "JSON Lines", "one event record a line, as annals code prints it"],
  ["gdelt", "GDELT", "the 61 tab-separated columns of the GDELT 2.0 event table"],
];

/**
 * The cursors of the pages before this one, newest last. A cursor only goes
 * forward, so going back needs the way we came; a linked page with no trail
 * goes back to the first page.
 */
let trail: string[] = [];
let trailKey = "";

const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

/** The total as a reader says it: "1,234 events", "more than 10,000 events". */
export function totalText(total: EventCount | null): string {
  if (total === null) return "events (counting them took too long)";
  return total.exact ? plural(total.count, "event") : `more than ${fmt(total.count)} events`;
}

export async function explorer(view: HTMLElement, route: Route): Promise<void> {
  const filter = filterOf(route.params);
  const limit = Math.min(500, Math.max(1, Number(route.params.get("limit")) || 25));
  const cursor = route.params.get("cursor") ?? "";
  const sortParam = route.params.get("sort") ?? "date";
  const sort: EventsSort = (SORTS as string[]).includes(sortParam) ? (sortParam as EventsSort) : "date";
  const key = JSON.stringify({ filter, limit, sort });
  if (key !== trailKey || !cursor) (trail = []), (trailKey = key);

  const status = loading("loading events…");
  view.append(status);
  const page = await api.events(filter, limit, cursor || undefined, sort);
  status.remove();

  /** The address with some parameters changed (an undefined one removed). */
  const address = (changes: Record<string, string | undefined>) => {
    const p = new URLSearchParams(route.params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === "") p.delete(k);
      else p.set(k, v);
    }
    return p;
  };
  const by = sort.replace(/^-/, "") as SortColumn;
  const desc = sort.startsWith("-");
  const resort = (column: SortColumn) => {
    const next = column === by && !desc ? `-${column}` : column;
    go("explorer", address({ sort: next === "date" ? undefined : next, cursor: undefined, event: undefined }));
  };

  const chosen = route.params.get("event");
  const onPage = chosen !== null && page.events.some((e) => e.id === chosen);
  const table = page.events.length
    ? eventTable(
        page.events,
        (e) => go("explorer", address({ event: e.id }), { replace: true }),
        onPage ? chosen : null,
        {
          sort: { by, desc, choose: resort },
          details: (e) => eventPanel(e as ApiEvent),
          onClose: () => go("explorer", address({ event: undefined }), { replace: true }),
        },
      )
    : message(filter.dated === "false" ? "No events without a date match this filter." : "No events match this filter.");

  const first = trail.length * limit + 1;
  const known = !cursor || trail.length > 0;
  const shown = page.events.length === 0 ? "" : known ? `${fmt(first)}–${fmt(first + page.events.length - 1)}` : plural(page.events.length, "event");
  const pager = h(
    "nav",
    { class: "pager", "aria-label": "Pages" },
    h("button", { type: "button", class: "prev", disabled: !cursor, onclick: () => go("explorer", address({ cursor: trail.pop() || undefined, event: undefined })) }, "← Previous"),
    h("span", { class: "muted page-info" }, shown && `${shown} of ${totalText(page.total)}`),
    h(
      "button",
      {
        type: "button",
        class: "next",
        disabled: !page.next,
        onclick: () => {
          trail.push(cursor);
          go("explorer", address({ cursor: page.next ?? undefined, event: undefined }));
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
        sel.addEventListener("change", () => go("explorer", address({ limit: sel.value, cursor: undefined, event: undefined })));
        return sel;
      })(),
    ),
  );

  // the order as a list too: the column heads are hidden where the rows stack (narrow windows)
  const sortPick = h(
    "select",
    { name: "sort", "aria-label": "Sort by" },
    ...SORTS.map((s) => {
      const column = s.replace(/^-/, "") as SortColumn;
      const down = s.startsWith("-");
      const words = column === "date" ? (down ? "newest first" : "oldest first") : column === "goldstein" ? (down ? "most cooperative first" : "most hostile first") : down ? "Z to A" : "A to Z";
      return h("option", { value: s, selected: s === sort }, `${SORT_NAMES[column]}, ${words}`);
    }),
  );
  sortPick.addEventListener("change", () => go("explorer", address({ sort: sortPick.value === "date" ? undefined : sortPick.value, cursor: undefined, event: undefined })));

  const head = h(
    "div",
    { class: "explorer-head" },
    h("p", { class: "total", role: "status", "data-count": page.total?.count ?? "", "data-exact": page.total ? String(page.total.exact) : "" }, totalText(page.total), filter.dated === undefined && sort.replace(/^-/, "") === "date" ? h("span", { class: "muted" }, " · events without a date last") : null),
    h("label", { class: "sort-pick" }, "Sort ", sortPick),
    h(
      "p",
      { class: "downloads" },
      h("span", { class: "muted" }, "Download all: "),
      ...DOWNLOADS.flatMap(([format, label, what], i) => [
        i ? " · " : "",
        h("a", { href: api.exportUrl(filter, format), download: "", class: "download", "data-format": format, title: `Every event of this filter, in the store's order, as annals export --format ${format} writes them: ${what}` }, label),
      ]),
    ),
  );

  const parts: Node[] = [head];
  if (chosen && !onPage) {
    // a linked event on another page: fetched on its own, shown above the list
    const linked = h("section", { class: "linked-event", "aria-label": "Linked event" }, loading(`loading event ${chosen}…`));
    parts.push(linked);
    api.event(chosen).then(
      ({ event }) => replace(linked, h("p", { class: "muted" }, "This event is not on this page of the list:"), eventPanel(event)),
      () => replace(linked, message(`Event ${chosen} is not in the store.`, "error")),
    );
  }
  parts.push(h("div", { class: "table-wrap" }, table), pager);
  view.append(h("div", { class: "explorer-list" }, ...parts));
}
