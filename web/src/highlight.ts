/**
 * Text with marked spans, built from text nodes and `<mark>` elements only.
 * Spans may overlap (one actor in several events): the text is cut at every
 * span edge and each piece is marked with the classes of the spans over it.
 */
import { h } from "./dom.js";
import type { Event } from "./contract.js";

export type SpanClass = "source" | "target" | "verb";

export interface Span {
  start: number;
  end: number;
  cls: SpanClass;
  /** Which event the span belongs to, for linking a list entry to its marks. */
  event?: string;
}

export function highlight(text: string, spans: Span[]): DocumentFragment {
  const out = document.createDocumentFragment();
  const good = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = [...new Set([0, text.length, ...good.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(a, b);
    const over = good.filter((s) => s.start <= a && s.end >= b);
    if (over.length === 0) {
      out.append(document.createTextNode(piece));
      continue;
    }
    const classes = [...new Set(over.map((s) => s.cls))];
    const events = [...new Set(over.flatMap((s) => (s.event ? [s.event] : [])))];
    out.append(h("mark", { class: classes.join(" "), "data-events": events.length ? events.join(" ") : undefined }, piece));
  }
  return out;
}

/** The spans of one event, shifted by `offset` (the start of the text they are drawn on). */
export function eventSpans(e: Event, offset = 0): Span[] {
  const spans: Span[] = [];
  const add = (t: { start: number; end: number } | null, cls: SpanClass) => {
    if (t) spans.push({ start: t.start - offset, end: t.end - offset, cls, event: e.id });
  };
  add(e.source, "source");
  add(e.target, "target");
  add(e.verb, "verb");
  return spans;
}

/**
 * Where an event's sentence starts in its document: the API says so; an event
 * coded in the browser (or an older server) is located by its sentence text.
 */
export function sentenceOffset(e: Event & { sentenceStart?: number | null }, docText?: string): number {
  if (typeof e.sentenceStart === "number") return e.sentenceStart;
  const anchor = e.verb.start;
  if (docText) {
    let at = docText.indexOf(e.text);
    while (at >= 0) {
      if (at <= anchor && anchor < at + e.text.length) return at;
      at = docText.indexOf(e.text, at + 1);
    }
  }
  // the verb is in the sentence: find its own text there
  const inSentence = e.text.indexOf(e.verb.text);
  return inSentence >= 0 ? anchor - inSentence : 0;
}
