/**
 * Database failures a user can act on (a corrupt, locked, read-only or
 * missing file) become a `StoreError` with a sentence saying what is wrong
 * and with which file; the command line prints it and exits 1, never a
 * stack trace. Anything else is a bug and is left to propagate.
 */
import Database from "better-sqlite3";
import { StoreError } from "./store-error.js";

export { StoreError };

/** The StoreError a SQLite failure on `path` means, or null when it is not one a user can act on. */
export function explainSqliteError(e: unknown, path: string): StoreError | null {
  if (!(e instanceof Database.SqliteError)) return null;
  const code = e.code;
  if (code === "SQLITE_NOTADB") return new StoreError(`${path} is not an annals database: the file is not SQLite, or its header is corrupt`);
  if (code.startsWith("SQLITE_CORRUPT")) return new StoreError(`${path} is corrupt (${e.message}); restore it from a copy, or ingest again into a new file`);
  if (code.startsWith("SQLITE_READONLY")) return new StoreError(`${path} is read-only: annals cannot write to it (${e.message})`);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return new StoreError(`${path} is locked by another process (another "annals ingest"?); try again when it has finished`);
  if (code.startsWith("SQLITE_CANTOPEN")) return new StoreError(`cannot open ${path} (${e.message}): check that its folder exists and is writable`);
  if (code === "SQLITE_FULL") return new StoreError(`the disk holding ${path} is full`);
  if (code.startsWith("SQLITE_IOERR")) return new StoreError(`input/output error on ${path} (${e.message})`);
  if (code === "SQLITE_PERM" || code === "SQLITE_AUTH") return new StoreError(`not allowed to use ${path} (${e.message})`);
  return null;
}

/** Runs `fn`, turning the SQLite failures a user can act on into a StoreError about `path`. */
export function guard<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw explainSqliteError(e, path) ?? e;
  }
}
