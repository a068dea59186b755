/**
 * Composing dictionary matches into the actors news writes: titles with names
 * ("Russian President Vladimir Putin"), possessives ("China's foreign
 * ministry"), roles of a country or organisation ("the foreign minister of
 * Japan", "the head of the IAEA"), appositives ("Putin, the Russian
 * president,"), shared roles ("Chinese and Russian warships") and "former".
 */
import { POSTS_ABROAD } from "../analyse/grammar.js";
import type { Token } from "../analyse/tagger.js";
import type { Dictionaries } from "../dictionary/compile.js";
import { sectorsOf } from "../dictionary/ontology.js";
import type { ActorRef, Coreference } from "./coreference.js";
import { changed, type Mention } from "./mentions.js";

export const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)$/i;
const LEADER_WORDS = /^(head|chief|director|leader|boss|chairman|chairwoman|chair|secretary-general|president)$/;
const NAMED_AFTER = /^(airport|stadium|university|street|avenue|boulevard|bridge|square|hospital|foundation|institute|prize|award|centre|center|library|museum|school|dam|highway)$/;
/** Nouns that, after a demonym, still name the country itself: "a Palestinian state", "the Iranian side". */
const POLITY = /^(state|states|nation|nations|republic|people|side|territory|territories|kingdom|counterparts?|regime)$/;
const NAME_POS = new Set(["PROPN", "NOUN", "ADJ", "X"]);
/** Particles inside names: "Bashar al-Assad", "Ursula von der Leyen", "Luiz Inacio Lula da Silva". */
const NAME_LINKS = new Set(["al", "el", "bin", "ibn", "bint", "abu", "de", "da", "do", "dos", "van", "von", "der", "den", "la", "le", "du", "di"]);

export function refOfCode(code: string, name: string, person: boolean, dicts: Dictionaries, open?: boolean): ActorRef {
  const head = code.slice(0, 3);
  return { code, country: head === "---" ? null : head, sectors: sectorsOf(code, dicts.ontology.roles), name, person, open };
}

/** The actor as a named person: "President Vladimir Putin" is a person of the president's code. */
function personRef(r: ActorRef, name = r.name): ActorRef {
  return { code: r.code, country: r.country, sectors: r.sectors, name, person: true, open: r.open };
}

/**
 * An actor with roles added to its code, PETRARCH's way: appended unless the code has them already. A named
 * organisation's own code ("IMGISI", "LBNREBHZB") already says what it is and is kept whole.
 */
function withRoles(r: ActorRef, sectors: string[], dicts: Dictionaries): ActorRef {
  if (r.code.length > 3 + 3 * r.sectors.length && !r.open) return r;
  const missing = sectors.filter((s) => !r.sectors.includes(s) && !r.code.slice(3).match(/.{3}/g)?.includes(s));
  return missing.length ? refOfCode(r.code + missing.join(""), r.name, r.person, dicts) : r;
}

function joinCode(country: string | null, sectors: string[]): string {
  const extra = sectors.filter((s, i) => sectors.indexOf(s) === i);
  return (country ?? "") + extra.join("");
}

export function spanText(tokens: Token[], a: number, b: number): string {
  let s = "";
  for (let k = a; k < b; k++) s += (k > a && tokens[k].start > tokens[k - 1].end ? " " : "") + tokens[k].text;
  return s;
}

/** Applies every composition rule, in order, to the dictionary matches of one sentence. */
export function compose(tokens: Token[], raw: Mention[], dicts: Dictionaries, coref: Coreference): Mention[] {
  headsActAsTheirOrganisation(tokens, raw, dicts);
  const mentions = joinNeighbours(tokens, raw, dicts, coref);
  nameAfterRole(tokens, mentions, coref);
  nameBeforeRole(tokens, mentions, coref);
  appositives(tokens, mentions, coref);
  demonymsDescribingThings(tokens, mentions);
  dropNamesOfThings(tokens, mentions);
  distributeRoles(tokens, mentions, dicts);
  markFormer(tokens, mentions, dicts);
  inferTitleCountry(mentions, dicts, coref, tokens);
  return mentions;
}

