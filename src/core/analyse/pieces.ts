/**
 * Over-long sentences cut into pieces the analysis can afford.
 *
 * The clause finder, the mentions and the event assembly compare the words of a sentence with one another, so
 * their cost grows faster than the sentence: a 100,000-character "sentence" with no full stop took most of a
 * minute. Sentences written for readers are short: of some 14,000 sentences of news and web English the longest
 * is 612 characters (137 words) and 99.9% are under 410. A sentence longer than MAX_PIECE_CHARS is a list, a
 * table or a text that lost its full stops; it is coded piece by piece, each piece a sentence of its own, so that
 * coding time and memory grow with the length of the text and an event never carries more than one piece as its
 * text. The bound is in characters, not words, because characters are what the cost and the event's text grow
 * with, and what the tokenizer needs bounded too (see `tokenizerCuts`). Pieces keep the document's offsets.
 */

/** Longest piece, in characters: well above any real sentence, small enough to code in a few milliseconds. */
export const MAX_PIECE_CHARS = 1000;

/** A word of a sentence with its offsets in the document, end exclusive. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** A clause or sentence ends after these: where the tagger's sentence splitter declined to end one, a piece can. */
const ENDS_CLAUSE = /^([;:,.!?\u2014\u2013]|--)$/;
/** A clause begins at these. */
const BEGINS_CLAUSE = /^(and|but|or|while|whereas)$/i;

/** True when a cut before `words[k]` falls at a clause boundary. */
function atClauseBoundary(words: readonly Word[], k: number): boolean {
  return ENDS_CLAUSE.test(words[k - 1].text) || BEGINS_CLAUSE.test(words[k].text);
}

/**
 * A sentence's words in pieces of at most `maxChars` characters each (from the first word's start to the last
 * word's end); the sentence itself, not copied, when it is short enough.
 *
 * Each cut is the one nearest below the bound among the clause boundaries (after ";", ":", ",", a dash or a full
 * stop; before "and", "but", "or", "while", "whereas"), so that a piece reads as clauses; failing one, at the last
 * space; failing that, between the last two words that fit. A word longer than the bound is a piece of its own
 * (the tokenizer never makes one: `tokenizerCuts`).
 */
export function pieces<W extends Word>(words: W[], maxChars = MAX_PIECE_CHARS): W[][] {
  if (words.length === 0 || words[words.length - 1].end - words[0].start <= maxChars) return [words];
  const out: W[][] = [];
  let first = 0;
  while (first < words.length) {
    const limit = words[first].start + maxChars;
    if (words[words.length - 1].end <= limit) {
      out.push(words.slice(first));
      break;
    }
    // a cut before words[k] ends the piece at words[k - 1]: the last k whose piece fits, of each kind
    let clauseCut = -1;
    let spaceCut = -1;
    let anyCut = first + 1;
    for (let k = first + 1; words[k - 1].end <= limit; k++) {
      anyCut = k;
      if (words[k].start > words[k - 1].end) spaceCut = k;
      if (atClauseBoundary(words, k)) clauseCut = k;
    }
    const cut = clauseCut > 0 ? clauseCut : spaceCut > 0 ? spaceCut : anyCut;
    out.push(words.slice(first, cut));
    first = cut;
  }
  return out;
}

/** True for a low surrogate: cutting before one would split a character in two. */
const continuesCharacter = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff;
};

/**
 * Where the text is cut before the tokenizer reads it, as ascending offsets: inside every run of more than
 * `maxChars` characters without whitespace ("a" 500,000 times, a lost line of base64), every `maxChars`
 * characters. wink-nlp reads one such run in time that grows with the square of its length (100,000 characters:
 * 9 s), and a run that long is no word; ordinary text has no cut and is read whole, exactly as before.
 */
export function tokenizerCuts(text: string, maxChars = MAX_PIECE_CHARS): number[] {
  const cuts: number[] = [];
  // (a text no longer than a run may be has no run to cut, and most texts coded are single sentences)
  if (text.length <= maxChars) return cuts;
  const whitespace = /\s+/g;
  let runStart = 0;
  for (;;) {
    const space = whitespace.exec(text);
    const runEnd = space ? space.index : text.length;
    for (let cut = runStart + maxChars; cut < runEnd; cut += maxChars) {
      if (continuesCharacter(text, cut)) cut++;
      if (cut < runEnd) cuts.push(cut);
    }
    if (!space) return cuts;
    runStart = space.index + space[0].length;
  }
}
