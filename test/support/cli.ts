/** `annals` run as a user runs it: the built command in a child process. */
import { spawn } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const BIN = join(ROOT, "bin", "annals.js");

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `annals ARGS` in a child process; many run at once. */
export function runAnnals(args: string[], options: { env?: NodeJS.ProcessEnv; node?: string[] } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(options.node ?? []), BIN, ...args], { cwd: ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
