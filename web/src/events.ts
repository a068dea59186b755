/** The pieces every view uses to show events: a table and one event's details. */
import type { ApiEvent, Event } from "./contract.js";
import { fmt, h } from "./dom.js";
import { eventSpans, highlight, sentenceOffset } from "./highlight.js";
import { goldsteinColour, QUAD_COLOURS, QUAD_NAMES } from "./palette.js";
import { href } from "./route.js";

const actorCell = (a: Event["source"], side: "source" | "target") =>
  a ? h("td", { class: side, title: `${a.name}: "${a.text}"` }, h("code", {}, a.code)) : h("td", { class: `${side} muted` }, "—");

export const quadBadge = (q: number) => h("span", { class: "quad", style: `--quad: ${QUAD_COLOURS[q] ?? QUAD_COLOURS[0]}`, title: QUAD_NAMES[q] ?? "" }, String(q));

export const goldsteinBadge = (g: number) => h("span", { class: "goldstein", style: `color: ${goldsteinColour(g)}` }, (Number(g.toFixed(1)) > 0 ? "+" : "") + fmt(g, 1));

/** What the events table can be sorted by (the API's sort columns). */
export type SortColumn = "date" | "goldstein" | "source" | "target" | "code";

export interface TableOptions {
  /** Show the document column (not when all events are of one document, or were never stored). Default true. */
  doc?: boolean;
  /** Column heads that sort: the order shown, and what choosing a column asks for. */
  sort?: { by: SortColumn; desc: boolean; choose: (by: SortColumn) => void };
  /**
   * The chosen event's details, opened in a row under it (a click or Enter; a second one, or Escape, closes
   * them), so the table keeps the width of the page. `onSelect` is still told.
   */
  details?: (e: Event) => Node;
  /** Called when the details row closes. */
  onClose?: () => void;
}

const HEADS: [label: string, sort: SortColumn | null][] = [
  ["date", "date"],
  ["source", "source"],
  ["event", "code"],
  ["target", "target"],
  ["sentence", null],
  ["Goldstein", "goldstein"],
  ["mood", null],
  ["document", null],
];

/**
 * A table of events, one line each; a click on a row (or Enter on it) calls `onSelect`, and the selected row is
 * marked. Rows are in the tab order; the arrow keys move between them.
 */
export function eventTable(events: Event[], onSelect?: (e: Event, row: HTMLTableRowElement) => void, selected?: string | null, options: TableOptions = {}): HTMLTableElement {
  const withDoc = options.doc ?? true;
  const heads = withDoc ? HEADS : HEADS.slice(0, -1);
  const body = h("tbody");
  let open: { row: HTMLTableRowElement; detail: HTMLTableRowElement } | null = null;
  const close = () => {
    if (!open) return;
    open.detail.remove();
    open.row.removeAttribute("aria-expanded");
    open.row.classList.remove("selected");
    open = null;
    options.onClose?.();
  };
  const expand = (e: Event, row: HTMLTableRowElement) => {
    const panel = h("div", { class: "detail-inner" }, h("button", { type: "button", class: "close", "aria-label": "Close the event's details", title: "Close (Escape)", onclick: () => (close(), row.focus()) }, "×"), options.details!(e));
    const detail = h("tr", { class: "event-detail" }, h("td", { colspan: heads.length }, panel));
    row.after(detail);
    row.setAttribute("aria-expanded", "true");
    open = { row, detail };
  };
  for (const e of events) {
    const row = h(
      "tr",
      { "data-id": e.id, class: e.id === selected ? "selected" : undefined, tabindex: onSelect ? 0 : undefined },
      h("td", { class: "date" }, e.date ?? "—"),
      actorCell(e.source, "source"),
      h("td", { class: "code", title: QUAD_NAMES[e.quad] ?? "" }, quadBadge(e.quad), " ", h("code", {}, e.code), " ", h("span", { class: "muted" }, e.plover)),
      actorCell(e.target, "target"),
      h("td", { class: "sentence" }, e.text),
      h("td", { class: "num" }, goldsteinBadge(e.goldstein)),
      h("td", { class: e.mood === "asserted" && !e.negated ? "mood muted" : "mood flag" }, e.negated ? `${e.mood}, negated` : e.mood),
      withDoc ? h("td", { class: "doc" }, h("a", { href: href("doc", {}, e.doc), title: `document ${e.doc}` }, e.doc)) : null,
    );
    if (onSelect) {
      const choose = () => {
        if (options.details && open?.row === row) return close();
        close();
        body.querySelector("tr.selected")?.classList.remove("selected");
        row.classList.add("selected");
        if (options.details) expand(e, row);
        onSelect(e, row);
      };
      row.addEventListener("click", (ev) => {
        if (!(ev.target as Element).closest("a")) choose();
      });
      row.addEventListener("keydown", (ev) => {
        if (ev.target !== row) return;
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          choose();
        } else if (ev.key === "Escape" && open?.row === row) close();
        else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
          ev.preventDefault();
          const rows = [...body.querySelectorAll<HTMLTableRowElement>("tr[data-id]")];
          rows[rows.indexOf(row) + (ev.key === "ArrowDown" ? 1 : -1)]?.focus();
        }
      });
    }
    body.append(row);
    if (onSelect && options.details && e.id === selected) expand(e, row);
  }
  // Escape inside the open details closes them and gives the focus back to their row
  body.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape" || !open || !open.detail.contains(ev.target as Node)) return;
    const row = open.row;
    close();
    row.focus();
  });
  const sort = options.sort;
  const head = (label: string, by: SortColumn | null) => {
    const cls = label === "Goldstein" ? "num" : undefined;
    if (!sort || !by) return h("th", { class: cls, scope: "col" }, label);
    const on = sort.by === by;
    const next = on && !sort.desc ? "descending" : "ascending";
    return h(
      "th",
      { class: cls, scope: "col", "aria-sort": on ? (sort.desc ? "descending" : "ascending") : undefined },
      h("button", { type: "button", class: on ? "sort on" : "sort", "data-sort": by, title: `Sort by ${label}, ${next}`, onclick: () => sort.choose(by) }, label, h("span", { class: "arrow", "aria-hidden": "true" }, on ? (sort.desc ? " ↓" : " ↑") : " ↕")),
    );
  };
  return h("table", { class: sort ? "events sortable" : "events" }, h("thead", {}, h("tr", {}, ...heads.map(([label, by]) => head(label, by)))), body);
}

