/**
 * `annals stats`: counts and Goldstein totals by period and quad class, or
 * with `--top actors|dyads` the actors or dyads with the most events, for
 * the events the query filters take (asserted, non-negated ones and stated acts unless
 * `--all`). Both counts are given: events (mentions, one per report) and
 * distinct (date, source, target, code) tuples, the Phoenix one-a-day count.
 */
import { openStore, type Period, type StatsRow, type TopKind, type TopRow } from "../store/index.js";
import { parse, UsageError, wholeNumber } from "./args.js";
import { csvLine } from "./csv.js";
import { FILTER_OPTIONS, toEventFilter } from "./event-filter.js";
import { storeLocation } from "./store-option.js";

const PERIODS: Period[] = ["day", "week", "month", "year"];
const KINDS: TopKind[] = ["actors", "dyads"];

type Cell = string | number | null;
interface Output {
  columns: string[];
  rows: Cell[][];
  /** The same rows as records, for JSON Lines. */
  records: object[];
}

// sums of decimals carry float noise (-1.7999999999999998): three decimals is what Goldstein's scale means
const round = (x: number) => Math.round(x * 1000) / 1000;

function periodOutput(rows: StatsRow[]): Output {
  return {
    columns: ["period", "quad", "events", "distinct", "goldstein_total", "goldstein_mean"],
    rows: rows.map((r) => [r.period, r.quad, r.events, r.distinct, round(r.goldsteinTotal), round(r.goldsteinMean)]),
    records: rows.map((r) => ({ ...r, goldsteinTotal: round(r.goldsteinTotal), goldsteinMean: round(r.goldsteinMean) })),
  };
}

function topOutput(kind: TopKind, rows: TopRow[]): Output {
  const measures = (r: TopRow): Cell[] => [r.events, r.distinct, round(r.goldsteinTotal), round(r.goldsteinMean)];
  const tail = ["events", "distinct", "goldstein_total", "goldstein_mean"];
  if (kind === "actors") {
    return {
      columns: ["actor", ...tail],
      rows: rows.map((r) => [r.source, ...measures(r)]),
      records: rows.map((r) => ({ actor: r.source, events: r.events, distinct: r.distinct, goldsteinTotal: round(r.goldsteinTotal), goldsteinMean: round(r.goldsteinMean) })),
    };
  }
  return {
    columns: ["source", "target", ...tail],
    rows: rows.map((r) => [r.source, r.target, ...measures(r)]),
    records: rows.map((r) => ({ ...r, goldsteinTotal: round(r.goldsteinTotal), goldsteinMean: round(r.goldsteinMean) })),
  };
}

function render(o: Output, format: string): string {
  if (format === "jsonl") return o.records.map((r) => JSON.stringify(r) + "\n").join("");
  if (format === "csv") return csvLine(o.columns) + o.rows.map((r) => csvLine(r)).join("");
  const cells = [o.columns, ...o.rows.map((r) => r.map((c) => (c === null ? "-" : String(c))))];
  const widths = o.columns.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  // text left, numbers right
  return cells.map((r, k) => r.map((c, i) => (k > 0 && typeof o.rows[k - 1][i] === "number" ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd()).join("\n") + "\n";
}

export async function runStats(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...FILTER_OPTIONS,
    by: { type: "string", default: "month" },
    top: { type: "string" },
    limit: { type: "string", default: "10" },
    all: { type: "boolean" },
    format: { type: "string", default: "table" },
  });
  if (positionals.length) throw new UsageError(`stats takes no files; give the database with --db, not "${positionals[0]}"`);
  if (!PERIODS.includes(values.by as Period)) throw new UsageError(`--by must be day, week, month or year, not "${values.by}"`);
  if (values.top !== undefined && !KINDS.includes(values.top as TopKind)) throw new UsageError(`--top must be actors or dyads, not "${values.top}"`);
  if (!["table", "jsonl", "csv"].includes(values.format)) throw new UsageError(`--format must be table, jsonl or csv, not "${values.format}"`);
  const limit = wholeNumber("limit", values.limit, 1, 100_000);
  const filter = toEventFilter(values);
  const all = values.all === true;
  const store = await openStore(storeLocation(values.db), { readonly: true });
  let output: Output;
  try {
    output = values.top ? topOutput(values.top as TopKind, await store.top(filter, { kind: values.top as TopKind, limit, all })) : periodOutput(await store.stats(filter, { by: values.by as Period, all }));
  } finally {
    await store.close();
  }
  if (output.rows.length === 0 && values.format === "table") {
    err.write("no events match\n");
    return 0;
  }
  out.write(render(output, values.format));
  return 0;
}
