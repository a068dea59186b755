/**
 * `GET /api/series`, `/api/top` and `/api/locations`: counts over the
 * filter. As `annals stats`, only asserted, non-negated events (and stated acts) count unless
 * `all=true`.
 */
import { Hono } from "hono";
import type { Period, TopKind } from "../../store/index.js";
import type { LocationsResponse, SeriesResponse, TopResponse } from "../api-types.js";
import type { ApiContext } from "../context.js";
import { jsonWithRows, params } from "../http.js";
import { FILTER_PARAMS } from "../params.js";

const PERIODS: readonly Period[] = ["day", "week", "month", "year"];
const KINDS: readonly TopKind[] = ["actors", "dyads"];
export const DEFAULT_TOP_ROWS = 20;

export function countRoutes(ctx: ApiContext): Hono {
  const app = new Hono();

  app.get("/series", async (c) => {
    const p = params(c, [...FILTER_PARAMS, "by", "all"]);
    const filter = p.filter();
    const by = p.oneOf("by", PERIODS, "month");
    const rows = await ctx.reads.stats(filter, { by, all: p.bool("all") === true });
    return jsonWithRows(c, { by } satisfies Omit<SeriesResponse, "rows">, rows);
  });

  app.get("/top", async (c) => {
    const p = params(c, [...FILTER_PARAMS, "kind", "limit", "all"]);
    const filter = p.filter();
    const kind = p.oneOf("kind", KINDS, "actors");
    const limit = p.int("limit", 1, ctx.limits.maxTopRows, DEFAULT_TOP_ROWS);
    const rows = await ctx.reads.top(filter, { kind, limit, all: p.bool("all") === true });
    return jsonWithRows(c, { kind } satisfies Omit<TopResponse, "rows">, rows);
  });

  app.get("/locations", async (c) => {
    const p = params(c, [...FILTER_PARAMS, "all"]);
    const filter = p.filter();
    const rows = await ctx.reads.locations(filter, { all: p.bool("all") === true });
    return jsonWithRows(c, {} satisfies Omit<LocationsResponse, "rows">, rows);
  });

  return app;
}
