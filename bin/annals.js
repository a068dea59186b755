#!/usr/bin/env node
import { internalError, main } from "../dist/cli/main.js";

// A reader that stops early ("annals code ... | head") is not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

// a bug shows its message, not a stack trace, unless ANNALS_DEBUG=1
const bug = (e) => {
  process.stderr.write(internalError(e));
  process.exitCode = 1;
};
process.on("uncaughtException", (e) => {
  bug(e);
  process.exit(1);
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, bug);
