/**
 * The event store: the one place that chooses the database behind the
 * `Store` interface. A `postgres://` or `postgresql://` address is a
 * PostgreSQL server; anything else is a SQLite file.
 */
import { isServerAddress } from "./address.js";
import type { PostgresOpenOptions } from "./postgres/store.js";
import { openSqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";

export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  // loaded only when asked for: a command on a SQLite file never loads the PostgreSQL client
  if (isServerAddress(location)) return (await import("./postgres/store.js")).openPostgresStore(location, options);
  return openSqliteStore(location, options);
}

export { isServerAddress, redactAddress } from "./address.js";
export { StoreError } from "./errors.js";
export { EVENT_COLUMNS, ROW_COLUMNS, eventToRow, rowToEvent } from "./rows.js";
export { SCHEMA_VERSION } from "./schema.js";
/** How a store is opened; `connections` and `statementTimeoutMs` are a PostgreSQL store's alone. */
export type OpenOptions = PostgresOpenOptions;
export * from "./store.js";
