/** The shipped dictionaries, compiled once for all tests of a file. */
import { loadDictionaries } from "../../src/node/data-files.js";

const compiled = loadDictionaries();
export const dictionaries = compiled.dictionaries;
export const dictionaryProblems = compiled.problems;
