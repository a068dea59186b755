/**
 * Compiles the text files under data/ into the lookup structures the coder
 * uses. This runs once; coding a sentence never parses a dictionary.
 */
import { hash64 } from "../hash.js";
import { parseActors, parseAgents, type NamedActor } from "./actors.js";
import { parseOntology, type Ontology, type Place } from "./ontology.js";
import { PhraseTrie } from "./phrase-trie.js";
import { alternatives, entries, normalizeWord, phraseKeys, pluralOf, type DataFile, type DictionaryProblem } from "./text.js";
import { parseVerbs, type VerbPattern } from "./verbs.js";

/** What a phrase in a text can stand for. */
export type LexEntry =
  | { kind: "actor"; actor: NamedActor; forms: string[]; rule: string }
  | { kind: "country"; country: string; forms: string[]; rule: string }
  | { kind: "capital"; country: string; place: Place; forms: string[]; rule: string }
  | { kind: "city"; country: string; place: Place; forms: string[]; rule: string }
  | { kind: "adjective"; country: string; forms: string[]; rule: string }
  | { kind: "agent"; sectors: string[]; prefix?: string; forms: string[]; rule: string }
  /** A phrase that contains an actor's name but names no actor ("South China Sea", "Latin American"). */
  | { kind: "none"; forms: string[]; rule: string };

export interface Dictionaries {
  ontology: Ontology;
  /** Every actor, country, place and agent phrase, by lower-case tokens. */
  lexicon: PhraseTrie<LexEntry>;
  /** Verb patterns by the lemma of their verb, most specific first. */
  verbs: Map<string, VerbPattern[]>;
  /** Event-noun patterns (flag `noun`) by the lemma of their noun, most specific first. */
  nouns: Map<string, VerbPattern[]>;
  issues: PhraseTrie<{ issue: string; rule: string }>;
  /** Phrases that make a sentence no event; `story` ones ("+phrase" in discards.txt) discard the whole document. */
  discards: PhraseTrie<{ phrase: string; rule: string; story: boolean }>;
  /** Hash of every file's path and text: the dictionary version an event was coded with. */
  version: string;
  counts: Record<string, number>;
}

export interface CompileResult {
  dictionaries: Dictionaries;
  problems: DictionaryProblem[];
}

/** What kind of actor an entry is, for `annals dict stats`. */
function actorKind(actor: NamedActor, path: string): "people" | "intergovernmental" | "nongovernmental" | "armedGroups" | "parties" | "otherActors" {
  if (/^actors\/(leaders|people)/.test(path)) return "people";
  const codes = actor.roles.map((r) => r.code).join(" ");
  if (/\bIGO/.test(codes)) return "intergovernmental";
  if (/\bNGO/.test(codes)) return "nongovernmental";
  if (/\bIMG|^...(REB|INS|SEP|UAF)|\s...(REB|INS|SEP|UAF)/.test(codes)) return "armedGroups";
  if (/^...PTY|\s...PTY/.test(codes)) return "parties";
  return "otherActors";
}

/** The version of a set of dictionary files: a hash of every path and text, in path order. */
export function dictionaryVersion(files: DataFile[]): string {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  return hash64(sorted.map((f) => `${f.path}\u0000${f.text}`).join("\u0001"));
}

/** Role nouns that are plural already or have none: no "polices", "personnels". */
const NO_PLURAL = new Set(["police", "personnel", "media", "people", "clergy", "military", "infantry", "cavalry", "public", "leadership", "press"]);

