/** One stored document: its whole text with every event marked, and the list of its events. */
import { api } from "../api.js";
import { h } from "../dom.js";
import { eventPanel, eventTable, message } from "../events.js";
import { eventSpans, highlight } from "../highlight.js";
import type { Route } from "../route.js";

/** A link is shown as a link only when it is a web address; anything else stays text. */
const webUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

export async function documentView(view: HTMLElement, route: Route): Promise<void> {
  if (!route.arg) {
    view.append(message("No document chosen.", "error"));
    return;
  }
  const { document: doc, events } = await api.document(route.arg);
  const text = h("div", { class: "doc-text" }, highlight(doc.text, events.flatMap((e) => eventSpans(e))));
  const detail = h("aside", { class: "detail" }, message(events.length ? "Choose an event in the list to see it alone, its marks outlined in the text." : "The coder found no events in this document."));
  const focus = (id: string | null) => {
    for (const m of text.querySelectorAll("mark")) m.classList.toggle("focus", id !== null && (m.getAttribute("data-events") ?? "").split(" ").includes(id));
  };
  const url = webUrl(doc.url ?? null);
  view.append(
    h(
      "div",
      { class: "explorer" },
      h(
        "article",
        { class: "document" },
        h("h2", {}, doc.title || doc.id),
        h(
          "p",
          { class: "meta muted" },
          [doc.date ?? "no date", doc.place, doc.source, `id ${doc.id}`].filter(Boolean).join(" · "),
          url ? " · " : "",
          url ? h("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, "original") : "",
        ),
        legend(),
        text,
        h("h3", {}, `${events.length} event${events.length === 1 ? "" : "s"}`),
        events.length
          ? h(
              "div",
              { class: "table-wrap" },
              eventTable(
                events,
                (e) => {
                  focus(e.id);
                  detail.replaceChildren(eventPanel(e));
                },
                null,
                { doc: false },
              ),
            )
          : "",
      ),
      detail,
    ),
  );
}

export const legend = () =>
  h(
    "p",
    { class: "legend" },
    h("mark", { class: "source" }, "source"),
    h("mark", { class: "target" }, "target"),
    h("mark", { class: "source target", title: "source of one event, target of another" }, "both"),
    h("mark", { class: "verb" }, "verb"),
  );
