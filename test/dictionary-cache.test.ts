import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { compileDictionaries, packDictionaries, unpackDictionaries, type LexEntry } from "../src/core/index.js";
import { normalizeWord, phraseKeys } from "../src/core/dictionary/text.js";
import { readDataDir } from "../src/node/data-files.js";

const files = readDataDir();
const compiled = compileDictionaries(files);
const unpacked = unpackDictionaries(deserialize(serialize(packDictionaries(compiled, "key"))), "key");

test("packed dictionaries read back look up every phrase of the data files as the compiled ones do", () => {
  const a = compiled.dictionaries;
  const b = unpacked.dictionaries;
  // every line of every data file as lexicon keys, and as issue and discard keys: each phrase, in and out of context
  const lines = files.flatMap((f) => f.text.split("\n"));
  const keyLists = lines.flatMap((line) => [phraseKeys(line), phraseKeys(line, true).map(normalizeWord)]);
  // and each lexicon entry's own keys, which the lines above may spell with their markup
  const entryKeys = new Set<string>();
  for (const keys of keyLists) for (let i = 0; i < keys.length; i++) for (const m of a.lexicon.allAt(keys, i)) for (const e of m.values) entryKeys.add(e.forms.map(normalizeWord).join("\u0000"));
  keyLists.push(...[...entryKeys].map((k) => k.split("\u0000")));
  let found = 0;
  for (const trie of ["lexicon", "issues", "discards"] as const) {
    const [fromCompiled, fromPacked]: unknown[][] = [[], []];
    for (const keys of keyLists) {
      for (let i = 0; i < keys.length; i++) {
        const all = a[trie].allAt(keys, i);
        found += all.length;
        fromCompiled.push(all, a[trie].longestAt(keys, i));
        fromPacked.push(b[trie].allAt(keys, i), b[trie].longestAt(keys, i));
      }
      fromCompiled.push(a[trie].scan(keys));
      fromPacked.push(b[trie].scan(keys));
    }
    assert.deepStrictEqual(fromPacked, fromCompiled);
  }
  assert.ok(found > 20_000, `${found} phrases found`);
  assert.deepStrictEqual([b.lexicon.size, b.issues.size, b.discards.size], [a.lexicon.size, a.issues.size, a.discards.size]);
  assert.deepStrictEqual([...b.verbs], [...a.verbs]);
  assert.deepStrictEqual([...b.nouns], [...a.nouns]);
  assert.deepStrictEqual(b.ontology, a.ontology);
  assert.deepStrictEqual([b.version, b.counts, unpacked.problems], [a.version, a.counts, compiled.problems]);
});

test("read back, an actor's names share one actor, and a city is the ontology's own place, as when compiled", () => {
  const { lexicon, ontology } = unpacked.dictionaries;
  const actorOf = (name: string) => (lexicon.longestAt(phraseKeys(name), 0)?.values.find((e) => e.kind === "actor") as Extract<LexEntry, { kind: "actor" }>).actor;
  assert.equal(actorOf("Vladimir Putin"), actorOf("Putin"));
  const moscow = lexicon.longestAt(["moscow"], 0)!.values.find((e) => e.kind === "capital" || e.kind === "city") as Extract<LexEntry, { kind: "capital" }>;
  assert.equal(moscow.place, ontology.countries.get("RUS")!.capital);
  // a lookup gives the same values each time, as a compiled trie does
  assert.equal(lexicon.longestAt(["moscow"], 0)!.values, lexicon.longestAt(["moscow"], 0)!.values);
});

test("packed dictionaries are not read for another key, nor when they are not packed dictionaries", () => {
  const packed = deserialize(serialize(packDictionaries(compiled, "key")));
  assert.throws(() => unpackDictionaries(packed, "another key"), /not another key/);
  assert.throws(() => unpackDictionaries(compiled, "key"), /not packed dictionaries/);
  assert.throws(() => unpackDictionaries({ ...packed, lexicon: { ...packed.lexicon, edgeChild: new Uint32Array(3) } }, "key"), /damaged/);
});

test("a cut-short or damaged cache file is compiled again, codes as before, and is written anew", () => {
  const cache = mkdtempSync(join(tmpdir(), "annals-cache-test-"));
  const bin = join(import.meta.dirname, "..", "bin", "annals.js");
  const run = () => spawnSync(process.execPath, [bin, "code", "--lines", "--date", "2019-03-06", "-"], { input: "Xi Jinping met Vladimir Putin in Moscow.\nIsraeli warplanes struck Gaza.\n", encoding: "utf8", env: { ...process.env, ANNALS_CACHE_DIR: cache } });
  const first = run();
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /"code":"040"/);
  const [name] = readdirSync(cache);
  const path = join(cache, name);
  const written = readFileSync(path);

  writeFileSync(path, written.subarray(0, written.length >> 1));
  const afterCut = run();
  assert.equal(afterCut.status, 0, afterCut.stderr);
  assert.equal(afterCut.stdout, first.stdout);
  assert.ok(readFileSync(path).equals(written), "the cut-short file is written anew");

  const damaged = Buffer.from(written);
  damaged[damaged.length >> 1] ^= 0x5a;
  writeFileSync(path, damaged);
  const afterDamage = run();
  assert.equal(afterDamage.status, 0, afterDamage.stderr);
  assert.equal(afterDamage.stdout, first.stdout);
  assert.ok(readFileSync(path).equals(written), "the damaged file is written anew");
  assert.deepEqual(readdirSync(cache), [name]);
  rmSync(cache, { recursive: true, force: true });
});