/** "The head of the International Atomic Energy Agency": whoever leads an organisation acts as it. */
function headsActAsTheirOrganisation(tokens: Token[], raw: Mention[], dicts: Dictionaries): void {
  for (let m = 0; m < raw.length; m++) {
    const r = raw[m];
    if (r.kind !== "organisation" && r.kind !== "country") continue;
    let k = r.start - 1;
    if (tokens[k]?.pos === "DET") k--;
    if (tokens[k]?.lower !== "of" || !LEADER_WORDS.test(tokens[k - 1]?.lower ?? "")) continue;
    if (m > 0 && raw[m - 1].end > k - 1) continue;
    const ref = r.kind === "country" ? refOfCode(r.refs[0].code + "GOV", r.refs[0].name, false, dicts) : r.refs[0];
    raw[m] = changed(r, { start: k - 1, kind: "agent", refs: [personRef(ref)] });
  }
}

/**
 * Joins each mention with the ones next to it that complete it: a country and its role ("China's foreign ministry"),
 * a role and its country or organisation ("the foreign minister of Japan"), a title and a name ("Russian President
 * Vladimir Putin"), a role shared by several countries ("the presidents of France and Russia").
 */
function joinNeighbours(tokens: Token[], raw: Mention[], dicts: Dictionaries, coref: Coreference): Mention[] {
  const out: Mention[] = [];
  for (let m = 0; m < raw.length; m++) {
    let cur = raw[m];
    // a prefix agent before an actor: "MSF Arnor" is NGOARN, and "an MSF Arnor diplomat" NGOARNGOV
    const named = raw[m + 1];
    if (cur.prefix && named && named.start === cur.end && named.refs.length > 0 && (named.kind === "country" || named.kind === "organisation" || named.kind === "adjective")) {
      const prefix = cur.prefix;
      cur = changed(named, { start: cur.start, kind: "organisation", refs: named.refs.map((r) => refOfCode(prefix + r.code, r.name, r.person, dicts, true)) });
      raw[m + 1] = cur;
      continue;
    }
    const next = raw[m + 1];
    // country or demonym (+ 's) (+ up to two modifiers) + role noun: "Russian President", "China's foreign ministry"
    // (a name coded by a bare country code, as PETRARCH writes countries, needs no "'s": "Arnor former security officials")
    const polityCode = cur.kind === "organisation" && cur.refs.length === 1 && cur.refs[0].code.length === 3 && cur.refs[0].country !== null;
    if ((cur.kind === "country" || cur.kind === "adjective" || cur.kind === "capital" || (cur.kind === "organisation" && (cur.possessive || polityCode))) && next && next.kind === "agent" && next.refs[0].country === null) {
      let k = cur.end;
      if (tokens[k]?.lower === "'s") k++;
      let between = 0;
      // ("Ithilen's awful and evil minister": adjectives joined by "and" count as one)
      while (k < next.start && between < 2 && (tokens[k].pos === "ADJ" || tokens[k].pos === "NOUN" || tokens[k].pos === "PROPN")) {
        k++;
        between++;
        if (tokens[k]?.lower === "and" && tokens[k - 1].pos === "ADJ" && tokens[k + 1]?.pos === "ADJ") k++;
      }
      if (k === next.start) {
        const country = cur.refs[0].country;
        const agent = next.refs[0];
        // "China's foreign ministry" is China's government; "Gondor's government" adds the role to a named actor's code
        let refs = cur.kind === "organisation" ? cur.refs.map((r) => withRoles(r, agent.sectors, dicts)) : [refOfCode(joinCode(country, agent.sectors), agent.name, agent.person, dicts)];
        // "Arnor former security officials": out of office, as markFormer says for "former" before the whole
        if (tokens.slice(cur.end, next.start).some((t) => /^(former|ex)$/.test(t.lower))) refs = refs.map((r) => (r.country ? refOfCode(r.country + "ELI", r.name, r.person, dicts) : r));
        cur = changed(next, { start: cur.start, refs });
        m++;
      }
    }
    // role noun + of + organisation: "a spokesman of the African Union" speaks for it
    // ("the ambassadors of A, B and C" is left to the shared-role rule below)
    const listFollows = raw[m + 2] && (raw[m + 2].kind === "country" || raw[m + 2].kind === "organisation") && /^(,|and|, and)$/.test(spanText(tokens, next?.end ?? 0, raw[m + 2].start));
    if (cur.kind === "agent" && cur.refs[0].country === null && next && next.kind === "organisation" && tokens[cur.end]?.lower === "of" && !listFollows) {
      const k = tokens[cur.end + 1]?.pos === "DET" ? cur.end + 2 : cur.end + 1;
      if (k === next.start) {
        // a bare polity code ("ARN") takes the role; a named organisation's code is kept whole
        cur = changed(cur, { end: next.end, refs: next.refs.map((r) => withRoles(r, cur.refs[0].sectors, dicts)) });
        m++;
        out.push(cur);
        continue;
      }
    }
    // organisation + role noun: "Hamas fighters", "UN peacekeepers": the role is added unless the code has it
    if (cur.kind === "organisation" && next && next.kind === "agent" && next.refs[0].country === null && next.start === cur.end) {
      cur = changed(next, { start: cur.start, refs: cur.refs.map((r) => withRoles(r, next.refs[0].sectors, dicts)), rule: cur.rule });
      m++;
    }
    // "Jordan's King Abdullah II", "Russian Vladimir Putin": a country before a known person is part of the name
    const person = raw[m + 1];
    if ((cur.kind === "country" || cur.kind === "adjective") && person?.kind === "person" && person.start === (tokens[cur.end]?.lower === "'s" ? cur.end + 1 : cur.end)) {
      cur = changed(person, { start: cur.start });
      m++;
    }
    // "the presidents of France, Russia and the United States": one role, several countries
    const polity = (x: Mention | undefined) => x?.kind === "country" || x?.kind === "organisation";
    const pluralRole = tokens[cur.end - 1].lower !== tokens[cur.end - 1].lemma || /[^s]s$/.test(tokens[cur.end - 1].lower);
    // "lawmakers and officials in A and B": several roles, each in every country
    // (one to three words between: ",", "and", ", and", each perhaps with "the")
    const linked = (a: Mention, b: Mention) => b.start - a.end >= 1 && b.start - a.end <= 3 && /^(,|and|, and)$/.test(tokens.slice(a.end, b.start).map((t) => t.lower).join(" ").replace(/^the$|^, the$|^and the$/, (x) => x.replace(/ ?the$/, "")).trim());
    const roles = [cur];
    let r = m;
    while (cur.kind === "agent" && raw[r + 1]?.kind === "agent" && raw[r + 1].refs[0].country === null && linked(raw[r], raw[r + 1])) roles.push(raw[++r]);
    const last = roles[roles.length - 1];
    if (cur.kind === "agent" && roles.every((x) => x.refs[0].country === null) && (pluralRole || roles.length > 1) && /^(of|in|from)$/.test(tokens[last.end]?.lower ?? "") && polity(raw[r + 1]) && raw[r + 1].start === last.end + 1) {
      let j = r + 1;
      const countries = [raw[j]];
      while (polity(raw[j + 1]) && linked(raw[j], raw[j + 1])) countries.push(raw[++j]);
      if (countries.length > 1 || roles.length > 1) {
        cur = changed(cur, { end: raw[j].end, kind: "group", refs: countries.flatMap((c) => roles.map((x) => withRoles(c.refs[0], x.refs[0].sectors, dicts))) });
        m = j;
      }
    }
    // role noun + of/from/in + country or place: "the foreign minister of Japan", "police in Harare"
    const after = raw[m + 1];
    // (a name coded by a bare three-letter code, as PETRARCH's dictionaries write countries, counts as a country)
    const bareCode = (x: Mention) => x.kind === "organisation" && x.refs.length === 1 && x.refs[0].code.length === 3 && x.refs[0].country !== null;
    if (cur.kind === "agent" && cur.refs[0].country === null && after && (after.kind === "country" || after.kind === "capital" || after.kind === "place" || after.kind === "adjective" || bareCode(after))) {
      let k = cur.end;
      // "from" only for a subject ("Soldiers from Gondor have ..."): "withdraw troops from Ukraine" names where they leave
      let b = cur.start - 1;
      while (b >= 0 && (tokens[b].pos === "DET" || tokens[b].pos === "ADJ" || tokens[b].pos === "NUM")) b--;
      const opensPhrase = b < 0 || /^(PUNCT|CCONJ|SCONJ)$/.test(tokens[b].pos);
      // "the embassy in Nairobi" is not Kenya's: a post abroad is only where it serves
      const abroad = tokens[k]?.lower === "in" && POSTS_ABROAD.has(tokens[cur.end - 1].lemma);
      if (!abroad && (/^(of|in)$/.test(tokens[k]?.lower ?? "") || (tokens[k]?.lower === "from" && opensPhrase))) {
        k++;
        if (tokens[k]?.pos === "DET") k++;
        // "the mayor of the occupied Ukrainian city of Melitopol"
        while (k < after.start && k < cur.end + 5 && (tokens[k].pos === "ADJ" || (tokens[k].pos === "VERB" && /ed$/.test(tokens[k].lower)))) k++;
        if (k === after.start) {
          const country = after.place?.country ?? after.refs[0]?.country ?? null;
          cur = changed(cur, { end: after.end, place: after.place, refs: [refOfCode(joinCode(country, cur.refs[0].sectors), cur.refs[0].name, cur.refs[0].person, dicts)] });
          m++;
        }
      }
    }
    // "the US commander in Iraq": a role that has its country keeps it; the place only says where it serves
    const where = raw[m + 1];
    if (cur.kind === "agent" && cur.refs[0].country && where && (where.kind === "country" || where.kind === "capital" || where.kind === "place") && tokens[cur.end]?.lower === "in" && where.start === cur.end + 1 && tokens[where.end]?.text === ",") {
      cur = changed(cur, { end: where.end, place: where.place });
      m++;
    }
    // title + name: "Russian President Vladimir Putin", "Defence Minister Jane Doe"
    if (cur.kind === "agent" && tokens[cur.end - 1].lower === tokens[cur.end - 1].lemma) {
      const person = raw[m + 1];
      // a name coded by its country alone (PETRARCH's "ROMENDACIL [BRE]") takes the title's role
      // (a title that names its country, "Ithilen's minister Calimehtar", says which one they serve now)
      const bareName = person?.kind === "organisation" && person.refs.length === 1 && person.refs[0].country !== null && person.refs[0].sectors.length === 0 && /^[A-Z]/.test(tokens[person.start].text) && person.refs[0].code.length === 3;
      if (person && (person.kind === "person" || bareName) && person.start === cur.end) {
        // the dictionary knows the person; a title such as "former president" still says they are out of office
        const p = person.refs[0];
        const refs = cur.refs[0].sectors.includes("ELI") && p.country ? [refOfCode(p.country + "ELI", p.name, true, dicts)] : bareName ? [cur.refs[0].country ? personRef(cur.refs[0], p.name) : withRoles(personRef(p), cur.refs[0].sectors, dicts)] : person.refs;
        cur = changed(person, { start: cur.start, refs });
        m++;
      } else {
        // "the Syrian NGO Syria Relief": a country's name that opens a longer name is part of it, not an actor
        const inside = raw[m + 1];
        const swallowed = inside && inside.start === cur.end && (inside.kind === "country" || inside.kind === "adjective") && NAME_POS.has(tokens[inside.end]?.pos ?? "") && /^[A-Z]/.test(tokens[inside.end]?.text ?? "") && raw[m + 2]?.start !== inside.end;
        if (swallowed) m++;
        const nextStart = raw[m + 1]?.start ?? tokens.length;
        const isName = (k: number) => k < nextStart && NAME_POS.has(tokens[k].pos) && /^[A-Z]/.test(tokens[k].text) && !CALENDAR.test(tokens[k].text);
        let k = cur.end;
        while (k < tokens.length) {
          if (isName(k)) k++;
          else if (k > cur.end && (NAME_LINKS.has(tokens[k].lower) || tokens[k].text === "-") && isName(k + 1)) k++;
          else break;
        }
        if (k > cur.end) {
          const name = spanText(tokens, cur.end, k);
          const ref = personRef(cur.refs[0], name);
          coref.registerName(tokens.slice(cur.end, k).map((t) => t.lower), ref);
          cur = changed(cur, { end: k, kind: "person", refs: [ref], via: "title" });
        }
      }
    }
    // "UN Secretary General Antonio Guterres", "Hamas political chief Ismail Haniyeh": a named office right before a
    // name the dictionary knows is one actor, the person, in the office the title names
    const holder = raw[m + 1];
    if ((cur.kind === "organisation" || cur.kind === "group") && holder?.kind === "person" && holder.start === cur.end && !cur.possessive) {
      const name = holder.refs[0]?.name ?? "";
      cur = changed(holder, { start: cur.start, refs: cur.refs.map((r) => personRef(r, name)) });
      m++;
    }
    out.push(cur);
  }
  return out;
}

