#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// A reader that stops early ("annals code ... | head") is not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`annals: internal error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 1;
  },
);
