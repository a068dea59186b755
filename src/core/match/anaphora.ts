/**
 * Words that point back: pronouns, "the two leaders", "both sides", "the
 * agency", and surnames the document introduced earlier.
 */
import type { Token } from "../analyse/tagger.js";
import { GROUP_NOUNS } from "../analyse/grammar.js";
import type { ActorRef, Coreference } from "./coreference.js";
import { changed, madeMention, type Mention } from "./mentions.js";

const ORG_NOUNS = new Set(["agency", "alliance", "bloc", "organisation", "organization", "watchdog", "body"]);
const PEOPLE_NOUNS = new Set(["leaders", "presidents", "men", "women", "ministers", "premiers", "chancellors", "heads", "envoys", "diplomats"]);
/** Role nouns of one person: "president", "minister", "spokesman", "leader", "general". */
const PERSON_ROLES = /(president|minister|premier|chancellor|leader|chief|king|queen|emir|sultan|prince|monarch|general|commander|spokes(man|woman|person)|ambassador|envoy|diplomat|secretary|governor|mayor|official|senator|lawmaker|judge|prosecutor|cleric|imam|bishop|activist|dissident|journalist)$/;
const PRONOUNS = new Set(["he", "she", "him", "her", "they", "them", "it", "his", "their", "its"]);
/** Possessive determiners: "demanded his resignation" aims at him; never a subject. */
const POSSESSIVE_PRONOUNS = new Set(["his", "their", "its"]);

