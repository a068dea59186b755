/** The options every coding command shares (code, ingest, recode): declared and checked in one place. */
import { normalizeDate, type CodeOptions } from "../core/index.js";
import { UsageError, wholeNumber } from "./args.js";

export const CODING_ARGS = {
  lines: { type: "boolean" },
  date: { type: "string" },
  dict: { type: "string" },
  "max-chars": { type: "string" },
  "no-require-dyad": { type: "boolean" },
  "use-parse": { type: "boolean" },
} as const;

export interface CodingArgs {
  lines?: boolean;
  date?: string;
  dict?: string;
  "max-chars"?: string;
  "no-require-dyad"?: boolean;
  "use-parse"?: boolean;
}

/** The input date (`--date`) and the coder's options; a usage error names the bad flag. */
export function codingOptions(values: CodingArgs): { date: string | null; options: CodeOptions } {
  let date: string | null = null;
  if (values.date !== undefined) {
    date = normalizeDate(values.date);
    if (!date) throw new UsageError(`--date "${values.date}" is not a real date (YYYY-MM-DD)`);
  }
  const maxChars = values["max-chars"] !== undefined ? wholeNumber("max-chars", values["max-chars"], 1, 100_000_000, " characters") : undefined;
  return { date, options: { maxChars, requireDyad: !values["no-require-dyad"], useParse: values["use-parse"] === true } };
}
