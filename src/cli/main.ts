/** The `annals` command: one small module per subcommand. */
import { UsageError } from "./args.js";
import { CODE_USAGE, runCode } from "./code.js";
import { runDict } from "./dict.js";
import { runEval } from "./eval.js";

const USAGE = `usage:
  ${CODE_USAGE}
  annals dict check [DIR]
  annals dict stats [DIR]
  annals dict import-petrarch FILES --out DIR
  annals eval petrarch FILE [--use-parse] [--show-failures]`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "code":
        return await runCode(rest, process.stdout, process.stderr);
      case "dict":
        return runDict(rest, process.stdout, process.stderr);
      case "eval":
        return runEval(rest, process.stdout);
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
    throw e;
  }
}
