/**
 * The connection pool to a PostgreSQL store (node-postgres), and the
 * failures a user can act on (no server, a wrong password, no such
 * database, no right to write) as a `StoreError` naming the server: the
 * command line prints it and exits 1, never a stack trace.
 *
 * Big integers (`count(*)`, the `seq` of an event) come back as numbers, not
 * strings: no count of events or sequence number of a store comes near 2^53.
 */
import pg from "pg";
import { StoreError } from "../errors.js";

export interface PoolOptions {
  /** Every transaction read-only (`annals query`, `serve` without a token): the server refuses writes. */
  readonly: boolean;
  /** Connections at most. */
  max: number;
  /** Milliseconds a statement may run before the server cancels it; none when absent. */
  statementTimeoutMs?: number;
}

const toNumber = (value: string) => Number(value);
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return toNumber;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function createPool(address: string, options: PoolOptions): pg.Pool {
  const settings = [options.readonly ? "-c default_transaction_read_only=on" : "", options.statementTimeoutMs ? `-c statement_timeout=${Math.round(options.statementTimeoutMs)}` : ""].filter(Boolean).join(" ");
  const pool = new pg.Pool({ connectionString: address, max: options.max, types, options: settings || undefined, application_name: "annals", idleTimeoutMillis: 10_000 });
  // an idle connection the server drops (a restart) must not end the process; the next query reconnects
  pool.on("error", () => {});
  return pool;
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET", "ENETUNREACH"]);

/** The StoreError a PostgreSQL failure on `location` means, or null when it is not one a user can act on. */
export function explainPostgresError(e: unknown, location: string): StoreError | null {
  if (!(e instanceof Error)) return null;
  const code = (e as { code?: string }).code ?? "";
  if (CONNECTION_CODES.has(code)) return new StoreError(`cannot reach the PostgreSQL server of ${location} (${e.message}): is it running, and is the address right?`);
  if (code === "28P01" || code === "28000") return new StoreError(`the PostgreSQL server of ${location} refused the login (${e.message}): check the user and password in the address`);
  if (code === "3D000") return new StoreError(`${e.message} on the server of ${location}: create it first (createdb), annals creates its tables itself`);
  if (code === "42501") return new StoreError(`not allowed on ${location} (${e.message}): the user needs the right to create tables and write`);
  if (code === "25006") return new StoreError(`${location} was opened read-only (${e.message})`);
  if (code === "57014") return new StoreError(`a query on ${location} was cancelled: it took longer than allowed (${e.message})`);
  if (code === "53100") return new StoreError(`the disk of the PostgreSQL server of ${location} is full (${e.message})`);
  if (code === "53300") return new StoreError(`the PostgreSQL server of ${location} has no free connection (${e.message}): raise max_connections or run fewer processes`);
  if (code.startsWith("08") || code === "57P01" || code === "57P03") return new StoreError(`the connection to ${location} failed (${e.message})`);
  if (/^self[- ]signed|certificate|SSL|password authentication/i.test(e.message)) return new StoreError(`cannot connect to ${location}: ${e.message}`);
  return null;
}

/** Runs `fn`, turning the PostgreSQL failures a user can act on into a StoreError about `location`. */
export async function guarded<T>(location: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw explainPostgresError(e, location) ?? e;
  }
}

/** `?` placeholders (the shared SQL's) numbered `$1, $2, ...` as PostgreSQL wants them; the SQL holds no other `?`. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Runs `fn` in one transaction on one connection of the pool: committed when it returns, rolled back when it throws.
 * `begin` opens it (a read that must see one snapshot asks for `BEGIN ... REPEATABLE READ READ ONLY`).
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    failed = true;
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    // a connection that failed mid-way (a broken COPY) is closed rather than handed out again
    client.release(failed);
  }
}
