/** `GET /api/health` and `GET /api/openapi.json`. */
import { Hono } from "hono";
import type { HealthResponse } from "../api-types.js";
import type { ApiContext } from "../context.js";
import { params } from "../http.js";
import { openApiDocument } from "../openapi.js";

export function metaRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  const openapi = openApiDocument(ctx);

  app.get("/health", async (c) => {
    params(c, []);
    const counts = await ctx.reads.counts();
    return c.json({ ok: true, annals: ctx.annalsVersion, counts, writes: ctx.token !== null && ctx.writable !== null } satisfies HealthResponse);
  });

  app.get("/openapi.json", (c) => {
    params(c, []);
    return c.json(openapi);
  });

  return app;
}
