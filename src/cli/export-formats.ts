/**
 * The text formats of `annals export`, shared with the server's downloads
 * (`GET /api/export`), so a file from either is the same byte for byte: JSON
 * Lines (the event record, as `annals code` prints it), CSV (the flat
 * columns of the events table and the sentence) and GDELT (./gdelt.ts).
 */
import { ROW_COLUMNS, rowToEvent, type EventRow } from "../store/index.js";
import { csvLine } from "./csv.js";
import { gdeltLine } from "./gdelt.js";

export interface TextFormat {
  /** What the file starts with (the CSV header line), or "". */
  header: string;
  row: (r: EventRow) => string;
}

export const TEXT_FORMATS = {
  jsonl: { header: "", row: (r) => JSON.stringify(rowToEvent(r)) + "\n" },
  // negated as true/false, as in JSON, so a spreadsheet or data frame reads it as a boolean
  csv: { header: csvLine(ROW_COLUMNS), row: (r) => csvLine(ROW_COLUMNS.map((c) => (c === "negated" ? r.negated === 1 : r[c]))) },
  // GDELT's own files have no header line; the 61 columns are those of its codebook, in order
  gdelt: { header: "", row: gdeltLine },
} satisfies Record<string, TextFormat>;

export type TextFormatName = keyof typeof TEXT_FORMATS;

export const isTextFormat = (name: string): name is TextFormatName => Object.hasOwn(TEXT_FORMATS, name);

/** The file as pieces of about 64 KB, made as they are asked for: rows are read only as fast as they are written out. */
export async function* exportChunks(rows: AsyncIterable<EventRow>, format: TextFormat): AsyncGenerator<string> {
  let chunk = format.header;
  for await (const row of rows) {
    chunk += format.row(row);
    if (chunk.length < 1 << 16) continue;
    yield chunk;
    chunk = "";
  }
  if (chunk) yield chunk;
}
