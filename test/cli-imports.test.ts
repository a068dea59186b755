import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const BIN = join(import.meta.dirname, "..", "bin", "annals.js");

/** Every module (ES or package entry) a run of the command loads, as URLs, seen by a module loader hook. */
function modulesLoadedBy(args: string[], input: string): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "annals-imports-"));
  const log = join(dir, "loaded.txt");
  writeFileSync(log, "");
  writeFileSync(join(dir, "hooks.mjs"), `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + "\\n"); return next(url, context); }\n`);
  writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});\n`);
  const run = spawnSync(process.execPath, ["--import", pathToFileURL(join(dir, "register.mjs")).href, BIN, ...args], { input, encoding: "utf8" });
  const loaded = readFileSync(log, "utf8").split("\n").filter(Boolean);
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, loaded };
}

/** The store, the server, the other commands, the Parquet writer and the database drivers. */
const NOT_FOR_CODE = /\/dist\/(store\/(?!store-error\.js)|serve\/)|\/dist\/cli\/(ingest|recode|query|stats|export|parquet|serve|queue|worker|dict|eval|parse)\.js|\/node_modules\/(pg|pg-[a-z-]+|better-sqlite3|hyparquet-writer|hono|@hono\/[a-z-]+)\//;

test("annals code loads its own command's modules, not the store, the server, Parquet or a database driver", () => {
  const run = modulesLoadedBy(["code", "--lines"], "Xi Jinping met Vladimir Putin in Moscow.\n");
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /"code":"040"/);
  assert.ok(run.loaded.some((u) => u.endsWith("/dist/cli/code.js")), "the hook sees the modules that load");
  assert.deepEqual(run.loaded.filter((u) => NOT_FOR_CODE.test(u)), []);
});

test("annals --help loads no command at all", () => {
  const run = modulesLoadedBy(["--help"], "");
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /annals code/);
  assert.deepEqual(run.loaded.filter((u) => /\/dist\/(cli\/(code|ingest|query|export|serve)\.js|core\/|store\/(?!store-error\.js))/.test(u)), []);
});
