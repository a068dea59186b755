/** Loads the parser model shipped with annals, once per process. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DependencyParser } from "../core/parse/parser.js";

/** The model trained on UD English EWT (CC BY-SA 4.0; see models/LICENSE-parser.md). */
export const DEFAULT_PARSER_MODEL = fileURLToPath(new URL("../../models/parser-en-ewt.bin", import.meta.url));

let shipped: DependencyParser | null = null;

export function loadParser(file?: string): DependencyParser {
  if (file) return new DependencyParser(readFileSync(file));
  shipped ??= new DependencyParser(readFileSync(DEFAULT_PARSER_MODEL));
  return shipped;
}
