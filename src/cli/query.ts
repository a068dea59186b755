/**
 * `annals query`: stored events that match the filters, in date order, as a
 * table for people or as JSON Lines (the event record) for tools. `--limit`
 * and `--offset` page through; the table says when there is more.
 */
import type { Event } from "../core/index.js";
import { openStore } from "../store/index.js";
import { parse, UsageError, wholeNumber } from "./args.js";
import { FILTER_OPTIONS, toEventFilter } from "./event-filter.js";
import { storeLocation } from "./store-option.js";

const TABLE_COLUMNS = ["date", "source", "target", "code", "quad", "goldstein", "plover", "flags", "where", "sentence"] as const;
const SENTENCE_WIDTH = 80;

/** A page is held in memory whole: larger ones are for annals export, which streams. */
export const MAX_PAGE = 100_000;

function cells(e: Event): string[] {
  const flags = [e.mood !== "asserted" ? e.mood : "", e.negated ? "negated" : ""].filter(Boolean).join(",");
  const sentence = e.text.replace(/\s+/g, " ");
  return [
    e.date ?? "-",
    e.source?.code ?? "-",
    e.target?.code ?? "-",
    e.code,
    String(e.quad),
    String(e.goldstein),
    e.plover,
    flags || "-",
    `${e.doc}:${e.sentence}`,
    sentence.length > SENTENCE_WIDTH ? sentence.slice(0, SENTENCE_WIDTH - 1) + "…" : sentence,
  ];
}

/** Columns padded to their widest cell; the last one is left ragged. */
export function table(events: Event[]): string {
  const rows = [[...TABLE_COLUMNS] as string[], ...events.map(cells)];
  const widths = TABLE_COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  ")).join("\n") + "\n";
}

export async function runQuery(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, { ...FILTER_OPTIONS, limit: { type: "string", default: "100" }, offset: { type: "string", default: "0" }, format: { type: "string", default: "table" } });
  if (positionals.length) throw new UsageError(`query takes no files; give the database with --db, not "${positionals[0]}"`);
  if (!["table", "jsonl"].includes(values.format)) throw new UsageError(`--format must be table or jsonl, not "${values.format}"`);
  const limit = wholeNumber("limit", values.limit, 1, MAX_PAGE, " (annals export gives them all)");
  const offset = wholeNumber("offset", values.offset, 0, 1_000_000_000_000_000);
  const filter = toEventFilter(values);
  const store = await openStore(storeLocation(values.db), { readonly: true });
  let events: Event[];
  try {
    events = await store.query(filter, { limit: limit + 1, offset }); // one more than asked: is there a next page?
  } finally {
    await store.close();
  }
  const more = events.length > limit;
  if (more) events = events.slice(0, limit);
  if (values.format === "jsonl") {
    for (const e of events) out.write(JSON.stringify(e) + "\n");
    if (more) err.write(`more events with --offset ${offset + limit}\n`);
    return 0;
  }
  if (events.length === 0) {
    err.write("no events match\n");
    return 0;
  }
  out.write(table(events));
  err.write(`${events.length} events${more ? `; more with --offset ${offset + limit}` : ""}\n`);
  return 0;
}