/** A role followed by a name the dictionaries do not know: "his Russian counterpart, Vladimir Putin," */
function nameAfterRole(tokens: Token[], mentions: Mention[], coref: Coreference): void {
  for (let m = 0; m < mentions.length; m++) {
    const a = mentions[m];
    if (a.kind !== "agent" || !a.refs[0].country || tokens[a.end]?.text !== ",") continue;
    const limit = mentions[m + 1]?.start ?? tokens.length;
    let k = a.end + 1;
    while (k < limit && tokens[k].pos === "PROPN" && /^[A-Z]/.test(tokens[k].text) && !CALENDAR.test(tokens[k].text)) k++;
    const closer = tokens[k];
    if (k - a.end < 3 || !(closer && (closer.text === "," || closer.pos === "VERB" || closer.pos === "AUX"))) continue;
    const ref = personRef(a.refs[0], spanText(tokens, a.end + 1, k));
    coref.registerName(tokens.slice(a.end + 1, k).map((t) => t.lower), ref);
    mentions[m] = changed(a, { end: k, kind: "person", refs: [ref], via: "title" });
  }
}

/** A name the dictionaries do not know, then its role: "Rafael Grossi, the head of the IAEA," */
function nameBeforeRole(tokens: Token[], mentions: Mention[], coref: Coreference): void {
  for (let m = 0; m < mentions.length; m++) {
    const a = mentions[m];
    if (a.kind !== "agent" || !a.refs[0].country) continue;
    let k = a.start - 1;
    if (tokens[k]?.pos === "DET") k--;
    if (tokens[k]?.text !== ",") continue;
    const floor = m > 0 ? mentions[m - 1].end : 0;
    let j = k;
    while (j - 1 >= floor && tokens[j - 1].pos === "PROPN" && /^[A-Z]/.test(tokens[j - 1].text) && !CALENDAR.test(tokens[j - 1].text)) j--;
    const closes = !tokens[a.end] || /^[,.;]$/.test(tokens[a.end].text) || tokens[a.end].pos === "VERB";
    if (k - j < 2 || !closes || (j > 0 && !/^(PUNCT|ADP|SCONJ|CCONJ)$/.test(tokens[j - 1].pos))) continue;
    const ref = personRef(a.refs[0], spanText(tokens, j, k));
    coref.registerName(tokens.slice(j, k).map((t) => t.lower), ref);
    mentions[m] = changed(a, { start: j, kind: "person", refs: [ref], via: "title" });
  }
}

