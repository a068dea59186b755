/**
 * Whether a text is English, well enough to refuse the other languages of
 * the news rather than code them as English (which gives nothing, or
 * nonsense). It runs on every document, so it is one pass over at most the
 * first 20,000 characters, with no model to load: function words (the
 * articles, prepositions and conjunctions that make up a third of any text)
 * counted for English and for German, French, Spanish, Portuguese, Italian,
 * Dutch, Indonesian and Turkish, plus lowercase words with accented letters,
 * which English writes only in a few loanwords.
 *
 * It errs towards English: a text is refused only on clear evidence, so a
 * short headline with no function words, or English quoting a French phrase
 * or naming "von der Leyen", "Le Pen" and "al-Assad", is English. Another
 * language's function words count only as written in lower case (so "Le
 * Monde" and "Der Spiegel" are names), and none that English also writes
 * ("die", "as", "do", "no", "al", "com", "a", "in") are in the lists.
 */

/** The function words of each language, lower case; none an English word, a common piece of English or of a name. */
const LANGUAGES: [name: string, words: string][] = [
  ["German", "der die und den von zu das mit sich des auf für ist im dem nicht ein eine einer einem einen eines als auch werden aus er dass daß sie nach wird bei um sind noch wie über zum zur haben nur oder aber vor bis durch sein wurde sei gegen seit soll wurden ihre ihr unter diese dieser kann schon wieder heute sagte habe hatte sowie zwischen beim seine seiner worden mehr ab"],
  ["French", "le la les des du de et un une est pour dans qui que sur au aux par pas ne se il elle ils ont été avec sa ses ce cette ces sont mais ou leur lors selon après entre contre à sous depuis était avait aussi dont très qu l y où nous vous même fait"],
  ["Spanish", "el la los las de del en y que por con para un una se su sus es lo como más pero sobre entre este esta fue ha han sin también desde tras según hasta durante contra cuando muy ya dijo donde porque ante había está otro otra sido tiene"],
  ["Portuguese", "o os da das dos de em na nos nas um uma que é para por pelo pela não mais se ao à aos seu sua seus suas foi são mas como também já entre sobre após disse ainda está ser tem pelos pelas essa esse isso ele ela eles foram muito"],
  ["Italian", "il lo la gli le di del della dei delle degli dello nel nella nei alla ai alle dal dalla da con per su tra fra che è un una uno si sono ha hanno anche ma più dopo questo questa stato stata essere ancora secondo sul sulla nelle negli"],
  ["Dutch", "de het een van en dat op te zijn voor niet aan er ook als bij maar om nog naar werd wordt heeft hij zij worden deze uit tegen wat wel dit geen zou kan hebben waren meer na"],
  ["Indonesian", "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke oleh telah sudah ada karena kata mereka bahwa atau saat kami kita bisa lebih tersebut secara setelah hingga antara namun masih menjadi sebagai belum serta dia"],
  ["Turkish", "ve bir bu da de ile için olarak daha çok gibi kadar ancak sonra olan ise ne mi şu değil göre ilk yeni iki büyük oldu dedi yapılan tarafından üzerine karşı arasında olduğu ediyor etti"],
];

/** English's own: words of every English text that none of the languages above writes as a word of its own. */
const ENGLISH = new Set("the of and to is was said for with that by it at on has have were from which this will are be his her their they its not after who would been had but or than there about against over into she them when could should".split(" "));

const WORDS = new Map<string, number>();
LANGUAGES.forEach(([, words], i) => {
  for (const w of words.split(" ")) WORDS.set(w, (WORDS.get(w) ?? 0) | (1 << i));
});

