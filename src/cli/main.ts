/** The `annals` command: one small module per subcommand. */
import { HelpRequested, UsageError, wantsHelp } from "./args.js";
import { commandHelp, unknownCommand, usageOf } from "./help.js";
import { ANNALS_VERSION } from "./version.js";
import { StoreError } from "../store/store-error.js";
import { CODE_USAGE, EVAL_USAGE, EXPORT_USAGE, INGEST_USAGE, PARSE_USAGE, QUERY_USAGE, QUEUE_USAGE, RECODE_USAGE, SERVE_USAGE, STATS_USAGE, WORKER_USAGE } from "./usage.js";

// Each command's module is imported only when that command runs: `annals code` need not load the store,
// the server, the Parquet writer or the database drivers, which would cost every start a fifth of a second.
const USAGE = `usage:
  ${CODE_USAGE}
  ${INGEST_USAGE}
  ${RECODE_USAGE}
  ${QUERY_USAGE}
  ${STATS_USAGE}
  ${EXPORT_USAGE}
  ${SERVE_USAGE}
  ${QUEUE_USAGE}
  ${WORKER_USAGE}
  annals dict check [DIR]
  annals dict stats [DIR]
  annals dict import-petrarch FILES --out DIR
  ${EVAL_USAGE}
  ${PARSE_USAGE}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "code":
        return await (await import("./code.js")).runCode(rest, process.stdout, process.stderr);
      case "ingest":
        return await (await import("./ingest.js")).runIngest(rest, process.stderr);
      case "query":
        return await (await import("./query.js")).runQuery(rest, process.stdout, process.stderr);
      case "recode":
        return await (await import("./recode.js")).runRecode(rest, process.stderr);
      case "stats":
        return await (await import("./stats.js")).runStats(rest, process.stdout, process.stderr);
      case "export":
        return await (await import("./export.js")).runExport(rest, process.stdout);
      case "queue":
        return await (await import("./queue.js")).runQueue(rest, process.stdout, process.stderr);
      case "worker":
        return await (await import("./worker.js")).runWorker(rest, process.stderr);
      case "serve":
        return await (await import("./serve.js")).runServe(rest, process.stdout, process.stderr);
      case "dict":
        return (await import("./dict.js")).runDict(rest, process.stdout, process.stderr);
      case "parse":
        return (await import("./parse.js")).runParse(rest, process.stdout, process.stderr);
      case "eval":
        return (await import("./eval.js")).runEval(rest, process.stdout, process.stderr);
      case undefined:
      case "-h":
      case "--help":
      case "help":
        if (command === "help" && rest.length > 0) return await main([rest[0], "--help"]);
        process.stdout.write(`${USAGE}\n\n${MORE}\n`);
        return command === undefined ? 2 : 0;
      case "--version":
      case "-V":
        process.stdout.write(`annals ${ANNALS_VERSION}\n`);
        return 0;
      default:
        throw new UsageError(`${unknownCommand(command, USAGE)}\n\n${USAGE}\n\n${MORE}`);
    }
  } catch (e) {
    return problem(e, command ?? "", rest);
  }
}

const MORE = `annals COMMAND --help explains a command and each of its options; annals --version prints the version`;

/** What main says of an error thrown by a command: help, a usage error (2), or a problem the user can act on (1). Others are rethrown: bugs. */
function problem(e: unknown, command: string, rest: string[]): number {
  if (e instanceof HelpRequested || (e instanceof UsageError && wantsHelp(rest) && usageOf(command, USAGE).length > 0)) {
    process.stdout.write(commandHelp(command, USAGE, e instanceof HelpRequested ? e.options : []));
    return 0;
  }
  if (e instanceof UsageError) {
    const own = usageOf(command, USAGE);
    // an unknown command's message carries the whole usage; a command's error shows that command's usage
    process.stderr.write(`annals: ${e.message}\n${own.length ? `usage: ${own.join("\n       ")}\n(annals ${command} --help explains each option)\n` : ""}`);
    return 2;
  }
  if (e instanceof StoreError) {
    // a database problem the user can act on: the message says what and where, no stack trace
    process.stderr.write(`annals: ${e.message}\n`);
    return 1;
  }
  const io = e as NodeJS.ErrnoException;
  if (io instanceof Error && typeof io.path === "string" && io.code && FILE_PROBLEMS[io.code]) {
    // a file or folder named on the command line that is not there, or not readable: its path and why
    process.stderr.write(`annals: ${io.path}: ${FILE_PROBLEMS[io.code]}\n`);
    return 1;
  }
  throw e;
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory, not a file",
  ENOTDIR: "is not a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
};

/**
 * What the user sees of a bug: its message and how to report it; the stack
 * trace only with ANNALS_DEBUG=1.
 */
export function internalError(e: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (env.ANNALS_DEBUG === "1") return `annals: internal error: ${e instanceof Error && e.stack ? e.stack : String(e)}\n`;
  const what = e instanceof Error ? `${e.name === "Error" ? "" : e.name + ": "}${e.message}` : String(e);
  return `annals: internal error: ${what}\n(a bug in annals: please report it with the command that gave it; ANNALS_DEBUG=1 shows where it happened)\n`;
}