/** Appositives: "his Russian counterpart, Vladimir Putin," and "Putin, the Russian president," */
function appositives(tokens: Token[], mentions: Mention[], coref: Coreference): void {
  for (let m = 0; m + 1 < mentions.length; m++) {
    const a = mentions[m];
    const b = mentions[m + 1];
    if (tokens[a.end]?.text !== ",") continue;
    let k = a.end + 1;
    if (tokens[k]?.pos === "DET") k++;
    if (k !== b.start) continue;
    const closes = !tokens[b.end] || /^[,.;]$/.test(tokens[b.end].text) || tokens[b.end].pos === "VERB" || tokens[b.end].pos === "AUX";
    const personAgent = (p: Mention, g: Mention) => p.kind === "person" && g.kind === "agent" && (g.refs[0].country === null || g.refs[0].country === p.refs[0].country || p.via !== "dictionary");
    if (!closes) continue;
    if (a.kind === "agent" && a.refs[0].country && b.kind === "person" && b.via !== "dictionary" && b.refs[0].country === null) {
      // "his Russian counterpart, Vladimir Putin," where the name came without a country
      const ref = personRef(a.refs[0], b.refs[0].name);
      coref.registerName(tokens.slice(b.start, b.end).map((t) => t.lower), ref);
      mentions.splice(m, 2, changed(b, { start: a.start, end: b.end, refs: [ref] }));
      continue;
    }
    if (personAgent(a, b) || personAgent(b, a)) {
      const person = a.kind === "person" ? a : b;
      const role = a.kind === "person" ? b : a;
      const ref = person.via === "dictionary" ? person.refs[0] : personRef(role.refs[0], person.refs[0].name);
      mentions.splice(m, 2, changed(person, { start: a.start, end: b.end, refs: [ref] }));
    }
  }
}