/** The languages above that write each accented letter (bit i: LANGUAGES[i]). */
const LETTERS = new Map<string, number>();
const mask = (...names: string[]) => names.reduce((m, n) => m | (1 << LANGUAGES.findIndex(([name]) => name === n)), 0);
for (const [letters, m] of [
  ["ß", mask("German")],
  ["äöü", mask("German", "Turkish")],
  ["ıışğ", mask("Turkish")],
  ["ç", mask("French", "Portuguese", "Turkish")],
  ["ñ¿¡", mask("Spanish")],
  ["ãõ", mask("Portuguese")],
  ["áíóú", mask("Spanish", "Portuguese", "Italian")],
  ["éêô", mask("French", "Portuguese", "Italian")],
  ["âàè", mask("French", "Portuguese", "Italian")],
  ["îûëïœù", mask("French", "Italian")],
  ["ìò", mask("Italian")],
] as const) {
  for (const ch of letters) LETTERS.set(ch, m);
}

/** The languages a word's accented letters belong to all at once; every language when they share none. */
function accentLanguages(w: string): number {
  let m = -1;
  for (const ch of w) {
    const l = LETTERS.get(ch);
    if (l !== undefined) m &= l;
  }
  return m === 0 || m === -1 ? -1 : m;
}

/** Characters read: enough for any verdict, and a megabyte document costs no more than a long article. */
const SAMPLE = 20_000;
const LETTER = /\p{L}/uy;
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const isLower = (w: string) => w !== w.toUpperCase() && w[0] === w[0].toLowerCase();
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** A letter of the Latin alphabet, plain or accented (Latin-1 and Latin Extended A and B). */
const isLatin = (c: number) => isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f);

/** How many UTF-16 units the letter at `i` takes (two for a letter outside the BMP), or 0 when it is no letter. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) ? 1 : 0;
  LETTER.lastIndex = i;
  if (!LETTER.test(text)) return 0;
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** Null when the text looks like English; otherwise why not. */
export function notEnglish(text: string): string | null {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let letters = 0;
  let latin = 0;
  let words = 0;
  let english = 0;
  const counts = new Array<number>(LANGUAGES.length).fill(0);
  const accented = new Array<number>(LANGUAGES.length).fill(0);
  // one pass over the characters: each word is a run of letters, read as it is passed
  for (let i = 0; i < sample.length; ) {
    let width = letterAt(sample, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let latinUnits = 0;
    let ascii = true;
    let upper = false;
    let lower = false;
    do {
      const c = sample.charCodeAt(i);
      if (width === 1 && isLatin(c)) latinUnits++;
      if (c >= 128) ascii = false;
      else if (c <= 90) upper = true;
      else lower = true;
      i += width;
    } while (i < sample.length && (width = letterAt(sample, i)) > 0);
    letters += i - start;
    latin += latinUnits;
    // a word with any letter outside the Latin alphabet counts only its Latin letters
    if (latinUnits !== i - start) continue;
    words++;
    const w = sample.slice(start, i);
    const key = ascii && !upper ? w : w.toLowerCase();
    if (ENGLISH.has(key)) {
      english++;
      continue;
    }
    // another language's words count as written in lower case: capitalised, they are as often names
    if (ascii ? !lower || sample.charCodeAt(start) <= 90 : !isLower(w)) continue;
    const langs = WORDS.get(key);
    if (langs !== undefined) {
      for (let k = 0; k < LANGUAGES.length; k++) if (langs & (1 << k)) counts[k]++;
    } else if (!ascii) {
      const langs = accentLanguages(w);
      for (let k = 0; k < LANGUAGES.length; k++) if (langs & (1 << k)) accented[k]++;
    }
  }
  if (letters === 0) return "no letters";
  if (latin / letters < 0.7) return "mostly in a non-Latin script";
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i] + accented[i] > counts[best] + accented[best]) best = i;
  const evidence = counts[best] + accented[best];
  // three words at least, and more than twice English's: a headline with a name or two stays English
  if (evidence >= 3 && evidence > 2 * english) {
    const [name] = LANGUAGES[best];
    const why = [counts[best] ? `${n(counts[best], `${name} function word`)}` : "", accented[best] ? n(accented[best], "word with its accents", "words with its accents") : ""].filter(Boolean).join(" and ");
    return `it reads as ${name}: ${why}, against ${n(english, "English one")}, in ${n(words, "word")}`;
  }
  // another language, or none: long texts without English's commonest words
  if (words >= 40 && english / words < 0.04) return "few English function words";
  return null;
}
