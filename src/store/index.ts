/**
 * The event store: the one place that chooses the database behind the
 * `Store` interface. SQLite for a file path; a PostgreSQL backend will take
 * `postgres://` addresses here without the commands changing.
 */
import { StoreError } from "./errors.js";
import { openSqliteStore, type OpenOptions } from "./sqlite.js";
import type { Store } from "./store.js";

export function openStore(location: string, options: OpenOptions = {}): Store {
  if (/^postgres(ql)?:\/\//i.test(location)) throw new StoreError("PostgreSQL stores are not supported yet: give a SQLite file path to --db");
  return openSqliteStore(location, options);
}

export { StoreError } from "./errors.js";
export { EVENT_COLUMNS, ROW_COLUMNS, eventToRow, rowToEvent } from "./rows.js";
export { SCHEMA_VERSION } from "./schema.js";
export type { OpenOptions } from "./sqlite.js";
export * from "./store.js";
