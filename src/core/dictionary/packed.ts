/**
 * The compiled dictionaries in the form a cache keeps: structured-cloneable,
 * and quick to read back. Most of the compile result is the phrase tries,
 * tens of thousands of small objects; they are kept flat
 * (./flat-phrase-trie.ts), their values as JSON text decoded when a lookup
 * first reaches them. An actor named by several phrases and a place the
 * ontology also holds stay one object, as in the compile result.
 */
import type { NamedActor } from "./actors.js";
import type { CompileResult, LexEntry } from "./compile.js";
import { FlatPhraseTrie, type FlatTrie } from "./flat-phrase-trie.js";
import type { Place } from "./ontology.js";
import { narrowJson, packPatterns, unpackPatterns, type PackedPatterns } from "./packed-patterns.js";
import type { PhraseTrie } from "./phrase-trie.js";
import { TokenIds } from "./token-ids.js";

/** Changes when the packed form does: a cache of another form is not read. */
const PACKED_FORM = "annals packed dictionaries 1";

export interface PackedDictionaries {
  form: typeof PACKED_FORM;
  /** What the cache was written for (the hash of the data files and the compiler): checked on reading. */
  key: string;
  compiled: Omit<CompileResult["dictionaries"], "lexicon" | "verbs" | "nouns" | "issues" | "discards">;
  patterns: PackedPatterns;
  problems: CompileResult["problems"];
  lexicon: FlatTrie;
  issues: FlatTrie;
  discards: FlatTrie;
  /** The places lexicon entries stand for, the very objects of `compiled.ontology`. */
  places: Place[];
  /** Each actor as JSON, one after another; actor i is actors[actorStart[i], actorStart[i + 1]). */
  actors: string;
  actorStart: Uint32Array;
}

/** A lexicon entry as packed: its actor or place by number. */
type PackedEntry = Omit<LexEntry, "actor" | "place"> & { actor?: number; place?: number };

export function packDictionaries(result: CompileResult, key: string): PackedDictionaries {
  const { lexicon, verbs, nouns, issues, discards, ...compiled } = result.dictionaries;
  const places = new Map<Place, number>();
  const actors = new Map<NamedActor, number>();
  const number = <K>(map: Map<K, number>, k: K) => {
    let n = map.get(k);
    if (n === undefined) map.set(k, (n = map.size));
    return n;
  };
  const packEntry = (e: LexEntry): PackedEntry => {
    if (e.kind === "actor") return { ...e, actor: number(actors, e.actor) };
    if (e.kind === "capital" || e.kind === "city") return { ...e, place: number(places, e.place) };
    return e;
  };
  const flatLexicon = lexicon.flatten((values) => narrowJson(values.map(packEntry)));
  const actorTexts = [...actors.keys()].map(narrowJson);
  const actorStart = [0];
  for (const t of actorTexts) actorStart.push(actorStart[actorStart.length - 1] + t.length);
  return {
    form: PACKED_FORM,
    key,
    compiled,
    patterns: packPatterns(verbs, nouns),
    problems: result.problems,
    lexicon: flatLexicon,
    issues: issues.flatten(narrowJson),
    discards: discards.flatten(narrowJson),
    places: [...places.keys()],
    actors: actorTexts.join(""),
    actorStart: Uint32Array.from(actorStart),
  };
}

/** The compile result a packed form holds; throws when it is not one, or was written for another `key`. */
export function unpackDictionaries(packed: unknown, key: string): CompileResult {
  const p = packed as PackedDictionaries;
  if (typeof p !== "object" || p === null || p.form !== PACKED_FORM) throw new Error("not packed dictionaries");
  if (p.key !== key) throw new Error(`packed dictionaries for ${String(p.key)}, not ${key}`);
  const { actors, actorStart, places } = p;
  if (!(actorStart instanceof Uint32Array) || actorStart[actorStart.length - 1] !== actors.length || !Array.isArray(places)) throw new Error("damaged packed dictionaries");
  const decodedActors: NamedActor[] = [];
  const actorAt = (n: number) => (decodedActors[n] ??= JSON.parse(actors.slice(actorStart[n], actorStart[n + 1])) as NamedActor);
  // the coder walks every sentence through these three: each word is numbered once for all of them
  const tokenIds = new TokenIds([p.lexicon.tokens, p.issues.tokens, p.discards.tokens]);
  const lexicon = new FlatPhraseTrie<LexEntry>(p.lexicon, (text) => {
    const entries = JSON.parse(text) as PackedEntry[];
    for (const e of entries) {
      // (assigned in place, so each entry keeps the order of its fields)
      if (e.kind === "actor") (e as { actor: unknown }).actor = actorAt(e.actor!);
      else if (e.kind === "capital" || e.kind === "city") (e as { place: unknown }).place = places[e.place!];
    }
    return entries as LexEntry[];
  }, tokenIds, 0);
  const { ontology, version, counts } = p.compiled;
  const { verbs, nouns } = unpackPatterns(p.patterns);
  return {
    dictionaries: {
      ontology,
      lexicon,
      verbs,
      nouns,
      issues: plainTrie(p.issues, tokenIds, 1),
      discards: plainTrie(p.discards, tokenIds, 2),
      version,
      counts,
    },
    problems: p.problems,
  };
}

function plainTrie<T>(flat: FlatTrie, tokenIds: TokenIds, list: number): PhraseTrie<T> {
  return new FlatPhraseTrie<T>(flat, (text) => JSON.parse(text) as T[], tokenIds, list);
}
