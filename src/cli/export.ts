/**
 * `annals export`: every stored event that matches the filters, streamed in
 * insertion order to stdout as JSON Lines (the event record, as `annals code`
 * prints it) or CSV (the flat columns of the events table and the sentence).
 * Rows go out as the database yields them, waiting when stdout is slow, so
 * memory stays flat on any size of store. Parquet (see ./parquet.ts) is
 * binary and goes to a file only (`--out FILE`), in row groups.
 */
import { once } from "node:events";
import { openStore, ROW_COLUMNS, rowToEvent, type EventRow } from "../store/index.js";
import { parse, UsageError } from "./args.js";
import { csvLine } from "./csv.js";
import { gdeltLine } from "./gdelt.js";
import { writeParquet } from "./parquet.js";
import { FILTER_OPTIONS, FILTER_USAGE, toEventFilter } from "./event-filter.js";

export const EXPORT_USAGE = `annals export [--format jsonl|csv|gdelt | --format parquet --out FILE] ${FILTER_USAGE}`;

const FORMATS: Record<string, { header: string; row: (r: EventRow) => string }> = {
  jsonl: { header: "", row: (r) => JSON.stringify(rowToEvent(r)) + "\n" },
  // negated as true/false, as in JSON, so a spreadsheet or data frame reads it as a boolean
  csv: { header: csvLine(ROW_COLUMNS), row: (r) => csvLine(ROW_COLUMNS.map((c) => (c === "negated" ? r.negated === 1 : r[c]))) },
  // GDELT's own files have no header line; the 61 columns are those of its codebook, in order
  gdelt: { header: "", row: gdeltLine },
};

export async function runExport(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, { ...FILTER_OPTIONS, format: { type: "string", default: "jsonl" }, out: { type: "string" } });
  if (positionals.length) throw new UsageError(`export takes no files; give the database with --db, not "${positionals[0]}"`);
  if (values.format === "parquet") {
    if (!values.out || values.out === "-") throw new UsageError(`--format parquet is binary and needs a file: give --out FILE (it is never written to stdout)`);
    const filter = toEventFilter(values);
    const store = openStore(values.db, { readonly: true });
    try {
      writeParquet(() => store.exportRows(filter), values.out);
    } finally {
      store.close();
    }
    return 0;
  }
  const format = FORMATS[values.format];
  if (!format) throw new UsageError(`--format must be jsonl, csv, gdelt or parquet, not "${values.format}"`);
  if (values.out !== undefined) throw new UsageError(`--out is for --format parquet; ${values.format} goes to stdout (redirect it: > FILE)`);
  const filter = toEventFilter(values);
  const store = openStore(values.db, { readonly: true });
  try {
    let chunk = format.header;
    for (const row of store.exportRows(filter)) {
      chunk += format.row(row);
      if (chunk.length < 1 << 16) continue;
      const more = out.write(chunk);
      chunk = "";
      if (!more) await once(out, "drain");
    }
    if (chunk) out.write(chunk);
  } finally {
    store.close();
  }
  return 0;
}
