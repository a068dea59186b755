/**
 * The one entry of the coder: a document and compiled dictionaries in,
 * events out. Pure: no I/O, no state kept between documents.
 */
import { findClauses, type Clause } from "./analyse/clauses.js";
import { sentenceFromParse } from "./analyse/penn-tree.js";
import { DocumentError } from "./errors.js";
import { analyseText, type Sentence } from "./analyse/tagger.js";
import { clauseEvents } from "./assemble/events.js";
import { nominalEvents } from "./assemble/nominal.js";
import type { Dictionaries } from "./dictionary/compile.js";
import { notEnglish } from "./language.js";
import { phraseKeys, textKeys } from "./dictionary/text.js";
import { Coreference } from "./match/coreference.js";
import { CALENDAR } from "./match/compose.js";
import { findMentions, type Mention } from "./match/mentions.js";
import { findDatelines, type Dateline } from "./read/dateline.js";
import type { CodeOptions, Document, Event, Location } from "./types.js";

export interface CodedDocument {
  events: Event[];
  /** Names in the text that no dictionary codes ("Ivan Fedorov"), each with its sentence index, for maintainers. */
  unknown: { name: string; sentence: number }[];
  /** The sentences, for display: index, offsets and text. */
  sentences: { index: number; start: number; end: number; text: string }[];
  /** Not fatal: the document was read but may give nothing (another language, discarded sentences). */
  warnings: string[];
}

export { DocumentError, notEnglish };

/** What the dictionaries know a whole name as: a place (city, capital, region), something else, or nothing. */
function placeKind(dicts: Dictionaries): (name: string) => "place" | "other" | null {
  return (name) => {
    const keys = phraseKeys(name);
    const m = dicts.lexicon.longestAt(keys, 0);
    if (!m || m.end !== keys.length) return null;
    return m.values.some((v) => v.kind === "capital" || v.kind === "city") ? "place" : "other";
  };
}

/** The text with its datelines blanked out, so that offsets stay those of the document. */
function withoutDatelines(text: string, datelines: Dateline[]): string {
  if (datelines.length === 0) return text;
  let out = "";
  let last = 0;
  for (const d of datelines) {
    out += text.slice(last, d.start) + " ".repeat(d.end - d.start);
    last = d.end;
  }
  return out + text.slice(last);
}

function datelineLocation(place: string | null, dicts: Dictionaries): Location | null {
  if (!place) return null;
  const m = dicts.lexicon.longestAt(phraseKeys(place), 0);
  const entry = m?.values.find((v) => v.kind === "capital" || v.kind === "city" || v.kind === "country");
  if (!entry) return { name: place, country: null, lat: null, lon: null };
  if (entry.kind === "country") return { name: place, country: entry.country, lat: null, lon: null };
  if (entry.kind === "capital" || entry.kind === "city") return { name: entry.place.name, country: entry.place.country, lat: entry.place.lat, lon: entry.place.lon };
  return null;
}

