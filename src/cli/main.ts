/** The `annals` command: one small module per subcommand. */
import { UsageError } from "./args.js";
import { CODE_USAGE, runCode } from "./code.js";
import { runDict } from "./dict.js";
import { EVAL_USAGE, runEval } from "./eval.js";
import { EXPORT_USAGE, runExport } from "./export.js";
import { INGEST_USAGE, runIngest } from "./ingest.js";
import { QUERY_USAGE, runQuery } from "./query.js";
import { RECODE_USAGE, runRecode } from "./recode.js";
import { runServe, SERVE_USAGE } from "./serve.js";
import { runStats, STATS_USAGE } from "./stats.js";
import { PARSE_USAGE, runParse } from "./parse.js";
import { StoreError } from "../store/index.js";

const USAGE = `usage:
  ${CODE_USAGE}
  ${INGEST_USAGE}
  ${RECODE_USAGE}
  ${QUERY_USAGE}
  ${STATS_USAGE}
  ${EXPORT_USAGE}
  ${SERVE_USAGE}
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
        return await runCode(rest, process.stdout, process.stderr);
      case "ingest":
        return await runIngest(rest, process.stderr);
      case "query":
        return runQuery(rest, process.stdout, process.stderr);
      case "recode":
        return await runRecode(rest, process.stderr);
      case "stats":
        return runStats(rest, process.stdout, process.stderr);
      case "export":
        return await runExport(rest, process.stdout);
      case "serve":
        return await runServe(rest, process.stdout, process.stderr);
      case "dict":
        return runDict(rest, process.stdout, process.stderr);
      case "parse":
        return runParse(rest, process.stdout, process.stderr);
      case "eval":
        return runEval(rest, process.stdout, process.stderr);
      case undefined:
      case "-h":
      case "--help":
      case "help":
        process.stdout.write(USAGE + "\n");
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`annals: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof StoreError) {
      // a database problem the user can act on: the message says what and where, no stack trace
      process.stderr.write(`annals: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