/** Pronouns, "the two leaders", and surnames learnt earlier in the document. */
export function addCoreference(tokens: Token[], mentions: Mention[], coref: Coreference): Mention[] {
  const out: Mention[] = [];
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (m < mentions.length && mentions[m].end <= i) m++;
    const inside = m < mentions.length && mentions[m].start <= i;
    if (inside) {
      const cur = mentions[m];
      if (i === cur.start) {
        // "the Chinese president": a role that names the person already mentioned
        if (cur.kind === "agent" && cur.refs.length === 1 && cur.refs[0].country) {
          const known = coref.personWithCode(cur.refs[0].code);
          if (known) out.push(changed(cur, { refs: [known], via: "coreference" }));
          else out.push(cur);
        } else if (cur.kind === "agent" && cur.refs.length === 1 && !cur.refs[0].country && tokens[cur.start - 1]?.lower === "the" && tokens[cur.end - 1].lower === tokens[cur.end - 1].lemma) {
          // "the president conveyed his condolences": a singular role with "the" names the person who holds it
          const known = coref.personWithRole(cur.refs[0].sectors);
          out.push(known ? changed(cur, { refs: [known], via: "coreference" }) : cur);
        } else out.push(cur);
        const last = tokens[cur.end - 1];
        // "the Iranian president told CNN he would ...": a singular role of one person is a "he" or "she" too
        const oneOfUs = cur.kind === "agent" && last.lower === last.lemma && PERSON_ROLES.test(last.lemma) && !!out[out.length - 1].refs[0]?.country;
        coref.note(out[out.length - 1], cur.kind === "agent" && last.lower !== last.lemma, oneOfUs);
      }
      continue;
    }
    const t = tokens[i];
    if (PRONOUNS.has(t.lower) && t.pos === "PRON") {
      // "it is important to", "it was their third meeting": no actor; "it was suspending aid" is one
      const afterBe = tokens[i + 2];
      if (t.lower === "it" && (tokens[i + 1]?.pos === "PUNCT" || (tokens[i + 1]?.lemma === "be" && !(afterBe?.pos === "VERB" || (afterBe?.pos === "PART" && tokens[i + 3]?.pos === "VERB"))))) continue;
      // "her Ukrainian counterpart", "his predecessor": a determiner, not an actor
      const after = tokens[i + 1];
      if (t.lower === "her" && after && /^(NOUN|PROPN|ADJ|NUM)$/.test(after.pos)) continue;
      const refs = coref.resolvePronoun(t.lower);
      if (refs.length > 0) {
        const possessive = POSSESSIVE_PRONOUNS.has(t.lower);
        // "his troops", "his predecessor Jacques Chirac": the determiner of another actor names no actor itself
        if (possessive && m < mentions.length && mentions[m].start <= i + 3 && tokens.slice(i + 1, mentions[m].start).every((x) => x.pos === "ADJ" || x.pos === "NOUN")) continue;
        const person = /^(he|she|him|her|his)$/.test(t.lower);
        const alternatives = person ? coref.recentPeople().filter((p) => !refs.includes(p)) : undefined;
        const named = [...out].reverse().find((x) => x.kind !== "pronoun" && refs.length === 1 && x.refs.length === 1 && x.refs[0].code === refs[0].code && x.refs[0].name === refs[0].name);
        const antecedent: [number, number] | undefined = named ? [named.start, named.end] : undefined;
        const men: Mention = { start: i, end: i + 1, refs, kind: "pronoun", place: null, possessive, alternatives, via: "coreference", rule: null, antecedent, prefix: undefined };
        out.push(men);
        coref.note(men, false);
      }
      continue;
    }
    // "the agency", "the alliance": the organisation last named
    if (t.lower === "the" && ORG_NOUNS.has(tokens[i + 1]?.lower ?? "") && !(m < mentions.length && mentions[m].start === i + 1)) {
      const org = coref.lastOrganisation();
      if (org) {
        const men = madeMention(i, i + 2, [org], "organisation", "coreference", tokens[i + 2]?.lower === "'s");
        out.push(men);
        i++;
        continue;
      }
    }
    // "the two leaders", "both sides", "the two"
    if ((t.lower === "two" && tokens[i - 1]?.lower === "the") || (t.lower === "both" && (tokens[i + 1]?.pos === "NOUN" || tokens[i + 1]?.pos === "PROPN"))) {
      let j = i + 1;
      while (j < i + 3 && tokens[j]?.pos === "ADJ") j++;
      const n = tokens[j];
      const plainTwo = t.lower === "two" && j === i + 1 && (!n || n.pos !== "NOUN" || n.lower === "to");
      if ((n && GROUP_NOUNS.has(n.lower)) || plainTwo) {
        const people = !!n && PEOPLE_NOUNS.has(n.lower);
        const here = compoundBefore(tokens, out);
        const refs = (here && (!people || here.every((r) => r.person)) ? here : null) ?? coref.group(people);
        if (refs.length >= 2) {
          const start = t.lower === "two" ? i - 1 : i;
          const end = plainTwo ? i + 1 : j + 1;
          const men = madeMention(start, end, refs, "group", "coreference", tokens[end]?.lower === "'s" || tokens[end]?.lower === "'");
          out.push(men);
          i = end - 1;
        }
      }
      continue;
    }
    // a surname (or other part of a name) learnt from a full name earlier in the document
    if (t.pos === "PROPN" && /^[A-Z]/.test(t.text)) {
      const ref = coref.byName(t.lower);
      if (ref) {
        const men = madeMention(i, i + 1, [ref], "person", "surname", tokens[i + 1]?.lower === "'s");
        out.push(men);
        coref.note(men, false);
      }
    }
  }
  return out;
}

/** The last "A and B" (or "A, B and C") among the mentions already read in this sentence. */
export function compoundBefore(tokens: Token[], mentions: Mention[]): ActorRef[] | null {
  let found: ActorRef[] | null = null;
  for (let a = 0; a < mentions.length; a++) {
    const group: Mention[] = [mentions[a]];
    let b = a;
    while (b + 1 < mentions.length) {
      // (one or two words between: "and", ",", ", and", "and his")
      const gap = mentions[b + 1].start - mentions[b].end;
      if (gap < 1 || gap > 2) break;
      const between = tokens.slice(mentions[b].end, mentions[b + 1].start).map((t) => t.lower).join(" ");
      if (/^(and|,|, and|and (his|her|their))$/.test(between)) group.push(mentions[++b]);
      else break;
    }
    // one mention of one actor is no compound
    if (group.length === 1 && group[0].refs.length < 2) continue;
    const refs = group.flatMap((g) => g.refs).filter((r, i, all) => all.findIndex((x) => x.code === r.code) === i);
    if (refs.length >= 2 && group.every((g) => g.kind !== "place")) found = refs;
    a = b;
  }
  return found;
}
