/** `annals serve` as users start it: the built command in a child process, on a free port, read from what it prints. */
import { spawn } from "node:child_process";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "..", "..", "bin", "annals.js");

export interface AnnalsServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  close(): Promise<void>;
}

export function startAnnalsServe(db: string, extra: string[] = []): Promise<AnnalsServer> {
  const child = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", "0", ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`annals serve exited with ${code} before listening:\n${err}`)));
    child.stdout.on("data", (d) => {
      out += d;
      const m = /annals serve: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (!m) return;
      child.stdout.removeAllListeners("data");
      child.stdout.resume();
      resolve({
        url: m[1],
        close: async () => {
          child.kill("SIGTERM");
          await exited;
        },
      });
    });
  });
}
