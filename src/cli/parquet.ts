/**
 * `annals export --format parquet --out FILE`: the CSV export's columns (one
 * per field of the event, actors, verb and location spread out, and the
 * sentence) as an Apache Parquet file, typed so a data frame needs no parsing:
 * CAMEO codes and every other code stay strings (leading zeros kept), `date` is
 * a Parquet DATE, offsets and the quad class INT32, Goldstein, confidence and
 * coordinates DOUBLE, `negated` BOOLEAN; a field the event lacks is null.
 *
 * Written with hyparquet-writer (MIT, by Hyperparam, the authors of the
 * hyparquet reader it builds on). Why it and not another:
 * - pure JavaScript with one dependency (hyparquet) and no install script:
 *   ~1 MB installed, nothing native to build, nothing fetched at install or
 *   run time, so it installs from the npm registry alone on any machine;
 * - maintained: frequent releases, and it writes current Parquet (v2 footer,
 *   statistics, page indexes, snappy) that DuckDB, Arrow, pandas and Polars read;
 * - it writes a file row group by row group through a flushing file writer,
 *   which is what a streaming export needs.
 * The alternatives: @duckdb/node-api is a whole prebuilt native database
 * engine (tens of MB per platform) for a job that is only writing a file;
 * parquet-wasm needs apache-arrow tables and a large WASM module;
 * @dsnp/parquetjs pulls in the AWS SDK, thrift and bson. The tests read the
 * file back with hyparquet (a devDependency pinned to the version the writer
 * depends on).
 *
 * Memory stays flat on any size of store: rows are taken from the database as
 * it yields them and written out every `rowGroupSize` rows (50,000), each row
 * group encoded and flushed to disk before the next is read. The file is
 * written beside FILE under a temporary name and renamed when complete, so a
 * failed export never leaves a truncated Parquet file behind.
 */
import { renameSync, rmSync } from "node:fs";
import { fileWriter, ParquetWriter, type ColumnSource, type SchemaElement } from "hyparquet-writer";
import { ROW_COLUMNS, StoreError, type EventRow } from "../store/index.js";

export const PARQUET_ROW_GROUP = 50_000;

type Column = (typeof ROW_COLUMNS)[number];
type Kind = "string" | "int" | "double" | "bool" | "date";

// the events table's types; a column that is NOT NULL there is REQUIRED here
const STRING = { kind: "string", required: true } as const;
const OPT_STRING = { kind: "string", required: false } as const;
const INT = { kind: "int", required: true } as const;
const OPT_INT = { kind: "int", required: false } as const;
const DOUBLE = { kind: "double", required: true } as const;
const OPT_DOUBLE = { kind: "double", required: false } as const;
const actor = (side: "source" | "target") =>
  ({
    [`${side}_code`]: OPT_STRING,
    [`${side}_country`]: OPT_STRING,
    [`${side}_sectors`]: OPT_STRING,
    [`${side}_name`]: OPT_STRING,
    [`${side}_text`]: OPT_STRING,
    [`${side}_start`]: OPT_INT,
    [`${side}_end`]: OPT_INT,
  }) as Record<`${typeof side}_${"code" | "country" | "sectors" | "name" | "text" | "start" | "end"}`, { kind: Kind; required: boolean }>;

/** Every export column's Parquet type: a column added to ROW_COLUMNS without one here does not compile. */
const TYPES: Record<Column, { kind: Kind; required: boolean }> = {
  id: STRING,
  doc: STRING,
  sentence: INT,
  date: { kind: "date", required: false },
  ...actor("source"),
  ...actor("target"),
  code: STRING,
  root: STRING,
  quad: INT,
  goldstein: DOUBLE,
  plover: STRING,
  verb_text: STRING,
  verb_start: INT,
  verb_end: INT,
  negated: { kind: "bool", required: true },
  mood: STRING,
  intended_code: OPT_STRING,
  location_name: OPT_STRING,
  location_country: OPT_STRING,
  location_lat: OPT_DOUBLE,
  location_lon: OPT_DOUBLE,
  issues: STRING,
  rule: STRING,
  confidence: DOUBLE,
  text: STRING,
};

function schemaElement(name: Column): SchemaElement {
  const { kind, required } = TYPES[name];
  const repetition_type = required ? "REQUIRED" : "OPTIONAL";
  switch (kind) {
    case "string":
      return { name, type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" }, repetition_type };
    case "int":
      return { name, type: "INT32", repetition_type };
    case "double":
      return { name, type: "DOUBLE", repetition_type };
    case "bool":
      return { name, type: "BOOLEAN", repetition_type };
    case "date":
      return { name, type: "INT32", converted_type: "DATE", logical_type: { type: "DATE" }, repetition_type };
  }
}

/** The Parquet schema of the export: a flat message of ROW_COLUMNS, in order. */
export const PARQUET_SCHEMA: SchemaElement[] = [{ name: "annals_event", num_children: ROW_COLUMNS.length }, ...ROW_COLUMNS.map(schemaElement)];

const DAY_MS = 86_400_000;

/** A stored `YYYY-MM-DD` as Parquet's DATE: days since 1970-01-01. */
function days(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`event date "${date}" is not YYYY-MM-DD`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function cell(kind: Kind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (kind === "date") return days(v as string);
  if (kind === "bool") return v === 1 || v === true;
  return v;
}

/**
 * Writes the rows of `rows()` to `path` as Parquet, `rowGroupSize` rows at a
 * time, and returns how many were written. `rows` is called only once the
 * file is open, so a file that cannot be created never leaves a database
 * query open behind it. An error in writing (a missing folder, a
 * full disk) is a StoreError naming the file, so the command line reports it
 * without a stack trace.
 */
export async function writeParquet(rows: () => AsyncIterable<EventRow>, path: string, rowGroupSize = PARQUET_ROW_GROUP): Promise<number> {
  const partial = `${path}.${process.pid}.partial`;
  const ioError = (e: unknown) => {
    const err = e as NodeJS.ErrnoException;
    return typeof err?.code === "string" && typeof err.syscall === "string" ? new StoreError(`cannot write ${path} (${err.message})`) : e;
  };
  let count = 0;
  try {
    const pq = new ParquetWriter({ writer: fileWriter(partial), schema: PARQUET_SCHEMA, createdBy: "annals" });
    const kinds = ROW_COLUMNS.map((c) => TYPES[c].kind);
    let columns: unknown[][] = ROW_COLUMNS.map(() => []);
    let pending = 0;
    const flush = () => {
      const columnData: ColumnSource[] = ROW_COLUMNS.map((name, i) => ({ name, data: columns[i] }));
      void pq.write({ columnData, rowGroupSize: pending }); // the file writer is synchronous: nothing to await
      columns = ROW_COLUMNS.map(() => []);
      pending = 0;
    };
    for await (const row of rows()) {
      for (let i = 0; i < ROW_COLUMNS.length; i++) columns[i].push(cell(kinds[i], row[ROW_COLUMNS[i]]));
      count++;
      if (++pending === rowGroupSize) flush();
    }
    if (pending) flush();
    void pq.finish();
    renameSync(partial, path);
  } catch (e) {
    rmSync(partial, { force: true });
    throw ioError(e);
  }
  return count;
}
