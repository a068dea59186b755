/**
 * Reads a dictionary directory into the `DataFile`s the pure compiler takes, and
 * keeps the compiled form on disk, keyed by the content hash of the files, so a
 * second start skips the compile. The file holds the packed form
 * (core/dictionary/packed.ts), which reads back in milliseconds, behind a
 * checksum: a damaged or cut-short file is compiled again, never half read.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { compileDictionaries, packDictionaries, unpackDictionaries, type CompileResult, type DataFile } from "../core/index.js";

/** The dictionaries shipped with annals. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export function readDataDir(dir: string = DEFAULT_DATA_DIR): DataFile[] {
  return dataFilesUnder(dir).map((f) => ({ path: f.path, text: readFileSync(f.full, "utf8") }));
}

/** The .txt files under `dir`, depth first in name order, each with its path from `dir`. */
function dataFilesUnder(dir: string): { path: string; full: string }[] {
  const files: { path: string; full: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".txt")) files.push({ path: relative(dir, full).split(sep).join("/"), full });
    }
  };
  walk(dir);
  return files;
}

/** Where compiled dictionaries are kept; `ANNALS_CACHE_DIR` overrides, an empty value turns the cache off. */
export const CACHE_DIR = process.env.ANNALS_CACHE_DIR ?? join(tmpdir(), "annals-cache");

/**
 * The name of the cache file for these data files: a hash of their bytes and of the compiler's own code, so
 * that a new annals never reads a form an older one wrote. (Of the bytes, not the text: a start that finds
 * the cache decodes no data file.)
 */
function cacheKey(data: { path: string; bytes: Buffer }[]): string {
  const dir = fileURLToPath(new URL("../core/dictionary/", import.meta.url));
  const compiler = readdirSync(dir)
    .filter((f) => /\.(js|ts)$/.test(f))
    .sort()
    .map((f) => ({ path: `compiler/${f}`, bytes: readFileSync(join(dir, f)) }));
  const hash = createHash("sha256");
  for (const { path, bytes } of [...data, ...compiler]) hash.update(`${path}\u0000${bytes.length}\u0000`).update(bytes);
  return hash.digest("hex").slice(0, 16);
}

export function loadDictionaries(dir: string = DEFAULT_DATA_DIR): CompileResult {
  if (!CACHE_DIR) return compileDictionaries(readDataDir(dir));
  const data = dataFilesUnder(dir).map((f) => ({ path: f.path, bytes: readFileSync(f.full) }));
  const key = cacheKey(data);
  const path = join(CACHE_DIR, `${key}.v8`);
  try {
    return unpackDictionaries(deserialize(checkedPayload(readFileSync(path))), key);
  } catch {
    // no cache yet, a damaged one, or one from another version of annals: compile
  }
  // (decoded as readDataDir decodes them)
  const result = compileDictionaries(data.map((f) => ({ path: f.path, text: f.bytes.toString("utf8") })));
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    const payload = serialize(packDictionaries(result, key));
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt32LE(checksum(payload), 4);
    writeFileSync(tmp, Buffer.concat([header, payload]));
    renameSync(tmp, path); // readers never see half a file
  } catch {
    // a read-only or full disk only costs the next start a compile
  }
  return result;
}

/** A cache file is the payload's length and checksum (32 bits each, little-endian), then the payload. */
const HEADER_BYTES = 8;

/** The payload of a cache file, or an error when the file is cut short or its bytes changed. */
function checkedPayload(file: Buffer): Buffer {
  const payload = file.subarray(HEADER_BYTES);
  if (file.length < HEADER_BYTES || file.readUInt32LE(0) !== payload.length || file.readUInt32LE(4) !== checksum(payload)) throw new Error("a damaged cache file");
  return payload;
}

/** FNV-1a over the bytes, four at a time: a few milliseconds for a cache file, and any changed byte shows. */
function checksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  const words = Math.floor(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < words; i++) h = Math.imul(h ^ view.getUint32(i * 4, true), 0x01000193);
  for (let i = words * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}