export function codeDocument(doc: Document, dicts: Dictionaries, options: CodeOptions = {}): CodedDocument {
  const maxChars = options.maxChars ?? 1_000_000;
  if (doc.text.length > maxChars) throw new DocumentError(`document is ${doc.text.length} characters long; the limit is ${maxChars}`);
  if (doc.text.trim() === "") throw new DocumentError("document is empty");
  if (/\u0000/.test(doc.text)) throw new DocumentError("document holds binary data (NUL bytes)");
  const warnings: string[] = [];
  const language = notEnglish(doc.text);
  if (language) return { events: [], unknown: [], sentences: [], warnings: [`not coded: the text does not look like English (${language})`] };

  // "QUITO, Ecuador --": where the story was filed, never an actor; the story's place when it has none
  const kindOf = placeKind(dicts);
  const datelines = findDatelines(doc.text, kindOf);
  const filed = datelines[0];
  const datelinePlace = datelineLocation(doc.place, dicts) ?? (filed ? datelineLocation(filed.region && kindOf(filed.place) !== "place" ? filed.region : filed.place, dicts) : null);
  // a parse given with the document (PETRARCH XML) replaces the model's tagging when asked for
  let sentences: Sentence[];
  if (options.useParse && doc.parse) {
    const fromTree = sentenceFromParse(doc.text, doc.parse);
    if (fromTree.differsAt !== null) warnings.push(`the parse tree is not of this text from its word ${fromTree.differsAt + 1} ("${fromTree.tokens[fromTree.differsAt].text}"): its words are coded, and their spans are the text's words in order`);
    sentences = [fromTree];
  } else sentences = analyseText(withoutDatelines(doc.text, datelines));
  const coref = new Coreference();
  const events: Event[] = [];
  const unknown: { name: string; sentence: number }[] = [];
  const keysOf = sentences.map((s) => textKeys(s.tokens));
  const discardsOf = keysOf.map((k) => dicts.discards.scan(k.keys));
  for (const discards of discardsOf) {
    const story = discards.find((m) => m.values.some((v) => v.story));
    if (story) {
      const v = story.values.find((x) => x.story)!;
      return { events: [], unknown: [], sentences: sentences.map(({ index, start, end, text }) => ({ index, start, end, text })), warnings: [`story discarded by ${v.rule} ("${v.phrase}")`] };
    }
  }
  for (const sentence of sentences) {
    const words = keysOf[sentence.index];
    const mentions = findMentions(sentence.tokens, dicts, coref, doc.date, words);
    if (options.reportUnknown) for (const name of unknownNames(sentence, mentions)) unknown.push({ name, sentence: sentence.index });
    const discard = discardsOf[sentence.index][0];
    if (discard) {
      warnings.push(`sentence ${sentence.index} discarded by ${discard.values[0].rule} ("${discard.values[0].phrase}")`);
      continue;
    }
    const issues = [...new Set(dicts.issues.scan(words.keys).flatMap((m) => m.values.map((v) => v.issue)))];
    nounsInNames(sentence.tokens, mentions);
    const clauses = findClauses(sentence.tokens);
    const ctx = { docId: doc.id, docDate: doc.date, docText: doc.text, sentence, clauses, mentions, dicts, requireDyad: options.requireDyad ?? true, newActorLength: options.newActorLength ?? 0, statedActs: options.statedActs ?? true, mutualBothWays: options.mutualBothWays ?? false, datelinePlace, issues };
    let previous: Event[] = [];
    const carried: boolean[] = [];
    const inSentence: Event[] = [];
    for (const clause of clauses) {
      const found = clauseEvents(clause, ctx);
      carried.push(found.length > 0);
      // ", killing 20 people" after "jets struck Gaza": one violent incident, counted once
      const consequence = isConsequence(clause, sentence) && previous.some((e) => e.quad === 4) && found.every((e) => e.quad === 4);
      if (!consequence) inSentence.push(...found);
      previous = found;
    }
    inSentence.push(...nominalEvents(ctx, carried));
    // one sentence that gives the same dyad the same code twice (a verb and the clause it governs, a verb and its
    // noun) reports one event: the first reading stays
    const seen = new Set<string>();
    for (const e of inSentence) {
      const key = `${e.source?.code}|${e.target?.code}|${e.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push(e);
    }
  }
  return { events, unknown, sentences: sentences.map(({ index, start, end, text }) => ({ index, start, end, text })), warnings };
}

/**
 * "Palestinian refugees to avoid ...": the tagger reads "refugees" as a verb. A word inside a name or role of
 * two or more words the dictionaries know is a noun, whatever the tagger said.
 */
function nounsInNames(tokens: Sentence["tokens"], mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.kind === "pronoun" || m.via === "coreference") continue;
    // a one-word role only where it is a subject: "the chief rejected", not "chief negotiator"
    if (m.end - m.start < 2 && !/^(VERB|AUX)$/.test(tokens[m.end]?.pos ?? "")) continue;
    // the last word of the name: "Russian forces" yes; a verb inside "Save the Children" stays what the tagger says;
    // "the EU foreign policy chief rejected": a role's last word read as an adjective is its noun too
    const last = tokens[m.end - 1];
    if ((last.pos === "VERB" || last.pos === "ADJ") && /^[a-z]/.test(last.text) && m.kind === "agent") last.pos = "NOUN";
  }
}

/** Runs of capitalised proper nouns that no mention covers: the actors the dictionaries miss. */
function unknownNames(sentence: Sentence, mentions: Mention[]): string[] {
  const covered = new Uint8Array(sentence.tokens.length);
  for (const m of mentions) covered.fill(1, m.start, m.end);
  const out: string[] = [];
  const t = sentence.tokens;
  for (let i = 0; i < t.length; i++) {
    if (covered[i] || t[i].pos !== "PROPN" || !/^[A-Z]/.test(t[i].text) || CALENDAR.test(t[i].text)) continue;
    let j = i;
    while (j + 1 < t.length && !covered[j + 1] && ((t[j + 1].pos === "PROPN" && /^[A-Z]/.test(t[j + 1].text)) || (t[j + 1].text === "-" && t[j + 2]?.pos === "PROPN"))) j++;
    out.push(sentence.text.slice(t[i].start - sentence.start, t[j].end - sentence.start));
    i = j;
  }
  return out;
}

/** An adverbial participle after a comma that shares its subject: ", killing at least five". */
function isConsequence(clause: Clause, sentence: Sentence): boolean {
  const head = sentence.tokens[clause.vg.head];
  const opener = sentence.tokens[clause.introStart];
  return clause.subjectFrom !== null && clause.subject === null && /ing$/.test(head.lower) && clause.vg.start === head.i && opener?.text === ",";
}

/** Codes one document and returns its events. */
export function code(doc: Document, dicts: Dictionaries, options: CodeOptions = {}): Event[] {
  return codeDocument(doc, dicts, options).events;
}
