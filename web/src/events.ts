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

export interface TableOptions {
  /** Show the document column (not when all events are of one document, or were never stored). Default true. */
  doc?: boolean;
}

/** A table of events, one line each; a click on a row calls `onSelect`, and the selected row is marked. */
export function eventTable(events: Event[], onSelect?: (e: Event, row: HTMLTableRowElement) => void, selected?: string | null, options: TableOptions = {}): HTMLTableElement {
  const withDoc = options.doc ?? true;
  const body = h("tbody");
  for (const e of events) {
    const row = h(
      "tr",
      { "data-id": e.id, class: e.id === selected ? "selected" : undefined, tabindex: onSelect ? 0 : undefined },
      h("td", { class: "date" }, e.date ?? "—"),
      actorCell(e.source, "source"),
      h("td", { class: "code", title: QUAD_NAMES[e.quad] ?? "" }, quadBadge(e.quad), " ", h("code", {}, e.code), " ", h("span", { class: "muted" }, e.plover)),
      actorCell(e.target, "target"),
      h("td", { class: "sentence", title: e.text }, e.text),
      h("td", { class: "num" }, goldsteinBadge(e.goldstein)),
      h("td", { class: e.mood === "asserted" && !e.negated ? "mood muted" : "mood flag" }, e.negated ? `${e.mood}, negated` : e.mood),
      withDoc ? h("td", { class: "doc" }, h("a", { href: href("doc", {}, e.doc), title: `document ${e.doc}` }, e.doc)) : null,
    );
    if (onSelect) {
      const choose = () => {
        body.querySelector("tr.selected")?.classList.remove("selected");
        row.classList.add("selected");
        onSelect(e, row);
      };
      row.addEventListener("click", (ev) => {
        if (!(ev.target as Element).closest("a")) choose();
      });
      row.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter") choose();
      });
    }
    body.append(row);
  }
  const heads = ["date", "source", "event", "target", "sentence", "Goldstein", "mood", ...(withDoc ? ["document"] : [])];
  return h("table", { class: "events" }, h("thead", {}, h("tr", {}, ...heads.map((c) => h("th", { class: c === "Goldstein" ? "num" : undefined }, c)))), body);
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
