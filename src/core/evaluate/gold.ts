/**
 * Scores coded events against gold events of real text: the rule of the PLV data set, used for every gold set.
 *
 * A gold event is found when the coder produced, in its document, an event that counts (asserted and not denied,
 * or a stated act: `countsAsEvent`) whose code fits the gold event (one of its roots, or its code as a prefix)
 * and whose source and target fit the gold sides (spans overlap; codes by prefix; countries equal). Recall: gold
 * events found / gold events. Precision: counted events that fit some gold event of their document / all counted
 * events; where the gold set marks only some of a document's events, it is a lower bound.
 */
import { countsAsEvent } from "../assemble/stated-acts.js";
import { codeDocument } from "../coder.js";
import type { Dictionaries } from "../dictionary/compile.js";
import { DocumentError } from "../errors.js";
import type { Actor, CodeOptions, Event } from "../types.js";

/** One side of a gold event; every field given must hold, and an empty side (`{}`) takes any actor or none. */
export interface GoldSide {
  /**
   * Character spans of the document text: the actor's span must overlap one of them. An empty list (a side the
   * gold set names but does not mark in the text) fits nothing.
   */
  spans?: { start: number; end: number }[];
  /** A CAMEO actor code: the actor's code must start with it (`CHN` takes `CHNGOV`). */
  code?: string;
  /** ISO 3166-1 alpha-3 (or `IGO`, `NGO`, ...): the actor's country must equal it. */
  country?: string;
}

/** What a gold event expects; `roots` is always set, `code` narrows it. */
export interface GoldEvent {
  source: GoldSide;
  target: GoldSide;
  /** The roots that fit (one for a CAMEO root or code; one or two for a PLOVER category). */
  roots: string[];
  /** A CAMEO code prefix ("043"): the event's code must start with it. */
  code?: string;
  /** How the gold set names the event, for the tables: a root, a code or a PLOVER category. */
  label: string;
  /** Where the gold event was read: `file:line`. */
  where: string;
}

export interface GoldDocument {
  id: string;
  date: string | null;
  text: string;
  events: GoldEvent[];
  where: string;
}

/** The PLV data set's rule: a PLOVER category and the CAMEO roots that count as it. */
export const PLOVER_ROOTS: Readonly<Record<string, readonly string[]>> = {
  AGREE: ["03"],
  CONSULT: ["04"],
  SUPPORT: ["05"],
  COOPERATE: ["06"],
  AID: ["07"],
  YIELD: ["08"],
  ACCUSE: ["09", "11"],
  REQUEST: ["10", "02"],
  REJECT: ["12"],
  THREATEN: ["13"],
  PROTEST: ["14"],
  MOBILIZE: ["15"],
  SANCTION: ["16", "17"],
  COERCE: ["17", "16"],
  ASSAULT: ["18", "19", "20"],
};

/** Events that count: asserted and not denied, or stated acts (intents, threats, refusals), as in aggregates. */
export const counts = (e: Event): boolean => countsAsEvent(e);

function sideFits(side: GoldSide, actor: Actor | null): boolean {
  if (side.spans !== undefined) {
    const a = actor;
    if (!a || !side.spans.some((s) => a.start < s.end && s.start < a.end)) return false;
  }
  if (side.code !== undefined && !(actor && actor.code.startsWith(side.code))) return false;
  if (side.country !== undefined && actor?.country !== side.country) return false;
  return true;
}

export const dyadFits = (gold: GoldEvent, e: Event): boolean => sideFits(gold.source, e.source) && sideFits(gold.target, e.target);
export const eventFits = (gold: GoldEvent, e: Event): boolean => gold.roots.includes(e.root) && (gold.code === undefined || e.code.startsWith(gold.code)) && dyadFits(gold, e);

/** A document's gold events against what was coded for it. */
export interface CaseResult {
  doc: GoldDocument;
  /** Every event coded, counted or not. */
  events: Event[];
  /** Per gold event: the counted event that found it, or null. */
  found: (Event | null)[];
  /** Counted events that fit no gold event. */
  extra: Event[];
  /** Why the document was not coded, if it was not. */
  error: string | null;
}

