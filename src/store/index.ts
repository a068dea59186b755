/**
 * The event store: the one place that chooses the database behind the
 * `Store` interface. A `postgres://` or `postgresql://` address is a
 * PostgreSQL server; anything else is a SQLite file.
 */
import { StoreError } from "./errors.js";
import { openSqliteStore, type OpenOptions } from "./sqlite.js";
import type { Store } from "./store.js";

/** Whether a store location is a database server's address (`postgres://...`) rather than a file. */
export const isServerAddress = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (isServerAddress(location)) throw new StoreError("PostgreSQL stores are not supported yet: give a SQLite file path to --db");
  return openSqliteStore(location, options);
}

export { StoreError } from "./errors.js";
export { EVENT_COLUMNS, ROW_COLUMNS, eventToRow, rowToEvent } from "./rows.js";
export { SCHEMA_VERSION } from "./schema.js";
export type { OpenOptions } from "./sqlite.js";
export * from "./store.js";
