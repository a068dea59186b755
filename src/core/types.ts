/**
 * The event record and everything around it. These types are the contract of
 * annals with its users: the JSONL output, the database columns and the API
 * all carry exactly these fields.
 */

/** A news document as read from any input format. */
export interface Document {
  /** Stable id: given by the input, or a hash of the text. */
  id: string;
  /** The story text. Every offset in an event points into this string. */
  text: string;
  /** Publication date, ISO `YYYY-MM-DD`, or null when unknown. */
  date: string | null;
  /** Dateline place ("Moscow"), or null. */
  place: string | null;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  /** A Penn Treebank parse of the text (PETRARCH XML), used with `useParse`. */
  parse?: string | null;
}

/** A span of the document text: JavaScript string indices, end exclusive. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** Who did something, or to whom. */
export interface Actor extends TextSpan {
  /** Full CAMEO actor code: country (or IGO/NGO/IMG/...) then role codes, e.g. `CHNGOV`. */
  code: string;
  /** ISO 3166-1 alpha-3, or an international prefix (`IGO`, `NGO`, `IMG`, `MNC`); null for a role with no country ("police"). */
  country: string | null;
  /** CAMEO role codes: GOV, MIL, COP, REB, OPP, CVL, ... */
  sectors: string[];
  /** The actor's name when known (a person or organisation), else the matched text. */
  name: string;
}

/**
 * How the sentence presents the event.
 * - `asserted`: reported as having happened.
 * - `intended`: planned, expected or scheduled ("will visit", "plans to meet").
 * - `hypothetical`: conditional or modal ("could attack", "if ... then", "should").
 * - `reported-past`: background, not a new event ("had met", "since 2013", "their third meeting").
 */
export type Mood = "asserted" | "intended" | "hypothetical" | "reported-past";

/** Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict; 0 for codes of imported dictionaries outside CAMEO's roots. */
export type QuadClass = 0 | 1 | 2 | 3 | 4;

export interface Location {
  name: string;
  /** ISO 3166-1 alpha-3 of the place, when known. */
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** One coded event: the unit of annals' output. */
export interface Event {
  /** Stable hash of doc id + sentence + verb span + code + source + target. */
  id: string;
  /** Document id. */
  doc: string;
  /**
   * 0-based sentence index in the document. A sentence over 1,000 characters (a list, a text that lost its full
   * stops) is coded in pieces of at most 1,000 characters, cut at clause boundaries, and each piece counts as a
   * sentence (a sentence given as a parse tree, `CodeOptions.useParse`, is coded whole).
   */
  sentence: number;
  /** Event date (ISO), the document date moved by "yesterday", "on Saturday", ...; null if unknown. */
  date: string | null;
  source: Actor | null;
  target: Actor | null;
  /** CAMEO event code as a string, leading zeros kept ("040"). */
  code: string;
  /** CAMEO root, two digits ("04"). */
  root: string;
  quad: QuadClass;
  /** Goldstein conflict-cooperation score, -10..+10. */
  goldstein: number;
  /** PLOVER event category. */
  plover: string;
  /** The verb (or verb phrase head) that carries the event. */
  verb: TextSpan;
  /** True when the sentence denies the event ("did not agree"). */
  negated: boolean;
  mood: Mood;
  /**
   * For a stated act, the act itself, when `code` is the statement of it: "will release the prisoners" is 0353
   * (intent to release) with intendedCode 0841 (release); "refused to meet" is 125 with 040; "threatened to
   * strike" 1384 with 190. Null when the event is the act. Stated acts count like asserted events
   * (`countsAsEvent`), whatever their mood.
   */
  intendedCode: string | null;
  location: Location | null;
  /** Issue codes found in the sentence ("MISSILE_DEFENSE"). */
  issues: string[];
  /** The sentence the event comes from: the piece, for a sentence over 1,000 characters (see `sentence`). */
  text: string;
  /** The dictionary entry that fired, as `path:line` under data/. */
  rule: string;
  /** 0..1: how sure the coder is, lower when actors came from coreference or defaults. */
  confidence: number;
}

/** Options of `code()`; every field has a default. */
export interface CodeOptions {
  /** Keep only events with both a source and a target. Default true, as PETRARCH's `require_dyad`. */
  requireDyad?: boolean;
  /**
   * PETRARCH's `new_actor_length`: a subject or object noun phrase no dictionary codes, of at most this many
   * words, becomes an actor coded by its own words in capitals and quotes (`"THE MINISTRY OF MAGIC"`). Default 0:
   * never.
   */
  newActorLength?: number;
  /** Longest document accepted, in characters; longer ones are rejected with an error. Default 1,000,000. */
  maxChars?: number;
  /** Tag the text from its Penn Treebank parse (`Document.parse`) instead of the English model. Default false. */
  useParse?: boolean;
  /**
   * Code acts that a sentence says an actor intends, threatens or refuses as CAMEO does: as an expression of
   * intent (03x), a threat (13x) or a rejection (12x), by ontology/stated-acts.txt, with the act in
   * `Event.intendedCode`. Default true. PETRARCH codes the act itself whatever the sentence's mood: false does
   * that (`annals eval petrarch` uses it).
   */
  statedActs?: boolean;
  /**
   * "X and Y met", "China and Russia agreed": a mutual act reported of a compound subject. Default false: one
   * event between each two of them, the first named as the source, as one report of one meeting. True: both
   * directions, as PETRARCH codes compounds (`annals eval petrarch` uses it).
   */
  mutualBothWays?: boolean;
  /** Also list the proper names no dictionary codes (`CodedDocument.unknown`). Default false. */
  reportUnknown?: boolean;
}

/** A problem with one input, reported and skipped; the batch goes on. */
export interface InputProblem {
  /** Where: `file:line` or `file`. */
  where: string;
  message: string;
  /** `error`: the document was not coded. `warning`: it was coded, or legitimately gave nothing. */
  severity: "error" | "warning";
}
