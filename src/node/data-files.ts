/** Reads a dictionary directory into the `DataFile`s the pure compiler takes. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { compileDictionaries, type CompileResult, type DataFile } from "../core/index.js";

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

export function loadDictionaries(dir: string = DEFAULT_DATA_DIR): CompileResult {
  return compileDictionaries(readDataDir(dir));
}
