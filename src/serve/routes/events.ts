/** `GET /api/events` (filtered, sorted, keyset-paged, with the total) and `GET /api/events/:id`. */
import { Hono } from "hono";
import type { EventCount, StoredEvent } from "../../store/index.js";
import type { ApiEvent, EventResponse, EventsResponse } from "../api-types.js";
import type { ApiContext } from "../context.js";
import { decodeCursor, encodeCursor, SORTS, toSort } from "../cursor.js";
import { notFound } from "../errors.js";
import { params } from "../http.js";
import { FILTER_PARAMS } from "../params.js";
import { QueryTimeout } from "../read-pool.js";

export const DEFAULT_EVENTS_PAGE = 50;

export const apiEvent = (s: StoredEvent): ApiEvent => ({ ...s.event, sentenceStart: s.sentenceStart });

export function eventRoutes(ctx: ApiContext): Hono {
  const app = new Hono();

  app.get("/events", async (c) => {
    const p = params(c, [...FILTER_PARAMS, "sort", "limit", "cursor"]);
    const filter = p.filter();
    const sort = p.oneOf("sort", SORTS, "date");
    const limit = p.int("limit", 1, ctx.limits.maxEventsPage, DEFAULT_EVENTS_PAGE);
    const cursor = p.get("cursor");
    const after = cursor ? decodeCursor(cursor, sort) : null;
    // the page and the total read side by side; a count past the time limit leaves the total unknown, not the page unread
    const counting = ctx.reads.countEvents(filter, ctx.limits.eventsTotal).catch((e: unknown): EventCount | null => {
      if (e instanceof QueryTimeout) return null;
      throw e;
    });
    // one more than asked: is there a next page?
    const [rows, total] = await Promise.all([ctx.reads.eventsAfter(filter, { after, limit: limit + 1, sort: toSort(sort) }), counting]);
    const page = rows.slice(0, limit);
    const body: EventsResponse = { events: page.map(apiEvent), next: rows.length > limit ? encodeCursor(sort, page[page.length - 1].key) : null, total };
    return c.json(body);
  });

  app.get("/events/:id", async (c) => {
    params(c, []);
    const id = c.req.param("id");
    const found = await ctx.reads.getEvent(id);
    if (!found) throw notFound(`no event with id "${id}"`);
    return c.json({ event: apiEvent(found) } satisfies EventResponse);
  });

  return app;
}
