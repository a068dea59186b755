/**
 * `--db`, which every command that reads or writes the store takes: a SQLite
 * file or a PostgreSQL address. Without it the `ANNALS_DB` environment
 * variable names the store, so a shell (or a service's unit file) set up for
 * one server need not repeat the address, and its password, on every command
 * line; without either, `annals.db` in the current folder.
 */
export const DB_OPTION = { db: { type: "string" } } as const;

export const DEFAULT_DB = "annals.db";

/** The store a command opens: `--db` when given, else `ANNALS_DB`, else ./annals.db. */
export function storeLocation(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return given ?? (env.ANNALS_DB?.trim() || DEFAULT_DB);
}
