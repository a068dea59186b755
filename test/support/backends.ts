/**
 * The store's two backends for the tests: each test that holds for both is
 * declared once per backend, and asks its backend for a new, empty store (a
 * file in the test's folder, or a fresh database on the test server). The
 * PostgreSQL tests skip, saying why, when no server can be had.
 */
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { openStore } from "../../src/store/index.js";
import { A, B, C } from "./known-events.js";
import { testPostgres } from "./postgres.js";

export interface Backend {
  name: "sqlite" | "postgres";
  /** Why this backend's tests skip, or false. */
  skip: string | false;
  /** Where a new, empty store is: a file path or a postgres:// address. */
  newStore(): Promise<string>;
}

/** SQLite (files in `dir`) and PostgreSQL (a database a store), in that order. */
export async function storeBackends(dir: string): Promise<Backend[]> {
  const server = await testPostgres();
  return [
    { name: "sqlite", skip: false, newStore: async () => join(dir, `store-${Math.random().toString(36).slice(2)}.db`) },
    {
      name: "postgres",
      skip: server.skip ? `no PostgreSQL server: ${server.skip}` : false,
      newStore: () => (server.skip === false ? server.freshDatabase() : Promise.reject(new Error(server.skip))),
    },
  ];
}

/** A new store of `backend` holding the known documents A, B and C (as `knownFile`), closed. */
export async function knownStoreOn(backend: Backend): Promise<string> {
  const location = await backend.newStore();
  const store = await openStore(location);
  await store.saveBatch([A, B, C], "v1");
  await store.close();
  return location;
}

/** The rows of a read-only SQL statement on the store at `location`, either backend (`?` placeholders). */
export async function sqlRows(location: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (!location.startsWith("postgres")) {
    const db = new Database(location, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    let n = 0;
    return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
  } finally {
    await client.end();
  }
}

/** One test per backend, named with it; the PostgreSQL one skips, saying why, without a server. */
export function testEach(backends: Backend[], name: string, fn: (backend: Backend) => Promise<void>, options: { timeout?: number } = {}): void {
  for (const backend of backends) test(`${name} [${backend.name}]`, { ...options, skip: backend.skip }, () => fn(backend));
}
