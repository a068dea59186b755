/**
 * The plain-text conventions shared by every file under data/: one entry a
 * line, `#` comments, `|` between fields, `;` between alternatives, and every
 * entry addressable as `path:line`.
 */

/** A data file handed to the compiler; `path` is relative to data/ ("verbs/04-consult.txt"). */
export interface DataFile {
  path: string;
  text: string;
}

/** One non-empty, comment-stripped line of a data file. */
export interface Entry {
  /** `path:line`, the address used as an event's `rule` and in every error. */
  rule: string;
  fields: string[];
  raw: string;
}

/** A problem in a dictionary file, always with its `path:line`. */
export interface DictionaryProblem {
  where: string;
  message: string;
}

export function entries(file: DataFile): Entry[] {
  const out: Entry[] = [];
  const lines = file.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const hash = lines[i].indexOf("#");
    const raw = (hash >= 0 ? lines[i].slice(0, hash) : lines[i]).trim();
    if (raw === "") continue;
    out.push({ rule: `${file.path}:${i + 1}`, fields: raw.split("|").map((f) => f.trim()), raw });
  }
  return out;
}

/** Splits a field into its `;`-separated alternatives, dropping empty ones. */
export function alternatives(field: string | undefined): string[] {
  if (!field) return [];
  return field.split(";").map((s) => s.trim()).filter((s) => s !== "");
}

/** The matching key of a word: lower case, typographic apostrophes made plain. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'");
}

/**
 * Splits a dictionary phrase into the tokens the tagger would give for it:
 * hyphens stand alone, a possessive 's and surrounding punctuation are split
 * off, inner periods and apostrophes stay ("U.S.", "O'Brien").
 */
export function phraseTokens(phrase: string, keepCase = false): string[] {
  const out: string[] = [];
  const norm = keepCase ? (w: string) => w : normalizeWord;
  for (const chunk of phrase.trim().split(/\s+/)) {
    if (chunk === "") continue;
    const pieces = chunk.split(/(-)/).filter((p) => p !== "");
    for (let piece of pieces) {
      const lead = /^[("“\[]+/.exec(piece);
      if (lead) {
        out.push(...lead[0]);
        piece = piece.slice(lead[0].length);
      }
      const trail: string[] = [];
      let m: RegExpExecArray | null;
      while ((m = /[)"”\],;:!?]$/.exec(piece))) {
        trail.unshift(m[0]);
        piece = piece.slice(0, -1);
      }
      const poss = /^(.+)(['’]s)$/i.exec(piece);
      if (poss) out.push(norm(poss[1]), norm(poss[2]));
      else if (piece !== "") out.push(norm(piece));
      out.push(...trail);
    }
  }
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Regular English plural of a phrase's last word: +s, -y to -ies, +es after s, x, z, ch, sh. */
export function pluralOf(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return word.slice(0, -1) + "ies";
  if (/(s|x|z|ch|sh)$/i.test(word)) return word + "es";
  return word + "s";
}

/**
 * Whether `spellingKey` can change the word: only one that ends as its endings do (in e, s, d, g or n: "-ise",
 * "-ises", "-ised", "-ising", "-isation") with "is" or "ys" in it ("criticise", "analyse").
 */
export function mayRespell(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  if (last !== 101 && last !== 115 && last !== 100 && last !== 103 && last !== 110) return false;
  return word.includes("is") || word.includes("ys");
}

/** British and American spellings share one key: "criticised" and "criticized", "analyse" and "analyze". */
export function spellingKey(word: string): string {
  if (!mayRespell(word)) return word;
  return word.replace(/([a-z]{2})is(e|es|ed|ing|ation|ations)$/, "$1iz$2").replace(/([a-z]{2})ys(e|es|ed|ing)$/, "$1yz$2");
}

const JOINER_OR_APOSTROPHE = /[-/_\u2010\u2011\u2013'\u2019]/;

/** Splits a word at hyphens and slashes and drops a plural possessive's apostrophe: "G-20" -> g, 20; "Workers'" -> workers. */
function parts(word: string): string[] {
  // (most words have no joiner and no apostrophe: the word itself)
  if (word !== "" && !JOINER_OR_APOSTROPHE.test(word)) return [word];
  return word
    .replace(/(s)['\u2019]$/i, "$1")
    .split(/[-/_\u2010\u2011\u2013]+/)
    .filter((p) => p !== "");
}

/**
 * The lexicon keys of a dictionary phrase: its words split at hyphens and
 * slashes, as `textKeys` splits the text, so "al-Qaeda", "al - Qaeda" and
 * "al-Qaeda-linked" all meet.
 */
export function phraseKeys(phrase: string, keepCase = false): string[] {
  return phraseTokens(phrase, keepCase).flatMap(parts);
}

/** Words of a sentence as lexicon keys, each with the token it comes from. */
export interface TextKeys {
  keys: string[];
  /** The key's surface text, for case checks. */
  surface: string[];
  /** Token index of the key's token, and after it. */
  start: number[];
  end: number[];
}

export function textKeys(tokens: readonly { text: string; lower: string }[]): TextKeys {
  const out: TextKeys = { keys: [], surface: [], start: [], end: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // (most words have no joiner and no apostrophe: the word is its one key, as `parts` would say, without its arrays)
    if (t.text !== "" && t.lower !== "" && !JOINER_OR_APOSTROPHE.test(t.text) && !JOINER_OR_APOSTROPHE.test(t.lower)) {
      out.keys.push(t.lower);
      out.surface.push(t.text);
      out.start.push(i);
      out.end.push(i + 1);
      continue;
    }
    if (/^[-/_\u2010\u2011\u2013]+$/.test(t.text)) continue; // a joiner on its own ("Dol_Amroth" in machine-made text)
    if ((t.text === "'" || t.text === "\u2019") && i > 0 && /s$/i.test(tokens[i - 1].text)) continue; // "Workers'"
    const lower = parts(t.lower);
    const surface = parts(t.text);
    for (let k = 0; k < lower.length; k++) {
      out.keys.push(lower[k]);
      out.surface.push(surface[k] ?? lower[k]);
      out.start.push(i);
      out.end.push(i + 1);
    }
  }
  return out;
}