/**
 * "Russian legislation", "the Israeli proposal": a demonym that describes a thing is no subject, though it can be whose
 * proposal was rejected; it is marked as a modifier, like a possessive.
 */
function demonymsDescribingThings(tokens: Token[], mentions: Mention[]): void {
  for (let m = mentions.length - 1; m >= 0; m--) {
    const a = mentions[m];
    const next = tokens[a.end];
    if (a.kind === "adjective" && next && (next.pos === "NOUN" || next.pos === "ADJ") && !POLITY.test(next.lower) && !(mentions[m + 1] && mentions[m + 1].start === a.end)) mentions[m] = changed(a, { possessive: true });
  }
}

/** "Kenneth Kaunda International Airport", "the Paul Biya stadium": a person's name on a place or thing is no actor. */
function dropNamesOfThings(tokens: Token[], mentions: Mention[]): void {
  for (let m = mentions.length - 1; m >= 0; m--) {
    let k = mentions[m].end;
    while (/^(international|national|memorial)$/i.test(tokens[k]?.lower ?? "")) k++;
    if (mentions[m].kind === "person" && NAMED_AFTER.test(tokens[k]?.lower ?? "")) mentions.splice(m, 1);
  }
}

/** "Chinese and Russian warships": the role noun applies to both demonyms; "Danish media and government": the demonym to both roles. */
function distributeRoles(tokens: Token[], mentions: Mention[], dicts: Dictionaries): void {
  for (let m = 0; m + 1 < mentions.length; m++) {
    const a = mentions[m];
    const b = mentions[m + 1];
    if (a.kind !== "agent" || b.kind !== "agent" || !a.refs[0]?.country || b.refs[0]?.country || a.refs.length !== 1) continue;
    if (tokens.slice(a.end, b.start).map((t) => t.lower).join(" ") !== "and") continue;
    mentions[m + 1] = changed(b, { refs: [refOfCode(joinCode(a.refs[0].country, b.refs[0].sectors), b.refs[0].name, b.refs[0].person, dicts)] });
  }
  for (let m = mentions.length - 2; m >= 0; m--) {
    const a = mentions[m];
    const b = mentions[m + 1];
    if ((a.kind !== "adjective" && a.kind !== "country") || b.kind !== "agent" || !b.refs[0]?.country) continue;
    const between = tokens.slice(a.end, b.start).map((t) => t.lower).join(" ");
    if (between !== "and" && between !== ",") continue;
    const first = tokens[b.start];
    // only when b itself starts with its demonym: "U.S. and South Korean troops"
    if (!first || b.start + 1 >= b.end) continue;
    mentions[m] = changed(a, { kind: "agent", refs: [refOfCode(joinCode(a.refs[0].country, b.refs[0].sectors), a.refs[0].name, false, dicts)] });
  }
}

