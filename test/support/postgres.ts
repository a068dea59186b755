/**
 * A real PostgreSQL server for the tests, and a fresh database on it for each
 * test that asks, so tests stay independent however they run.
 *
 * The server is the one `ANNALS_TEST_POSTGRES` names (an address whose user
 * may create databases, as `.ci/run` sets it), else one started here for this
 * test file (./postgres-server.ts), stopped and removed when the process
 * exits. Without a server binary, or when it cannot start, `testPostgres()`
 * says why and the tests that need it skip.
 */
import { after } from "node:test";
import pg from "pg";
import { startOwnServer } from "./postgres-server.js";

export type TestPostgres = { skip: false; address: string; freshDatabase(): Promise<string> } | { skip: string };

let server: Promise<TestPostgres> | null = null;

/** The test server (started on first use), or why there is none. */
export function testPostgres(): Promise<TestPostgres> {
  server ??= connect();
  return server;
}

async function connect(): Promise<TestPostgres> {
  const given = process.env.ANNALS_TEST_POSTGRES?.trim();
  const started = given ? { address: given } : await startOwnServer();
  if ("why" in started) return { skip: started.why };
  const admin = new pg.Client({ connectionString: started.address });
  try {
    await admin.connect();
  } catch (e) {
    return { skip: `cannot connect to the PostgreSQL server at ${redact(started.address)}: ${(e as Error).message}` };
  }
  const created: string[] = [];
  after(async () => {
    // a database a test left open is closed with it; the server itself (when started here) goes at exit
    if (given) for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  });
  return {
    skip: false,
    address: started.address,
    async freshDatabase() {
      const name = `annals_test_${process.pid}_${created.length}_${Math.random().toString(36).slice(2, 8)}`;
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
      created.push(name);
      const url = new URL(started.address);
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}

/** An address without its password, for messages. */
const redact = (address: string) => address.replace(/:\/\/([^:@/]+):[^@/]*@/, "://$1:***@");