export function compileDictionaries(files: DataFile[]): CompileResult {
  const problems: DictionaryProblem[] = [];
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const ontology = parseOntology(sorted, problems);
  const lexicon = new PhraseTrie<LexEntry>();
  const add = (phrase: string, make: (forms: string[]) => LexEntry) => {
    const forms = phraseKeys(phrase, true);
    lexicon.add(forms.map(normalizeWord), make(forms));
  };

  for (const c of ontology.countries.values()) {
    for (const n of c.names) add(n, (forms) => ({ kind: "country", country: c.iso3, forms, rule: c.rule }));
    for (const a of c.adjectives) add(a, (forms) => ({ kind: "adjective", country: c.iso3, forms, rule: c.rule }));
    const cap = c.capital;
    if (cap) for (const n of c.capitalNames) add(n, (forms) => ({ kind: "capital", country: c.iso3, place: cap, forms, rule: c.rule }));
  }
  ontology.cities.forEach((place, i) =>
    add(place.name, (forms) => ({ kind: "city", country: place.country, place, forms, rule: ontology.cityRules[i] })),
  );

  let actorCount = 0;
  const kinds = { people: 0, intergovernmental: 0, nongovernmental: 0, armedGroups: 0, parties: 0, otherActors: 0 };
  let agentCount = 0;
  let agentPhrases = 0;
  for (const file of sorted.filter((f) => f.path.startsWith("actors/"))) {
    for (const actor of parseActors(file, ontology, problems)) {
      actorCount++;
      kinds[actorKind(actor, file.path)]++;
      for (const n of actor.names) add(n, (forms) => ({ kind: "actor", actor, forms, rule: actor.rule }));
    }
  }
  const agentsFile = sorted.find((f) => f.path === "agents.txt");
  if (agentsFile) {
    for (const agent of parseAgents(agentsFile, ontology, problems)) {
      agentCount++;
      for (const p of agent.phrases) {
        agentPhrases++;
        add(p, (forms) => ({ kind: "agent", sectors: agent.sectors, ...(agent.prefix ? { prefix: agent.prefix } : {}), forms, rule: agent.rule }));
        const words = p.split(/\s+/);
        const last = words[words.length - 1];
        // ("congress", "boss": a double s takes -es; a single final s is a plural already; "police" has no plural)
        if (/^[a-z]+$/i.test(last) && !/[^s]s$/i.test(last) && !NO_PLURAL.has(last.toLowerCase())) {
          add([...words.slice(0, -1), pluralOf(last)].join(" "), (forms) => ({ kind: "agent", sectors: agent.sectors, ...(agent.prefix ? { prefix: agent.prefix } : {}), forms, rule: agent.rule }));
        }
      }
    }
  }

  const notActors = sorted.find((f) => f.path === "not-actors.txt");
  if (notActors) for (const e of entries(notActors)) add(e.raw, (forms) => ({ kind: "none", forms, rule: e.rule }));

  const verbs = new Map<string, VerbPattern[]>();
  const nouns = new Map<string, VerbPattern[]>();
  for (const [lemma, list] of parseVerbs(sorted.filter((f) => f.path.startsWith("verbs/")), ontology, problems)) {
    const ofVerb = list.filter((p) => !p.noun);
    const ofNoun = list.filter((p) => p.noun);
    if (ofVerb.length) verbs.set(lemma, ofVerb);
    if (ofNoun.length) nouns.set(lemma, ofNoun);
  }

  const issues = new PhraseTrie<{ issue: string; rule: string }>();
  const issuesFile = sorted.find((f) => f.path === "issues.txt");
  if (issuesFile) {
    for (const e of entries(issuesFile)) {
      const [issue, keywords] = e.fields;
      const list = alternatives(keywords);
      if (!/^[A-Z][A-Z0-9_]*$/.test(issue) || list.length === 0) {
        problems.push({ where: e.rule, message: `expected "ISSUE_CODE | keyword; keyword"` });
        continue;
      }
      for (const k of list) issues.add(phraseKeys(k), { issue, rule: e.rule });
    }
  }
  const discards = new PhraseTrie<{ phrase: string; rule: string; story: boolean }>();
  const discardsFile = sorted.find((f) => f.path === "discards.txt");
  if (discardsFile) {
    for (const e of entries(discardsFile)) {
      const story = e.raw.startsWith("+");
      const phrase = story ? e.raw.slice(1).trim() : e.raw;
      discards.add(phraseKeys(phrase), { phrase, rule: e.rule, story });
    }
  }

  let patternCount = 0;
  for (const list of verbs.values()) patternCount += list.length;
  const version = dictionaryVersion(files);
  return {
    dictionaries: {
      ontology,
      lexicon,
      verbs,
      nouns,
      issues,
      discards,
      version,
      counts: {
        codes: ontology.codes.size,
        countries: ontology.countries.size,
        cities: ontology.cities.length,
        actors: actorCount,
        ...kinds,
        agents: agentCount,
        agentPhrases,
        verbPatterns: patternCount,
        nounPatterns: [...nouns.values()].reduce((n, l) => n + l.length, 0),
        verbLemmas: verbs.size,
        issues: issues.size,
        discards: discards.size,
      },
    },
    problems,
  };
}
