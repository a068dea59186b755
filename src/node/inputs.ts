/**
 * Input files, directories and stdin to documents. Every unreadable part is a
 * problem with its file (and line), never an exception: the batch goes on.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { detectFormat, readInput, type Document, type InputProblem } from "../core/index.js";

const SUPPORTED = /\.(txt|jsonl|ndjson|xml)$/i;

export interface InputOptions {
  lines?: boolean;
  date?: string | null;
}

export interface InputBatch {
  name: string;
  documents: Document[];
  problems: InputProblem[];
}

/** Every supported file below a directory, in a stable order. */
export function expandPaths(paths: string[]): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const walk = (p: string) => {
    for (const name of readdirSync(p).sort()) {
      if (name.startsWith(".")) continue;
      const full = join(p, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SUPPORTED.test(name)) files.push(full);
    }
  };
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    } catch (e) {
      problems.push({ where: p, message: `cannot read: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}`, severity: "error" });
    }
  }
  return { files, problems };
}

/** Decodes a file's bytes, refusing binary data and invalid UTF-8. */
export function decodeText(bytes: Uint8Array, name: string): { text: string | null; problem: InputProblem | null } {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { text: null, problem: { where: name, message: "binary file (contains NUL bytes): not text", severity: "error" } };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""), problem: null };
  } catch {
    return { text: null, problem: { where: name, message: "not valid UTF-8 text", severity: "error" } };
  }
}

export function readBatch(bytes: Uint8Array, name: string, options: InputOptions): InputBatch {
  const { text, problem } = decodeText(bytes, name);
  if (text === null) return { name, documents: [], problems: [problem!] };
  const format = options.lines ? "lines" : detectFormat(name, text);
  const { documents, problems } = readInput(text, name, format, options.date ?? null);
  return { name, documents, problems };
}

export function* readFiles(files: string[], options: InputOptions): Generator<InputBatch> {
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      yield { name: file, documents: [], problems: [{ where: file, message: `cannot read: ${(e as Error).message}`, severity: "error" }] };
      continue;
    }
    yield readBatch(bytes, file, options);
  }
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
