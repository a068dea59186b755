/**
 * `annals serve`: the HTTP API and the web page over an event store, on
 * 127.0.0.1 unless told otherwise. The store is opened read-only unless a
 * token is given (`--token` or `ANNALS_TOKEN`): only then can
 * `POST /api/documents` write, and only with the token. Runs until SIGINT
 * or SIGTERM, then closes the store.
 */
import { startServer } from "../serve/server.js";
import { parse, UsageError } from "./args.js";
import { ANNALS_VERSION, codingVersion } from "./ingest.js";
import { storeLocation } from "./store-option.js";

export async function runServe(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: "string" },
    port: { type: "string", default: "8080" },
    host: { type: "string", default: "127.0.0.1" },
    token: { type: "string" },
    dict: { type: "string" },
  });
  if (positionals.length) throw new UsageError(`serve takes no files; give the database with --db, not "${positionals[0]}"`);
  const port = /^\d+$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port must be a port number from 0 (any free port) to 65535, not "${values.port}"`);
  const token = values.token ?? (process.env.ANNALS_TOKEN?.trim() || null);
  // a guessable token is no lock: refuse it rather than serve writes behind it
  if (token !== null && token.length < 8) throw new UsageError(`${values.token !== undefined ? "--token" : "ANNALS_TOKEN"} must be at least 8 characters`);

  let server;
  try {
    server = await startServer({
      db: storeLocation(values.db),
      port,
      host: values.host,
      token,
      dictDir: values.dict,
      annalsVersion: ANNALS_VERSION,
      codingVersion: (dictVersion) => codingVersion(dictVersion, { requireDyad: true, useParse: false }),
      log: (m) => err.write(m + "\n"),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
      const why = code === "EADDRINUSE" ? "is in use (another annals serve?): pick another --port, or --port 0 for any free one" : code === "EACCES" ? "needs privileges: use a port above 1023" : "is not an address of this machine";
      err.write(`annals: cannot listen on ${values.host}:${port}: ${code === "EADDRNOTAVAIL" ? "the host" : "the port"} ${why}\n`);
      return 1;
    }
    throw e;
  }
  out.write(`annals serve: ${server.url} (${server.events} events)\n`);
  err.write(token ? "annals serve: writes on: POST /api/documents needs the token\n" : "annals serve: read-only (writes are off: start with --token to allow POST /api/documents)\n");
  if (values.host !== "127.0.0.1" && values.host !== "localhost" && values.host !== "::1") err.write(`annals serve: listening on ${values.host}: reachable from other machines\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await server.close();
  err.write("annals serve: stopped\n");
  return 0;
}
