/**
 * Reads a dictionary directory into the `DataFile`s the pure compiler takes, and
 * keeps the compiled form on disk, keyed by the content hash of the files, so a
 * second start skips the compile.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { compileDictionaries, dictionaryVersion, PhraseTrie, type CompileResult, type DataFile } from "../core/index.js";

/** The dictionaries shipped with annals. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export function readDataDir(dir: string = DEFAULT_DATA_DIR): DataFile[] {
  const files: DataFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".txt")) files.push({ path: relative(dir, full).split(sep).join("/"), text: readFileSync(full, "utf8") });
    }
  };
  walk(dir);
  return files;
}

/** Where compiled dictionaries are kept; `ANNALS_CACHE_DIR` overrides, an empty value turns the cache off. */
export const CACHE_DIR = process.env.ANNALS_CACHE_DIR ?? join(tmpdir(), "annals-cache");

/** The compiler's own code is part of the key: a new annals never reads a form an older one wrote. */
function compilerFiles(): DataFile[] {
  const dir = fileURLToPath(new URL("../core/dictionary/", import.meta.url));
  return readdirSync(dir)
    .filter((f) => /\.(js|ts)$/.test(f))
    .sort()
    .map((f) => ({ path: `compiler/${f}`, text: readFileSync(join(dir, f), "utf8") }));
}

export function loadDictionaries(dir: string = DEFAULT_DATA_DIR): CompileResult {
  const files = readDataDir(dir);
  if (!CACHE_DIR) return compileDictionaries(files);
  const path = join(CACHE_DIR, `${dictionaryVersion([...files, ...compilerFiles()])}.v8`);
  try {
    const cached = deserialize(readFileSync(path)) as CompileResult;
    // structured serialisation keeps the data, not the class: give the tries their methods back
    for (const trie of [cached.dictionaries.lexicon, cached.dictionaries.issues, cached.dictionaries.discards]) Object.setPrototypeOf(trie, PhraseTrie.prototype);
    return cached;
  } catch {
    // no cache yet, or one from another version of annals: compile
  }
  const result = compileDictionaries(files);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(result));
    renameSync(tmp, path); // readers never see half a file
  } catch {
    // a read-only or full disk only costs the next start a compile
  }
  return result;
}
