/**
 * Wire datelines at the start of a story or paragraph: "QUITO, Ecuador --", "NAIROBI (Reuters) -",
 * "MOSCOW, Dec 3 (Reuters) -", "ADDIS ABABA, May 15 (Xinhua) --", "Washington -", "KABUL:". The dateline
 * is where the story was filed, not an actor: the coder leaves it out and uses it as the story's place.
 */

export interface Dateline {
  /** Character range of the whole dateline, separator included. */
  start: number;
  end: number;
  /** The place as written ("QUITO", "Addis Ababa"), and the region or country after it, if any ("Ecuador"). */
  place: string;
  region: string | null;
  /** The news agency in brackets or after the date ("Reuters", "Xinhua", "IRNA"), if any. */
  agency: string | null;
}

const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
// a place: one to four capitalised words ("LA PAZ", "Cebu City", "THE HAGUE", "St. John's")
const WORD = "[A-Z][A-Za-z.'\u2019\u00C0-\u024F]*(?:-[A-Za-z][A-Za-z.'\u2019\u00C0-\u024F]*)*";
const PLACE = `${WORD}(?: ${WORD}){0,3}`;
const DATELINE = new RegExp(
  `^(?<place>${PLACE})` +
    `(?:, (?<region>${PLACE}))?` +
    `(?:,? (?<date>${MONTH} \\d{1,2}(?:, \\d{4})?))?` +
    `(?: ?\\((?<agency>[A-Za-z][A-Za-z .&'-]{1,30})\\))?` +
    `(?:, (?<agency2>[A-Z]{2,12}))?` +
    // the separator: a dash or two, an en or em dash, or a colon, and then the story
    `(?<sep> ?: ?(?:--? )?| ?(?:--|[-\u2013\u2014]) ?)(?=["\u201C'A-Z0-9])`,
  "u",
);

/** Capitalised openings that are no place. */
const NOT_PLACES = new Set(["BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "WATCH", "VIDEO", "PHOTOS", "OPINION", "EDITORIAL", "FACTBOX", "REFILE", "CORRECTED", "NOTE", "QUOTE", "Q", "A", "LIVE", "FILE", "SOURCE", "EDITOR"]);

/** What the dictionaries make of a name: a place (city, capital, region), something else they know, or nothing. */
export type PlaceKind = (name: string) => "place" | "other" | null;

/**
 * The dateline that opens `text` at `from`, if any. One in capitals ("SAN FRANCISCO -") is a dateline by its
 * form unless the dictionaries know it as something other than a place ("NATO -"); one in ordinary case
 * ("Washington -", "Lucknow:") must name a known place, or carry an agency or a date.
 */
export function datelineAt(text: string, from: number, kindOf: PlaceKind): Dateline | null {
  let at = from;
  while (at < text.length && (text[at] === " " || text[at] === "\t")) at++;
  const m = DATELINE.exec(text.slice(at, at + 160));
  if (!m?.groups) return null;
  const g = m.groups;
  const place = g.place.trim();
  if (NOT_PLACES.has(place.toUpperCase())) return null;
  const letters = place.replace(/[^A-Za-z\u00C0-\u024F]/g, "");
  const capitals = letters.length >= 3 && letters === letters.toUpperCase();
  const agency = g.agency ?? g.agency2 ?? null;
  const kind = kindOf(place);
  const dated = agency !== null || g.date !== undefined;
  // "QUITO, Ecuador --": an unknown place is vouched for by the country after it
  const ok = dated || kind === "place" || (capitals && kind === null) || (capitals && g.region !== undefined && kindOf(g.region) !== null);
  if (!ok) return null;
  return { start: at, end: at + m[0].length, place, region: g.region ?? null, agency };
}

/** Every dateline in a text: at its start and at the start of each paragraph (a line after a line break). */
export function findDatelines(text: string, kindOf: PlaceKind): Dateline[] {
  const out: Dateline[] = [];
  const first = datelineAt(text, 0, kindOf);
  if (first) out.push(first);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    const d = datelineAt(text, i + 1, kindOf);
    if (d) out.push(d);
  }
  return out;
}