/** One event in full: its sentence with source, target and verb marked, and every field that explains the code. */
export function eventPanel(e: ApiEvent | Event, options: { stored?: boolean } = {}): HTMLElement {
  const offset = sentenceOffset(e);
  const spans = eventSpans(e, offset);
  const inside = spans.filter((s) => s.start >= 0 && s.end <= e.text.length);
  // an actor found by coreference ("he") may be named in an earlier sentence: show it beside this one
  const earlier = spans.filter((s) => !inside.includes(s)).map((s) => h("mark", { class: s.cls }, (s.cls === "verb" ? e.verb : e[s.cls])?.text ?? ""));
  const row = (label: string, ...value: (Node | string)[]) => [h("dt", {}, label), h("dd", {}, ...value)];
  const actor = (a: Event["source"]) => (a ? `${a.code} — ${a.name}${a.sectors.length ? ` (${a.sectors.join(", ")})` : ""}` : "none");
  return h(
    "section",
    { class: "event-panel", "aria-label": "Chosen event" },
    h("p", { class: "sentence" }, highlight(e.text, inside)),
    earlier.length ? h("p", { class: "earlier muted" }, "named in an earlier sentence: ", ...earlier) : null,
    h(
      "dl",
      {},
      ...row("event", h("code", {}, e.code), ` ${e.plover} `, quadBadge(e.quad), " ", goldsteinBadge(e.goldstein)),
      ...row("source", actor(e.source)),
      ...row("target", actor(e.target)),
      ...row("verb", e.verb.text),
      ...row("date", e.date ?? "unknown"),
      ...row("mood", h("span", { class: "mood" }, e.mood)),
      ...(e.intendedCode ? row("stated act", h("code", { class: "intended-code" }, e.intendedCode)) : []),
      ...row("negated", h("span", { class: "negated" }, e.negated ? "yes" : "no")),
      ...row("location", e.location ? `${e.location.name}${e.location.country ? ` (${e.location.country})` : ""}` : "none"),
      ...(e.issues.length ? row("issues", e.issues.join(", ")) : []),
      ...row("rule", h("code", { class: "rule" }, e.rule)),
      ...row("confidence", h("span", { class: "confidence" }, fmt(e.confidence, 2))),
      ...(options.stored === false ? [] : row("document", h("a", { href: href("doc", {}, e.doc), class: "doc-link" }, `${e.doc}, sentence ${e.sentence + 1}`))),
    ),
  );
}

export const message = (text: string, kind: "error" | "info" = "info") => h("p", { class: `message ${kind}`, role: kind === "error" ? "alert" : "status" }, text);

/** A "loading…" line: what an error replaces (main.ts), so no view is left loading after a failure. */
export const loading = (text: string) => h("p", { class: "message loading", role: "status", "aria-busy": "true" }, text);
