/**
 * `npm run digests:update`: rewrites test/digests/*.tsv from the coder's
 * present output, for a change of output that is meant (a dictionary entry,
 * a fix). A set whose inputs are absent here keeps its file as it is.
 * Review the diff: each changed line is a document whose events changed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { DIGEST_DIR, DIGEST_SETS, digestFile, digestLines } from "./output-digests.js";

mkdirSync(DIGEST_DIR, { recursive: true });
for (const set of DIGEST_SETS) {
  if (set.skip) {
    console.log(`${set.name}: kept as it is (${set.skip})`);
    continue;
  }
  const lines = digestLines(set.code());
  writeFileSync(digestFile(set), lines.join("\n") + "\n");
  console.log(`${set.name}: ${lines.length} documents written to ${digestFile(set)}`);
}
