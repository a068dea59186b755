/**
 * `GET /api/export?<filter>&format=jsonl|csv|gdelt`: every matching event
 * as a file to download, the same bytes `annals export` writes for the same
 * filter and format (./../exports.ts streams it).
 */
import { Hono } from "hono";
import type { TextFormatName } from "../../cli/export-formats.js";
import type { ApiError } from "../api-types.js";
import type { ApiContext } from "../context.js";
import { ExportsBusy } from "../exports.js";
import { params } from "../http.js";
import { FILTER_PARAMS } from "../params.js";

/** Each format's media type and file name. */
export const EXPORT_FILES: Record<TextFormatName, { type: string; file: string }> = {
  jsonl: { type: "application/x-ndjson; charset=utf-8", file: "annals-events.jsonl" },
  csv: { type: "text/csv; charset=utf-8", file: "annals-events.csv" },
  gdelt: { type: "text/tab-separated-values; charset=utf-8", file: "annals-events-gdelt.tsv" },
};
const FORMATS = Object.keys(EXPORT_FILES) as TextFormatName[];

export function exportRoutes(ctx: ApiContext): Hono {
  const app = new Hono();

  app.get("/export", async (c) => {
    const p = params(c, [...FILTER_PARAMS, "format"]);
    const filter = p.filter();
    const format = p.oneOf("format", FORMATS, "jsonl");
    let body: ReadableStream<Uint8Array>;
    try {
      body = await ctx.exports.stream(filter, format);
    } catch (e) {
      if (!(e instanceof ExportsBusy)) throw e;
      c.header("Retry-After", "5");
      return c.json({ error: e.message } satisfies ApiError, 429);
    }
    const { type, file } = EXPORT_FILES[format];
    return c.body(body, 200, { "Content-Type": type, "Content-Disposition": `attachment; filename="${file}"`, "Cache-Control": "no-store" });
  });

  return app;
}
