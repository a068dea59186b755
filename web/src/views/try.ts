/**
 * Try it: paste an article, and the coder runs in this browser (a worker
 * holding `src/core` and the server's dictionaries). Nothing is stored.
 */
import type { Event } from "../contract.js";
import { fmt, h, replace } from "../dom.js";
import { eventPanel, eventTable, message } from "../events.js";
import { eventSpans, highlight } from "../highlight.js";
import type { Route } from "../route.js";
import { legend } from "./document.js";
import type { CodeReply, CodeRequest } from "../worker/protocol.js";

let worker: Worker | null = null;
let nextId = 1;

const SAMPLE =
  "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday. Kishida praised Yoon's decision to end the dispute over wartime labour.";

/** Text kept while the reader moves between views. */
let draft = { text: SAMPLE, date: new Date().toISOString().slice(0, 10), place: "" };

function coder(): Worker {
  worker ??= new Worker(new URL("../worker/code-worker.ts", import.meta.url), { type: "module", name: "annals-coder" });
  return worker;
}

export async function tryView(view: HTMLElement, _route: Route): Promise<void> {
  const text = h("textarea", { name: "text", rows: 9, spellcheck: "false", "aria-label": "Article text" });
  text.value = draft.text;
  const date = h("input", { type: "date", name: "date", value: draft.date });
  const place = h("input", { type: "text", name: "place", placeholder: "Tokyo", size: 12, value: draft.place });
  const button = h("button", { type: "submit", class: "primary" }, "Code it");
  const status = h("div", { class: "status" });
  const result = h("div", { class: "try-result" });
  const form = h(
    "form",
    { class: "try-form" },
    h("p", { class: "muted" }, "Paste an article. It is coded here, in this browser, by the same coder and dictionaries as the server; nothing is sent to be stored."),
    text,
    h("div", { class: "row" }, h("label", {}, "date ", date), h("label", {}, "dateline place ", place), button),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    draft = { text: text.value, date: date.value, place: place.value };
    run(draft.text, draft.date, draft.place.trim());
  });
  view.append(h("div", { class: "view-head" }, h("h2", {}, "Try it")), form, status, result);

  function run(input: string, d: string, p: string) {
    const id = nextId++;
    button.disabled = true;
    replace(status, message("starting the coder…"));
    const w = coder();
    const onMessage = (ev: MessageEvent<CodeReply>) => {
      const m = ev.data;
      if (m.id !== id) return;
      if (m.kind === "status") return replace(status, message(m.message));
      w.removeEventListener("message", onMessage);
      button.disabled = false;
      if (m.kind === "error") return replace(status, message(m.message, "error"));
      replace(
        status,
        message(
          `${m.events.length} event${m.events.length === 1 ? "" : "s"}, coded in ${fmt(m.codeMs)} ms` +
            (m.compileMs !== null ? ` (dictionaries compiled in ${fmt(m.compileMs)} ms)` : "") +
            (m.warnings.length ? `; ${m.warnings.join("; ")}` : ""),
        ),
      );
      show(input, m.events);
    };
    w.addEventListener("message", onMessage);
    w.postMessage({ id, text: input, date: d || null, place: p || null } satisfies CodeRequest);
  }

  function show(input: string, events: Event[]) {
    const detail = h("div", { class: "detail" });
    replace(
      result,
      legend(),
      h("div", { class: "doc-text" }, highlight(input, events.flatMap((e) => eventSpans(e)))),
      events.length ? eventTable(events, (e) => replace(detail, eventPanel(e, { stored: false })), null, { doc: false }) : message("The coder found no events in this text."),
      detail,
    );
  }
}
