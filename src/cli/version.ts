/** annals' own version, recorded with each run and printed by `annals --version`. */
import { readFileSync } from "node:fs";

export const ANNALS_VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
