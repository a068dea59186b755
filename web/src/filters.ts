/**
 * The filter bar shared by the explorer, dyad, network and map views. Its
 * fields are the API's filter parameters and live in the address, so a
 * filtered view can be linked.
 */
import { FILTER_KEYS, type Filter } from "./api.js";
import { h } from "./dom.js";
import { go, type Route } from "./route.js";

export function filterOf(params: URLSearchParams): Filter {
  const f: Filter = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

interface Field {
  key: keyof Filter;
  label: string;
  hint: string;
  input: () => HTMLInputElement | HTMLSelectElement;
}

const text = (placeholder: string, size = 8) => () => h("input", { type: "text", placeholder: `e.g. ${placeholder}`, size, autocomplete: "off", spellcheck: "false" });
const choice = (options: [string, string][]) => () => h("select", {}, ...options.map(([value, label]) => h("option", { value }, label)));

const FIELDS: Field[] = [
  { key: "actor", label: "Actor", hint: "Actor code prefix on either side: CHN takes CHNGOV", input: text("CHN") },
  { key: "source", label: "Source", hint: "Source actor code prefix (first half of a dyad)", input: text("USA") },
  { key: "target", label: "Target", hint: "Target actor code prefix (second half of a dyad)", input: text("RUS") },
  { key: "code", label: "Root", hint: "CAMEO root (04) or code and those below it (043)", input: text("04", 4) },
  { key: "quad", label: "Quad", hint: "Quad class", input: choice([["", "any"], ["1", "1 verbal coop."], ["2", "2 material coop."], ["3", "3 verbal conflict"], ["4", "4 material conflict"]]) },
  { key: "mood", label: "Mood", hint: "How the sentence presents the event", input: choice([["", "any"], ["asserted", "asserted"], ["intended", "intended"], ["hypothetical", "hypothetical"], ["reported-past", "reported past"]]) },
  { key: "negated", label: "Negated", hint: "The sentence denies the event", input: choice([["", "any"], ["false", "no"], ["true", "yes"]]) },
  { key: "from", label: "From", hint: "First event date, inclusive", input: () => h("input", { type: "date" }) },
  { key: "to", label: "To", hint: "Last event date, inclusive", input: () => h("input", { type: "date" }) },
  { key: "dated", label: "Date", hint: "Events with a date, or only those without one", input: choice([["", "any"], ["true", "known"], ["false", "unknown"]]) },
  { key: "text", label: "Words", hint: "Words that must all be in the sentence", input: text("missile talks", 14) },
];

/**
 * Filters a click on a chart sets rather than a field: where the event
 * happened (the map), and only the events that count (what the charts count).
 * Shown as chips, kept by a filter change until their × is pressed.
 */
const CHIPS: [keyof Filter, (v: string) => string, string, string][] = [
  ["country", (v) => `located in ${v}`, "Where the event happened: its place's country", "Anywhere"],
  ["place", (v) => `at ${v}`, "Where the event happened: its place", "Any place"],
  ["counted", (v) => (v === "true" ? "only events that count" : "also events that do not count"), "Asserted and not denied, or stated acts: the events the dyad, network and map views count", "Every event"],
];

/** Parameters a filter change keeps (the view's own, such as the series period); paging starts over. */
const KEPT = ["by", "limit", "top", "all", "count", "sort"];

export function filterBar(route: Route): HTMLElement {
  const inputs = new Map<keyof Filter, HTMLInputElement | HTMLSelectElement>();
  const form = h("form", { class: "filters", "aria-label": "Filters" });
  for (const f of FIELDS) {
    const input = f.input();
    input.name = f.key;
    input.value = route.params.get(f.key) ?? "";
    input.title = f.hint;
    inputs.set(f.key, input);
    form.append(h("label", { class: `field field-${f.key}` }, h("span", {}, f.label), input));
  }
  const doc = route.params.get("doc");
  let keepDoc = Boolean(doc);
  if (doc) {
    const chip = h("span", { class: "chip", title: "Only this document's events" }, `document ${doc} `);
    chip.append(h("button", { type: "button", class: "chip-x", "aria-label": "Any document", onclick: () => ((keepDoc = false), apply(false)) }, "×"));
    form.append(chip);
  }
  const chips = new Map<string, string>();
  for (const [key, label, hint, none] of CHIPS) {
    const v = route.params.get(key)?.trim();
    if (!v) continue;
    chips.set(key, v);
    form.append(h("span", { class: "chip", title: hint, "data-filter": key }, `${label(v)} `, h("button", { type: "button", class: "chip-x", "aria-label": none, onclick: () => (chips.delete(key), apply(false)) }, "×")));
  }
  const apply = (clear: boolean) => {
    const next: Record<string, string | undefined> = {};
    for (const k of KEPT) next[k] = route.params.get(k) ?? undefined;
    if (!clear) {
      for (const [k, input] of inputs) next[k] = input.value.trim();
      if (doc && keepDoc) next.doc = doc;
      for (const [k, v] of chips) next[k] = v;
    }
    go(route.view, next);
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply(false);
  });
  form.append(
    h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary" }, "Apply"), h("button", { type: "button", onclick: () => apply(true) }, "Clear")),
  );
  return form;
}

const SUMMARY: Partial<Record<keyof Filter, string>> = { code: "root", plover: "PLOVER", text: "words", doc: "document" };
/** The yes-or-no filters in words: [when true, when false]. */
const FLAGS: Partial<Record<keyof Filter, [string, string]>> = { negated: ["negated", "not negated"], counted: ["counted", "not counted"], dated: ["dated", "undated"] };

/** The filter in a few words, for the page's title: "source JPN, root 04, from 2023-01-01". */
export function filterSummary(f: Filter): string {
  const parts: string[] = [];
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (!v) continue;
    const flag = FLAGS[k];
    parts.push(flag ? flag[v === "true" ? 0 : 1] : `${SUMMARY[k] ?? k} ${v}`);
  }
  return parts.join(", ");
}

/** Whether the counting views count every event, not only asserted, non-negated ones (`all=true`). */
export const countsAll = (params: URLSearchParams) => params.get("all") === "true";

/** The switch between counting asserted, non-negated events (the default, as in `annals stats`) and all of them. */
export function countScope(route: Route): HTMLElement {
  const box = h("input", { type: "checkbox", name: "all", checked: countsAll(route.params) });
  box.addEventListener("change", () => {
    const p = new URLSearchParams(route.params);
    if (box.checked) p.set("all", "true");
    else p.delete("all");
    go(route.view, p);
  });
  return h("label", { class: "scope", title: "By default only asserted, non-negated events count, as in annals stats" }, box, " count every event (also intended, hypothetical, past and negated)");
}
