/**
 * `annals export`: every stored event that matches the filters, streamed in
 * insertion order to stdout as JSON Lines (the event record, as `annals code`
 * prints it), CSV (the flat columns of the events table and the sentence) or
 * GDELT's columns (./export-formats.ts, which the server's downloads share).
 * Rows go out as the database yields them, waiting when stdout is slow, so
 * memory stays flat on any size of store. Parquet (see ./parquet.ts) is
 * binary and goes to a file only (`--out FILE`), in row groups.
 */
import { once } from "node:events";
import { openStore } from "../store/index.js";
import { parse, UsageError } from "./args.js";
import { exportChunks, isTextFormat, TEXT_FORMATS } from "./export-formats.js";
import { writeParquet } from "./parquet.js";
import { FILTER_OPTIONS, toEventFilter } from "./event-filter.js";
import { storeLocation } from "./store-option.js";

export async function runExport(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, { ...FILTER_OPTIONS, format: { type: "string", default: "jsonl" }, out: { type: "string" } });
  if (positionals.length) throw new UsageError(`export takes no files; give the database with --db, not "${positionals[0]}"`);
  if (values.format === "parquet") {
    if (!values.out || values.out === "-") throw new UsageError(`--format parquet is binary and needs a file: give --out FILE (it is never written to stdout)`);
    const filter = toEventFilter(values);
    const store = await openStore(storeLocation(values.db), { readonly: true });
    try {
      await writeParquet(() => store.exportRows(filter), values.out);
    } finally {
      await store.close();
    }
    return 0;
  }
  if (!isTextFormat(values.format)) throw new UsageError(`--format must be jsonl, csv, gdelt or parquet, not "${values.format}"`);
  if (values.out !== undefined) throw new UsageError(`--out is for --format parquet; ${values.format} goes to stdout (redirect it: > FILE)`);
  const filter = toEventFilter(values);
  const store = await openStore(storeLocation(values.db), { readonly: true });
  try {
    for await (const chunk of exportChunks(store.exportRows(filter), TEXT_FORMATS[values.format])) {
      if (!out.write(chunk)) await once(out, "drain");
    }
  } finally {
    await store.close();
  }
  return 0;
}
