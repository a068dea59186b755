/**
 * Input files, directories and stdin to documents. Every unreadable part is a
 * problem with its file (and line), never an exception: the batch goes on.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { detectFormat, readInput, type Document, type InputProblem } from "../core/index.js";
import { hash64 } from "../core/hash.js";

const SUPPORTED = /\.(txt|jsonl|ndjson|xml)$/i;

export interface InputOptions {
  lines?: boolean;
  date?: string | null;
}

export interface InputBatch {
  name: string;
  documents: Document[];
  problems: InputProblem[];
  /** Where each document was read (`file:line`), in the order of `documents`. */
  where: string[];
}

/** What went wrong reading a path, in words. */
function cannotRead(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "cannot read: no such file or directory";
    case "EACCES":
    case "EPERM":
      return "cannot read: permission denied";
    case "ELOOP":
      return "cannot read: a link loop (links that lead back to each other)";
    case "EISDIR":
      return "cannot read: a folder, not a file";
    default:
      return `cannot read: ${(e as Error).message}`;
  }
}

const inside = (dir: string, path: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * Every supported file named, or below a folder named, in a stable order, each real file once. A folder is
 * walked without leaving it: a link below it is followed only to a file or folder inside it, and never back
 * into a folder it is in. Each entry that cannot be read (a link that leads nowhere, in a circle or out of the
 * folder, a folder or file without permission, a pipe or device with an input file's name) is a problem with
 * its own path, and everything else is read. A folder that gives no input file is a problem too. Names that
 * start with "." are passed over, as are files of other kinds (and broken links with their names).
 */
export function expandPaths(paths: string[]): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const taken = new Set<string>(); // real paths of the files taken
  const problem = (where: string, message: string) => problems.push({ where, message, severity: "error" });
  const take = (path: string, real: string) => {
    if (taken.has(real)) return;
    taken.add(real);
    files.push(path);
  };

  // a folder's own files and folders first, and the links below it after them, so that what is reached both
  // ways is named by its own path, and a loop by the link that closes it
  const walkTree = (top: string, root: string): number => {
    const walked = new Set<string>([root]); // real paths of the folders walked
    const links: { path: string; name: string; real: string }[] = []; // and the real path of the folder each is in
    let found = 0; // input files reached, -1 when the folder itself cannot be read
    const entry = (full: string, name: string, st: Stats, to: string, real: string) => {
      if (st.isDirectory()) {
        if (inside(to, real)) problem(full, `not read: a link loop (the link leads back to ${join(top, relative(root, to))}, a folder it is in)`);
        else if (!walked.has(to)) {
          walked.add(to);
          walk(full, to);
        }
        // else a folder reached another way, and read there
      } else if (SUPPORTED.test(name)) {
        if (!st.isFile()) problem(full, "not read: not a regular file (a pipe, socket or device)");
        else {
          found++;
          take(full, to);
        }
      }
    };
    const walk = (dir: string, real: string) => {
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch (e) {
        problem(dir, cannotRead(e));
        if (dir === top) found = -1;
        return;
      }
      for (const name of names) {
        if (name.startsWith(".")) continue;
        const full = join(dir, name);
        let st: Stats;
        try {
          st = lstatSync(full);
        } catch (e) {
          problem(full, cannotRead(e));
          continue;
        }
        if (st.isSymbolicLink()) links.push({ path: full, name, real });
        else entry(full, name, st, join(real, name), real);
      }
    };
    const follow = (link: { path: string; name: string; real: string }) => {
      const supported = SUPPORTED.test(link.name);
      let to: string;
      let st: Stats;
      try {
        to = realpathSync(link.path);
        st = statSync(link.path);
      } catch (e) {
        // a broken link with the name of a file annals does not read is none of its business
        if (!supported && extname(link.name) !== "") return;
        if ((e as NodeJS.ErrnoException).code === "ENOENT") problem(link.path, `cannot read: the link leads nowhere (to "${readlinkSync(link.path)}")`);
        else problem(link.path, cannotRead(e));
        return;
      }
      if (inside(root, to)) entry(link.path, link.name, st, to, link.real);
      else if (st.isDirectory() || supported) problem(link.path, `not read: the link leads out of ${top} (to ${to}); name it on the command line to read it`);
    };
    walk(top, root);
    for (let i = 0; i < links.length; i++) follow(links[i]); // following one may walk a folder, and find more
    return found;
  };

  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) {
        if (walkTree(p, realpathSync(p)) === 0) problem(p, "no input files (.txt, .jsonl, .ndjson or .xml) in this folder");
        continue;
      }
    } catch (e) {
      problem(p, cannotRead(e));
      continue;
    }
    // a file named is read as it is, whatever it is (a pipe too); the same file named twice, once
    let real = p;
    try {
      real = realpathSync(p);
    } catch {
      // read as named
    }
    take(p, real);
  }
  return { files, problems };
}

/**
 * Each document id once in one input. A document whose id came before is left out: with the same content it is
 * the same document read twice, and goes without saying; with other content it is a warning naming both places.
 * The first occurrence wins, as a database's insert-if-absent would, so a second run over the same input finds
 * every document stored as it is and changes nothing.
 */
export class FirstOccurrences {
  private readonly seen = new Map<string, { text: string; rest: string; where: string }>();

  /** The batch without the documents whose id came before, and a warning for each one with other content. */
  keep(batch: InputBatch): InputBatch {
    let documents: Document[] | null = null; // copied at the first document left out
    let where: string[] | null = null;
    let problems: InputProblem[] | null = null;
    for (let i = 0; i < batch.documents.length; i++) {
      const doc = batch.documents[i];
      const at = batch.where[i] ?? batch.name;
      const text = hash64(doc.text);
      const rest = hash64(JSON.stringify([doc.date, doc.place, doc.title ?? null, doc.source ?? null, doc.url ?? null, doc.parse ?? null]));
      const first = this.seen.get(doc.id);
      if (first === undefined) {
        this.seen.set(doc.id, { text, rest, where: at });
        if (documents) {
          documents.push(doc);
          where!.push(at);
        }
        continue;
      }
      if (!documents) {
        documents = batch.documents.slice(0, i);
        where = batch.where.slice(0, i);
        problems = batch.problems.slice();
      }
      if (first.text === text && first.rest === rest) continue;
      const what = first.text !== text ? "other text" : "the same text but other fields (date, place, title, source, url or parse)";
      problems!.push({ where: at, message: `document id "${doc.id}" came before at ${first.where} with ${what}: the first is kept and this one skipped (the first occurrence of an id wins)`, severity: "warning" });
    }
    return documents ? { name: batch.name, documents, problems: problems!, where: where! } : batch;
  }
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
  if (text === null) return { name, documents: [], problems: [problem!], where: [] };
  const format = options.lines ? "lines" : detectFormat(name, text);
  const { documents, problems, where } = readInput(text, name, format, options.date ?? null);
  return { name, documents, problems, where };
}

export function* readFiles(files: string[], options: InputOptions): Generator<InputBatch> {
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      yield { name: file, documents: [], problems: [{ where: file, message: cannotRead(e), severity: "error" }], where: [] };
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
