/**
 * A real PostgreSQL server for the tests, and a fresh database on it for each
 * test that asks, so tests stay independent however they run.
 *
 * The server is the one `ANNALS_TEST_POSTGRES` names (an address whose user
 * may create databases, as `.ci/run` sets it), else one started here for this
 * test file: `initdb` into a temporary folder and `pg_ctl start` on a free
 * port, listening on 127.0.0.1 only, stopped and removed when the process
 * exits. initdb and postgres refuse to run as root: as root they run as the
 * `postgres` user, in a folder it owns. Without a server binary, or when it
 * cannot start, `testPostgres()` says why and the tests that need it skip.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import pg from "pg";

export type TestPostgres = { skip: false; address: string; freshDatabase(): Promise<string> } | { skip: string };

/** The folder of the newest PostgreSQL server binaries on this machine, or null. */
function serverBinaries(): string | null {
  const fromPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (fromPath) return join(fromPath, "..");
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], "bin") : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a throwaway server; its address, or why it could not. */
async function startOwnServer(): Promise<{ address: string } | { why: string }> {
  const bin = serverBinaries();
  if (!bin) return { why: "no PostgreSQL server binaries (initdb) on this machine, and ANNALS_TEST_POSTGRES is not set" };
  const root = process.getuid?.() === 0;
  if (root && spawnSync("id", ["-u", "postgres"]).status !== 0) return { why: "running as root, and there is no postgres user to run the server as" };
  const dir = mkdtempSync(join(tmpdir(), "annals-pg-"));
  const run = (cmd: string, args: string[]) => (root ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { stdio: "pipe" }) : execFileSync(join(bin, cmd), args, { stdio: "pipe" }));
  const port = await freePort();
  try {
    if (root) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
      chownSync(dir, uid, gid);
    }
    run("initdb", ["-D", join(dir, "data"), "-A", "trust", "-U", "annals", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    // durability off: a test server is thrown away, and fsyncs would be most of its time
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run("pg_ctl", ["-D", join(dir, "data"), "-o", settings, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
  } catch (e) {
    const log = existsSync(join(dir, "log")) ? readFileSync(join(dir, "log"), "utf8").trim().split("\n").slice(-3).join(" / ") : "";
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    return { why: `the PostgreSQL server in ${bin} did not start: ${(err.stderr?.toString() || err.message).trim().split("\n")[0]}${log ? ` (${log})` : ""}` };
  }
  process.on("exit", () => {
    try {
      run("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "stop"]);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return { address: `postgres://annals@127.0.0.1:${port}/postgres` };
}

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
