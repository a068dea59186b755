/**
 * Brings a PostgreSQL store's schema up to this annals' version, or refuses
 * one it cannot read, as the SQLite store does. Several processes may open
 * the same new database at once (workers on many machines): the migrations
 * run under a transaction-level advisory lock, and each reads the version
 * again once it holds the lock, so every migration is applied exactly once.
 * PostgreSQL's DDL is transactional: a migration applies whole or not at all.
 */
import type pg from "pg";
import { StoreError } from "../errors.js";
import { inTransaction } from "./connection.js";
import { SCHEMA_VERSION_TABLE } from "../schema.js";
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from "./schema.js";

/** An arbitrary constant of annals' own: the advisory lock that serialises its migrations on a database. */
const MIGRATION_LOCK = 0x616e6e61;

/** The schema version of the database; 0 for an empty one; null when it holds other tables and no schema_version. */
async function schemaVersion(client: pg.Pool | pg.ClientBase): Promise<number | null> {
  const tables = (await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")).rows.map((r) => r.name);
  if (!tables.includes("schema_version")) return tables.length === 0 ? 0 : null;
  return (await client.query<{ v: number | null }>("SELECT max(version) AS v FROM schema_version")).rows[0].v ?? 0;
}

function check(version: number | null, location: string, readonly: boolean): boolean {
  if (version === null) throw new StoreError(`${location} is a PostgreSQL database but not an annals store (it has other tables and no schema_version)`);
  if (version > PG_SCHEMA_VERSION) throw new StoreError(`${location} was written by a newer annals (schema ${version}; this annals knows up to ${PG_SCHEMA_VERSION}): upgrade annals`);
  if (version === PG_SCHEMA_VERSION) return false;
  if (readonly) throw new StoreError(version === 0 ? `${location} holds no annals data yet: run "annals ingest --db ..." on it first` : `${location} has schema ${version}, older than this annals' ${PG_SCHEMA_VERSION}: run "annals ingest" on it once to upgrade it`);
  return true;
}

export async function migrate(pool: pg.Pool, location: string, readonly: boolean): Promise<void> {
  if (!check(await schemaVersion(pool), location, readonly)) return;
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    // another process may have migrated while this one waited for the lock
    const version = await schemaVersion(client);
    if (!check(version, location, readonly)) return;
    await client.query(SCHEMA_VERSION_TABLE);
    for (const m of PG_MIGRATIONS) {
      if (m.version <= version!) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)", [m.version, m.description, new Date().toISOString()]);
    }
  });
}