/** "former President Jair Bolsonaro", "ex-minister": an elite, not the government. */
function markFormer(tokens: Token[], mentions: Mention[], dicts: Dictionaries): void {
  for (let m = 0; m < mentions.length; m++) {
    const men = mentions[m];
    let k = men.start - 1;
    if (tokens[k]?.text === "-") k--;
    if (!/^(former|ex|ousted|deposed|toppled|exiled|late)$/.test(tokens[k]?.lower ?? "")) continue;
    const ref = men.refs[0];
    if (!ref?.country || men.refs.length !== 1) continue;
    mentions[m] = changed(men, { start: k, refs: [refOfCode(ref.country + "ELI", ref.name, ref.person, dicts)] });
  }
}

/**
 * "Kenyan opposition leader Raila Odinga accused President William Ruto": a
 * title with a name but no country takes the one country the sentence names,
 * and only when it names exactly one.
 */
function inferTitleCountry(mentions: Mention[], dicts: Dictionaries, coref: Coreference, tokens: Token[]): void {
  const countries = new Set<string>();
  for (const m of mentions) {
    for (const r of m.refs) if (r.country && dicts.ontology.countries.has(r.country)) countries.add(r.country);
    if (m.place && m.place.country) countries.add(m.place.country);
  }
  if (countries.size !== 1) return;
  const [country] = countries;
  for (let m = 0; m < mentions.length; m++) {
    const men = mentions[m];
    const ref = men.refs[0];
    if (!ref || ref.country || men.refs.length !== 1) continue;
    // Bare roles ("police") get a country clause by clause, when assembling events.
    if (men.kind !== "person" || men.via !== "title") continue;
    const fixed = refOfCode(joinCode(country, ref.sectors), ref.name, true, dicts);
    mentions[m] = changed(men, { refs: [fixed] });
    coref.registerName(tokens.slice(men.start, men.end).filter((t) => /^[A-Z]/.test(t.text)).map((t) => t.lower), fixed);
  }
}
