/**
 * annals' coder: pure TypeScript, no Node imports, the same in the browser.
 *
 *   const { dictionaries } = compileDictionaries(files);   // once
 *   const events = code(document, dictionaries);            // per document
 */
export { code, codeDocument, DocumentError, notEnglish, type CodedDocument } from "./coder.js";
export { compileDictionaries, dictionaryVersion, type CompileResult, type Dictionaries, type LexEntry } from "./dictionary/compile.js";
export { PhraseTrie } from "./dictionary/phrase-trie.js";
export { packDictionaries, unpackDictionaries, type PackedDictionaries } from "./dictionary/packed.js";
export type { DataFile, DictionaryProblem } from "./dictionary/text.js";
export type { VerbPattern } from "./dictionary/verbs.js";
export { importPetrarch, detectKind, type ImportResult, type Unmapped, type PetrarchKind } from "./dictionary/petrarch.js";
export type { NamedActor, Agent, ActorRole } from "./dictionary/actors.js";
export * from "./read/index.js";
export { countsAsEvent } from "./assemble/stated-acts.js";
export type * from "./types.js";