export interface Tally {
  gold: number;
  found: number;
  produced: number;
  correct: number;
}

export interface GoldResult {
  cases: CaseResult[];
  overall: Tally;
  /** Recall by gold label, precision by produced root: one row per label or root. */
  byLabel: Map<string, Tally>;
  /** Gold label -> produced root ("none" where nothing with the gold dyad was coded) -> count. */
  confusion: Map<string, Map<string, number>>;
}

const tally = (): Tally => ({ gold: 0, found: 0, produced: 0, correct: 0 });

/** Scores one document. */
export function scoreCase(doc: GoldDocument, events: Event[], error: string | null = null): CaseResult {
  const counted = events.filter(counts);
  const found = doc.events.map((g) => counted.find((e) => eventFits(g, e)) ?? null);
  const extra = counted.filter((e) => !doc.events.some((g) => eventFits(g, e)));
  return { doc, events, found, extra, error };
}

/** The root a gold event was coded as: the fitting root, else the root of an event with its dyad, else "none". */
export function producedRoot(gold: GoldEvent, counted: Event[], found: Event | null): string {
  if (found) return found.root;
  return counted.find((e) => dyadFits(gold, e))?.root ?? "none";
}

/** The PLOVER category of a root under the PLV rule (each root's first category), for tables by category. */
export function ploverOfRoot(root: string): string {
  for (const [category, roots] of Object.entries(PLOVER_ROOTS)) if (roots[0] === root) return category;
  for (const [category, roots] of Object.entries(PLOVER_ROOTS)) if (roots.includes(root)) return category;
  return "NONE";
}

/** Tallies the cases; a produced event's row is `labelOf(event)` (its root unless told). */
export function summarise(cases: CaseResult[], labelOf: (e: Event) => string = (e) => e.root): GoldResult {
  const overall = tally();
  const byLabel = new Map<string, Tally>();
  const confusion = new Map<string, Map<string, number>>();
  const row = (k: string) => byLabel.get(k) ?? byLabel.set(k, tally()).get(k)!;
  for (const c of cases) {
    const counted = c.events.filter(counts);
    c.doc.events.forEach((g, i) => {
      overall.gold++;
      row(g.label).gold++;
      if (c.found[i]) {
        overall.found++;
        row(g.label).found++;
      }
      const produced = producedRoot(g, counted, c.found[i]);
      const line = confusion.get(g.label) ?? confusion.set(g.label, new Map()).get(g.label)!;
      line.set(produced, (line.get(produced) ?? 0) + 1);
    });
    for (const e of counted) {
      overall.produced++;
      row(labelOf(e)).produced++;
      if (!c.extra.includes(e)) {
        overall.correct++;
        row(labelOf(e)).correct++;
      }
    }
  }
  return { cases, overall, byLabel, confusion };
}

export const recall = (t: Tally): number => (t.gold ? t.found / t.gold : 0);
export const precision = (t: Tally): number => (t.produced ? t.correct / t.produced : 0);
export function f1(t: Tally): number {
  const r = recall(t);
  const p = precision(t);
  return r + p ? (2 * r * p) / (r + p) : 0;
}

/**
 * Codes every gold document (with `date` in place of each document's own when given) and scores it. A document
 * the coder refuses codes nothing, and says why.
 */
export function evaluateGold(docs: GoldDocument[], dicts: Dictionaries, options: CodeOptions = {}, date?: string | null): GoldResult {
  const cases = docs.map((doc) => {
    try {
      const events = codeDocument({ id: doc.id, text: doc.text, date: date !== undefined ? date : doc.date, place: null }, dicts, options).events;
      return scoreCase(doc, events);
    } catch (e) {
      if (!(e instanceof DocumentError)) throw e;
      return scoreCase(doc, [], e.message);
    }
  });
  const byCategory = docs.every((d) => d.events.every((g) => PLOVER_ROOTS[g.label]));
  return summarise(cases, byCategory ? (e) => ploverOfRoot(e.root) : undefined);
}
