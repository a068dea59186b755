/**
 * A throwaway PostgreSQL server for the tests and the benches: `initdb` into
 * a temporary folder and `pg_ctl start` on a free port of 127.0.0.1, stopped
 * and removed when the process exits. initdb and postgres refuse to run as
 * root: as root they run as the `postgres` user, in a folder it owns.
 * Durability is off (fsync, full-page writes): the server is thrown away.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
export async function startOwnServer(): Promise<{ address: string } | { why: string }> {
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
