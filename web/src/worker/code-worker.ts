/**
 * The coder in a worker: the same `src/core` the server runs, fed with the
 * server's own dictionary files, so the page stays responsive while the
 * dictionaries compile and the English model tags the text.
 */
import { codeDocument, compileDictionaries, type Dictionaries } from "../../../src/core/index.js";
import type { DictionaryFiles } from "../contract.js";
import type { CodeReply, CodeRequest } from "./protocol.js";

let compiled: Promise<{ dictionaries: Dictionaries; version: string; ms: number }> | null = null;

function dictionaries(): Promise<{ dictionaries: Dictionaries; version: string; ms: number }> {
  compiled ??= fetch("/api/dictionary")
    .then(async (res) => {
      if (!res.ok) throw new Error(`the server gave no dictionaries (HTTP ${res.status})`);
      return (await res.json()) as DictionaryFiles;
    })
    .then(({ version, files }) => {
      const t0 = performance.now();
      const { dictionaries } = compileDictionaries(files);
      return { dictionaries, version, ms: performance.now() - t0 };
    });
  // a failed fetch is retried on the next request
  compiled.catch(() => (compiled = null));
  return compiled;
}

const reply = (m: CodeReply) => (self as unknown as Worker).postMessage(m);

self.addEventListener("message", async (ev: MessageEvent<CodeRequest>) => {
  const { id, text, date, place } = ev.data;
  try {
    const first = compiled === null;
    if (first) reply({ id, kind: "status", message: "fetching and compiling the dictionaries…" });
    const d = await dictionaries();
    reply({ id, kind: "status", message: "coding…" });
    const t0 = performance.now();
    const out = codeDocument({ id: "try", text, date, place }, d.dictionaries);
    reply({ id, kind: "done", events: out.events, warnings: out.warnings, dictionaryVersion: d.version, compileMs: first ? d.ms : null, codeMs: performance.now() - t0 });
  } catch (e) {
    reply({ id, kind: "error", message: e instanceof Error ? e.message : String(e) });
  }
});
