/**
 * Sentences, tokens with character offsets, part-of-speech tags and lemmas,
 * from wink-nlp's English model (pure JavaScript: runs in Node and browsers).
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { mayRespell, normalizeWord, spellingKey } from "../dictionary/text.js";
import { pieces, tokenizerCuts } from "./pieces.js";

export interface Token {
  /** Index in the sentence. */
  i: number;
  text: string;
  /** Lower case with plain apostrophes: the dictionary key. */
  lower: string;
  /** Base form, lower case ("met" -> "meet"). */
  lemma: string;
  /** `lower` and `lemma` with British and American spellings made one, for verb patterns. */
  key: string;
  lemmaKey: string;
  /** Universal POS tag (NOUN, PROPN, VERB, AUX, ADP, DET, PRON, ADJ, ADV, PART, CCONJ, SCONJ, NUM, PUNCT, SYM, X). */
  pos: string;
  /** Offsets into the document text. */
  start: number;
  end: number;
}

export interface Sentence {
  /** 0-based index in the document; each piece of an over-long sentence is a sentence (see pieces.ts). */
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

/** The tagger is built on first use and shared: it holds no per-document state. */
function tagger(): Nlp {
  if (!nlp) nlp = winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

/** At most this many words' spelling keys are kept: news repeats its words, and memory stays bounded. */
const KEYS_KEPT = 20_000;
const keysKept = new Map<string, string>();

/** A word's spelling key, from the words met lately when it is one of them (most words are their own key). */
function keyOf(word: string): string {
  if (!mayRespell(word)) return word;
  let key = keysKept.get(word);
  if (key === undefined) {
    key = spellingKey(word);
    if (keysKept.size >= KEYS_KEPT) keysKept.clear();
    keysKept.set(word, key);
  }
  return key;
}

/** Tokens that cannot end a sentence: titles, month and number abbreviations, initials. */
const NON_FINAL = /^(mr|mrs|ms|dr|gen|lt|col|maj|sgt|capt|cmdr|adm|gov|sen|rep|rev|prof|st|no|nos|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|inc|corp|co|ltd|vs|v|[a-z])\.$/i;

/** The model's reading of a text: each token's text, offset, tag and lemma, and sentences as inclusive token ranges. */
interface ModelReading {
  values: string[];
  starts: number[];
  tags: string[];
  lemmas: string[];
  spans: [number, number][];
}

/**
 * The model's reading of the whole text, read in the segments `tokenizerCuts` marks (none in ordinary text), so
 * that the tokenizer never meets a giant word.
 */
function readWithModel(text: string): ModelReading {
  const reading: ModelReading = { values: [], starts: [], tags: [], lemmas: [], spans: [] };
  let from = 0;
  for (const cut of tokenizerCuts(text)) {
    readSegment(text, from, cut, reading);
    from = cut;
  }
  readSegment(text, from, text.length, reading);
  return reading;
}

/** Adds the model's reading of `text[from, to)` to `reading`, with offsets into the whole text. */
function readSegment(text: string, from: number, to: number, reading: ModelReading): void {
  const its = tagger().its;
  const doc = tagger().readDoc(from === 0 && to === text.length ? text : text.slice(from, to));
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // The model supplies lemmas, but its type declarations omit that function.
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  const first = reading.values.length;
  let offset = from;
  for (let k = 0; k < values.length; k++) {
    offset += spaces[k].length;
    // The tagger keeps every character, but find the token if it ever does not.
    if (!text.startsWith(values[k], offset)) {
      const found = text.indexOf(values[k], offset);
      if (found >= 0) offset = found;
    }
    reading.values.push(values[k]);
    reading.starts.push(offset);
    reading.tags.push(tags[k]);
    reading.lemmas.push(lemmas[k]);
    offset += values[k].length;
  }
  for (const [a, b] of spans) reading.spans.push([first + a, first + b]);
}

/** The text's sentences, tagged, with offsets into it; a sentence over `MAX_PIECE_CHARS` (pieces.ts) comes as its pieces. */
export function analyseText(text: string): Sentence[] {
  const { values, starts, tags, lemmas, spans } = readWithModel(text);

  // Merge sentences the splitter broke after an abbreviation or before a lower-case word.
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const prev = merged[merged.length - 1];
    if (prev && (NON_FINAL.test(values[prev[1]]) || /^[a-z]/.test(values[a]))) prev[1] = b;
    else merged.push([a, b]);
  }

  const sentences: Sentence[] = [];
  for (const [a, b] of merged) {
    const words: Token[] = [];
    for (let k = a; k <= b; k++) {
      // Line breaks come back as tokens; they carry nothing for the syntax.
      if (values[k].trim() === "") continue;
      words.push({
        i: 0,
        text: values[k],
        lower: normalizeWord(values[k]),
        lemma: normalizeWord(lemmas[k] ?? values[k]),
        key: "",
        lemmaKey: "",
        pos: tags[k],
        start: starts[k],
        end: starts[k] + values[k].length,
      });
    }
    // a sentence too long to analyse whole is analysed as the sentences of its pieces
    for (const tokens of pieces(words)) {
      for (let i = 0; i < tokens.length; i++) tokens[i].i = i;
      repairTags(tokens);
      for (const t of tokens) {
        t.key = keyOf(t.lower);
        t.lemmaKey = keyOf(t.lemma);
      }
      const start = tokens.length ? tokens[0].start : 0;
      const end = tokens.length ? tokens[tokens.length - 1].end : 0;
      sentences.push({ index: sentences.length, start, end, text: text.slice(start, end), tokens });
    }
  }
  return sentences;
}

/**
 * The verb of a regular past tense: "mediated" mediate, "stopped" stop, "shelled" shell, "carried" carry.
 * (A doubled l or s stays: "killed", "passed".)
 */
function pastLemma(word: string): string {
  return word.replace(/ied$/, "y").replace(/([^aeiouls])\1ed$/, "$1").replace(/ed$/, "").replace(/(at|iz|is|ag|iv|ov|ur|us|ud|id|ut)$/, "$1e");
}

/** Past tenses the model reads as nouns after a plural subject ("Troops shot two intruders"), with their verbs. */
const IRREGULAR_PAST = new Map(Object.entries({ shot: "shoot", struck: "strike", fought: "fight", led: "lead", sent: "send", met: "meet", held: "hold", hit: "hit", beat: "beat", took: "take", threw: "throw", broke: "break", overran: "overrun", stole: "steal", drove: "drive", seized: "seize", freed: "free", shelled: "shell", bombed: "bomb" }));

/**
 * The model's commonest slip in news: a third-person verb read as a plural noun
 * after a name ("Merkel plans to visit", "Iran vows to retaliate").
 */
function repairTags(tokens: Token[]): void {
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    // (each test puts its cheapest, rarest condition first: this runs on every word of every sentence)
    if (next.lower === "to" && (t.pos === "NOUN" || t.pos === "PROPN") && (prev.pos === "PROPN" || prev.pos === "PRON") && tokens[k + 2]?.pos === "VERB" && /[a-z]s$/.test(t.text)) {
      t.pos = "VERB";
      t.lemma = t.lower.replace(/(ss|sh|ch|x)es$/, "$1").replace(/ies$/, "y").replace(/s$/, "");
      next.pos = "PART";
    }
    // "almost crowds trashed its embassy": two finite verbs cannot follow one another; the "-s" one is the subject
    if (t.pos === "VERB" && next.pos === "VERB" && prev.pos !== "AUX" && prev.pos !== "PRON" && /[a-z]s$/.test(t.text) && /[a-z]ed$/.test(next.text)) {
      t.pos = "NOUN";
      t.lemma = t.lower;
    }
    // "expressed hopes that", "voiced fears of": after a past tense, an "-s" word is its object
    if (t.pos === "VERB" && prev.pos === "VERB" && (next.pos === "ADP" || next.pos === "SCONJ" || next.lower === "that") && /[a-z]s$/.test(t.text) && /[a-z]ed$/.test(prev.text)) {
      t.pos = "NOUN";
      t.lemma = t.lower.replace(/s$/, "");
    }
    // "rejected Gondor calls for a truce": after a past tense and a name, an "-s" word before a preposition is the object
    if (t.pos === "VERB" && prev.pos === "PROPN" && tokens[k - 2]?.pos === "VERB" && (next.pos === "ADP" || next.pos === "PUNCT" || next.lower === "that") && /[a-z]s$/.test(t.text) && /[a-z]ed$/.test(tokens[k - 2].text)) {
      t.pos = "NOUN";
      t.lemma = t.lower.replace(/s$/, "");
    }
    // "awful and cool minister": a bare verb between "ADJ and" and a noun is an adjective
    if (t.pos === "VERB" && t.lower === t.lemma && prev.lower === "and" && tokens[k - 2]?.pos === "ADJ" && next.pos === "NOUN") t.pos = "ADJ";
    // "returned artifacts, including a fresco, to Italy": "including" with no auxiliary is a preposition
    if (t.pos === "VERB" && (t.lower === "including" || t.lower === "excluding") && prev.pos !== "AUX") t.pos = "ADP";
    if (t.lower === "tear" && next.lower === "gas") t.pos = "NOUN";
    if (t.lower === "live" && /^(ammunition|fire|rounds|bullets|shells)$/.test(next.lower)) t.pos = "ADJ";
    // "the EU's diplomatic chief rejected", "a senior official said": a role word before its verb is its noun
    if (t.pos === "ADJ" && (next.pos === "VERB" || next.pos === "AUX") && /^(chief|general|official|representative|executive|rival|commander)$/.test(t.lower)) t.pos = "NOUN";
    // "Doctors Without Borders", "Reporters Without Borders": a capitalised word between two names is part of the name
    if (prev.pos === "PROPN" && next.pos === "PROPN" && (t.pos === "VERB" || t.pos === "ADP") && /^[A-Z][a-z]/.test(t.text) && /^[A-Z]/.test(prev.text) && /^[A-Z]/.test(next.text)) t.pos = "PROPN";
    // "Qatar mediated talks", "Kosovo honored the envoy": a past tense after a name, before its object
    if (prev.pos === "PROPN" && (t.pos === "ADJ" || t.pos === "NOUN") && (k === 1 || tokens[k - 2].pos === "PROPN" || tokens[k - 2].pos === "DET") && /^(DET|NUM|PROPN|PRON)$/.test(next.pos) && /[a-z]ed$/.test(t.text)) {
      t.pos = "VERB";
      t.lemma = pastLemma(t.lower);
    }
    // "asked Russia for help", "sought help": after a preposition or a verb of asking, "help" is what is asked for
    if (t.lower === "help" && t.pos === "VERB" && (prev.pos === "ADP" || prev.lower === "for" || /^(seek|sought|ask|asked|request|requested|need|needed|offer|offered)$/.test(prev.lower))) t.pos = "NOUN";
    // "evacuated wounded Palestinians", "freed detained activists": a participle between a verb and its noun describes
    if (t.pos === "VERB" && prev.pos === "VERB" && (next.pos === "NOUN" || next.pos === "PROPN") && /[a-z]ed$/.test(t.text)) t.pos = "ADJ";
    // "Israeli forces shot a Palestinian", "Troops shot dead three": an irregular past tense read as a noun
    const past = t.pos === "NOUN" || t.pos === "ADJ" ? IRREGULAR_PAST.get(t.lower) : undefined;
    if (past && (prev.pos === "NOUN" || prev.pos === "PROPN") && /s$/.test(prev.lower) && (/^(DET|NUM|PROPN|PRON|ADJ)$/.test(next.pos) || /^(dead|down|back)$/.test(next.lower))) {
      t.pos = "VERB";
      t.lemma = past;
    }
    // "Hamas fighters abducted dozens": a past tense read as a noun after a plural subject
    if (t.pos === "NOUN" && t.lemma === t.lower && (prev.pos === "NOUN" || prev.pos === "PROPN") && /[a-z]ed$/.test(t.text) && /s$/.test(prev.lower) && /^(NOUN|PROPN|DET|NUM|ADP|PRON|ADJ)$/.test(next.pos)) {
      t.pos = "VERB";
      t.lemma = pastLemma(t.lower);
    }
  }
  // a sentence has a verb: with none, it is the one the model missed, a headline's "-s" ("Venezuela releases
  // dozens of activists") or a past tense read as an adjective or noun ("police beheaded a spy",
  // "police tortured a prisoner")
  if (tokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) return;
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    if ((t.pos === "NOUN" || t.pos === "PROPN") && /[a-z]s$/.test(t.text) && tokens[k - 1].pos === "PROPN" && /^(DET|NUM|PROPN|ADJ|NOUN)$/.test(tokens[k + 1].pos)) {
      t.pos = "VERB";
      t.lemma = t.lower.replace(/(ss|sh|ch|x)es$/, "$1").replace(/ies$/, "y").replace(/s$/, "");
      return;
    }
  }
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    if ((t.pos === "NOUN" || t.pos === "ADJ") && /[a-z]ed$/.test(t.text) && /^(NOUN|PROPN)$/.test(tokens[k - 1].pos) && /^(DET|NUM|PROPN|PRON)$/.test(tokens[k + 1].pos)) {
      t.pos = "VERB";
      t.lemma = pastLemma(t.lower);
      return;
    }
  }
}

/**
 * wink-nlp's universal tag of each of a sentence's words when the words are given (a treebank's own
 * tokens): the words are read as one line and each takes the tag of the model's token that starts where
 * it does ("X" where none does). The parser's tagger takes these as a second opinion.
 */
export function modelTagsOf(words: readonly string[]): string[] {
  const text = words.join(" ");
  const reading = readWithModel(text);
  const byStart = new Map<number, string>();
  for (let k = reading.starts.length - 1; k >= 0; k--) byStart.set(reading.starts[k], reading.tags[k]);
  const out: string[] = [];
  let at = 0;
  for (const w of words) {
    out.push(byStart.get(at) ?? "X");
    at += w.length + 1;
  }
  return out;
}
